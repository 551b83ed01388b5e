/**
 * The row under each string value, for a million values: an open-addressing table in typed
 * arrays (hash and row per slot, 8 bytes, off the V8 heap). The values are not kept: a slot
 * whose hash matches is confirmed by asking `valueOf` for its row's value, which happens for
 * rows that really share a value and, rarely, for a hash collision. A `Map` with a million
 * string keys cost about 1 µs an insert and kept every key string alive (~100 bytes a row).
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

export class ValueTable {
  private hashes = new Int32Array(MIN_CAPACITY);
  private rows = new Int32Array(MIN_CAPACITY).fill(EMPTY);
  /** Slots holding a row or a removal mark: what decides when the table grows. */
  private filled = 0;
  private count = 0;

  constructor(
    /** The value `row` is held under (asked only when hashes match). */
    private readonly valueOf: (row: number) => string | undefined,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The row held under `value`, or undefined. */
  get(value: string): number | undefined {
    const slot = this.find(value, hashOf(value));
    return slot < 0 ? undefined : (this.rows[slot] as number);
  }

  /** Holds `row` under `value` (replacing the row held before). `row` is a non-negative integer. */
  set(value: string, row: number): void {
    const hash = hashOf(value);
    const found = this.find(value, hash);
    if (found >= 0) this.rows[found] = row;
    else this.insert(hash, row);
  }

  private insert(hash: number, row: number): void {
    if ((this.filled + 1) * 2 > this.rows.length) this.grow();
    const mask = this.rows.length - 1;
    let slot = hash & mask;
    // A removal mark is reused; `filled` counts it already.
    while ((this.rows[slot] as number) >= 0) slot = (slot + 1) & mask;
    if (this.rows[slot] === EMPTY) this.filled++;
    this.hashes[slot] = hash;
    this.rows[slot] = row;
    this.count++;
  }

  /** Holds `row` under `value` unless a row is held already; returns that row, or -1 when it held `row`. */
  hold(value: string, row: number): number {
    const hash = hashOf(value);
    const found = this.find(value, hash);
    if (found >= 0) return this.rows[found] as number;
    this.insert(hash, row);
    return -1;
  }

  delete(value: string): boolean {
    const slot = this.find(value, hashOf(value));
    if (slot < 0) return false;
    this.rows[slot] = REMOVED;
    this.count--;
    return true;
  }

  private find(value: string, hash: number): number {
    const rows = this.rows;
    const mask = rows.length - 1;
    let slot = hash & mask;
    for (;;) {
      const row = rows[slot] as number;
      if (row === EMPTY) return -1;
      if (row >= 0 && this.hashes[slot] === hash && this.valueOf(row) === value) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { hashes, rows } = this;
    // Removal marks are dropped on the way: a table that mostly lost rows stays its size.
    const capacity = Math.max(MIN_CAPACITY, nextPowerOfTwo(this.count * 4));
    this.hashes = new Int32Array(capacity);
    this.rows = new Int32Array(capacity).fill(EMPTY);
    this.filled = this.count;
    const mask = capacity - 1;
    for (let old = 0; old < rows.length; old++) {
      const row = rows[old] as number;
      if (row < 0) continue;
      const hash = hashes[old] as number;
      let slot = hash & mask;
      while (this.rows[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.hashes[slot] = hash;
      this.rows[slot] = row;
    }
  }
}

function nextPowerOfTwo(n: number): number {
  let power = 1;
  while (power < n) power *= 2;
  return power;
}
