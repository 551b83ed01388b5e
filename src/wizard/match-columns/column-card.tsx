import { useDraggable } from '@dnd-kit/core';
import { memo, type KeyboardEvent } from 'react';
import { CellText } from '../shared/cell-text';

interface Props {
  readonly id: string;
  readonly column: string;
  readonly samples: readonly string[];
  readonly mappedTo: readonly string[];
  readonly pickedUp: boolean;
  readonly onKeyDown: (column: string, event: KeyboardEvent<HTMLButtonElement>) => void;
  readonly onBlur: () => void;
}

/**
 * A column of the file: dragged with the pointer (dnd-kit), or picked up with Space and moved
 * between fields with the arrow keys (the mapping step handles the keys). Memoised, like the
 * fields: a card whose props did not change is not rendered again with the step.
 */
export const ColumnCard = memo(function ColumnCard({
  id,
  column,
  samples,
  mappedTo,
  pickedUp,
  onKeyDown,
  onBlur,
}: Props) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id, data: { column } });
  return (
    <li>
      <button
        type="button"
        ref={setNodeRef}
        className={`column-card${isDragging || pickedUp ? ' dragging' : ''}${mappedTo.length ? ' used' : ''}`}
        {...attributes}
        {...listeners}
        aria-roledescription="draggable column"
        aria-describedby="drag-instructions"
        aria-pressed={pickedUp}
        onKeyDown={(event) => onKeyDown(column, event)}
        onBlur={onBlur}
      >
        <ColumnCardBody column={column} samples={samples} mappedTo={mappedTo} />
      </button>
    </li>
  );
});

export function ColumnCardBody({
  column,
  samples,
  mappedTo,
}: Pick<Props, 'column' | 'samples' | 'mappedTo'>) {
  return (
    <>
      <span className="column-name">
        <CellText value={column} />
      </span>
      <span className="samples">{samples.length ? samples.join(' · ') : '(empty)'}</span>
      {mappedTo.length > 0 && <span className="mapped-to">→ {mappedTo.join(', ')}</span>}
    </>
  );
}
