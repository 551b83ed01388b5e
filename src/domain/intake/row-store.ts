/**
 * A file's rows, kept compact. A million rows held as arrays of strings cost about 600 bytes a
 * row on the V8 heap (an array per row, a string object per cell, and the whole decoded text
 * that sliced cells keep alive). Here rows go in blocks; a block keeps each column as one
 * string (the cells joined) with the cells' end offsets in a typed array, and the width of each
 * row. A cell is a string again only when something reads it (a row check, a screen, a part).
 */

/** Rows as the wizard reads them: by row and column. */
export interface Rows {
  readonly length: number;
  /** The cell, or undefined past the end of the row. */
  cell(row: number, column: number): string | undefined;
  /** How many cells the row has (rows may be shorter or longer than the header). */
  width(row: number): number;
  /** The row's cells, as a new array. */
  row(row: number): string[];
  /**
   * The row's cells in `columns` into `out` (`out[k]` is column `columns[k]`, '' past the end of
   * the row or for a column below 0): a row's cells for a check, its block found once.
   */
  cellsOf(row: number, columns: readonly number[], out: string[]): void;
}

/**
 * Cells a block holds at most (rows × widest row): wide files get short blocks. A delimited
 * file is sealed after each parsed chunk (about 1 MB of text), before its records grow old.
 */
const BLOCK_CELLS = 1 << 17;
const MAX_BLOCK_ROWS = 1 << 15;

interface Block {
  readonly rows: number;
  readonly columns: number;
  /** One string per column: its cells joined. */
  readonly texts: readonly string[];
  /** End offset of each cell in its column's text, column after column (`columns × rows`). */
  readonly ends: Uint32Array;
  readonly widths: Uint32Array;
}

export class RowStore implements Rows {
  private readonly blocks: Block[] = [];
  /** First row of each block (blocks hold different numbers of rows). */
  private readonly firsts: number[] = [];
  private pending: string[][] = [];
  private pendingCells = 0;
  private count = 0;
  private lastBlock = 0;
  /** Whether the pending rows may hold two-byte cells, and whether the next ones may. */
  private wide = false;
  private nextWide = false;
  /** Columns that held a character above U+00FF in the last block repacked. */
  private readonly wideColumns: boolean[] = [];

  static from(records: readonly (readonly string[])[]): RowStore {
    const store = new RowStore();
    for (const record of records) store.push(record);
    return store;
  }

  get length(): number {
    return this.count;
  }

  /**
   * Says whether cells pushed from now on may be two-byte strings: cut from text that held a
   * character above U+00FF (V8 keeps a string cut from a two-byte string two-byte), so a column
   * joined from them would take two bytes a character even where each of its characters fits
   * in one. A block that holds any such cells has its columns repacked when it is sealed.
   */
  cellsMayBeWide(may: boolean): void {
    this.nextWide = may;
    // Rows pushed before keep their own answer.
    this.wide = this.pending.length === 0 ? may : this.wide || may;
  }

  /** Adds a row at the end. */
  push(record: readonly string[]): void {
    this.pending.push(record as string[]);
    this.pendingCells += Math.max(1, record.length);
    this.count++;
    if (this.pending.length >= MAX_BLOCK_ROWS || this.pendingCells >= BLOCK_CELLS) this.seal();
  }

  cell(row: number, column: number): string | undefined {
    const at = this.locate(row);
    if (at < 0) return this.pendingRow(row)?.[column];
    const block = this.blocks[at] as Block;
    const i = row - (this.firsts[at] as number);
    if (column < 0 || column >= (block.widths[i] as number)) return undefined;
    const slot = column * block.rows + i;
    const start = i === 0 ? 0 : (block.ends[slot - 1] as number);
    return (block.texts[column] as string).slice(start, block.ends[slot]);
  }

  width(row: number): number {
    const at = this.locate(row);
    if (at < 0) return this.pendingRow(row)?.length ?? 0;
    const block = this.blocks[at] as Block;
    return block.widths[row - (this.firsts[at] as number)] as number;
  }

  /**
   * Whether every cell of the row is empty or spaces (`trim()` leaves nothing), read in place: a
   * cell is not blank from its first character in nearly every row, with no string made.
   */
  isBlank(row: number): boolean {
    const at = this.locate(row);
    if (at < 0) return (this.pendingRow(row) ?? []).every((cell) => cell.trim() === '');
    const block = this.blocks[at] as Block;
    const i = row - (this.firsts[at] as number);
    const width = block.widths[i] as number;
    for (let column = 0; column < width; column++) {
      const slot = column * block.rows + i;
      const start = i === 0 ? 0 : (block.ends[slot - 1] as number);
      const end = block.ends[slot] as number;
      if (start === end) continue;
      const text = block.texts[column] as string;
      if (isPrintableStart(text.charCodeAt(start))) return false;
      if (text.slice(start, end).trim() !== '') return false;
    }
    return true;
  }

  row(row: number): string[] {
    const width = this.width(row);
    const cells = new Array<string>(width);
    for (let column = 0; column < width; column++) cells[column] = this.cell(row, column) as string;
    return cells;
  }

  cellsOf(row: number, columns: readonly number[], out: string[]): void {
    const at = this.locate(row);
    if (at < 0) {
      const record = this.pendingRow(row);
      for (let k = 0; k < columns.length; k++) out[k] = record?.[columns[k] as number] ?? '';
      return;
    }
    const block = this.blocks[at] as Block;
    const i = row - (this.firsts[at] as number);
    const width = block.widths[i] as number;
    const { rows, ends, texts } = block;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k] as number;
      if (column < 0 || column >= width) {
        out[k] = '';
        continue;
      }
      const slot = column * rows + i;
      const start = i === 0 ? 0 : (ends[slot - 1] as number);
      out[k] = (texts[column] as string).slice(start, ends[slot]);
    }
  }

  /** Puts the rows added so far into a block (done as they reach a block's size, and to finish). */
  seal(): void {
    const records = this.pending;
    if (records.length === 0) return;
    this.pending = [];
    this.pendingCells = 0;
    const rows = records.length;
    let columns = 0;
    const widths = new Uint32Array(rows);
    for (let i = 0; i < rows; i++) {
      const width = (records[i] as string[]).length;
      widths[i] = width;
      if (width > columns) columns = width;
    }
    const ends = new Uint32Array(columns * rows);
    const parts: string[][] = [];
    for (let column = 0; column < columns; column++) parts.push(new Array<string>(rows));
    const lengths = new Uint32Array(columns);
    // Row by row (each row's array is read once, while it is in cache), column texts after.
    for (let i = 0; i < rows; i++) {
      const record = records[i] as string[];
      for (let column = 0; column < columns; column++) {
        const cell = record[column] ?? '';
        (parts[column] as string[])[i] = cell;
        const end = (lengths[column] as number) + cell.length;
        lengths[column] = end;
        ends[column * rows + i] = end;
      }
    }
    const texts = parts.map((cells, column) =>
      this.wide ? this.packed(cells.join(''), column) : cells.join(''),
    );
    this.wide = this.nextWide;
    this.firsts.push(this.count - rows);
    this.blocks.push({ rows, columns, texts, ends, widths });
  }

  /**
   * A column's text one byte a character if its characters allow. A column that held a wider
   * character in the last block (a name column, say) is read for one first, which stops at the
   * first it finds: repacking it again would most likely be wasted.
   */
  private packed(text: string, column: number): string {
    if (this.wideColumns[column] === true && WIDE_CHARACTER.test(text)) return text;
    const narrow = narrowed(text);
    // Answered at once for a one-byte string.
    this.wideColumns[column] = WIDE_CHARACTER.test(narrow);
    return narrow;
  }

  /** The block holding `row`, or -1 while it is still pending (or out of range). */
  private locate(row: number): number {
    const blocks = this.blocks;
    let at = this.lastBlock;
    const first = this.firsts[at];
    if (first !== undefined && row >= first && row < first + (blocks[at] as Block).rows) return at;
    // Binary search; most reads walk rows in order, so the cached block usually answers.
    let low = 0;
    let high = blocks.length - 1;
    at = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = this.firsts[mid] as number;
      if (row < start) high = mid - 1;
      else if (row >= start + (blocks[mid] as Block).rows) low = mid + 1;
      else {
        at = mid;
        break;
      }
    }
    if (at >= 0) this.lastBlock = at;
    return at;
  }

  private pendingRow(row: number): string[] | undefined {
    const sealed = this.count - this.pending.length;
    return row >= sealed ? this.pending[row - sealed] : undefined;
  }
}

/**
 * Whether a value starting with this character is surely not blank: above the space and below
 * the first space past Latin-1 (U+1680), bar the no-break space. Told without making a string.
 */
export function isPrintableStart(c: number): boolean {
  return c > 0x20 && c < 0x1680 && c !== 0xa0;
}

/** A UTF-16 code unit above U+00FF: a character no one-byte string can hold. */
export const WIDE_CHARACTER = /[\u0100-\uffff]/;

/**
 * The same text, one byte a character when its characters allow. V8's JSON parser makes each
 * string it reads one-byte unless one of its characters is above U+00FF, whatever the
 * representation of the text it reads, and this round trip is the cheapest native copy that
 * does so (about 2 ms a million characters in Chromium, against 5 for `TextEncoder` then
 * `TextDecoder`; bench/README.md, "What moved"). A text that holds a wider character comes back
 * two-byte, as it was.
 */
export function narrowed(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Rows of a store seen through a list of its row indexes (rows above a header, empty rows left out). */
export class RowsView implements Rows {
  constructor(
    private readonly store: Rows,
    /** Store row of each row of the view. */
    private readonly indexes: Int32Array,
  ) {}

  get length(): number {
    return this.indexes.length;
  }

  cell(row: number, column: number): string | undefined {
    const at = this.indexes[row];
    return at === undefined ? undefined : this.store.cell(at, column);
  }

  width(row: number): number {
    const at = this.indexes[row];
    return at === undefined ? 0 : this.store.width(at);
  }

  row(row: number): string[] {
    const at = this.indexes[row];
    return at === undefined ? [] : this.store.row(at);
  }

  cellsOf(row: number, columns: readonly number[], out: string[]): void {
    const at = this.indexes[row];
    if (at !== undefined) this.store.cellsOf(at, columns, out);
    else for (let k = 0; k < columns.length; k++) out[k] = '';
  }
}

/** Rows that are already arrays (small tables, tests). */
export class ArrayRows implements Rows {
  constructor(private readonly records: readonly (readonly string[])[]) {}

  get length(): number {
    return this.records.length;
  }

  cell(row: number, column: number): string | undefined {
    return this.records[row]?.[column];
  }

  width(row: number): number {
    return this.records[row]?.length ?? 0;
  }

  row(row: number): string[] {
    return [...(this.records[row] ?? [])];
  }

  cellsOf(row: number, columns: readonly number[], out: string[]): void {
    const record = this.records[row];
    for (let k = 0; k < columns.length; k++) out[k] = record?.[columns[k] as number] ?? '';
  }
}

/** Rows `start` to `start + count` (clipped) as arrays. */
export function rowsSlice(rows: Rows, start: number, count: number): string[][] {
  const end = Math.min(rows.length, start + count);
  const out: string[][] = [];
  for (let row = Math.max(0, start); row < end; row++) out.push(rows.row(row));
  return out;
}

/** Every row as an array (small tables and tests; a large file should be read row by row). */
export function rowsToArrays(rows: Rows): string[][] {
  return rowsSlice(rows, 0, rows.length);
}
