import {
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
import { useState } from 'react';
import { labelOf } from './mapping-text';

/** The draggable id of the column card at this index of the file's headers. */
export const columnId = (index: number) => `column-${index}`;

// A drop lands where the pointer is; without pointer coordinates, on the field overlapped most.
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

interface Options {
  readonly headers: readonly string[];
  /** A column dropped on a field. */
  readonly onDrop: (column: string, field: string) => void;
}

/**
 * Dragging a column card onto a field with the pointer (dnd-kit), every step announced in words;
 * keyboard moves are our own (see useKeyboardMove). `context` goes on the DndContext, `dragging`
 * is the column the overlay shows.
 */
export function useColumnDrag({ headers, onDrop }: Options) {
  const [dragging, setDragging] = useState<string>();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  const columnFromId = (id: string | number) => headers[Number(String(id).replace('column-', ''))];
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
    if (column && key) onDrop(column, key);
  };

  return {
    dragging,
    context: {
      sensors,
      collisionDetection,
      accessibility: { announcements },
      onDragStart,
      onDragEnd,
      onDragCancel: () => setDragging(undefined),
    },
  };
}
