import { describe, expect, it } from 'vitest';
import { ValueTable } from './value-table';

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
