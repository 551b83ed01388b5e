import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMAT_WRITERS, xmlElementNames, writeFile } from '../resource/formats';
import { mergePartFiles } from '../resource/merge-parts';
import { buildPartRowsCsv, readPartFile, rowsNotSentFileName } from './rows-not-sent';
import { SPREADSHEET_BOM, isLiveFormula } from './spreadsheet-file';

const COLUMNS = ['firstName', 'lastName', 'timezone'];
const ROWS = [
  ['=HYPERLINK("http://evil.example","click")', 'Nguyen', '+10'],
  ["=cmd|' /C calc'!A0", 'Zoë, "Z"', '-5'],
  ['Olivia', '@SUM(A1)', 'Australia/Sydney'],
];

/** A part file exactly as the upload builds it (src/domain/resource/formats.ts). */
function partFile(format: 'csv' | 'json' | 'xml', rows: readonly string[][]): string {
  const writer = FORMAT_WRITERS[format];
  const columns = format === 'xml' ? xmlElementNames(COLUMNS) : COLUMNS;
  return writeFile(
    writer,
    columns,
    rows.map((row) => writer.record(columns, row)),
  );
}

function cells(csv: string): string[][] {
  expect(csv.startsWith(SPREADSHEET_BOM)).toBe(true);
  return Papa.parse<string[]>(csv.slice(SPREADSHEET_BOM.length), { skipEmptyLines: true }).data;
}

describe.each([
  { format: 'csv', mimeType: 'text/csv' },
  { format: 'json', mimeType: 'application/json' },
  { format: 'xml', mimeType: 'application/xml' },
] as const)('the rows not sent, from $format parts', ({ format, mimeType }) => {
  const parts = [partFile(format, ROWS.slice(0, 2)), partFile(format, ROWS.slice(2))];

  it('reads each part back to the header and rows it was built from', () => {
    expect(readPartFile(mimeType, parts[0] ?? '')).toMatchObject({
      headers: COLUMNS,
      rows: ROWS.slice(0, 2),
    });
  });

  it('has every row of every part once, in order, and no live formula', () => {
    const read = cells(buildPartRowsCsv(mimeType, parts));
    expect(read).toHaveLength(1 + ROWS.length);
    expect(read.flat().filter(isLiveFormula)).toEqual([]);
    // What a spreadsheet shows: the text as typed, after the apostrophe it hides.
    const shown = read.map((row) => row.map((cell) => cell.replace(/^'/, '')));
    expect(shown).toEqual([COLUMNS, ...ROWS]);
    expect(read[1]?.[2]).toBe("'+10");
  });

  it('reads a merged file the same as its parts', () => {
    const merged = mergePartFiles(mimeType, parts);
    expect(buildPartRowsCsv(mimeType, [merged])).toBe(buildPartRowsCsv(mimeType, parts));
  });
});

describe('the rows of a file that came with semicolons', () => {
  it('are written with semicolons, so Excel in that country opens them in columns', () => {
    const part = partFile('csv', [['Zoë', 'Müller; GmbH', 'Europe/Berlin']]);
    const csv = buildPartRowsCsv('text/csv', [part], ';');
    const read = Papa.parse<string[]>(csv.slice(SPREADSHEET_BOM.length), {
      delimiter: ';',
      skipEmptyLines: true,
    }).data;
    expect(read).toEqual([COLUMNS, ['Zoë', 'Müller; GmbH', 'Europe/Berlin']]);
    expect(csv.split('\r\n')[0]).toBe(`${SPREADSHEET_BOM}firstName;lastName;timezone`);
  });
});

describe('rowsNotSentFileName', () => {
  it('is a CSV named after the contact file', () => {
    expect(rowsNotSentFileName('contacts.xlsx')).toBe('contacts-not-sent.csv');
    expect(rowsNotSentFileName('list')).toBe('list-not-sent.csv');
  });
});
