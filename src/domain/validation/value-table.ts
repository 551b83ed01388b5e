/**
 * The row under each string value, for a million values: an open-addressing table in one typed
 * array (hash and row side by side per slot, 8 bytes, off the V8 heap, one cache line a probe).
 * The values are not kept: a slot whose hash matches is confirmed by asking `valueOf` for its
 * row's value, which happens for rows that really share a value and, rarely, for a hash
 * collision. A `Map` with a million string keys cost about 1 µs an insert and kept every key
 * string alive (~100 bytes a row).
 *
 * A file's values can also go in all at once (`holdAll`), in the order of their slots: a
 * million inserts one by one each wait for a slot of a 16 MB table to come from memory (~180 ns
 * in Chromium's worker), in slot order they do not.
 */
import { progressOf, type Steps } from '../progress/steps';

// A slot's row is kept plus one, so a new (zeroed) array is a table of empty slots.
const EMPTY = 0;
const REMOVED = -1;
const MIN_CAPACITY = 1024;

/** FNV-1a over the UTF-16 code units. */
export function hashOf(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/**
 * Slot `s` is `slots[2s]` (the hash) and `slots[2s + 1]` (the row plus one, or EMPTY / REMOVED).
 */
function emptySlots(capacity: number): Int32Array {
  return new Int32Array(capacity * 2);
}

/** Values as their hashes and rows, gathered to be held at once (`ValueTable.holdAll`). */
export class HashedRows {
  hashes: Int32Array;
  rows: Int32Array;
  length = 0;

  constructor(
    capacity = 1024,
    /**
     * Values the batch may come to hold (a file's rows): past 65,536 it grows to that at once,
     * not one doubling at a time (each left its arrays behind, and the last could leave a third
     * of the room unused).
     */
    private readonly expected = 0,
  ) {
    this.hashes = new Int32Array(Math.max(16, capacity));
    this.rows = new Int32Array(Math.max(16, capacity));
  }

  /** Lets the arrays go (a million values hold 8 MB), leaving the batch empty. */
  release(): void {
    this.hashes = new Int32Array(16);
    this.rows = new Int32Array(16);
    this.length = 0;
  }

  push(value: string, row: number): void {
    if (this.length === this.hashes.length) {
      const room =
        this.length >= 65_536 && this.expected > this.length * 2 ? this.expected : this.length * 2;
      const hashes = new Int32Array(room);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const rows = new Int32Array(room);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.hashes[this.length] = hashOf(value);
    this.rows[this.length++] = row;
  }
}

interface Entries {
  hashes: Int32Array;
  rows: Int32Array;
}

/** Entries sorted or inserted between two pauses of `holdAll`. */
const ENTRIES_PER_STEP = 1 << 18;
/** Bits of the slot sorted on in one pass. */
const RADIX_BITS = 11;

export class ValueTable {
  private slots: Int32Array | undefined;
  private capacity = MIN_CAPACITY;
  /** Slots holding a row or a removal mark: what decides when the table grows. */
  private filled = 0;
  private count = 0;
  /** Highest row held so far: with `expected`, how full the table will likely end. */
  private lastRow = -1;

  constructor(
    /** The value `row` is held under (asked only when hashes match). */
    private readonly valueOf: (row: number) => string | undefined,
    /**
     * Rows the values come from (a file's rows, added in order, numbered from 0). The table
     * starts small and, when it first outgrows that, takes the room the share of rows with a
     * value so far points to, in one step: grown one doubling at a time, a million values ended
     * in a table twice the size (32 MB, not 16), and a field few rows fill stays small.
     */
    private readonly expected = 0,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The row held under `value`, or undefined. */
  get(value: string): number | undefined {
    const slot = this.find(value, hashOf(value));
    return slot < 0 ? undefined : ((this.slots as Int32Array)[slot * 2 + 1] as number) - 1;
  }

  /** Holds `row` under `value` (replacing the row held before). `row` is a non-negative integer. */
  set(value: string, row: number): void {
    const hash = hashOf(value);
    const found = this.find(value, hash);
    if (found >= 0) (this.slots as Int32Array)[found * 2 + 1] = row + 1;
    else this.insert(hash, row);
  }

  /** Holds `row` under `value` unless a row is held already; returns that row, or -1 when it held `row`. */
  hold(value: string, row: number): number {
    const hash = hashOf(value);
    const found = this.find(value, hash);
    if (found >= 0) return ((this.slots as Int32Array)[found * 2 + 1] as number) - 1;
    this.insert(hash, row);
    return -1;
  }

  delete(value: string): boolean {
    const slot = this.find(value, hashOf(value));
    if (slot < 0) return false;
    (this.slots as Int32Array)[slot * 2 + 1] = REMOVED;
    this.count--;
    return true;
  }

  /**
   * Holds the rows of `batch` in this table, which must be empty (a file's first check), as
   * `hold` would one after the other, but in the order of their slots. Values on several rows
   * are not held: `shared` is told each such value once, with its rows in the batch's order.
   * Pauses every ENTRIES_PER_STEP entries; the batch's arrays are used up.
   */
  *holdAll(batch: HashedRows, shared: (value: string, rows: number[]) => void): Steps<void> {
    if (this.filled > 0) throw new Error('holdAll fills an empty table');
    const n = batch.length;
    if (n === 0) return;
    const capacity = Math.max(MIN_CAPACITY, nextPowerOfTwo(n * 2 + 2));
    const mask = capacity - 1;
    // A stable radix sort of the entries by slot, RADIX_BITS bits of it a pass.
    let from: Entries = { hashes: batch.hashes, rows: batch.rows };
    let to: Entries = { hashes: new Int32Array(n), rows: new Int32Array(n) };
    const counts = new Int32Array((1 << RADIX_BITS) + 1);
    // `>>>` takes its count modulo 32: the passes stop at 32 bits, not when the mask runs out.
    for (let shift = 0; shift < 32 && mask >>> shift !== 0; shift += RADIX_BITS) {
      counts.fill(0);
      countDigits(from.hashes, n, mask, shift, counts);
      for (let start = 0; start < n; start += ENTRIES_PER_STEP) {
        yield progressOf(0, n);
        scatter(from, to, start, Math.min(n, start + ENTRIES_PER_STEP), mask, shift, counts);
      }
      [from, to] = [to, from];
    }
    this.slots = emptySlots(capacity);
    this.capacity = capacity;
    for (let start = 0; start < n; ) {
      yield progressOf(start, n);
      start = this.placeSorted(from.hashes, from.rows, n, start, start + ENTRIES_PER_STEP, shared);
    }
    batch.release();
  }

  /**
   * Places sorted entries from `start` on, a run of entries with the same slot at a time, up to
   * the first run that starts at `end` or later; returns where it stopped.
   */
  private placeSorted(
    hashes: Int32Array,
    rows: Int32Array,
    n: number,
    start: number,
    end: number,
    shared: (value: string, rows: number[]) => void,
  ): number {
    const mask = this.capacity - 1;
    let i = start;
    while (i < n && i < end) {
      const home = (hashes[i] as number) & mask;
      let j = i + 1;
      while (j < n && ((hashes[j] as number) & mask) === home) j++;
      if (j === i + 1) this.place(hashes[i] as number, rows[i] as number);
      else this.placeRun(hashes, rows, i, j, shared);
      i = j;
    }
    return i;
  }

  /** Entries i..j share a slot: those whose hashes and values are the same are one value. */
  private placeRun(
    hashes: Int32Array,
    rows: Int32Array,
    i: number,
    j: number,
    shared: (value: string, rows: number[]) => void,
  ): void {
    // Mostly a few different hashes that met: each placed as it comes.
    if (j - i <= 8 && allDifferent(hashes, i, j)) {
      for (let k = i; k < j; k++) this.place(hashes[k] as number, rows[k] as number);
      return;
    }
    // By hash, in the batch's order (a long run is a value on many rows).
    const byHash = new Map<number, number[]>();
    for (let k = i; k < j; k++) {
      const hash = hashes[k] as number;
      const same = byHash.get(hash);
      if (same) same.push(rows[k] as number);
      else byHash.set(hash, [rows[k] as number]);
    }
    for (const [hash, sameHash] of byHash) {
      if (sameHash.length === 1) {
        this.place(hash, sameHash[0] as number);
        continue;
      }
      const byValue = new Map<string, number[]>();
      for (const row of sameHash) {
        const value = this.valueOf(row);
        if (value === undefined) {
          this.place(hash, row);
          continue;
        }
        const same = byValue.get(value);
        if (same) same.push(row);
        else byValue.set(value, [row]);
      }
      for (const [value, sameValue] of byValue) {
        if (sameValue.length === 1) this.place(hash, sameValue[0] as number);
        else shared(value, sameValue);
      }
    }
  }

  /** Puts a row in the first free slot from its hash's (the table has room, and no such value). */
  private place(hash: number, row: number): void {
    const slots = this.slots as Int32Array;
    const mask = this.capacity - 1;
    let slot = hash & mask;
    while (slots[slot * 2 + 1] !== EMPTY) slot = (slot + 1) & mask;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = row + 1;
    this.filled++;
    this.count++;
    if (row > this.lastRow) this.lastRow = row;
  }

  private insert(hash: number, row: number): void {
    this.slots ??= emptySlots(this.capacity);
    if (row > this.lastRow) this.lastRow = row;
    if ((this.filled + 1) * 2 > this.capacity) this.grow(this.slots);
    const slots = this.slots as Int32Array;
    const mask = this.capacity - 1;
    let slot = hash & mask;
    // A removal mark is reused; `filled` counts it already.
    while ((slots[slot * 2 + 1] as number) > 0) slot = (slot + 1) & mask;
    if (slots[slot * 2 + 1] === EMPTY) this.filled++;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = row + 1;
    this.count++;
  }

  private find(value: string, hash: number): number {
    const slots = this.slots;
    if (slots === undefined) return -1;
    const mask = this.capacity - 1;
    let slot = hash & mask;
    for (;;) {
      const held = slots[slot * 2 + 1] as number;
      if (held === EMPTY) return -1;
      if (held > 0 && slots[slot * 2] === hash && this.valueOf(held - 1) === value) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(old: Int32Array): void {
    // Removal marks are dropped on the way: a table that mostly lost rows stays its size.
    let wanted = this.count * 4;
    if (this.expected > this.lastRow + 1 && this.lastRow >= 0) {
      // Values to come, at the share of rows that had one so far (with room to spare).
      const projected = (this.count * this.expected) / (this.lastRow + 1);
      wanted = Math.max(wanted, Math.min(this.expected, projected * 1.25) * 2 + 2);
    }
    const capacity = Math.max(MIN_CAPACITY, nextPowerOfTwo(wanted));
    const slots = emptySlots(capacity);
    const mask = capacity - 1;
    for (let s = 0; s < old.length; s += 2) {
      const held = old[s + 1] as number;
      if (held <= 0) continue;
      const hash = old[s] as number;
      let slot = hash & mask;
      while (slots[slot * 2 + 1] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot * 2] = hash;
      slots[slot * 2 + 1] = held;
    }
    this.slots = slots;
    this.capacity = capacity;
    this.filled = this.count;
  }
}

function nextPowerOfTwo(n: number): number {
  let power = 1;
  while (power < n) power *= 2;
  return power;
}

function allDifferent(hashes: Int32Array, i: number, j: number): boolean {
  for (let k = i; k < j; k++)
    for (let m = k + 1; m < j; m++) if (hashes[k] === hashes[m]) return false;
  return true;
}

/** How many entries have each digit of their slot (`counts[d + 1]`), then where each digit starts. */
function countDigits(
  hashes: Int32Array,
  n: number,
  mask: number,
  shift: number,
  counts: Int32Array,
): void {
  const digit = (1 << RADIX_BITS) - 1;
  for (let i = 0; i < n; i++) {
    const d = ((((hashes[i] as number) & mask) >>> shift) & digit) + 1;
    counts[d] = (counts[d] as number) + 1;
  }
  for (let d = 0; d < digit + 1; d++)
    counts[d + 1] = (counts[d + 1] as number) + (counts[d] as number);
}

/** Moves entries start..end to their places by the digit (`counts` moves on with them). */
function scatter(
  from: Entries,
  to: Entries,
  start: number,
  end: number,
  mask: number,
  shift: number,
  counts: Int32Array,
): void {
  const digit = (1 << RADIX_BITS) - 1;
  const { hashes, rows } = from;
  const toHashes = to.hashes;
  const toRows = to.rows;
  for (let i = start; i < end; i++) {
    const hash = hashes[i] as number;
    const at = counts[((hash & mask) >>> shift) & digit] as number;
    counts[((hash & mask) >>> shift) & digit] = at + 1;
    toHashes[at] = hash;
    toRows[at] = rows[i] as number;
  }
}
