import { useDroppable } from '@dnd-kit/core';
import type { FieldSource } from '../../domain/mapping/mapping';
import { shortTitle } from '../preview/cell-text';

export interface TargetField {
  readonly key: string;
  readonly label: string;
}

interface Props {
  readonly field: TargetField;
  readonly required: boolean;
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
  readonly constants: readonly string[];
  /** A column picked up with the keyboard is over this field. */
  readonly keyboardOver?: boolean;
  readonly onChange: (source: FieldSource | undefined) => void;
}

const NONE = '';
const CONSTANT = '__constant__';
const EMPTY = '__empty__';

function selectValue(source: FieldSource | undefined): string {
  if (!source) return NONE;
  if (source.kind === 'constant') return CONSTANT;
  if (source.kind === 'empty') return EMPTY;
  return `column:${source.column}`;
}

export const fieldDropId = (key: string) => `field:${key}`;

export function FieldTarget(props: Props) {
  const {
    keyboardOver,
    field,
    required,
    source,
    columns,
    moreColumns = 0,
    samples,
    reason,
    misfit,
    problem,
    constants,
    onChange,
  } = props;
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
  const describedBy = [misfit && `${selectId}-misfit`, problem && `${selectId}-problem`]
    .filter(Boolean)
    .join(' ');

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
        <code className="field-key">{field.key}</code>
      </div>
      <select
        id={selectId}
        value={selectValue(source)}
        aria-describedby={describedBy || undefined}
        aria-invalid={problem ? true : undefined}
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
        <option value={CONSTANT}>Same value for every row…</option>
        {field.key === 'workMobilePhone1' && (
          <option value={EMPTY}>Leave empty (email-only list)</option>
        )}
      </select>
      {source?.kind === 'constant' && (
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
      {problem && (
        <p id={`${selectId}-problem`} className="error-text small">
          {problem}
        </p>
      )}
    </li>
  );
}
