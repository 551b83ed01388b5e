/**
 * The review grid: an ARIA grid whose rows are virtualised (only those on screen exist) and
 * fetched from the worker. One tab stop; arrows move between cells; Enter (or a click) edits a
 * cell in place; the last column skips or restores the row.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { IntakeClient } from '../../worker/intake-client';
import type { ReviewFilter, ReviewRow, ReviewSummary } from '../../worker/protocol';
import { CellText, shortTitle } from '../preview/cell-text';
import { cellProblems } from './review-text';
import { useReviewRows } from './use-review-rows';

// 32 px keeps a million rows (32,000,000 px) under the browser's ~33,554,000 px element height.
const ROW_HEIGHT = 32;
const PAGE_ROWS = 10;

/** The focused cell: a position in the filtered list and a column (0 = row number). */
export interface ActiveCell {
  readonly position: number;
  readonly col: number;
  /** Changes when the grid should scroll to the cell and focus it (next error, etc.). */
  readonly jump: number;
}

interface Props {
  readonly intake: IntakeClient;
  readonly summary: ReviewSummary;
  readonly filter: ReviewFilter;
  readonly active: ActiveCell;
  readonly onActiveChange: (active: ActiveCell) => void;
  readonly onActiveRow: (row: ReviewRow | undefined) => void;
  readonly onEdit: (row: ReviewRow, field: string, value: string) => void;
  readonly onToggleSkip: (row: ReviewRow) => void;
}

interface Editing {
  readonly index: number;
  readonly field: string;
  readonly position: number;
  readonly col: number;
}

export function ReviewGrid(props: Props) {
  const { intake, summary, filter, active, onActiveChange, onActiveRow, onEdit, onToggleSkip } =
    props;
  const columns = summary.columns;
  const lastCol = columns.length + 1;
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing>();
  const [range, setRange] = useState({ first: 0, last: 30 });

  const fallbackTotal = filter.kind === 'all' ? summary.totalRows : 0;
  const rows = useReviewRows(
    intake,
    filter,
    summary.version,
    fallbackTotal,
    range.first,
    range.last,
  );
  const total = rows.total;

  // TanStack Virtual returns functions the React Compiler cannot memoise; this component is
  // left uncompiled, which is what the library expects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    onChange: (instance) => {
      const items = instance.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items[items.length - 1]?.index ?? 0;
      setRange((previous) =>
        previous.first === first && previous.last === last ? previous : { first, last },
      );
    },
  });
  const items = virtualizer.getVirtualItems();
  const position = total === 0 ? 0 : Math.min(active.position, total - 1);
  const activeRow = rows.rowAt(position);

  useEffect(() => onActiveRow(activeRow), [activeRow, onActiveRow]);

  // A jump (next error, filter change) scrolls to the cell and moves focus there.
  const lastJump = useRef(active.jump);
  useEffect(() => {
    if (lastJump.current === active.jump) return;
    lastJump.current = active.jump;
    if (total > 0) virtualizer.scrollToIndex(position, { align: 'auto' });
    focusCell(gridRef.current, position, active.col, true);
  }, [active.jump, active.col, position, total, virtualizer]);

  // Arrow keys: once the new cell is rendered, it takes the focus if the grid had it.
  useEffect(() => {
    focusCell(gridRef.current, position, active.col, false);
  }, [position, active.col, activeRow]);

  const move = (nextPosition: number, col: number) => {
    const clamped = Math.max(0, Math.min(total - 1, nextPosition));
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    onActiveChange({
      position: clamped,
      col: Math.max(0, Math.min(lastCol, col)),
      jump: active.jump,
    });
  };

  const startEditing = (row: ReviewRow, rowPosition: number, col: number) => {
    const field = columns[col - 1]?.field;
    if (!field || row.skipped) return;
    onActiveChange({ position: rowPosition, col, jump: active.jump });
    setEditing({ index: row.index, field, position: rowPosition, col });
  };

  // Stable between scrolls, so rows that stay on screen are not rendered again (GridRow is memo).
  const activeJump = active.jump;
  const onCellClick = useCallback(
    (row: ReviewRow, rowPosition: number, col: number) => {
      const field = columns[col - 1]?.field;
      if (field && !row.skipped) {
        setEditing({ index: row.index, field, position: rowPosition, col });
      }
      onActiveChange({ position: rowPosition, col, jump: activeJump });
    },
    [columns, onActiveChange, activeJump],
  );
  const onSave = useCallback(
    (row: ReviewRow, rowPosition: number, value: string, refocus: boolean) => {
      if (!editing) return;
      setEditing(undefined);
      onEdit(row, editing.field, value);
      if (refocus) focusCell(gridRef.current, rowPosition, editing.col, true);
    },
    [editing, onEdit],
  );
  const onCancel = useCallback(
    (rowPosition: number) => {
      setEditing(undefined);
      focusCell(gridRef.current, rowPosition, editing?.col ?? 1, true);
    },
    [editing],
  );
  const onRowSkip = useCallback(
    (row: ReviewRow, rowPosition: number) => {
      onActiveChange({ position: rowPosition, col: lastCol, jump: activeJump });
      onToggleSkip(row);
    },
    [onActiveChange, onToggleSkip, lastCol, activeJump],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || total === 0) return;
    const { key } = event;
    let handled = true;
    if (key === 'ArrowDown') move(position + 1, active.col);
    else if (key === 'ArrowUp') move(position - 1, active.col);
    else if (key === 'ArrowRight') move(position, active.col + 1);
    else if (key === 'ArrowLeft') move(position, active.col - 1);
    else if (key === 'PageDown') move(position + PAGE_ROWS, active.col);
    else if (key === 'PageUp') move(position - PAGE_ROWS, active.col);
    else if (key === 'Home') move(event.ctrlKey ? 0 : position, 0);
    else if (key === 'End') move(event.ctrlKey ? total - 1 : position, lastCol);
    else if ((key === 'Enter' || key === 'F2') && target.tagName !== 'BUTTON') {
      if (activeRow && active.col >= 1 && active.col <= columns.length)
        startEditing(activeRow, position, active.col);
      else handled = false;
    } else handled = false;
    if (handled) event.preventDefault();
  };

  return (
    <div className="review-grid-scroll" ref={scrollRef}>
      <div
        ref={gridRef}
        role="grid"
        tabIndex={-1}
        aria-label="Rows to review"
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 2}
        className="review-grid"
        style={{ '--review-columns': columns.length } as React.CSSProperties}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="review-grid-head">
          <div role="row" aria-rowindex={1} className="review-grid-row">
            <div role="columnheader" className="review-cell">
              Row
            </div>
            {columns.map((column) => (
              <div role="columnheader" key={column.field} className="review-cell">
                {column.label}
                <span className="muted small block">{column.source}</span>
              </div>
            ))}
            <div role="columnheader" className="review-cell">
              Send?
            </div>
          </div>
        </div>
        <div
          role="rowgroup"
          className="review-grid-body"
          style={{ height: Math.max(virtualizer.getTotalSize(), total === 0 ? ROW_HEIGHT : 0) }}
        >
          {total === 0 && (
            <div role="row" className="review-grid-row empty" aria-rowindex={2}>
              <div role="gridcell" className="review-cell" tabIndex={0}>
                {rows.loaded ? 'No rows match this filter.' : 'Loading rows…'}
              </div>
            </div>
          )}
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            return (
              <GridRow
                key={item.key}
                position={item.index}
                top={item.start}
                row={row}
                columns={columns}
                activeCol={item.index === position ? active.col : -1}
                editing={
                  editing && row && editing.index === row.index && editing.position === item.index
                    ? editing
                    : undefined
                }
                onCellClick={onCellClick}
                onSave={onSave}
                onCancel={onCancel}
                onToggleSkip={onRowSkip}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function focusCell(grid: HTMLElement | null, position: number, col: number, force: boolean): void {
  if (!grid) return;
  if (!force && !grid.contains(document.activeElement)) return;
  if (!force && document.activeElement?.tagName === 'INPUT') return;
  const cell =
    grid.querySelector<HTMLElement>(`[data-pos="${position}"][data-col="${col}"]`) ??
    (force ? grid.querySelector<HTMLElement>('[tabindex="0"]') : null);
  const target = cell?.querySelector<HTMLElement>('button') ?? cell;
  if (!target || document.activeElement === target) return;
  // The grid scrolls itself to the row (the virtualiser); the page then brings the cell into
  // view, clear of the fixed action bar (scroll-padding), when the grid is partly off screen.
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

interface RowProps {
  readonly position: number;
  readonly top: number;
  readonly row: ReviewRow | undefined;
  readonly columns: ReviewSummary['columns'];
  /** The active column when this row holds the active cell, else -1. */
  readonly activeCol: number;
  readonly editing: Editing | undefined;
  readonly onCellClick: (row: ReviewRow, position: number, col: number) => void;
  readonly onSave: (row: ReviewRow, position: number, value: string, refocus: boolean) => void;
  readonly onCancel: (position: number) => void;
  readonly onToggleSkip: (row: ReviewRow, position: number) => void;
}

const GridRow = memo(function GridRow(props: RowProps) {
  const { position, top, row, columns, activeCol, editing, onCellClick, onSave, onCancel } = props;
  const lastCol = columns.length + 1;
  const tab = (col: number) => (activeCol === col ? 0 : -1);
  const style = { transform: `translateY(${top}px)` };
  if (!row) {
    return (
      <div role="row" aria-rowindex={position + 2} className="review-grid-row" style={style}>
        <div role="gridcell" className="review-cell muted" data-pos={position} data-col={0}>
          Loading…
        </div>
      </div>
    );
  }
  const errors = row.problems.filter((p) => p.severity === 'error').length;
  const rowProblems = row.problems.filter((p) => p.field === null);
  const status = row.skipped ? 'skipped' : errors > 0 ? 'error' : 'ok';
  return (
    <div
      role="row"
      aria-rowindex={position + 2}
      className={`review-grid-row row-${status}`}
      style={style}
      data-row-number={row.rowNumber}
    >
      {/* Keys are handled once by the grid (roving focus), not per cell. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events */}
      <div
        role="rowheader"
        className="review-cell row-number"
        tabIndex={tab(0)}
        data-pos={position}
        data-col={0}
        title={rowProblems.map((p) => p.message).join('\n') || undefined}
        onClick={() => onCellClick(row, position, 0)}
      >
        <span aria-hidden="true" className="row-mark">
          {row.skipped ? '⤼' : errors > 0 ? '✖' : ''}
        </span>
        Row {row.rowNumber}
        {row.skipped && <span className="visually-hidden">, skipped</span>}
        {rowProblems.map((p) => (
          <span key={p.code} className="visually-hidden">
            {`, ${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`}
          </span>
        ))}
      </div>
      {columns.map((column, c) => {
        const col = c + 1;
        const value = row.values[c] ?? '';
        const problems = cellProblems(row.problems, column.field);
        const severity = problems.some((p) => p.severity === 'error')
          ? 'error'
          : problems.length > 0
            ? 'warning'
            : undefined;
        const edited = row.edited.includes(column.field);
        const isEditing = editing?.field === column.field;
        return (
          // Keys are handled once by the grid (roving focus), not per cell.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <div
            role="gridcell"
            key={column.field}
            className={`review-cell value${severity ? ` has-${severity}` : ''}${edited ? ' edited' : ''}`}
            tabIndex={isEditing ? -1 : tab(col)}
            data-pos={position}
            data-col={col}
            data-field={column.field}
            aria-readonly={row.skipped ? true : undefined}
            title={problems.map((p) => p.message).join('\n') || shortTitle(value) || undefined}
            onClick={() => onCellClick(row, position, col)}
          >
            {isEditing ? (
              <CellEditor
                label={`${column.label}, row ${row.rowNumber}`}
                initial={value}
                onSave={(value, refocus) => onSave(row, position, value, refocus)}
                onCancel={() => onCancel(position)}
              />
            ) : (
              <>
                {severity && (
                  <span aria-hidden="true" className="cell-mark">
                    {severity === 'error' ? '✖' : '⚠'}
                  </span>
                )}
                <span className="cell-text">
                  <CellText value={value} />
                </span>
                {edited && <span className="visually-hidden">, changed by you</span>}
                {problems.map((p) => (
                  <span key={p.code} className="visually-hidden">
                    {`, ${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`}
                  </span>
                ))}
              </>
            )}
          </div>
        );
      })}
      <div role="gridcell" className="review-cell action" data-pos={position} data-col={lastCol}>
        <button
          type="button"
          className="link-button"
          tabIndex={tab(lastCol)}
          onClick={() => props.onToggleSkip(row, position)}
        >
          {row.skipped ? 'Restore' : 'Skip'}
          <span className="visually-hidden"> row {row.rowNumber}</span>
        </button>
      </div>
    </div>
  );
});

function CellEditor(props: {
  label: string;
  initial: string;
  onSave: (value: string, refocus: boolean) => void;
  onCancel: () => void;
}) {
  const done = useRef(false);
  return (
    <input
      type="text"
      className="cell-input"
      aria-label={props.label}
      defaultValue={props.initial}
      // eslint-disable-next-line jsx-a11y/no-autofocus -- the user asked to edit this cell
      autoFocus
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          done.current = true;
          props.onSave(event.currentTarget.value, true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          done.current = true;
          props.onCancel();
        }
        event.stopPropagation();
      }}
      onBlur={(event) => {
        if (done.current) return;
        done.current = true;
        props.onSave(event.currentTarget.value, false);
      }}
    />
  );
}
