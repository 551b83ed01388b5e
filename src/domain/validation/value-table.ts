/**
 * The row under each string value, for a million values: an open-addressing table in one typed
 * array (hash and row side by side per slot, 8 bytes, off the V8 heap, one cache line a probe).
 * The values are not kept: a slot whose hash matches is confirmed by asking `valueOf` for its
 * row's value, which happens for rows that really share a value and, rarely, for a hash
 * collision. A `Map` with a million string keys cost about 1 µs an insert and kept every key
 * string alive (~100 bytes a row).
 */
const EMPTY = -1;
const REMOVED = -2;
const MIN_CAPACITY = 1024;

/** FNV-1a over the UTF-16 code units. */
function hashOf(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** Slot `s` is `slots[2s]` (the hash) and `slots[2s + 1]` (the row, or EMPTY / REMOVED). */
function emptySlots(capacity: number): Int32Array {
  const slots = new Int32Array(capacity * 2);
  for (let s = 1; s < slots.length; s += 2) slots[s] = EMPTY;
  return slots;
}

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
    return slot < 0 ? undefined : ((this.slots as Int32Array)[slot * 2 + 1] as number);
  }

  /** Holds `row` under `value` (replacing the row held before). `row` is a non-negative integer. */
  set(value: string, row: number): void {
    const hash = hashOf(value);
    const found = this.find(value, hash);
    if (found >= 0) (this.slots as Int32Array)[found * 2 + 1] = row;
    else this.insert(hash, row);
  }

  /** Holds `row` under `value` unless a row is held already; returns that row, or -1 when it held `row`. */
  hold(value: string, row: number): number {
    const hash = hashOf(value);
    const found = this.find(value, hash);
    if (found >= 0) return (this.slots as Int32Array)[found * 2 + 1] as number;
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

  private insert(hash: number, row: number): void {
    this.slots ??= emptySlots(this.capacity);
    if (row > this.lastRow) this.lastRow = row;
    if ((this.filled + 1) * 2 > this.capacity) this.grow(this.slots);
    const slots = this.slots as Int32Array;
    const mask = this.capacity - 1;
    let slot = hash & mask;
    // A removal mark is reused; `filled` counts it already.
    while ((slots[slot * 2 + 1] as number) >= 0) slot = (slot + 1) & mask;
    if (slots[slot * 2 + 1] === EMPTY) this.filled++;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = row;
    this.count++;
  }

  private find(value: string, hash: number): number {
    const slots = this.slots;
    if (slots === undefined) return -1;
    const mask = this.capacity - 1;
    let slot = hash & mask;
    for (;;) {
      const row = slots[slot * 2 + 1] as number;
      if (row === EMPTY) return -1;
      if (row >= 0 && slots[slot * 2] === hash && this.valueOf(row) === value) return slot;
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
      const row = old[s + 1] as number;
      if (row < 0) continue;
      const hash = old[s] as number;
      let slot = hash & mask;
      while (slots[slot * 2 + 1] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot * 2] = hash;
      slots[slot * 2 + 1] = row;
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
