import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashedRows, ValueTable, hashOf } from './value-table';
import { runSteps } from '../progress/steps';

/** Two different values with the same hash (found by trying: a 32-bit hash meets in ~2^16). */
function collidingPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const value = `c${i}@example.com`;
    const other = seen.get(hashOf(value));
    if (other !== undefined) return [other, value];
    seen.set(hashOf(value), value);
  }
}

describe('ValueTable', () => {
  it('holds, replaces and forgets rows under values, as a Map would, through growth and removals', () => {
    const valueOfRow = new Map<number, string>();
    const table = new ValueTable((row) => valueOfRow.get(row));
    const model = new Map<string, number>();
    // A seeded walk of sets, replacements and deletes over many values (past several growths).
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let step = 0; step < 60_000; step++) {
      const value = `6141${next() % 20_000}`;
      if (next() % 4 === 0) expect(table.delete(value)).toBe(model.delete(value));
      else {
        table.set(value, step);
        valueOfRow.set(step, value);
        model.set(value, step);
      }
    }
    expect(table.size).toBe(model.size);
    for (const [value, row] of model) expect(table.get(value)).toBe(row);
    for (let i = 0; i < 20_000; i++)
      if (!model.has(`6141${i}`)) expect(table.get(`6141${i}`)).toBeUndefined();
  });

  it('made for a number of values, holds them and more', () => {
    const values = Array.from({ length: 6000 }, (_, i) => `user${i}@example.com`);
    const table = new ValueTable((row) => values[row], 2000);
    values.forEach((value, row) => expect(table.hold(value, row)).toBe(-1));
    expect(table.size).toBe(6000);
    values.forEach((value, row) => expect(table.hold(value, row + 1)).toBe(row));
    expect(new ValueTable(() => undefined, 1_000_000).get('x')).toBeUndefined();
    // Values on one row in ten of many: the table grows to what they point to, and holds them.
    const sparse = new Map<number, string>();
    const few = new ValueTable((row) => sparse.get(row), 100_000);
    for (let row = 0; row < 100_000; row += 10) {
      sparse.set(row, `6141${row}`);
      expect(few.hold(`6141${row}`, row)).toBe(-1);
    }
    expect(few.size).toBe(10_000);
    for (let row = 0; row < 100_000; row += 10) expect(few.get(`6141${row}`)).toBe(row);
  });

  it('tells apart values whose hashes collide', () => {
    const values = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(i % 60000, 7));
    const table = new ValueTable((row) => values[row]);
    // Many short values share the low bits of their hashes; every one keeps its own row.
    values.forEach((value, row) => table.set(value, row));
    values.forEach((value, row) => expect(table.get(value)).toBe(row));
    expect(table.get('')).toBeUndefined();
  });
});

describe('ValueTable.hold', () => {
  it('holds the first row under a value and answers it to the later ones', () => {
    const table = new ValueTable(() => '61412345678');
    expect(table.hold('61412345678', 3)).toBe(-1);
    expect(table.hold('61412345678', 9)).toBe(3);
    expect(table.get('61412345678')).toBe(3);
    table.delete('61412345678');
    expect(table.hold('61412345678', 9)).toBe(-1);
    expect(table.size).toBe(1);
  });
});

describe('ValueTable.holdAll', () => {
  const [clashA, clashB] = collidingPair();

  /** What `hold` one row after the other leaves: the values held singly, and those shared. */
  function oneByOne(values: readonly string[]) {
    const table = new ValueTable((row) => values[row]);
    const shared = new Map<string, number[]>();
    values.forEach((value, row) => {
      const list = shared.get(value);
      if (list) return list.push(row);
      const held = table.hold(value, row);
      if (held >= 0) {
        table.delete(value);
        shared.set(value, [held, row]);
      }
    });
    return { table, shared };
  }

  function allAtOnce(values: readonly string[]) {
    const table = new ValueTable((row) => values[row]);
    const batch = new HashedRows(4);
    values.forEach((value, row) => batch.push(value, row));
    const shared = new Map<string, number[]>();
    runSteps(table.holdAll(batch, (value, rows) => shared.set(value, rows)));
    return { table, shared };
  }

  it('holds what holding each row in turn would, values on several rows told apart, hash clashes too', () => {
    expect(clashA).not.toBe(clashB);
    expect(hashOf(clashA)).toBe(hashOf(clashB));
    const pool = [clashA, clashB, ...Array.from({ length: 40 }, (_, i) => `614${i}`)];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pool), fc.uuid()), { maxLength: 400 }),
        (values) => {
          const expected = oneByOne(values);
          const actual = allAtOnce(values);
          expect(actual.shared).toEqual(expected.shared);
          expect(actual.table.size).toBe(expected.table.size);
          for (const value of new Set(values))
            expect(actual.table.get(value)).toBe(expected.table.get(value));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a value on thousands of rows, among a hundred thousand others, is one shared value', () => {
    const values = Array.from({ length: 100_000 }, (_, row) =>
      row % 37 === 0 ? 'info@example.com' : `person${row}@example.com`,
    );
    const { table, shared } = allAtOnce(values);
    expect([...shared.keys()]).toEqual(['info@example.com']);
    expect(shared.get('info@example.com')).toEqual(
      values.flatMap((value, row) => (value === 'info@example.com' ? [row] : [])),
    );
    expect(table.size).toBe(100_000 - (shared.get('info@example.com')?.length ?? 0));
    expect(table.get('person99999@example.com')).toBe(99_999);
    expect(table.get('info@example.com')).toBeUndefined();
  });

  it('goes on holding, replacing and forgetting rows after, past its first size', () => {
    const values = Array.from({ length: 3000 }, (_, row) => `6141${row}`);
    const { table } = allAtOnce(values);
    for (let row = 3000; row < 9000; row++) {
      values[row] = `6141${row}`;
      expect(table.hold(values[row] as string, row)).toBe(-1);
    }
    expect(table.hold('61410', 5)).toBe(0);
    expect(table.delete('61411')).toBe(true);
    expect(table.get('61411')).toBeUndefined();
    expect(table.size).toBe(8999);
    for (let row = 2; row < 9000; row++) expect(table.get(`6141${row}`)).toBe(row);
  });

  it('fills only an empty table', () => {
    const table = new ValueTable(() => 'x');
    table.hold('x', 0);
    expect(() => runSteps(table.holdAll(new HashedRows(), () => undefined))).toThrow(/empty/);
  });
});

describe('HashedRows', () => {
  it('keeps every value pushed, growing to the rows expected at once past 65,536', () => {
    const batch = new HashedRows(16, 200_000);
    for (let row = 0; row < 70_000; row++) batch.push(`v${row}`, row);
    expect(batch.hashes.length).toBe(200_000);
    for (let row = 70_000; row < 250_000; row++) batch.push(`v${row}`, row);
    expect(batch.length).toBe(250_000);
    expect(batch.hashes.length).toBe(400_000);
    for (const row of [0, 65_535, 65_536, 199_999, 249_999]) {
      expect(batch.rows[row]).toBe(row);
      expect(batch.hashes[row]).toBe(hashOf(`v${row}`));
    }
  });
});
