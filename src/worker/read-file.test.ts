import { describe, expect, it } from 'vitest';
import { bombXlsx } from '../../e2e/fixtures/zip-bombs';
import { MAX_CELL_CHARS_SHOWN } from '../config/limits';
import { readTable } from '../domain/intake/read-table';
import { QUICK_LOOK_BYTES, quickLook, readWhole, shortenCells, summarise } from './read-file';

const encode = (text: string) => new TextEncoder().encode(text);

function bigCsv(rows: number, badRow?: number): string {
  const lines = ['firstName,lastName,workMobilePhone1'];
  for (let i = 0; i < rows; i++)
    lines.push(
      i === badRow ? `Ann${i},Lee,614,extra` : `Ann${i},Lee${i},614${String(i).padStart(8, '0')}`,
    );
  return lines.join('\n');
}

describe('quickLook', () => {
  it('shows the first rows of a large file without calling the look itself "too many rows"', () => {
    const bytes = encode(bigCsv(20_000));
    expect(bytes.length).toBeGreaterThan(QUICK_LOOK_BYTES);
    const first = quickLook(bytes, 'big.csv', {});
    expect(first?.headers).toEqual(['firstName', 'lastName', 'workMobilePhone1']);
    expect(first?.rows.row(0)).toEqual(['Ann0', 'Lee0', '61400000000']);
    expect(first?.problems).toEqual([]);
  });

  it('keeps the real problems it meets in the first rows', () => {
    const first = quickLook(encode(bigCsv(20_000, 3)), 'big.csv', {});
    expect(first?.problems.map((p) => p.code)).toEqual(['row-too-many-fields']);
  });

  it('leaves small files to the whole read', () => {
    expect(quickLook(encode(bigCsv(10)), 'small.csv', {})).toBeUndefined();
  });
});

describe('what the page is sent of huge cells', () => {
  it('cuts cells longer than the screens show, noting each full length', () => {
    const { rows, shortened } = shortenCells(
      [
        ['Ann', 'x'.repeat(12)],
        ['y'.repeat(11), 'Lee'],
      ],
      10,
    );
    expect(rows).toEqual([
      ['Ann', 'x'.repeat(10)],
      ['y'.repeat(10), 'Lee'],
    ]);
    expect(shortened).toEqual([
      { row: 0, column: 1, length: 12 },
      { row: 1, column: 0, length: 11 },
    ]);
  });

  it('a 5 MB cell reaches the preview as its first characters and its length; the rows keep it whole', () => {
    const huge = 'x'.repeat(5_000_000);
    const csv = encode(`firstName,notes\nAnn,${huge}\nBob,short`);
    const result = readTable(csv, 'huge.csv');
    const summary = summarise('huge.csv', csv.length, result, {}, true);
    expect(summary.previewRows[0]?.[1]).toHaveLength(MAX_CELL_CHARS_SHOWN);
    expect(summary.previewRows[1]).toEqual(['Bob', 'short']);
    expect(summary.shortenedCells).toEqual([{ row: 0, column: 1, length: 5_000_000 }]);
    expect(result.rows.cell(0, 1)).toBe(huge);
  });

  it('a file without long cells has no list of them', () => {
    const result = readTable(encode(bigCsv(3)), 'small.csv');
    expect(summarise('small.csv', 1, result, {}, true).shortenedCells).toBeUndefined();
  });
});

describe('workbooks in the worker', () => {
  it('the first look leaves a workbook alone: its start is half a ZIP', () => {
    const bomb = bombXlsx(400 * 1024 * 1024);
    expect(bomb.length).toBeGreaterThan(QUICK_LOOK_BYTES);
    expect(quickLook(bomb, 'bomb.xlsx', {})).toBeUndefined();
  });

  it('the whole read refuses a zip bomb with the wizard’s limits', () => {
    const result = readWhole(bombXlsx(2048 * 1024 * 1024), 'bomb.xlsx', {}, () => undefined);
    expect(result.problems.map((p) => p.code)).toEqual(['workbook-too-large-unpacked']);
    expect(result.problems[0]?.message).toContain(
      'The limits are 1.0 GB unpacked in all and 100 times the stored size',
    );
  });
});
