import { useDroppable } from '@dnd-kit/core';
import type { FieldSource } from '../../domain/mapping/mapping';
import type { ContactField } from '../../domain/whispir/contact-fields';

interface Props {
  readonly field: ContactField;
  readonly required: boolean;
  readonly source: FieldSource | undefined;
  readonly columns: readonly string[];
  readonly samples: ReadonlyMap<string, readonly string[]>;
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

export function FieldTarget({ field, required, source, columns, samples, onChange }: Props) {
  const { isOver, setNodeRef, active } = useDroppable({
    id: fieldDropId(field.key),
    data: { field },
  });
  const selectId = `map-${field.key}`;
  const mappedSamples = source?.kind === 'column' ? (samples.get(source.column) ?? []) : [];
  const classes = [
    'field-target',
    source ? 'mapped' : '',
    isOver ? 'over' : '',
    active ? 'droppable' : '',
  ]
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
            Column “{column}”
          </option>
        ))}
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
            value={source.value}
            onChange={(event) => onChange({ kind: 'constant', value: event.target.value })}
          />
        </label>
      )}
      {source?.kind === 'empty' && (
        <p className="muted small">Whispir needs this field mapped; it will be sent empty.</p>
      )}
      {mappedSamples.length > 0 && (
        <p className="samples">
          <span className="visually-hidden">Sample values: </span>
          {mappedSamples.join(' · ')}
        </p>
      )}
    </li>
  );
}
