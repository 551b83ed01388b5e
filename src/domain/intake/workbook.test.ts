import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from './workbook';

type Cell = string | number | boolean | null | XLSX.CellObject;

/** Builds workbook bytes the way Excel would store them, through SheetJS' own writer. */
function book(
  sheets: Record<string, Cell[][]>,
  options: { bookType?: XLSX.BookType; hidden?: string[]; ref?: Record<string, string> } = {},
): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(rows);
    const override = options.ref?.[name];
    if (override) ws['!ref'] = override;
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  if (options.hidden) {
    wb.Workbook = {
      Sheets: wb.SheetNames.map((name) => ({
        name,
        Hidden: options.hidden?.includes(name) ? 1 : 0,
      })),
    };
  }
  return new Uint8Array(
    XLSX.write(wb, { bookType: options.bookType ?? 'xlsx', type: 'array' }) as ArrayBuffer,
  );
}

const phone = (v: number, z = '0000000000'): XLSX.CellObject => ({ t: 'n', v, z });

describe('readWorkbook values', () => {
  const cases: { description: string; input: Cell[][]; expected: string[][] }[] = [
    {
      description: 'leading-zero number format keeps the zero',
      input: [['Mobile'], [phone(412345678)]],
      expected: [['Mobile'], ['0412345678']],
    },
    {
      description: 'text cells stay as typed',
      input: [['Postcode'], ['0800']],
      expected: [['Postcode'], ['0800']],
    },
    {
      description: 'numbers as displayed (2 decimals)',
      input: [['Credit'], [{ t: 'n', v: 12.5, z: '0.00' }]],
      expected: [['Credit'], ['12.50']],
    },
    {
      description: 'short dates read as yyyy-mm-dd, never m/d/yy',
      input: [['Born'], [{ t: 'n', v: 46327, z: 'm/d/yy' }]],
      expected: [['Born'], ['2026-11-01']],
    },
    {
      description: 'booleans as Excel shows them',
      input: [['VIP'], [true]],
      expected: [['VIP'], ['TRUE']],
    },
    {
      description: 'empty cells inside the table are empty strings',
      input: [
        ['a', 'b', 'c'],
        ['1', null, '3'],
      ],
      expected: [
        ['a', 'b', 'c'],
        ['1', '', '3'],
      ],
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const result = readWorkbook(book({ S: input }));
    expect(result.rows).toEqual(expected);
    expect(result.problems).toEqual([]);
  });

  it.each(['xlsx', 'biff8'] as const)(
    '%s: a number displayed in E+ notation is read with every digit the workbook keeps',
    (bookType) => {
      const result = readWorkbook(
        book(
          {
            S: [
              ['Name', 'Mobile'],
              ['Ann', 614123987654],
              ['Bob', { t: 'n', v: 42, z: '0.00E+00' }],
              ['Cy', { t: 'n', v: 1.5e-7, z: '0.00E+00' }],
              ['Di', 1.2345678901234567e19],
            ],
          },
          { bookType },
        ),
      );
      expect(result.rows).toEqual([
        ['Name', 'Mobile'],
        ['Ann', '614123987654'],
        ['Bob', '42'],
        ['Cy', '1.50E-07'],
        ['Di', '1.23457E+19'],
      ]);
      expect(result.problems.map((p) => [p.code, p.severity, p.cell, p.row])).toEqual([
        ['excel-scientific', 'info', 'B2', 2],
        ['excel-scientific', 'info', 'B3', 3],
        ['excel-scientific', 'warning', 'B4', 4],
        ['excel-scientific', 'warning', 'B5', 5],
      ]);
      expect(result.problems[0]?.message).toBe(
        'Cell B2 shows 6.14124E+11 (scientific notation), but the workbook keeps the whole number: 614123987654 was read.',
      );
      expect(result.problems[3]?.message).toMatch(/^Cell B5 shows 1\.23457E\+19: .*exact digits/);
    },
  );

  it('trims trailing formatted-but-empty rows and columns, keeps sheet row numbers', () => {
    const bytes = book(
      {
        S: [
          [],
          [],
          ['', '', 'Name', 'Mobile'],
          ['', '', 'Ann', phone(412000111)],
          [],
          ['', '', { t: 's', v: '' }],
        ],
      },
      { ref: { S: 'A1:J60' } },
    );
    const result = readWorkbook(bytes);
    expect(result.rows).toEqual(
      [[], [], ['Name', 'Mobile'], ['Ann', '0412000111']].map((r) => (r.length ? r : ['', ''])),
    );
    expect(result.sheets).toEqual([{ name: 'S', rowCount: 2, hidden: false }]);
  });
});

describe('readWorkbook sheets', () => {
  const notes = [['Contact list for the Sydney office']];
  const contacts = [
    ['Name', 'Mobile'],
    ['Ann', '0412'],
    ['Bob', '0413'],
  ];
  const cases: {
    description: string;
    input: { sheets: Record<string, Cell[][]>; sheet?: string; hidden?: string[] };
    expected: { sheet: string; codes: string[]; rows: number };
  }[] = [
    {
      description: 'picks the sheet with the most rows',
      input: { sheets: { Notes: notes, Contacts: contacts } },
      expected: { sheet: 'Contacts', codes: [], rows: 3 },
    },
    {
      description: 'reads the sheet the user chose',
      input: { sheets: { Notes: notes, Contacts: contacts }, sheet: 'Notes' },
      expected: { sheet: 'Notes', codes: [], rows: 1 },
    },
    {
      description: 'unknown sheet name falls back with a warning',
      input: { sheets: { Notes: notes, Contacts: contacts }, sheet: 'People' },
      expected: { sheet: 'Contacts', codes: ['sheet-not-found'], rows: 3 },
    },
    {
      description: 'hidden sheets are not picked by default',
      input: {
        sheets: { Lookup: [...contacts, ...contacts], Contacts: contacts },
        hidden: ['Lookup'],
      },
      expected: { sheet: 'Contacts', codes: [], rows: 3 },
    },
    {
      description: 'chosen sheet empty while another has data',
      input: { sheets: { Blank: [], Contacts: contacts }, sheet: 'Blank' },
      expected: { sheet: 'Blank', codes: ['sheet-empty'], rows: 0 },
    },
    {
      description: 'no data in any sheet',
      input: { sheets: { Sheet1: [], Sheet2: [[null]] } },
      expected: { sheet: 'Sheet1', codes: ['workbook-empty'], rows: 0 },
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const result = readWorkbook(
      book(input.sheets, input.hidden ? { hidden: input.hidden } : {}),
      input.sheet !== undefined ? { sheet: input.sheet } : {},
    );
    expect({
      sheet: result.sheet,
      codes: result.problems.map((p) => p.code),
      rows: result.rows.length,
    }).toEqual(expected);
  });

  it('lists every sheet with its row count for the picker', () => {
    const result = readWorkbook(book({ Notes: notes, Contacts: contacts }));
    expect(result.sheets).toEqual([
      { name: 'Notes', rowCount: 1, hidden: false },
      { name: 'Contacts', rowCount: 3, hidden: false },
    ]);
    expect(result.sheetReason).toBe('"Contacts" has the most rows (3) of the 2 sheets.');
  });

  it('damaged bytes are a problem, not an exception', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const result = readWorkbook(bytes);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([
      ['workbook-unreadable', 'error'],
    ]);
    expect(result.rows).toEqual([]);
  });
});
