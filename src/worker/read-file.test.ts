import { describe, expect, it } from 'vitest';
import { bombXlsx } from '../../e2e/fixtures/zip-bombs';
import { MAX_CELL_CHARS_SHOWN } from '../config/limits';
import { readTable } from '../domain/intake/read-table';
import { rowsToArrays } from '../domain/intake/row-store';
import type { IntakeResult } from '../domain/intake/read-table';
import { TaskCancelled } from './cooperative';
import type { ReadProgress } from './protocol';
import {
  QUICK_LOOK_BYTES,
  quickLook,
  readFile,
  readWhole,
  shortenCells,
  summarise,
} from './read-file';

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

  it('does not call a value spanning lines that the look cuts short a quote left open', () => {
    const lines = ['firstName,notes'];
    for (let i = 0; i < 20_000; i++) lines.push(`Ann${i},"Level ${i}\nSuite ${i}"`);
    const first = quickLook(encode(lines.join('\n')), 'notes.csv', {});
    expect(first?.rows.row(0)).toEqual(['Ann0', 'Level 0\nSuite 0']);
    expect(first?.problems).toEqual([]);
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

describe('readFile: the whole file, from the Blob the page posts', () => {
  const shown = (result: IntakeResult) => ({ ...result, rows: rowsToArrays(result.rows) });
  const whole = (bytes: Uint8Array, name: string) => readWhole(bytes, name, {}, () => undefined);
  const accented = `${bigCsv(30_000).replace(/Ann/g, 'Zoë')}\n`;

  it('reads a large text file in pieces to the same table as a read of its whole bytes', async () => {
    const bytes = encode(accented);
    const progress: ReadProgress[] = [];
    const result = await readFile(
      new Blob([bytes]),
      'big.csv',
      {},
      (p) => progress.push(p),
      () => false,
      100_000,
    );
    expect(shown(result)).toEqual(shown(whole(bytes, 'big.csv')));
    expect(result.rows.length).toBe(30_000);
    // Progress comes as each piece is parsed, growing to the end.
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toEqual({ fraction: 1, rows: 30_001 });
  });

  it('reads a file whole after all when a byte far into it is not UTF-8', async () => {
    const text = `${bigCsv(30_000)}\nZoë,Lee,61400000001\n`;
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
    const result = await readFile(
      new Blob([bytes]),
      'legacy.csv',
      {},
      () => undefined,
      undefined,
      100_000,
    );
    expect(result.encoding).toBe('windows-1252');
    expect(result.rows.row(30_000)).toEqual(['Zoë', 'Lee', '61400000001']);
    expect(shown(result)).toEqual(shown(whole(bytes, 'legacy.csv')));
  });

  it('reads a workbook whole', async () => {
    const bomb = bombXlsx(2048 * 1024 * 1024);
    const result = await readFile(new Blob([bomb.slice()]), 'bomb.xlsx', {}, () => undefined);
    expect(shown(result)).toEqual(shown(whole(bomb, 'bomb.xlsx')));
  });

  it('refuses a file over the size limit from its size alone, reading none of it', async () => {
    const huge = {
      size: 4 * 1024 ** 3,
      slice: () => {
        throw new Error('a byte of the file was read');
      },
    } as unknown as Blob;
    const result = await readFile(huge, 'huge.csv', {}, () => undefined);
    expect(result.problems.map((p) => p.code)).toEqual(['file-too-large']);
    expect(result.problems[0]?.message).toContain('This file is 4.0 GB');
  });

  it('stops between pieces when the request is cancelled', async () => {
    let asked = 0;
    const reading = readFile(
      new Blob([encode(accented)]),
      'big.csv',
      {},
      () => undefined,
      () => ++asked > 2,
      100_000,
    );
    await expect(reading).rejects.toBeInstanceOf(TaskCancelled);
  });
});
