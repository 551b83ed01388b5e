import { useDroppable } from '@dnd-kit/core';
import { memo, useMemo } from 'react';
import type { FieldSource } from '../../domain/mapping/mapping';
import { suggestConstants } from '../../domain/mapping/suggest-constants';
import { shortTitle } from '../shared/cell-text';
import { ValueInput, valueKindOf, valueProblem } from '../shared/value-input';

export interface TargetField {
  readonly key: string;
  readonly label: string;
}

interface Props {
  readonly field: TargetField;
  /** Marked * and named "(required)": a column or one value is needed for every contact. */
  readonly required: boolean;
  /** Shows the Whispir API name (`workMobilePhone1`) next to the label. */
  readonly showKey: boolean;
  /** A plain-words line under the label: what the field needs, when that is not obvious. */
  readonly hint?: string;
  /** Something worth knowing about the field as it is set (a `mappingNotes` message). */
  readonly note?: string;
  readonly source: FieldSource | undefined;
  /** The columns listed to pick from (a wide file's first ones); the chosen one is added. */
  readonly columns: readonly string[];
  /** Columns of the file not listed, for a wide file (found by name under "Your columns"). */
  readonly moreColumns?: number;
  readonly samples: ReadonlyMap<string, readonly string[]>;
  /** Why the current column was matched automatically, when it was. */
  readonly reason?: string;
  /** A warning when the column's values do not look like this field. */
  readonly misfit?: string;
  readonly problem?: string;
  /** The country set for every row, if one is: its time zones are suggested first. */
  readonly country?: string;
  /** Countries the file names (for a time zone set for every row: their zones come first). */
  readonly countries?: readonly string[];
  /** A column picked up with the keyboard is over this field. */
  readonly keyboardOver?: boolean;
  readonly onChange: (field: TargetField, source: FieldSource | undefined) => void;
}

const NONE = '';
const CONSTANT = '__constant__';
const EMPTY = '__empty__';

/** The choice of leaving a field without a column, for the fields that may be left so. */
const EMPTY_CHOICE: Readonly<Record<string, string>> = {
  workMobilePhone1: 'Leave empty (email-only list)',
  timezone: 'Worked out for each row on the review',
};

function selectValue(source: FieldSource | undefined): string {
  if (!source) return NONE;
  if (source.kind === 'constant') return CONSTANT;
  if (source.kind === 'empty') return EMPTY;
  return `column:${source.column}`;
}

export const fieldDropId = (key: string) => `field:${key}`;

/**
 * A Whispir field columns are dropped on. Memoised: the matching step renders again on every
 * change of the drag state and of the form's own state, and a field whose props did not change
 * is left alone (the step's first render ran twice in the task that showed it).
 */
export const FieldTarget = memo(function FieldTarget(props: Props) {
  const {
    keyboardOver,
    field,
    required,
    showKey,
    hint,
    note,
    source,
    columns,
    moreColumns = 0,
    samples,
    reason,
    misfit,
    problem,
    country,
    countries,
    onChange: onFieldChange,
  } = props;
  const constants = useMemo(
    () => suggestConstants(field.key, country ? { country } : {}),
    [field.key, country],
  );
  const onChange = (source: FieldSource | undefined) => onFieldChange(field, source);
  const { isOver, setNodeRef, active } = useDroppable({ id: fieldDropId(field.key) });
  const selectId = `map-${field.key}`;
  const mappedSamples = source?.kind === 'column' ? (samples.get(source.column) ?? []) : [];
  const classes = [
    'field-target',
    source ? 'mapped' : '',
    isOver || keyboardOver ? 'over' : '',
    active ? 'droppable' : '',
    problem ? 'invalid' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const listId = `constants-${field.key}`;
  const valueId = `${selectId}-value`;
  const kind = valueKindOf(field.key);
  // A time zone, country or status set for every row is picked from a list; the list's input
  // says itself when a value is not one Whispir takes, so the field does not say it twice.
  const listed = source?.kind === 'constant' && kind !== 'text';
  const problemShown =
    problem && !(listed && source.kind === 'constant' && valueProblem(kind, source.value))
      ? problem
      : undefined;
  // A note on the field as it is set says more than the general hint, which then steps aside.
  const hintShown = note ? undefined : hint;
  const describedBy = [
    hintShown && `${selectId}-hint`,
    note && `${selectId}-note`,
    misfit && `${selectId}-misfit`,
    problemShown && `${selectId}-problem`,
  ]
    .filter(Boolean)
    .join(' ');
  const emptyChoice = EMPTY_CHOICE[field.key];

  return (
    <li ref={setNodeRef} className={classes} data-field={field.key}>
      <div className="field-head">
        <label htmlFor={selectId}>
          {field.label}
          {required && (
            <span className="required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
          {required && <span className="visually-hidden"> (required)</span>}
        </label>
        {showKey && <code className="field-key">{field.key}</code>}
      </div>
      {hintShown && (
        <p id={`${selectId}-hint`} className="muted small field-hint">
          {hintShown}
        </p>
      )}
      <select
        id={selectId}
        value={selectValue(source)}
        aria-describedby={describedBy || undefined}
        aria-invalid={problemShown ? true : undefined}
        onChange={(event) => {
          const value = event.target.value;
          if (value === NONE) onChange(undefined);
          else if (value === CONSTANT) onChange({ kind: 'constant', value: '' });
          else if (value === EMPTY) onChange({ kind: 'empty' });
          else onChange({ kind: 'column', column: value.slice('column:'.length) });
        }}
      >
        <option value={NONE}>— not imported —</option>
        {columns.map((column) => (
          <option key={column} value={`column:${column}`}>
            Column “{shortTitle(column)}”
          </option>
        ))}
        {source?.kind === 'column' && !columns.includes(source.column) && (
          <option value={`column:${source.column}`}>Column “{shortTitle(source.column)}”</option>
        )}
        {moreColumns > 0 && (
          <option disabled value="">
            …and {moreColumns.toLocaleString()} more columns: find them under “Your columns”
          </option>
        )}
        {emptyChoice && <option value={EMPTY}>{emptyChoice}</option>}
        <option value={CONSTANT}>Same value for every row…</option>
      </select>
      {note && (
        <p id={`${selectId}-note`} className="note small">
          {note}
        </p>
      )}
      {source?.kind === 'constant' && listed && (
        <div className="constant">
          <label htmlFor={valueId}>Value for every row</label>
          <ValueInput
            id={valueId}
            field={field.key}
            value={source.value}
            countries={countries}
            onChange={(value) => onChange({ kind: 'constant', value })}
          />
        </div>
      )}
      {source?.kind === 'constant' && !listed && (
        <label className="constant">
          Value for every row
          <input
            type="text"
            list={constants.length ? listId : undefined}
            value={source.value}
            onChange={(event) => onChange({ kind: 'constant', value: event.target.value })}
          />
          {constants.length > 0 && (
            <datalist id={listId}>
              {constants.map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          )}
        </label>
      )}
      {mappedSamples.length > 0 && (
        <p className="samples">
          <span className="visually-hidden">Sample values: </span>
          {mappedSamples.join(' · ')}
        </p>
      )}
      {reason && <p className="muted small">Matched automatically: {reason}.</p>}
      {misfit && (
        <p id={`${selectId}-misfit`} className="warning small">
          ⚠ {misfit}
        </p>
      )}
      {problemShown && (
        <p id={`${selectId}-problem`} className="error-text small">
          {problemShown}
        </p>
      )}
    </li>
  );
});
