import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { MAX_COLUMN_CARDS, MAX_SUGGESTED_COLUMNS } from '../../config/limits';
import { useForm, useWatch } from 'react-hook-form';
import {
  customFieldKey,
  customFieldName,
  isCustomFieldKey,
} from '../../domain/mapping/custom-fields';
import {
  checkMappingRules,
  mappingNotes,
  type ColumnMapping,
  type FieldSource,
} from '../../domain/mapping/mapping';
import {
  createMappingFormSchema,
  type MappingFormValue,
} from '../../domain/mapping/mapping-schema';
import { applySavedMapping, type SavedMapping } from '../../domain/mapping/saved-mappings';
import { checkColumnFit } from '../../domain/mapping/sniff-values';
import { suggestConstants } from '../../domain/mapping/suggest-constants';
import {
  CHANNEL_KEYS,
  CONTACT_FIELDS,
  findContactField,
  groupedFields,
  type ContactField,
} from '../../domain/whispir/contact-fields';
import type { FileSummary } from '../../worker/protocol';
import type { StepHeading } from '../step-props';
import { ColumnCard, ColumnCardBody } from './column-card';
import {
  automaticMapping,
  columnSamples,
  columnValues,
  fileSuggestions,
  openingMapping,
  rememberedMapping,
} from './column-samples';
import { CustomFieldAdder } from './custom-field-adder';
import { FieldTarget, type TargetField } from './field-target';
import { SavedMappingsBar } from './saved-mappings-bar';
import { useKeyboardMove } from './use-keyboard-move';
import {
  AUTOMATIC_PREFIX,
  loadSavedMappings,
  storeSavedMappings,
  upsertSavedMapping,
} from './saved-mappings-store';
import { StepActions } from '../step-actions';

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly initialMapping: ColumnMapping | undefined;
  readonly initialCustomFields: readonly string[] | undefined;
  readonly onBack: () => void;
  readonly onContinue: (mapping: ColumnMapping, customFields: readonly string[]) => void;
  /** Starts checking every row with this mapping in the background; stops on the signal. */
  readonly onCheckAhead?: (mapping: ColumnMapping, signal: AbortSignal) => void;
}

/**
 * What every contact needs: these four (a column, or one value for every row; Time zone may be
 * left to the review, which works one out for each row), and an email or mobile.
 */
const REQUIRED_SECTION = ['firstName', 'lastName', 'workCountry', 'timezone'];
/**
 * Any one of these is enough. Whispir's import also wants the Work mobile key in its field
 * mapping: when nothing feeds it, the wizard sends it an empty column (see `submit`).
 */
const CHANNEL_SECTION = [
  'workEmailAddress1',
  'workMobilePhone1',
  'personalEmailAddress1',
  'personalMobilePhone1',
];
const HINTS: Readonly<Record<string, string>> = {
  timezone:
    'Whispir needs one for every contact. Without a column, the review works it out for each row.',
};
const SHOW_KEYS_STORAGE = 'whispir-import.show-field-names';
const loadShowKeys = () => {
  try {
    return localStorage.getItem(SHOW_KEYS_STORAGE) === 'yes';
  } catch {
    return false;
  }
};
const storeShowKeys = (show: boolean) => {
  try {
    localStorage.setItem(SHOW_KEYS_STORAGE, show ? 'yes' : 'no');
  } catch {
    // Storage disabled: the choice lasts as long as the page.
  }
};
const hasValue = (source: FieldSource | undefined) =>
  source?.kind === 'column' || (source?.kind === 'constant' && source.value.trim().length > 0);
const pickFields = (keys: readonly string[]) =>
  keys.map((key) => findContactField(key)).filter((field): field is ContactField => Boolean(field));
const columnId = (index: number) => `column-${index}`;
const labelOf = (key: string) =>
  findContactField(key)?.label ??
  (isCustomFieldKey(key) ? `${customFieldName(key)} (custom)` : key);
const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;
const savedOn = (iso: string) => {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
};
/** "the mapping you used for staff.csv on 30 Nov", or "your mapping “Staff list” of 30 Nov". */
const savedMappingName = (saved: SavedMapping) =>
  saved.name.startsWith(AUTOMATIC_PREFIX)
    ? `the mapping you used for ${saved.name.slice(AUTOMATIC_PREFIX.length)} on ${savedOn(saved.savedAt)}`
    : `your mapping “${saved.name}” of ${savedOn(saved.savedAt)}`;

// A drop lands where the pointer is; without pointer coordinates, on the field overlapped most.
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/** Pause in the mapping changes before the rows are checked in the background. */
const CHECK_AHEAD_AFTER_MS = 400;

export function MappingStep(props: Props) {
  const { headingRef, file, initialMapping, initialCustomFields, onBack, onContinue } = props;
  const { onCheckAhead } = props;
  const samples = useMemo(() => columnSamples(file, 3), [file]);
  const suggestions = useMemo(
    () => fileSuggestions(file, initialCustomFields ?? []),
    [file, initialCustomFields],
  );
  const schema = useMemo(() => createMappingFormSchema({ columns: file.headers }), [file.headers]);
  // A remembered mapping that fits every column is applied on arrival (not on coming back), said
  // so, and can be undone.
  const [remembered, setRemembered] = useState(() =>
    initialMapping ? undefined : rememberedMapping(file)?.saved,
  );
  const [undone, setUndone] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const { handleSubmit, setValue, control, formState, getValues } = useForm<MappingFormValue>({
    defaultValues: {
      mapping: { ...openingMapping(file, initialMapping, initialCustomFields) },
      customFields: [
        ...new Set([...(initialCustomFields ?? []), ...(remembered?.customFields ?? [])]),
      ],
    },
    resolver: zodResolver(schema),
  });
  const mapping = useWatch({ control, name: 'mapping' });
  const customFields = useWatch({ control, name: 'customFields' });
  const [outcome, setOutcome] = useState('');
  const [dragging, setDragging] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const [moreOpen, setMoreOpen] = useState(false);
  const [find, setFind] = useState('');
  const [showKeys, setShowKeys] = useState(loadShowKeys);
  // The rows are checked in the background with the mapping as it stands (once the changes
  // pause), so the review is ready when the user gets there; the review takes the check over.
  // The opening mapping joins the check the preview started, in the same moment.
  const opening = useRef(mapping);
  useEffect(() => {
    if (!onCheckAhead) return;
    const controller = new AbortController();
    const start = () => onCheckAhead(mapping, controller.signal);
    const changed = mapping !== opening.current;
    const timer = changed ? setTimeout(start, CHECK_AHEAD_AFTER_MS) : undefined;
    if (!changed) start();
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [mapping, onCheckAhead]);

  // Keyboard moves are our own (see useKeyboardMove); dnd-kit handles the pointer.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  const setMapping = (next: ColumnMapping) =>
    setValue('mapping', { ...next }, { shouldValidate: formState.isSubmitted });
  const setSource = (key: string, source: FieldSource | undefined) => {
    const next = { ...mapping };
    if (source) next[key] = source;
    else delete next[key];
    setMapping(next);
  };
  const assign = (column: string, key: string): string => {
    const previous = mapping[key];
    setSource(key, { kind: 'column', column });
    const label = labelOf(key);
    return previous?.kind === 'column' && previous.column !== column
      ? `${label} now takes column “${column}” instead of “${previous.column}”.`
      : `${label} now takes column “${column}”.`;
  };

  const columnFromId = (id: string | number) =>
    file.headers[Number(String(id).replace('column-', ''))];
  const fieldFromId = (id: string | number | undefined) =>
    id === undefined ? undefined : String(id).replace(/^field:/, '');
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up column ${columnFromId(active.id) ?? ''}. Use the arrow keys to move between fields, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) =>
      over
        ? `Column ${columnFromId(active.id) ?? ''} is over ${labelOf(fieldFromId(over.id) ?? '')}.`
        : `Column ${columnFromId(active.id) ?? ''} is not over a field.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Dropped column ${columnFromId(active.id) ?? ''} on ${labelOf(fieldFromId(over.id) ?? '')}.`
        : `Column ${columnFromId(active.id) ?? ''} was dropped outside the fields; nothing changed.`,
    onDragCancel: ({ active }) =>
      `Cancelled. Column ${columnFromId(active.id) ?? ''} was not moved.`,
  };
  const onDragStart = (event: DragStartEvent) => setDragging(columnFromId(event.active.id));
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(undefined);
    const column = columnFromId(event.active.id);
    const key = fieldFromId(event.over?.id);
    if (column && key) setOutcome(assign(column, key));
  };

  // Work mobile is not asked for on its own: the wizard fills Whispir's key itself when an email
  // or another mobile is matched, and "Map at least one email or mobile" says the rest.
  const problems = formState.isSubmitted
    ? checkMappingRules(mapping, { columns: file.headers }).filter(
        (problem) => !(problem.code === 'missing-required' && problem.field === 'workMobilePhone1'),
      )
    : [];
  const problemFor = (key: string) => problems.find((problem) => problem.field === key)?.message;
  const notes = mappingNotes(mapping);
  const noteFor = (key: string) => notes.find((note) => note.field === key)?.message;
  const channelDone = CHANNEL_KEYS.some((key) => hasValue(mapping[key]));
  const stillNeeded = [
    ...REQUIRED_SECTION.filter((key) => !mapping[key]).map(labelOf),
    ...(channelDone ? [] : ['an email or mobile']),
  ];
  const requiredDone = REQUIRED_SECTION.length + 1 - stillNeeded.length;
  const usedColumns = new Set(
    Object.values(mapping).flatMap((source) => (source?.kind === 'column' ? [source.column] : [])),
  );
  const proposals = suggestions.filter(
    (suggestion) =>
      !suggestion.apply && !mapping[suggestion.field] && !usedColumns.has(suggestion.column),
  );
  const reasonFor = (key: string) => {
    const source = mapping[key];
    if (source?.kind !== 'column') return undefined;
    return suggestions.find((s) => s.apply && s.field === key && s.column === source.column)
      ?.reason;
  };
  const mappedTo = (column: string) =>
    Object.entries(mapping)
      .filter(([, source]) => source?.kind === 'column' && source.column === column)
      .map(([key]) => labelOf(key));
  const countrySource = mapping.workCountry;
  const country = countrySource?.kind === 'constant' ? countrySource.value : undefined;
  // The file's countries, so a time zone set for every row lists their zones first.
  const countryColumn = countrySource?.kind === 'column' ? countrySource.column : undefined;
  const fileCountries = useMemo(
    () => (countryColumn === undefined ? [] : columnValues(file, countryColumn)),
    [file, countryColumn],
  );
  const countries = useMemo(
    () => (country ? [country, ...fileCountries] : fileCountries),
    [country, fileCountries],
  );

  // A wide file shows MAX_COLUMN_CARDS cards (10,000 froze the page); a search finds any column.
  const wide = file.headers.length > MAX_COLUMN_CARDS;
  const needle = find.trim().toLowerCase();
  const found = needle
    ? file.headers.flatMap((column, index) =>
        column.toLowerCase().includes(needle) ? [{ column, index }] : [],
      )
    : file.headers.map((column, index) => ({ column, index }));
  const cards = found.slice(0, MAX_COLUMN_CARDS);
  const listedColumns = wide ? file.headers.slice(0, MAX_COLUMN_CARDS) : file.headers;

  const requiredFields = pickFields(REQUIRED_SECTION);
  const channelFields = pickFields(CHANNEL_SECTION);
  const shown = new Set<string>([...REQUIRED_SECTION, ...CHANNEL_SECTION]);
  const otherGroups = groupedFields(CONTACT_FIELDS.filter((field) => !shown.has(field.key)));
  const customTargets: TargetField[] = customFields.map((name) => ({
    key: customFieldKey(name),
    label: `${name} (custom)`,
  }));
  const visibleFields = [
    ...requiredFields,
    ...channelFields,
    ...customTargets,
    ...(moreOpen ? otherGroups.flatMap((entry) => entry.fields) : []),
  ].map((field) => field.key);
  const keyboard = useKeyboardMove({
    fields: visibleFields,
    labelOf,
    announce: setAnnouncement,
    onDrop: (column, field) => setOutcome(assign(column, field)),
  });

  const fieldList = (fields: readonly TargetField[], required: boolean) => (
    <ul className="field-list">
      {fields.map((field) => {
        const source = mapping[field.key];
        const misfit =
          source?.kind === 'column'
            ? checkColumnFit(field.key, samples.get(source.column) ?? [], source.column)
            : undefined;
        return (
          <FieldTarget
            key={field.key}
            field={field}
            keyboardOver={keyboard.over === field.key}
            required={required}
            showKey={showKeys}
            hint={HINTS[field.key]}
            note={noteFor(field.key)}
            countries={countries}
            source={source}
            columns={listedColumns}
            moreColumns={file.headers.length - listedColumns.length}
            samples={samples}
            reason={reasonFor(field.key)}
            misfit={misfit && !misfit.fits ? misfit.message : undefined}
            problem={problemFor(field.key)}
            constants={suggestConstants(field.key, country ? { country } : {})}
            onChange={(next) => {
              setSource(field.key, next);
              setOutcome(next ? '' : `${field.label} is no longer imported.`);
            }}
          />
        );
      })}
    </ul>
  );

  const save = handleSubmit((values) => {
    const entry = {
      version: 1 as const,
      name: `${AUTOMATIC_PREFIX}${file.fileName}`,
      savedAt: new Date().toISOString(),
      headers: [...file.headers],
      mapping: values.mapping,
      customFields: values.customFields,
    };
    storeSavedMappings(upsertSavedMapping(loadSavedMappings(), entry));
    onContinue(values.mapping, values.customFields);
  });
  // Whispir's import wants the Work mobile key even for an email-only list: with an email or
  // another mobile matched and nothing for Work mobile, it gets an empty column.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const current = getValues('mapping');
    if (!current.workMobilePhone1 && CHANNEL_KEYS.some((key) => hasValue(current[key])))
      setValue('mapping', { ...current, workMobilePhone1: { kind: 'empty' } });
    return save(event);
  };

  const undoRemembered = () => {
    setValue('customFields', [...(initialCustomFields ?? [])]);
    setMapping(automaticMapping(file, initialCustomFields));
    setRemembered(undefined);
    setUndone(true);
    setOutcome('');
  };
  useEffect(() => {
    if (undone) noticeRef.current?.focus();
  }, [undone]);

  return (
    <form onSubmit={submit} noValidate>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Match your columns to Whispir fields
      </h2>
      <p className="lead">
        Drag each of your columns onto the Whispir field it fills, or pick the column in the list
        under a field. Every contact needs the fields marked * (a column, or one value for every
        row) and at least one email or mobile.
      </p>
      {(remembered || undone) && (
        <p ref={noticeRef} tabIndex={-1} className="note applied-mapping">
          {remembered ? (
            <>
              Applied {savedMappingName(remembered)} —{' '}
              <button type="button" onClick={undoRemembered}>
                Undo
              </button>
            </>
          ) : (
            'Undone: your columns are matched automatically again.'
          )}
        </p>
      )}
      <p id="drag-instructions" className="visually-hidden">
        Press Space or Enter to pick up a column, the arrow keys to move between fields, Space to
        drop it, Escape to cancel.
      </p>
      <SavedMappingsBar
        headers={file.headers}
        applied={remembered}
        current={() => ({
          headers: [...file.headers],
          mapping: getValues('mapping'),
          customFields: getValues('customFields'),
        })}
        onApply={(saved) => {
          setValue('customFields', [...new Set([...customFields, ...saved.customFields])]);
          setMapping(applySavedMapping(saved, file.headers));
          setRemembered(undefined);
          setUndone(false);
          setOutcome(`Applied the mapping “${saved.name}”.`);
        }}
        onMessage={setOutcome}
      />
      {proposals.length > 0 && (
        <section aria-labelledby="proposals" className="proposals">
          <h3 id="proposals">Suggestions to check</h3>
          <p className="muted small">
            These look likely but are not certain, so they are not applied until you say so.
          </p>
          <ul>
            {proposals.map((suggestion) => (
              <li key={`${suggestion.field}-${suggestion.column}`}>
                <span>
                  {labelOf(suggestion.field)} ← column “{suggestion.column}”: {suggestion.reason} (
                  {percent(suggestion.confidence)} sure)
                </span>
                <button
                  type="button"
                  onClick={() => setOutcome(assign(suggestion.column, suggestion.field))}
                >
                  Use “{suggestion.column}” for {labelOf(suggestion.field)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        accessibility={{ announcements }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(undefined)}
      >
        <div className="mapping-layout">
          <section aria-labelledby="your-columns" className="columns-panel">
            <h3 id="your-columns">Your columns</h3>
            {wide && (
              <>
                <p className="note" id="column-cards-shown">
                  {needle
                    ? `${found.length.toLocaleString()} of ${file.headers.length.toLocaleString()} columns match “${find.trim()}”${found.length > cards.length ? `; showing the first ${cards.length.toLocaleString()}` : ''}.`
                    : `Showing the first ${cards.length.toLocaleString()} of ${file.headers.length.toLocaleString()} columns. Find any other by name:`}
                  {file.headers.length > MAX_SUGGESTED_COLUMNS &&
                    ` Suggestions look at the first ${MAX_SUGGESTED_COLUMNS.toLocaleString()} columns.`}
                </p>
                <label className="find-column">
                  Find a column
                  <input
                    type="search"
                    value={find}
                    onChange={(event) => setFind(event.target.value)}
                  />
                </label>
              </>
            )}
            <ul className="column-list">
              {cards.map(({ column, index }) => (
                <ColumnCard
                  key={column}
                  id={columnId(index)}
                  column={column}
                  samples={samples.get(column) ?? []}
                  mappedTo={mappedTo(column)}
                  pickedUp={keyboard.move?.column === column}
                  onKeyDown={keyboard.onKeyDown(column)}
                  onBlur={keyboard.cancel}
                />
              ))}
            </ul>
          </section>
          <section aria-labelledby="whispir-fields" className="fields-panel">
            <div className="fields-head">
              <h3 id="whispir-fields">Whispir contact fields</h3>
              <label className="show-keys">
                <input
                  type="checkbox"
                  checked={showKeys}
                  onChange={(event) => {
                    setShowKeys(event.target.checked);
                    storeShowKeys(event.target.checked);
                  }}
                />
                Show Whispir field names
              </label>
            </div>
            <p className="muted">
              {requiredDone} of {REQUIRED_SECTION.length + 1} required fields matched.
              {stillNeeded.length > 0 && ` Still needed: ${stillNeeded.join(', ')}.`}
            </p>
            <h4>Needed for every contact</h4>
            {fieldList(requiredFields, true)}
            <h4>Email and mobile</h4>
            <p className="muted small">
              Each contact needs at least one of these: an email or a mobile.
            </p>
            {fieldList(channelFields, false)}
            {customTargets.length > 0 && (
              <>
                <h4>Custom fields</h4>
                {fieldList(customTargets, false)}
              </>
            )}
            <details
              className="more-fields"
              onToggle={(event) => setMoreOpen(event.currentTarget.open)}
            >
              <summary>More fields</summary>
              {/* Rendered only when open: some 50 fields the step need not build up front. */}
              {moreOpen &&
                otherGroups.map(({ group, fields }) => (
                  <div key={group}>
                    <h4>{group}</h4>
                    {fieldList(fields, false)}
                  </div>
                ))}
              <CustomFieldAdder
                existing={customFields}
                onAdd={(name) => {
                  setValue('customFields', [...customFields, name]);
                  setOutcome(`Added the custom field ${name}: drag a column onto it.`);
                }}
              />
            </details>
          </section>
        </div>
        <DragOverlay>
          {dragging ? (
            <div className="column-card overlay">
              <ColumnCardBody
                column={dragging}
                samples={samples.get(dragging) ?? []}
                mappedTo={[]}
              />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <p id="mapping-announcer" aria-live="assertive" className="visually-hidden">
        {announcement}
      </p>
      <p aria-live="polite" className="status">
        {outcome}
      </p>
      {problems.length > 0 && (
        <div role="alert" className="error">
          <p>Before importing:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem.message}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      <StepActions>
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary">
          Continue to review
        </button>
      </StepActions>
    </form>
  );
}
