import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';
import { ArrayRows, RowStore, RowsView, rowsSlice, rowsToArrays } from './row-store';

describe('RowStore', () => {
  it('gives back every row exactly as added, across blocks, whatever the rows hold', () => {
    const records = Array.from({ length: 20_000 }, (_, i) => {
      // Ragged rows, empty cells, accents and characters past Latin-1, a multi-line value.
      if (i % 997 === 0) return [''];
      if (i % 501 === 0) return [`Tāmati ${i}`, '', 'line one\nline two', 'extra', ''];
      return [`Zoë ${i}`, `Łucja`, `p${i}@example.com`];
    });
    const store = RowStore.from(records);
    store.seal();
    expect(store.length).toBe(records.length);
    expect(rowsToArrays(store)).toEqual(records);
    expect(store.cell(501, 2)).toBe('line one\nline two');
    expect(store.cell(501, 1)).toBe('');
    expect(store.cell(2, 3)).toBeUndefined();
    expect(store.width(997)).toBe(1);
    expect(store.cell(20_000, 0)).toBeUndefined();
  });

  it('reads rows still waiting for their block, and rows of a very wide file', () => {
    const store = new RowStore();
    store.push(['a', 'b']);
    expect(store.row(0)).toEqual(['a', 'b']);
    const wide = Array.from({ length: 10_000 }, (_, c) => `c${c}`);
    for (let i = 0; i < 30; i++) store.push(wide);
    store.seal();
    expect(store.row(0)).toEqual(['a', 'b']);
    expect(store.row(30)).toEqual(wide);
    expect(store.cell(17, 9_999)).toBe('c9999');
  });
});

describe('RowsView and slices', () => {
  it('sees the store through its indexes', () => {
    const view = new RowsView(new ArrayRows([['h'], ['a'], [''], ['b']]), Int32Array.from([1, 3]));
    expect(view.length).toBe(2);
    expect(rowsToArrays(view)).toEqual([['a'], ['b']]);
    expect(view.cell(1, 0)).toBe('b');
    expect(view.width(5)).toBe(0);
    expect(rowsSlice(view, 1, 10)).toEqual([['b']]);
  });
});

describe('readTable keeps a large file compact and exact', () => {
  it('reads 30,000 rows with blank rows and a short row in between back as written', () => {
    const lines = ['first,last,email'];
    const expected: string[][] = [];
    for (let i = 0; i < 30_000; i++) {
      if (i === 100 || i === 25_000) lines.push('');
      const row =
        i === 12_345 ? [`"Ann, ${i}"`, 'Lee'] : [`Ann${i}`, `"Lee ""${i}"""`, `a${i}@x.com`];
      lines.push(row.join(','));
      expected.push(i === 12_345 ? [`Ann, ${i}`, 'Lee'] : [`Ann${i}`, `Lee "${i}"`, `a${i}@x.com`]);
    }
    const result = readTable(new TextEncoder().encode(lines.join('\n')), 'big.csv');
    expect(rowsToArrays(result.rows)).toEqual(expected);
    // The blank line is file row 102: the row after it keeps its own number.
    expect(result.rowNumbers.slice(99, 101)).toEqual([101, 103]);
    expect(result.problems.map((p) => p.code).sort()).toEqual([
      'empty-rows-skipped',
      'row-too-few-fields',
    ]);
  });
});
