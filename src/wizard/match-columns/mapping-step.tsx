import { DndContext, DragOverlay } from '@dnd-kit/core';
import { startTransition, useMemo, useState, type KeyboardEvent } from 'react';
import { MAX_NAMED_COLUMNS, MAX_SUGGESTED_COLUMNS } from '../../config/limits';
import { customFieldKey } from '../../domain/mapping/custom-fields';
import {
  checkMappingRules,
  mappingNotes,
  type ColumnMapping,
  type FieldSource,
} from '../../domain/mapping/mapping';
import { checkColumnFit } from '../../domain/mapping/sniff-values';
import { CHANNEL_KEYS, CONTACT_FIELDS, groupedFields } from '../../domain/whispir/contact-fields';
import type { FileSummary } from '../../worker/protocol';
import type { StepHeading } from '../step-props';
import { ColumnCard, ColumnCardBody } from './column-card';
import {
  columnSamples,
  columnValues,
  emptyColumnsNote,
  fileSuggestions,
  matchableColumns,
} from './column-samples';
import { CustomFieldAdder } from './custom-field-adder';
import { FieldTarget, type TargetField } from './field-target';
import { CHANNEL_SECTION, HINTS, REQUIRED_SECTION, hasValue, pickFields } from './mapping-sections';
import { labelOf, percent, savedMappingName } from './mapping-text';
import { SavedMappingsBar } from './saved-mappings-bar';
import { useCheckAhead } from './use-check-ahead';
import { columnId, useColumnDrag } from './use-column-drag';
import { useColumnFinder } from './use-column-finder';
import { useKeyboardMove } from './use-keyboard-move';
import { useMappingForm } from './use-mapping-form';
import { useShowFieldNames } from './use-show-field-names';
import { StepActions } from '../step-actions';
import { useStableCallback } from '../shared/use-stable-callback';

// The sections of fixed fields, the same for every file.
const REQUIRED_FIELDS: readonly TargetField[] = pickFields(REQUIRED_SECTION);
const CHANNEL_FIELDS: readonly TargetField[] = pickFields(CHANNEL_SECTION);
const SHOWN = new Set<string>([...REQUIRED_SECTION, ...CHANNEL_SECTION]);
const OTHER_GROUPS = groupedFields(CONTACT_FIELDS.filter((field) => !SHOWN.has(field.key)));
const NOT_MAPPED: readonly string[] = [];

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly initialMapping: ColumnMapping | undefined;
  readonly initialCustomFields: readonly string[] | undefined;
  readonly onBack: () => void;
  readonly onContinue: (mapping: ColumnMapping, customFields: readonly string[]) => void;
  /** Starts checking every row with this mapping in the background; stops on the signal. */
  readonly onCheckAhead?: (mapping: ColumnMapping, signal: AbortSignal) => void;
}

export function MappingStep(props: Props) {
  const { headingRef, file, initialMapping, initialCustomFields, onBack, onContinue } = props;
  const { onCheckAhead } = props;
  const samples = useMemo(() => columnSamples(file, 3), [file]);
  const suggestions = useMemo(
    () => fileSuggestions(file, initialCustomFields ?? []),
    [file, initialCustomFields],
  );
  const {
    mapping,
    customFields,
    submitted,
    remembered,
    undone,
    noticeRef,
    setSource,
    assign,
    addCustomField,
    submit,
    current,
    applySaved,
    undoRemembered,
  } = useMappingForm({ file, initialMapping, initialCustomFields, onContinue });
  const [outcome, setOutcome] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [moreOpen, setMoreOpen] = useState(false);
  const [showKeys, setShowKeys] = useShowFieldNames();
  // Columns with no name and no values are left out: nothing in them to match.
  const columns = useMemo(() => matchableColumns(file), [file]);
  const { find, setFind, wide, needle, found, cards, listedColumns } = useColumnFinder(columns);
  useCheckAhead(mapping, onCheckAhead);
  const drag = useColumnDrag({
    headers: columns,
    onDrop: (column, key) => setOutcome(assign(column, key)),
  });

  // Work mobile is not asked for on its own: the wizard fills Whispir's key itself when an email
  // or another mobile is matched, and "Map at least one email or mobile" says the rest.
  const problems = submitted
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
  // The fields each column feeds, one array per column while the mapping stands (the cards are
  // memoised on it).
  const mappedTo = useMemo(() => {
    const byColumn = new Map<string, string[]>();
    for (const [key, source] of Object.entries(mapping)) {
      if (source?.kind !== 'column') continue;
      byColumn.set(source.column, [...(byColumn.get(source.column) ?? []), labelOf(key)]);
    }
    return byColumn;
  }, [mapping]);
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

  const customTargets = useMemo(
    (): TargetField[] =>
      customFields.map((name) => ({ key: customFieldKey(name), label: `${name} (custom)` })),
    [customFields],
  );
  const visibleFields = [
    ...REQUIRED_FIELDS,
    ...CHANNEL_FIELDS,
    ...customTargets,
    ...(moreOpen ? OTHER_GROUPS.flatMap((entry) => entry.fields) : []),
  ].map((field) => field.key);
  const keyboard = useKeyboardMove({
    fields: visibleFields,
    labelOf,
    announce: setAnnouncement,
    onDrop: (column, field) => setOutcome(assign(column, field)),
  });
  // One identity for the step's life, so the memoised fields and cards are not rendered again.
  const onFieldChange = useStableCallback((field: TargetField, next: FieldSource | undefined) => {
    setSource(field.key, next);
    setOutcome(next ? '' : `${field.label} is no longer imported.`);
  });
  const onCardKeyDown = useStableCallback(
    (column: string, event: KeyboardEvent<HTMLButtonElement>) => keyboard.onKeyDown(column)(event),
  );
  const onCardBlur = useStableCallback(() => keyboard.cancel());

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
            moreColumns={columns.length - listedColumns.length}
            samples={samples}
            reason={reasonFor(field.key)}
            misfit={misfit && !misfit.fits ? misfit.message : undefined}
            problem={problemFor(field.key)}
            country={country}
            onChange={onFieldChange}
          />
        );
      })}
    </ul>
  );

  return (
    <form
      // The form's own state changes (submitting, submitted) render the step again: as a
      // transition, not inside the click's task, which also checks the mapping and moves on.
      onSubmit={(event) => startTransition(() => void submit(event))}
      noValidate
    >
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Match your columns to Whispir fields
      </h2>
      <p className="lead">
        Drag each of your columns onto the Whispir field it fills, or pick the column in the list
        under a field. Every contact needs the required fields (marked *): a column, or one value
        for every row. It also needs at least one email or mobile.
      </p>
      {(remembered || undone) && (
        <p ref={noticeRef} tabIndex={-1} className="note applied-mapping">
          {remembered ? (
            <>
              Applied {savedMappingName(remembered)} —{' '}
              <button
                type="button"
                onClick={() => {
                  undoRemembered();
                  setOutcome('');
                }}
              >
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
        current={current}
        onApply={(saved) => {
          applySaved(saved);
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
      <DndContext {...drag.context}>
        <div className="mapping-layout">
          <section aria-labelledby="your-columns" className="columns-panel">
            <h3 id="your-columns">Your columns</h3>
            {file.emptyColumns && file.emptyColumns.length > 0 && (
              <p className="note">{emptyColumnsNote(file.emptyColumns)}</p>
            )}
            {wide && (
              <>
                <p className="note" id="column-cards-shown">
                  {needle
                    ? `${found.length.toLocaleString()} of ${columns.length.toLocaleString()} columns match “${find.trim()}”${found.length > cards.length ? `; showing the first ${cards.length.toLocaleString()}` : ''}.`
                    : `Showing the first ${cards.length.toLocaleString()} of ${columns.length.toLocaleString()} columns. Find any other by name:`}
                  {file.headers.length > MAX_SUGGESTED_COLUMNS &&
                    ` Suggestions read the values of the first ${MAX_SUGGESTED_COLUMNS.toLocaleString()} columns, and the names of the first ${MAX_NAMED_COLUMNS.toLocaleString()}.`}
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
                  mappedTo={mappedTo.get(column) ?? NOT_MAPPED}
                  pickedUp={keyboard.move?.column === column}
                  onKeyDown={onCardKeyDown}
                  onBlur={onCardBlur}
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
                  onChange={(event) => setShowKeys(event.target.checked)}
                />
                Show Whispir field names
              </label>
            </div>
            <p className="muted">
              {requiredDone} of {REQUIRED_SECTION.length + 1} required fields matched.
              {stillNeeded.length > 0 && ` Still needed: ${stillNeeded.join(', ')}.`}
            </p>
            <h4>Needed for every contact</h4>
            {fieldList(REQUIRED_FIELDS, true)}
            <h4>Email and mobile</h4>
            <p className="muted small">
              Each contact needs at least one of these: an email or a mobile.
            </p>
            {fieldList(CHANNEL_FIELDS, false)}
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
                OTHER_GROUPS.map(({ group, fields }) => (
                  <div key={group}>
                    <h4>{group}</h4>
                    {fieldList(fields, false)}
                  </div>
                ))}
              <CustomFieldAdder
                existing={customFields}
                onAdd={(name) => {
                  addCustomField(name);
                  setOutcome(
                    `Added the custom field ${name}: drag a column onto it, or choose a column in its list.`,
                  );
                }}
              />
            </details>
          </section>
        </div>
        <DragOverlay>
          {drag.dragging ? (
            <div className="column-card overlay">
              <ColumnCardBody
                column={drag.dragging}
                samples={samples.get(drag.dragging) ?? []}
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
