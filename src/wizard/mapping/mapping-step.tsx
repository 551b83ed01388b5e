import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
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
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { ColumnMapping, FieldSource } from '../../domain/mapping/mapping';
import {
  CONTACT_FIELDS,
  REQUIRED_MAPPING_KEYS,
  findContactField,
  type ContactField,
  type FieldGroup,
} from '../../domain/whispir/contact-fields';
import type { FileSummary } from '../../worker/protocol';
import type { StepHeading } from '../step-props';
import { autoMapExact } from './auto-map';
import { ColumnCard, ColumnCardBody } from './column-card';
import { columnSamples } from './column-samples';
import { FieldTarget } from './field-target';
import { jumpBetweenFields } from './keyboard-targets';
import { mappingFormProblems, mappingFormSchema, type MappingFormValues } from './mapping-form';

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly initialMapping: ColumnMapping | undefined;
  readonly onBack: () => void;
  readonly onContinue: (mapping: ColumnMapping) => void;
}

const CHANNEL_SECTION = ['workEmailAddress1', 'personalEmailAddress1', 'personalMobilePhone1'];
const GROUP_ORDER: FieldGroup[] = [
  'Name',
  'Work contact',
  'Personal contact',
  'Address',
  'Organisation',
  'Other',
];
const pickFields = (keys: readonly string[]) =>
  keys.map((key) => findContactField(key)).filter((field): field is ContactField => Boolean(field));

const columnId = (index: number) => `column-${index}`;
const labelOf = (key: string) => findContactField(key)?.label ?? key;

// Pointer drags land only where the pointer is; keyboard drags have no pointer, so fall back to
// overlap with the field the arrow keys moved to.
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

export function MappingStep({ headingRef, file, initialMapping, onBack, onContinue }: Props) {
  const { handleSubmit, setValue, control, formState } = useForm<MappingFormValues>({
    defaultValues: { mapping: { ...(initialMapping ?? autoMapExact(file.headers)) } },
    resolver: zodResolver(mappingFormSchema),
  });
  const mapping = useWatch({ control, name: 'mapping' });
  const [outcome, setOutcome] = useState('');
  const [dragging, setDragging] = useState<string>();
  const samples = useMemo(() => columnSamples(file), [file]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: jumpBetweenFields }),
  );

  const requiredFields = pickFields(REQUIRED_MAPPING_KEYS);
  const channelFields = pickFields(CHANNEL_SECTION);
  const shown = new Set([...REQUIRED_MAPPING_KEYS, ...CHANNEL_SECTION] as string[]);
  const otherGroups = GROUP_ORDER.map((group) => ({
    group,
    fields: CONTACT_FIELDS.filter((field) => field.group === group && !shown.has(field.key)),
  })).filter((entry) => entry.fields.length > 0);

  const mappedTo = (column: string) =>
    Object.entries(mapping)
      .filter(([, source]) => source.kind === 'column' && source.column === column)
      .map(([key]) => labelOf(key));

  const setSource = (key: string, source: FieldSource | undefined) => {
    const next = { ...mapping };
    if (source) next[key] = source;
    else delete next[key];
    setValue('mapping', next, { shouldValidate: formState.isSubmitted });
  };

  const assign = (column: string, key: string): string => {
    const previous = mapping[key];
    setSource(key, { kind: 'column', column });
    const label = labelOf(key);
    if (previous?.kind === 'column' && previous.column !== column)
      return `${label} now takes column “${column}” instead of “${previous.column}”.`;
    return `${label} now takes column “${column}”.`;
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

  const problems = formState.isSubmitted ? mappingFormProblems(mapping) : [];
  const requiredDone = REQUIRED_MAPPING_KEYS.filter((key) => mapping[key]).length;

  const fieldList = (fields: readonly ContactField[], required: boolean) => (
    <ul className="field-list">
      {fields.map((field) => (
        <FieldTarget
          key={field.key}
          field={field}
          required={required}
          source={mapping[field.key]}
          columns={file.headers}
          samples={samples}
          onChange={(source) => {
            setSource(field.key, source);
            setOutcome(source ? '' : `${field.label} is no longer imported.`);
          }}
        />
      ))}
    </ul>
  );

  return (
    <form onSubmit={handleSubmit((values) => onContinue(values.mapping))} noValidate>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Match your columns to Whispir fields
      </h2>
      <p className="lead">
        Drag each of your columns onto the Whispir field it fills, or pick the column in the list
        under a field. Fields marked * are required by Whispir.
      </p>
      <p id="drag-instructions" className="visually-hidden">
        Press Space or Enter to pick up a column, the arrow keys to move between fields, Space to
        drop it, Escape to cancel.
      </p>
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
            <ul className="column-list">
              {file.headers.map((column, index) => (
                <ColumnCard
                  key={column}
                  id={columnId(index)}
                  column={column}
                  samples={samples.get(column) ?? []}
                  mappedTo={mappedTo(column)}
                />
              ))}
            </ul>
          </section>
          <section aria-labelledby="whispir-fields" className="fields-panel">
            <h3 id="whispir-fields">Whispir contact fields</h3>
            <p className="muted">
              {requiredDone} of {REQUIRED_MAPPING_KEYS.length} required fields matched.
            </p>
            <h4>Required by Whispir</h4>
            {fieldList(requiredFields, true)}
            <h4>Email and mobile</h4>
            <p className="muted small">Each contact needs at least one email or mobile.</p>
            {fieldList(channelFields, false)}
            <details className="more-fields">
              <summary>More fields</summary>
              {otherGroups.map(({ group, fields }) => (
                <div key={group}>
                  <h4>{group}</h4>
                  {fieldList(fields, false)}
                </div>
              ))}
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
      <p aria-live="polite" className="status">
        {outcome}
      </p>
      {problems.length > 0 && (
        <div role="alert" className="error">
          <p>Before importing:</p>
          <ul>
            {problems.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary">
          Continue to import settings
        </button>
      </div>
    </form>
  );
}
