import { useState, type KeyboardEvent } from 'react';

export interface KeyboardMove {
  readonly column: string;
  /** Index into the visible fields, -1 before the first arrow key. */
  readonly index: number;
}

interface Options {
  /** Field keys in reading order, only those on screen. */
  readonly fields: readonly string[];
  readonly labelOf: (key: string) => string;
  readonly announce: (message: string) => void;
  readonly onDrop: (column: string, field: string) => void;
}

/**
 * Keyboard dragging: Space or Enter picks a column up, the arrow keys move it from field to
 * field, Space or Enter drops it, Escape (or leaving the card) cancels. Every step is announced.
 */
export function useKeyboardMove({ fields, labelOf, announce, onDrop }: Options) {
  const [move, setMove] = useState<KeyboardMove>();
  const over = move && move.index >= 0 ? fields[move.index] : undefined;

  const onKeyDown = (column: string) => (event: KeyboardEvent<HTMLButtonElement>) => {
    const picking = move?.column === column;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (!picking) {
        setMove({ column, index: -1 });
        announce(
          `Picked up column ${column}. Use the arrow keys to move between fields, Space to drop, Escape to cancel.`,
        );
      } else if (over) {
        setMove(undefined);
        onDrop(column, over);
        announce(`Dropped column ${column} on ${labelOf(over)}.`);
      } else {
        setMove(undefined);
        announce(`Column ${column} was not over a field; nothing changed.`);
      }
      return;
    }
    if (!picking) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setMove(undefined);
      announce(`Cancelled. Column ${column} was not moved.`);
      return;
    }
    const step =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? 1
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? -1
          : 0;
    if (step === 0 || fields.length === 0) return;
    event.preventDefault();
    const index =
      move.index < 0
        ? step > 0
          ? 0
          : fields.length - 1
        : (move.index + step + fields.length) % fields.length;
    const field = fields[index];
    if (!field) return;
    setMove({ column, index });
    document.querySelector(`[data-field="${field}"]`)?.scrollIntoView({ block: 'nearest' });
    announce(`Column ${column} is over ${labelOf(field)}.`);
  };

  const cancel = () => {
    if (move) announce(`Cancelled. Column ${move.column} was not moved.`);
    setMove(undefined);
  };

  return { move, over, onKeyDown, cancel };
}
