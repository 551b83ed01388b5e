import { MAX_CELL_CHARS_SHOWN } from '../../config/limits';
import { formatCount } from '../../domain/intake/problems';

interface Props {
  readonly value: string;
  /** The cell's full length, when `value` was already cut (by the worker); else its own. */
  readonly length?: number;
}

/**
 * A cell as the screens show it: at most MAX_CELL_CHARS_SHOWN characters, and when there are
 * more, says so with the full count. Laying out a 5 MB cell froze the page; the data itself is
 * never cut.
 */
export function CellText({ value, length }: Props) {
  const full = Math.max(length ?? 0, value.length);
  if (full <= MAX_CELL_CHARS_SHOWN) return <>{value}</>;
  return (
    <>
      {value.slice(0, MAX_CELL_CHARS_SHOWN)}…{' '}
      <span className="cell-shortened">(cell shortened, {formatCount(full)} characters)</span>
    </>
  );
}

/** A title (tooltip) for a value, no longer than the screens show. */
export function shortTitle(value: string): string {
  return value.length <= MAX_CELL_CHARS_SHOWN
    ? value
    : `${value.slice(0, MAX_CELL_CHARS_SHOWN)}… (cell shortened, ${formatCount(value.length)} characters)`;
}
