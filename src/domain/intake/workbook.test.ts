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

/** The workbook's bytes with one part's XML changed, as another program would write it. */
function withPart(bytes: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const { CFB } = XLSX as unknown as {
    CFB: {
      read: (data: Uint8Array, options: object) => unknown;
      find: (zip: unknown, path: string) => { content: Uint8Array } | null;
      write: (zip: unknown, options: object) => ArrayBuffer;
    };
  };
  const zip = CFB.read(bytes, { type: 'array' });
  const entry = CFB.find(zip, `/${part}`);
  if (!entry) throw new Error(`no ${part}`);
  entry.content = new TextEncoder().encode(change(new TextDecoder().decode(entry.content)));
  return new Uint8Array(CFB.write(zip, { fileType: 'zip', type: 'array' }));
}

describe('readWorkbook cells that are not what they seem', () => {
  it('names formulas with no saved result (as a script writes them), read blank', () => {
    const written = book({
      S: [
        ['Name', 'Email'],
        ['Ann', 'x'],
        ['Bob', 'x'],
        ['Cy', 'c@x.com'],
      ],
    });
    const bytes = withPart(written, 'xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace(/<c r="B2"[^>]*>.*?<\/c>/, '<c r="B2"><f>LOWER(A2)&amp;"@x.com"</f><v></v></c>')
        .replace(/<c r="B3"[^>]*>.*?<\/c>/, '<c r="B3"><f>LOWER(A3)&amp;"@x.com"</f></c>'),
    );
    const result = readWorkbook(bytes);
    expect(result.rows).toEqual([
      ['Name', 'Email'],
      ['Ann', ''],
      ['Bob', ''],
      ['Cy', 'c@x.com'],
    ]);
    expect(result.problems.map((p) => [p.code, p.severity, p.row])).toEqual([
      ['workbook-formula-unsaved', 'warning', 2],
    ]);
    expect(result.problems[0]?.message).toMatch(
      /^Cells B2 and B3 hold formulas with no saved result, read as blank: .*Open it in Excel or LibreOffice and save it/,
    );
  });

  it('names cells showing formula errors, read as shown', () => {
    const result = readWorkbook(
      book({
        S: [
          ['Name', 'Team'],
          ['Ann', { t: 'e', v: 0x2a, w: '#N/A' }],
          ['Bob', { t: 'e', v: 0x17, w: '#REF!' }],
        ],
      }),
    );
    expect(result.rows.slice(1)).toEqual([
      ['Ann', '#N/A'],
      ['Bob', '#REF!'],
    ]);
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'workbook-formula-error',
        'Cells B2 (#N/A) and B3 (#REF!) show formula errors, read as shown. Correct the formulas in the spreadsheet, or the values below.',
      ],
    ]);
  });

  it.each(['xlsx', 'ods'] as const)(
    '%s: a value merged over several rows is read into each, a title merged across a row is not',
    (bookType) => {
      const written = XLSX.utils.aoa_to_sheet([
        ['Staff list', null, null],
        ['Name', 'Email', 'Department'],
        ['Ann', 'a@x.com', 'Sales'],
        ['Bob', 'b@x.com', null],
        ['Cy', 'c@x.com', null],
        ['Di', 'd@x.com', 'IT'],
      ]);
      written['!merges'] = [
        { s: { r: 0, c: 0 }, e: { r: 0, c: 2 } },
        { s: { r: 2, c: 2 }, e: { r: 4, c: 2 } },
      ];
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, written, 'S');
      const bytes = new Uint8Array(XLSX.write(wb, { bookType, type: 'array' }) as ArrayBuffer);
      const result = readWorkbook(bytes);
      expect(result.rows).toEqual([
        ['Staff list', '', ''],
        ['Name', 'Email', 'Department'],
        ['Ann', 'a@x.com', 'Sales'],
        ['Bob', 'b@x.com', 'Sales'],
        ['Cy', 'c@x.com', 'Sales'],
        ['Di', 'd@x.com', 'IT'],
      ]);
      expect(result.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
        [
          'workbook-merged-cells',
          'info',
          'A merged cell C3:C5 ("Sales") covers several rows; the value is read into each of them, in the merge\'s first column, as the sheet shows it.',
        ],
      ]);
    },
  );

  it('opens on the sheet with contacts, not on a longer list beside it', () => {
    const result = readWorkbook(
      book({
        Contacts: [
          ['First Name', 'Email'],
          ['Ann', 'ann@x.com'],
          ['Bob', 'bob@x.com'],
        ],
        Lists: [
          ['Country'],
          ...['Australia', 'Austria', 'Belgium', 'Canada', 'Chile'].map((c) => [c]),
        ],
      }),
    );
    expect(result.sheet).toBe('Contacts');
    expect(result.sheetReason).toBe(
      '"Contacts" holds emails or phone numbers; the sheets with more rows hold none.',
    );
  });

  it('says when other sheets hold rows under the same column names', () => {
    const office = (city: string, count: number) => [
      ['Name', 'Email', 'Mobile'],
      ...Array.from({ length: count }, (_, i) => [`${city}${i}`, `${city}${i}@x.com`, '0412']),
    ];
    const result = readWorkbook(
      book(
        {
          Sydney: office('syd', 3),
          Melbourne: office('mel', 2),
          Notes: [['Read me'], ['Mobiles are in column C']],
          Old: office('old', 5),
        },
        { hidden: ['Old'] },
      ),
    );
    expect(result.sheet).toBe('Sydney');
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'workbook-other-sheets',
        'Other sheets hold rows under the same column names: "Melbourne" (3 rows). Only "Sydney" is read; choose the sheet above to read another, and import each in turn.',
      ],
    ]);
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
