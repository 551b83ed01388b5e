import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildRejectedRowsCsv, collectReportRows, type ReportRow } from './rejected-report';

const BOM = '\uFEFF';

/** Parses the report back the way a spreadsheet would read it. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  return Papa.parse<string[]>(csv.slice(BOM.length), { skipEmptyLines: true }).data;
}

describe('buildRejectedRowsCsv', () => {
  const headers = ['First name', 'Email', 'Mobile'];

  it('neutralises a =HYPERLINK cell', () => {
    const rows: ReportRow[] = [
      {
        row: 2,
        values: ['=HYPERLINK("http://x","y")', 'x@example.com', '0412 345 678'],
        problems: ['Work mobile "0412 345 678" has no country code; Whispir needs 61412345678.'],
        status: 'rejected',
      },
    ];
    const csv = buildRejectedRowsCsv(headers, rows);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(readBack(csv)[1]?.[0]).toBe('\'=HYPERLINK("http://x","y")');
  });

  it('adds row, status and problems columns after the original ones', () => {
    const csv = buildRejectedRowsCsv(headers, [
      { row: 7, values: ['Zoë', 'zoe@example', ''], problems: ['a', 'b'], status: 'rejected' },
      { row: 9, values: ['François', 'f@example.com', ''], problems: [], status: 'skipped' },
    ]);
    expect(readBack(csv)).toEqual([
      ['First name', 'Email', 'Mobile', 'row', 'status', 'problems'],
      ['Zoë', 'zoe@example', '', '7', 'rejected', 'a; b'],
      ['François', 'f@example.com', '', '9', 'skipped', ''],
    ]);
  });

  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    const csv = buildRejectedRowsCsv(
      ['a'],
      [{ row: 1, values: ['Núñez'], problems: [], status: 'skipped' }],
    );
    expect(csv).toBe(`${BOM}a,row,status,problems\r\nNúñez,1,skipped,`);
  });

  const roundTrips = [
    { description: 'quotes', input: 'say "hi"' },
    { description: 'commas', input: 'Smith, Jane' },
    { description: 'newlines', input: 'line one\nline two' },
    { description: 'CRLF inside a cell', input: 'a\r\nb' },
    { description: 'accents and emoji', input: 'Zoë Núñez 🎉' },
    { description: 'leading and trailing spaces', input: '  padded  ' },
    { description: 'the seed page email', input: 'jane.smith@testcompany,com' },
  ];
  it.each(roundTrips)('round-trips $description through papaparse', ({ input }) => {
    const csv = buildRejectedRowsCsv(
      ['value'],
      [{ row: 3, values: [input], problems: [`Problem with "${input}"`], status: 'rejected' }],
    );
    expect(readBack(csv)[1]).toEqual([input, '3', 'rejected', `Problem with "${input}"`]);
  });

  it('neutralises headers and problems too', () => {
    const csv = buildRejectedRowsCsv(
      ['=cmd'],
      [
        {
          row: 1,
          values: ['x'],
          problems: ['-1 is not a number Whispir can use'],
          status: 'rejected',
        },
      ],
    );
    const [header, row] = readBack(csv);
    expect(header?.[0]).toBe("'=cmd");
    expect(row?.[3]).toBe("'-1 is not a number Whispir can use");
  });

  it('keeps cells of rows wider than the header, and pads short rows', () => {
    const csv = buildRejectedRowsCsv(
      ['a', 'b'],
      [
        { row: 1, values: ['1', '2', '3'], problems: ['too many fields'], status: 'rejected' },
        { row: 2, values: ['1'], problems: [], status: 'skipped' },
      ],
    );
    expect(readBack(csv)).toEqual([
      ['a', 'b', 'Column 3', 'row', 'status', 'problems'],
      ['1', '2', '3', '1', 'rejected', 'too many fields'],
      ['1', '', '', '2', 'skipped', ''],
    ]);
  });

  it('renames its own columns when the file already has them', () => {
    const csv = buildRejectedRowsCsv(['Status', 'problems'], []);
    expect(readBack(csv)[0]).toEqual([
      'Status',
      'problems',
      'row',
      'import status',
      'import problems',
    ]);
  });
});

describe('collectReportRows', () => {
  it('keeps skipped rows and rows with errors, errors first and warnings marked', () => {
    const rows = [
      { row: 2, values: ['a'] },
      { row: 3, values: ['b'] },
      { row: 4, values: ['c'] },
      { row: 5, values: ['d'] },
    ];
    const problemsByRow = new Map([
      [
        2,
        [
          { message: 'Spaces.', severity: 'warning' as const },
          { message: 'No country.', severity: 'error' as const },
        ],
      ],
      [3, [{ message: 'Spaces.', severity: 'warning' as const }]],
    ]);
    expect(collectReportRows({ rows, problemsByRow, skippedRows: new Set([5]) })).toEqual([
      { row: 2, values: ['a'], problems: ['No country.', 'Warning: Spaces.'], status: 'rejected' },
      { row: 5, values: ['d'], problems: [], status: 'skipped' },
    ]);
  });
});
