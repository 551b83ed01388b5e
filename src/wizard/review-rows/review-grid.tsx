/**
 * The review grid: an ARIA grid whose rows are virtualised (only those on screen exist) and
 * fetched from the worker. One tab stop; arrows move between cells; Enter (or a click) edits a
 * cell in place; the last column skips or restores the row.
 *
 * Layout: the row number and the names come first and stay put while the grid scrolls sideways
 * (sticky, and capped to a share of the grid's width so other columns keep room on a phone or
 * at 200 % zoom). Each column is as wide as its label and a sample of its values need, within
 * limits; columns after the names may shrink to a minimum so the usual set fits without a
 * sideways scroll. A focused cell shows its whole value (it wraps over the rows below), and a
 * hovered one says it in its title.
 */
import { replaceEqualDeep } from '@tanstack/react-query';
import { useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import type { IntakeClient } from '../../worker/intake-client';
import type { ReviewFilter, ReviewRow, ReviewSummary } from '../../worker/protocol';
import { CellText, shortTitle } from '../shared/cell-text';
import { useFocusKeeper } from '../shared/focus';
import { cellProblems } from './review-text';
import { physicalHeight, rowTop } from './scaled-scroll';
import { realScrollElement, ScaledScroller, type ListHeights } from './scaled-scroller';
import { useReviewRows } from './use-review-rows';

// 32 px keeps a million rows (32,000,000 px) under the browser's ~33,554,000 px element height;
// a longer list scrolls a body of capped height, scaled (scaled-scroll.ts).
const ROW_HEIGHT = 32;
const PAGE_ROWS = 10;

/** Fields that stay put, after the row number, while the grid scrolls sideways (in this order). */
const STICKY_FIELDS = ['firstName', 'lastName'];
/** Rows whose values size the columns (the first ones shown). */
const SAMPLE_ROWS = 100;

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
  /** The rows a filter shows, counted, once they are fetched for it. */
  readonly onRowsShown?: (filter: ReviewFilter, total: number) => void;
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
  const { onRowsShown } = props;
  // Every summary is a new clone: the same columns keep their array, so the rows (memo) that
  // did not change are not drawn again after an edit.
  const columns = useSame(summary.columns);
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

  // Past a million rows the body is capped and the virtualiser scrolls through a ScaledScroller,
  // which maps the box's positions to the list's (scaled-scroll.ts). Up to it, the real box.
  const listHeight = total * ROW_HEIGHT;
  const bodyHeight = physicalHeight(listHeight);
  const scaled = bodyHeight !== listHeight;
  const heights = useRef<ListHeights>({ virtual: listHeight, body: bodyHeight });
  const scaledScroller = useRef<ScaledScroller>(undefined);
  // Before the virtualiser's own layout effect, which may scroll through the scaler.
  useLayoutEffect(() => {
    heights.current = { virtual: listHeight, body: bodyHeight };
  }, [listHeight, bodyHeight]);
  const getScrollElement = () => {
    const element = scrollRef.current;
    if (!element || !scaled) return element;
    if (scaledScroller.current?.element !== element)
      scaledScroller.current = new ScaledScroller(element, () => heights.current);
    // The virtualiser reads and writes only what a ScaledScroller has of an element.
    return scaledScroller.current as unknown as HTMLDivElement;
  };
  // Scaled, the browser cannot bring a cell into view (a scroll of the box moves the rows by
  // more than the scroll): the virtualiser does, so it needs to know what the sticky header
  // covers of the box. From a ResizeObserver, after layout.
  const headRef = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head || !scaled) return;
    const observer = new ResizeObserver(() => setHeadHeight(head.offsetHeight));
    observer.observe(head);
    return () => observer.disconnect();
  }, [scaled]);

  // TanStack Virtual returns functions the React Compiler cannot memoise; this component is
  // left uncompiled, which is what the library expects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollPaddingEnd: scaled ? headHeight : 0,
    // The scroll box's size comes from a ResizeObserver only, after the browser's own layout:
    // read at once (the library's default) it laid out the whole new step inside the task that
    // built the grid. Until then the grid assumes a box as tall as the window.
    observeElementRect: observeRectAfterLayout,
    initialRect: { width: 0, height: window.innerHeight },
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
  // Scaled, the rows are drawn relative to where the box was when its position was last read.
  const view = virtualizer.scrollElement;
  const scaledView = scaled && view instanceof ScaledScroller ? view : undefined;
  const position = total === 0 ? 0 : Math.min(active.position, total - 1);
  const activeRow = rows.rowAt(position);

  // Columns in the order shown: the names first (they stay put), then the others. A cell's
  // `col` stays its index in summary.columns + 1, as the step and the worker know it.
  const order = useMemo(() => displayOrder(columns), [columns]);
  const stickyCount = order.filter((c) => STICKY_FIELDS.includes(columns[c]?.field ?? '')).length;
  const colOrder = useMemo(() => [0, ...order.map((c) => c + 1), lastCol], [order, lastCol]);
  const nextCol = (col: number, delta: number) => {
    const at = Math.max(0, colOrder.indexOf(col));
    return colOrder[Math.max(0, Math.min(colOrder.length - 1, at + delta))] ?? col;
  };

  // Widths from the labels and the first rows shown, measured once per set of columns, so a
  // column never changes width while the user scrolls, filters or edits.
  const columnsKey = columns
    .map((c) => `${c.field}\u0000${c.label}\u0000${c.source}`)
    .join('\u0001');
  const [measured, setMeasured] = useState<ColumnSizes>();
  if (measured?.key !== columnsKey) {
    const sample: ReviewRow[] = [];
    for (let p = range.first; p < Math.min(total, range.first + SAMPLE_ROWS); p++) {
      const row = rows.rowAt(p);
      if (row) sample.push(row);
    }
    if (rows.loaded && (sample.length > 0 || total === 0))
      setMeasured(measureColumns(columnsKey, columns, sample, summary.totalRows));
  }
  const provisional = useMemo(
    () => measureColumns(columnsKey, columns, [], summary.totalRows),
    [columnsKey, columns, summary.totalRows],
  );
  const sizes = measured?.key === columnsKey ? measured : provisional;
  const layout = useMemo(() => gridLayout(sizes, order, stickyCount), [sizes, order, stickyCount]);

  // Squeezing the columns is worth it only when that spares a sideways scroll: when even their
  // minimums do not fit (a phone, 200 % zoom), they take their full widths and the grid scrolls.
  // Set on the element, without a render, from a ResizeObserver: it reports the box after the
  // browser's layout and before the paint (a change then lays out again before the paint), on
  // the first layout and on every resize. Read at once, the width laid out the whole new step
  // inside the task that built the grid.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(() => {
      const width = scroller.clientWidth;
      const overflow = width < leastWidth(sizes, order, stickyCount, width);
      scroller.toggleAttribute('data-overflowing', overflow);
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [sizes, order, stickyCount]);

  useEffect(() => onActiveRow(activeRow), [activeRow, onActiveRow]);
  useEffect(() => {
    if (rows.loaded) onRowsShown?.(filter, total);
  }, [rows.loaded, filter, total, onRowsShown]);

  // Set by a move or a jump: the new cell takes the focus once it is drawn (see below).
  const focusPending = useRef(false);

  // A jump (next error, filter change) scrolls to the cell and moves focus there.
  const lastJump = useRef(active.jump);
  useEffect(() => {
    if (lastJump.current === active.jump) return;
    lastJump.current = active.jump;
    if (total > 0) virtualizer.scrollToIndex(position, { align: 'auto' });
    focusCell(gridRef.current, position, active.col, true);
    // A far jump: the cell is drawn after the scroll (see below).
    focusPending.current = true;
  }, [active.jump, active.col, position, total, virtualizer]);

  // Arrow keys: once the new cell is rendered, it takes the focus if the grid had it.
  useEffect(() => {
    focusCell(gridRef.current, position, active.col, false);
  }, [position, active.col, activeRow]);

  // A long move (Ctrl+End, PageDown past the rows drawn) scrolls the focused cell away, and it
  // is removed before the new one is drawn, leaving the focus on the page: the new cell takes
  // it once drawn and loaded, unless the user has put the focus somewhere else meanwhile.
  useEffect(() => {
    if (!focusPending.current) return;
    const grid = gridRef.current;
    const focused = document.activeElement;
    const elsewhere = focused && focused !== document.body && !grid?.contains(focused);
    // An editor has the focus (a click on a cell): it keeps it.
    if (!grid || elsewhere || focused?.tagName === 'INPUT') {
      focusPending.current = false;
    } else if (focusDrawnCell(grid, position, active.col)) {
      focusPending.current = false;
    }
  });

  // A focused cell that leaves the view (its row fixed out of a filter, the editor closed) is
  // taken off the page with the focus: the active cell takes it, or the "No rows" line, or the
  // grid itself until its rows are drawn (the effect above then moves it into the cell).
  const focusKeeper = useFocusKeeper(
    () => {
      const grid = gridRef.current;
      if (!grid) return undefined;
      const cell = grid.querySelector<HTMLElement>(
        `[data-pos="${position}"][data-col="${active.col}"]`,
      );
      const target =
        cell?.querySelector<HTMLElement>('button') ??
        cell ??
        grid.querySelector<HTMLElement>('.review-grid-body [tabindex="0"]');
      if (target) return target;
      focusPending.current = true;
      return grid;
    },
    { following: false },
  );

  const move = (nextPosition: number, col: number) => {
    const clamped = Math.max(0, Math.min(total - 1, nextPosition));
    focusPending.current = true;
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
  // The latest edit and the step's handlers, read when a row calls back: the callbacks stay the
  // same object, so starting or ending an edit draws the rows it touches, not every row.
  const latest = useRef({ editing, onEdit, onToggleSkip, nextCol, jump: active.jump });
  useLayoutEffect(() => {
    latest.current = { editing, onEdit, onToggleSkip, nextCol, jump: active.jump };
  });
  /** `then`: where the focus goes after (Enter: the cell; Tab, Shift+Tab: the next, previous). */
  const onSave = useCallback(
    (row: ReviewRow, rowPosition: number, value: string, then: 'stay' | 1 | -1 | undefined) => {
      const { editing: current, onEdit: edit, nextCol: next, jump } = latest.current;
      if (!current) return;
      setEditing(undefined);
      edit(row, current.field, value);
      if (then === undefined) return;
      const col = then === 'stay' ? current.col : next(current.col, then);
      if (col !== current.col) onActiveChange({ position: rowPosition, col, jump });
      focusCell(gridRef.current, rowPosition, col, true);
    },
    [onActiveChange],
  );
  const onCancel = useCallback((rowPosition: number) => {
    const col = latest.current.editing?.col ?? 1;
    setEditing(undefined);
    focusCell(gridRef.current, rowPosition, col, true);
  }, []);
  const onRowSkip = useCallback(
    (row: ReviewRow, rowPosition: number) => {
      onActiveChange({ position: rowPosition, col: lastCol, jump: activeJump });
      latest.current.onToggleSkip(row);
    },
    [onActiveChange, lastCol, activeJump],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || total === 0) return;
    const { key } = event;
    let handled = true;
    if (key === 'ArrowDown') move(position + 1, active.col);
    else if (key === 'ArrowUp') move(position - 1, active.col);
    else if (key === 'ArrowRight') move(position, nextCol(active.col, 1));
    else if (key === 'ArrowLeft') move(position, nextCol(active.col, -1));
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
    <div
      className="review-grid-scroll"
      ref={scrollRef}
      data-scaled={scaled || undefined}
      data-focus-group="grid"
      {...focusKeeper}
    >
      <div
        ref={gridRef}
        role="grid"
        tabIndex={-1}
        aria-label="Rows to review"
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 2}
        className="review-grid"
        style={layout.style}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="review-grid-head" ref={headRef}>
          <div role="row" aria-rowindex={1} className="review-grid-row">
            <div role="columnheader" className={`review-cell ${stickyClass(0, stickyCount)}`}>
              Row
            </div>
            {order.map((c, i) => {
              const column = columns[c];
              if (!column) return null;
              return (
                <div
                  role="columnheader"
                  key={column.field}
                  className={`review-cell ${stickyClass(i + 1, stickyCount)}`}
                  title={`${column.label}: ${column.source}`}
                >
                  {column.label}
                  <span className="muted small block">{column.source}</span>
                </div>
              );
            })}
            <div role="columnheader" className="review-cell">
              Send?
            </div>
          </div>
        </div>
        <div
          role="rowgroup"
          className="review-grid-body"
          style={
            scaled
              ? { height: bodyHeight, overflowY: 'clip' }
              : { height: Math.max(virtualizer.getTotalSize(), total === 0 ? ROW_HEIGHT : 0) }
          }
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
                top={rowTop(
                  item.start,
                  scaledView?.virtualTop ?? 0,
                  scaledView?.physicalTop ?? 0,
                  scaledView !== undefined,
                )}
                row={row}
                columns={columns}
                order={order}
                stickyCount={stickyCount}
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

/**
 * The virtualizer's `observeElementRect`: the scroll box's size from a ResizeObserver alone, whose
 * first report comes after the browser's layout (at which point reading it costs nothing).
 */
function observeRectAfterLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  onRect: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement && realScrollElement(instance.scrollElement);
  if (!element) return undefined;
  const observer = new ResizeObserver(() =>
    onRect({ width: element.clientWidth, height: element.clientHeight }),
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/** Focuses the cell if it is drawn and can take the focus; true when it has it. */
function focusDrawnCell(grid: HTMLElement, position: number, col: number): boolean {
  const cell = grid.querySelector<HTMLElement>(`[data-pos="${position}"][data-col="${col}"]`);
  if (!cell) return false;
  focusCell(grid, position, col, true);
  const target = cell.querySelector<HTMLElement>('button') ?? cell;
  return document.activeElement === target;
}

function focusCell(grid: HTMLElement | null, position: number, col: number, force: boolean): void {
  if (!grid) return;
  if (!force && !grid.contains(document.activeElement)) return;
  if (!force && document.activeElement?.tagName === 'INPUT') return;
  const cell =
    grid.querySelector<HTMLElement>(`[data-pos="${position}"][data-col="${col}"]`) ??
    (force ? grid.querySelector<HTMLElement>('[tabindex="0"]') : null);
  const target = cell?.querySelector<HTMLElement>('button') ?? cell;
  if (!cell || !target || document.activeElement === target) return;
  // The grid scrolls itself to the row (the virtualiser); the page then brings the cell into
  // view, clear of the fixed action bar (scroll-padding), when the grid is partly off screen.
  target.focus({ preventScroll: true });
  // The whole cell, so a focused button's ring is in sight too.
  const scroller = grid.parentElement;
  const scaled = scroller?.hasAttribute('data-scaled') ?? false;
  const top = scaled ? (scroller?.scrollTop ?? 0) : 0;
  cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  // A scaled grid's rows move by more than its box scrolls: there the virtualiser alone scrolls
  // the box up and down (scrollToIndex, clear of the header), the browser only sideways and
  // the page.
  if (scaled && scroller && scroller.scrollTop !== top) scroller.scrollTop = top;
  uncover(grid, cell, scaled);
}

/**
 * A cell counts as in view for the browser even under the grid's sticky header or sticky
 * columns: scrolls the grid by what they cover of it.
 */
function uncover(grid: HTMLElement, cell: HTMLElement, scaled: boolean): void {
  const scroller = grid.parentElement;
  if (!scroller) return;
  const box = cell.getBoundingClientRect();
  if (!cell.classList.contains('sticky')) {
    const stuck = cell.parentElement?.querySelectorAll<HTMLElement>('.sticky');
    const last = stuck?.[stuck.length - 1];
    if (last) {
      const covered = last.getBoundingClientRect().right - box.left;
      if (covered > 0) scroller.scrollLeft -= covered;
    }
  }
  const head = grid.querySelector('.review-grid-head');
  if (head && !scaled && cell.closest('.review-grid-body')) {
    const covered = head.getBoundingClientRect().bottom - box.top;
    if (covered > 0) scroller.scrollTop -= covered;
  }
}

interface RowProps {
  readonly position: number;
  readonly top: number;
  readonly row: ReviewRow | undefined;
  readonly columns: ReviewSummary['columns'];
  /** Indexes of `columns` in the order shown. */
  readonly order: readonly number[];
  /** How many cells, the row number included, stay put while the grid scrolls sideways. */
  readonly stickyCount: number;
  /** The active column when this row holds the active cell, else -1. */
  readonly activeCol: number;
  readonly editing: Editing | undefined;
  readonly onCellClick: (row: ReviewRow, position: number, col: number) => void;
  readonly onSave: (
    row: ReviewRow,
    position: number,
    value: string,
    then: 'stay' | 1 | -1 | undefined,
  ) => void;
  readonly onCancel: (position: number) => void;
  readonly onToggleSkip: (row: ReviewRow, position: number) => void;
}

const GridRow = memo(function GridRow(props: RowProps) {
  const { position, top, row, columns, order, stickyCount, activeCol, editing } = props;
  const { onCellClick, onSave, onCancel } = props;
  const lastCol = columns.length + 1;
  const tab = (col: number) => (activeCol === col ? 0 : -1);
  const style = { transform: `translateY(${top}px)` };
  if (!row) {
    return (
      <div role="row" aria-rowindex={position + 2} className="review-grid-row" style={style}>
        <div
          role="gridcell"
          className={`review-cell muted ${stickyClass(0, stickyCount)}`}
          data-pos={position}
          data-col={0}
        >
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
        className={`review-cell row-number ${stickyClass(0, stickyCount)}`}
        tabIndex={tab(0)}
        data-pos={position}
        data-col={0}
        title={rowProblems.map((p) => p.message).join('\n') || undefined}
        onClick={() => onCellClick(row, position, 0)}
      >
        <span aria-hidden="true" className="row-mark">
          {row.skipped ? '⤼' : errors > 0 ? '✖' : ''}
        </span>
        <span className="row-word">Row </span>
        {row.rowNumber}
        {row.skipped && <span className="visually-hidden">, skipped</span>}
        {rowProblems.map((p) => (
          <span key={p.code} className="visually-hidden">
            {`, ${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`}
          </span>
        ))}
      </div>
      {order.map((c, i) => {
        const column = columns[c];
        if (!column) return null;
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
            className={`review-cell value ${stickyClass(i + 1, stickyCount)}${severity ? ` has-${severity}` : ''}${edited ? ' edited' : ''}`}
            tabIndex={isEditing ? -1 : tab(col)}
            data-pos={position}
            data-col={col}
            data-field={column.field}
            aria-readonly={row.skipped ? true : undefined}
            title={
              [shortTitle(value), ...problems.map((p) => p.message)].filter(Boolean).join('\n') ||
              undefined
            }
            onClick={() => onCellClick(row, position, col)}
          >
            {isEditing ? (
              <CellEditor
                label={`${column.label}, row ${row.rowNumber}`}
                initial={value}
                onSave={(value, then) => onSave(row, position, value, then)}
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
  /** `then`: Enter keeps the focus on the cell, Tab moves it on (1) or back (-1), a blur leaves it. */
  onSave: (value: string, then: 'stay' | 1 | -1 | undefined) => void;
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
          props.onSave(event.currentTarget.value, 'stay');
        } else if (event.key === 'Tab') {
          // Saves and moves to the next cell, as in a spreadsheet: left to the browser, the
          // focus went to a control the save then disabled, or to the page.
          event.preventDefault();
          done.current = true;
          props.onSave(event.currentTarget.value, event.shiftKey ? -1 : 1);
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
        props.onSave(event.currentTarget.value, undefined);
      }}
    />
  );
}

// ---- layout -----------------------------------------------------------------------------------

/** Indexes of `columns` in the order shown: the names first, then the others as mapped. */
function displayOrder(columns: ReviewSummary['columns']): number[] {
  const indexes = columns.map((_, c) => c);
  const rank = (c: number) => {
    const sticky = STICKY_FIELDS.indexOf(columns[c]?.field ?? '');
    return sticky < 0 ? STICKY_FIELDS.length : sticky;
  };
  return indexes.sort((a, b) => rank(a) - rank(b) || a - b);
}

/** Classes of the cell shown at `index` (0 = row number): sticky, and the last sticky one. */
function stickyClass(index: number, stickyCount: number): string {
  if (index > stickyCount) return '';
  return `sticky sticky-${index}${index === stickyCount ? ' sticky-end' : ''}`;
}

/** Widths in CSS pixels, measured for one set of columns. */
interface ColumnSizes {
  readonly key: string;
  /** Per column of summary.columns: the width its label and values ask for, within limits. */
  readonly wanted: readonly number[];
  /** Per column: the narrowest it may be squeezed to (its label's longest word still fits). */
  readonly least: readonly number[];
  /** The row number column: "Row 123", and the number alone (on a narrow grid). */
  readonly row: number;
  readonly rowNarrow: number;
  readonly action: number;
}

/** Cell padding (0.5rem each side) and a little slack, in rem. */
const PAD_REM = 1.1;
const MIN_REM = 4.5;
const MAX_REM = 18;
/** Longest value measured, in characters (a cell shows at most 500). */
const MEASURED_CHARS = 80;

let measuringContext: CanvasRenderingContext2D | null | undefined;

/** The width of `text` in a font, or an estimate where there is no canvas (unit tests). */
function textWidth(text: string, font: string, fontPx: number): number {
  if (measuringContext === undefined)
    measuringContext = document.createElement('canvas').getContext('2d');
  if (!measuringContext) return text.length * fontPx * 0.6;
  measuringContext.font = font;
  return measuringContext.measureText(text).width;
}

function measureColumns(
  key: string,
  columns: ReviewSummary['columns'],
  sample: readonly ReviewRow[],
  totalRows: number,
): ColumnSizes {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  // The grid's text is 0.92rem, its headers' second line 0.9rem (.small).
  const cellPx = 0.92 * rem;
  const smallPx = 0.9 * rem;
  const cell = (text: string) => textWidth(text, `${cellPx}px ${family}`, cellPx);
  const bold = (text: string) => textWidth(text, `600 ${cellPx}px ${family}`, cellPx);
  const small = (text: string) => textWidth(text, `${smallPx}px ${family}`, smallPx);
  const longestWord = (text: string, measure: (word: string) => number) =>
    Math.max(0, ...text.split(/\s+/).map(measure));
  const pad = PAD_REM * rem;
  const mark = cell('✖') + 0.3 * rem;
  const clamp = (px: number) => Math.ceil(Math.min(MAX_REM * rem, Math.max(MIN_REM * rem, px)));

  const wanted: number[] = [];
  const least: number[] = [];
  columns.forEach((column, c) => {
    // A label stays on one line when it can; the source below it may wrap between words.
    const label = bold(column.label);
    const source = longestWord(column.source, small);
    let values = 0;
    for (const row of sample) {
      const value = row.values[c] ?? '';
      const flagged = row.problems.some((p) => p.field === column.field);
      values = Math.max(values, cell(value.slice(0, MEASURED_CHARS)) + (flagged ? mark : 0));
    }
    const width = clamp(Math.max(label, source, values) + pad);
    wanted.push(width);
    least.push(Math.min(width, clamp(Math.max(longestWord(column.label, bold), 6 * rem) + pad)));
  });

  const lastRow = Math.max(totalRows + 1, ...sample.map((row) => row.rowNumber));
  const digits = '8'.repeat(String(lastRow).length);
  // The button (its padding and border), the cell's padding and room for the focus ring.
  const restore = cell('Restore') + 1.2 * rem + 2 + 0.8 * rem + 6;
  return {
    key,
    wanted,
    least,
    row: Math.ceil(Math.max(cell(`Row ${digits}`) + mark, bold('Row')) + pad),
    rowNarrow: Math.ceil(Math.max(cell(digits) + mark, bold('Row')) + pad),
    action: Math.ceil(Math.max(restore, bold('Send?') + pad)),
  };
}

/** The narrowest the columns can be squeezed to in a scroll box `width` wide (as the CSS). */
function leastWidth(
  sizes: ColumnSizes,
  order: readonly number[],
  stickyCount: number,
  width: number,
): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  let least = (width <= 40 * rem ? sizes.rowNarrow : sizes.row) + sizes.action;
  order.forEach((c, i) => {
    const wanted = sizes.wanted[c] ?? 0;
    least += i < stickyCount ? Math.min(wanted, 0.22 * width) : (sizes.least[c] ?? wanted);
  });
  return least;
}

/**
 * The grid's CSS variables: the columns of every row, and where each sticky cell sticks. The
 * sticky ones are capped to a share of the grid's width (cqi: the scroll container is a size
 * container), so that at 200 % zoom or on a phone the other columns keep room to be scrolled to.
 */
function gridLayout(
  sizes: ColumnSizes,
  order: readonly number[],
  stickyCount: number,
): { readonly style: CSSProperties } {
  // --row-column is --row-wide, or --row-narrow on a narrow grid (styles.css).
  const tracks = ['var(--row-column)'];
  order.slice(0, stickyCount).forEach((c) => {
    tracks.push(`min(${sizes.wanted[c] ?? MIN_REM * 16}px, 22cqi)`);
  });
  // Another column is never wider than the room beside the sticky ones, so a focused cell can
  // always be seen whole.
  const room = `calc(100cqi - ${tracks.join(' - ')})`;
  order.slice(stickyCount).forEach((c) => {
    const wanted = sizes.wanted[c] ?? MIN_REM * 16;
    const least = sizes.least[c] ?? wanted;
    tracks.push(`minmax(${least}px, min(${wanted}px, ${room}))`);
  });
  tracks.push(`${sizes.action}px`);
  const style: Record<string, string> = {
    '--review-template': tracks.join(' '),
    '--row-wide': `${sizes.row}px`,
    '--row-narrow': `${sizes.rowNarrow}px`,
  };
  for (let i = 1; i <= stickyCount; i++)
    style[`--sticky-${i}`] = `calc(${tracks.slice(0, i).join(' + ')})`;
  return { style: style as CSSProperties };
}

/** `value`, or the previous one while it is the same data (parts that are the same, kept). */
function useSame<T>(value: T): T {
  const [kept, setKept] = useState(value);
  const shared = replaceEqualDeep(kept, value);
  if (shared === kept) return kept;
  // Information from the previous render, kept as React advises: set while rendering.
  setKept(shared);
  return shared;
}
