import { useDraggable } from '@dnd-kit/core';

interface Props {
  readonly id: string;
  readonly column: string;
  readonly samples: readonly string[];
  readonly mappedTo: readonly string[];
}

export function ColumnCard({ id, column, samples, mappedTo }: Props) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id, data: { column } });
  return (
    <li>
      <button
        type="button"
        ref={setNodeRef}
        className={`column-card${isDragging ? ' dragging' : ''}${mappedTo.length ? ' used' : ''}`}
        {...attributes}
        {...listeners}
        aria-roledescription="draggable column"
        aria-describedby="drag-instructions"
      >
        <ColumnCardBody column={column} samples={samples} mappedTo={mappedTo} />
      </button>
    </li>
  );
}

export function ColumnCardBody({ column, samples, mappedTo }: Omit<Props, 'id'>) {
  return (
    <>
      <span className="column-name">{column}</span>
      <span className="samples">{samples.length ? samples.join(' · ') : '(empty)'}</span>
      {mappedTo.length > 0 && <span className="mapped-to">→ {mappedTo.join(', ')}</span>}
    </>
  );
}
