/**
 * The first row under each string value, for a million values: an open-addressing table in
 * typed arrays (hash and row per slot, plus the value itself to confirm a match). A `Map` with
 * a million string keys cost about 1 µs an insert and ~40 bytes an entry on the V8 heap;
 * this costs a hash of the value's characters and one probe, and 12 bytes a slot.
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
  private values: (string | undefined)[] = new Array<string | undefined>(MIN_CAPACITY);
  /** Slots holding a row or a removal mark: what decides when the table grows. */
  private filled = 0;
  private count = 0;

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
    else this.insert(value, hash, row);
  }

  private insert(value: string, hash: number, row: number): void {
    if ((this.filled + 1) * 2 > this.rows.length) this.grow();
    const mask = this.rows.length - 1;
    let slot = hash & mask;
    // A removal mark is reused; `filled` counts it already.
    while ((this.rows[slot] as number) >= 0) slot = (slot + 1) & mask;
    if (this.rows[slot] === EMPTY) this.filled++;
    this.hashes[slot] = hash;
    this.rows[slot] = row;
    this.values[slot] = value;
    this.count++;
  }

  /** Holds `row` under `value` unless a row is held already; returns that row, or -1 when it held `row`. */
  hold(value: string, row: number): number {
    const hash = hashOf(value);
    const found = this.find(value, hash);
    if (found >= 0) return this.rows[found] as number;
    this.insert(value, hash, row);
    return -1;
  }

  delete(value: string): boolean {
    const slot = this.find(value, hashOf(value));
    if (slot < 0) return false;
    this.rows[slot] = REMOVED;
    this.values[slot] = undefined;
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
      if (row >= 0 && this.hashes[slot] === hash && this.values[slot] === value) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { hashes, rows, values } = this;
    // Removal marks are dropped on the way: a table that mostly lost rows stays its size.
    const capacity = Math.max(MIN_CAPACITY, nextPowerOfTwo(this.count * 4));
    this.hashes = new Int32Array(capacity);
    this.rows = new Int32Array(capacity).fill(EMPTY);
    this.values = new Array<string | undefined>(capacity);
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
      this.values[slot] = values[old];
    }
  }
}

function nextPowerOfTwo(n: number): number {
  let power = 1;
  while (power < n) power *= 2;
  return power;
}
