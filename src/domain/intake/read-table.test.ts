import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodingShortName } from './encoding';
import {
  DelimitedReading,
  HEAD_BYTES,
  type IntakeLimits,
  type IntakeOverrides,
  type IntakeResult,
  MAX_PROBLEMS_PER_CODE,
  NotUtf8,
  readTable,
} from './read-table';
import { rowsToArrays } from './row-store';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/**
 * Windows-1252's bytes 0x80–0x9F (curly quotes, dashes, €; written out: Node 20's TextDecoder
 * reads "windows-1252" as Latin-1, Chromium's as the Encoding standard says); the rest is
 * Latin-1.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_BYTES = new Map<string, number>([
  ...Array.from({ length: 256 }, (_, i) => [String.fromCharCode(i), i] as [string, number]).filter(
    ([, i]) => i < 0x80 || i > 0x9f,
  ),
  ...Array.from(CP1252_HIGH, (ch, i) => [ch, 0x80 + i] as [string, number]),
]);
const cp1252 = (text: string): Uint8Array =>
  Uint8Array.from(text, (ch) => {
    const byte = CP1252_BYTES.get(ch);
    if (byte === undefined) throw new Error(`${ch} is not in Windows-1252`);
    return byte;
  });
const codes = (result: ReturnType<typeof readTable>): string[] =>
  result.problems.map((p) => p.code);

const SAMPLE = [
  'firstName,lastName,workEmailAddress1,workMobilePhone1,workCountry,timezone',
  'John,Smith,john.smith@testcompany.com,61423456789,Australia,+10',
  'Jane,Smith,jane.smith@testcompany,com,61498765432,Australia,+10',
  '',
].join('\n');

describe('readTable on delimited text', () => {
  it('keeps a malformed row as read and reports it with its file row number', () => {
    const result = readTable(utf8(SAMPLE), 'sample.csv');
    expect(rowsToArrays(result.rows)[1]).toEqual([
      'Jane',
      'Smith',
      'jane.smith@testcompany',
      'com',
      '61498765432',
      'Australia',
      '+10',
    ]);
    expect(result.rowNumbers).toEqual([2, 3]);
    expect(result.problems).toEqual([
      {
        code: 'row-too-many-fields',
        severity: 'warning',
        message: 'Row 3 has 7 fields, the header has 6 — is there an unquoted comma?',
        row: 3,
      },
    ]);
  });

  const overrideCases: {
    description: string;
    input: { text: Uint8Array; overrides: Parameters<typeof readTable>[2] };
    expected: {
      headers: string[];
      rows: string[][];
      rowNumbers: number[];
      headerRow: number;
      hasHeader: boolean;
    };
  }[] = [
    {
      description: 'header row chosen by the user',
      input: { text: utf8('Export\nname,mobile\nAnn,0412\n'), overrides: { headerRow: 2 } },
      expected: {
        headers: ['name', 'mobile'],
        rows: [['Ann', '0412']],
        rowNumbers: [3],
        headerRow: 2,
        hasHeader: true,
      },
    },
    {
      description: 'file declared to have no header',
      input: { text: utf8('name,mobile\nAnn,0412\n'), overrides: { hasHeader: false } },
      expected: {
        headers: ['Column 1', 'Column 2'],
        rows: [
          ['name', 'mobile'],
          ['Ann', '0412'],
        ],
        rowNumbers: [1, 2],
        headerRow: 1,
        hasHeader: false,
      },
    },
    {
      description: 'detected: no header when the first row is contact data',
      input: { text: utf8('Ann,ann@x.com,0412345678\nBob,bob@x.com,0413345678\n'), overrides: {} },
      expected: {
        headers: ['Column 1', 'Column 2', 'Column 3'],
        rows: [
          ['Ann', 'ann@x.com', '0412345678'],
          ['Bob', 'bob@x.com', '0413345678'],
        ],
        rowNumbers: [1, 2],
        headerRow: 1,
        hasHeader: false,
      },
    },
    {
      description: 'delimiter chosen by the user',
      input: { text: utf8('a;b,c\n1;2,3\n'), overrides: { delimiter: ';' } },
      expected: {
        headers: ['a', 'b,c'],
        rows: [['1', '2,3']],
        rowNumbers: [2],
        headerRow: 1,
        hasHeader: true,
      },
    },
  ];
  it.each(overrideCases)('$description', ({ input, expected }) => {
    const result = readTable(input.text, 'f.csv', input.overrides);
    expect({
      headers: result.headers,
      rows: rowsToArrays(result.rows),
      rowNumbers: result.rowNumbers,
      headerRow: result.headerRow,
      hasHeader: result.hasHeader,
    }).toEqual(expected);
  });

  it('re-reads with another encoding on request', () => {
    const bytes = cp1252('name\nZo\u00eb\n');
    expect(rowsToArrays(readTable(bytes, 'f.csv').rows)).toEqual([['Zoë']]);
    const forced = readTable(bytes, 'f.csv', { encoding: 'utf-8' });
    expect(rowsToArrays(forced.rows)).toEqual([['Zo\ufffd']]);
    expect(codes(forced)).toEqual(['encoding-replacement-characters']);
    expect(forced.detections.find((d) => d.kind === 'encoding')).toMatchObject({
      label: 'Read as UTF-8',
      chosen: true,
    });
  });

  it('names a row split by a line break inside a value, as one problem', () => {
    const result = readText(
      'First Name,Last Name,Email,Country,Time Zone,Address,Mobile,Company\n' +
        'Ann,Lee,ann@x.com,Australia,Australia/Sydney,1 George St\n' +
        'Sydney NSW 2000,61412345001,Acme\n' +
        'Bob,Ray,bob@x.com,Australia,Australia/Sydney,2 Pitt St,61412345002,Acme\n' +
        'Cy,Ng,cy@x.com\n',
    );
    expect(result.problems.map((p) => [p.code, p.rows ?? p.row])).toEqual([
      ['row-split', [2, 3]],
      ['row-too-few-fields', 5],
    ]);
    expect(result.problems[0]?.message).toBe(
      'Rows 2 and 3 look like one row split by a line break inside a value ("1 George St" / "Sydney NSW 2000"): their 6 and 3 fields make the header\'s 8 with that value counted twice. In the file, put the value in quotes ("…") or join the two lines, then read it again; as it is, row 2 lacks its last 2 values and row 3 has them in the wrong columns.',
    );
  });

  it('a separator ending every data line is one note, not a warning a row', () => {
    const lines = Array.from({ length: 1200 }, (_, i) => `P${i},p${i}@x.com,`);
    const result = readText(`First Name,Email\r\n${lines.join('\r\n')}\r\n`);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([
      ['row-too-many-fields', 'info'],
    ]);
    expect(result.problems[0]?.message).toMatch(
      /^Rows 2, 3, .* and 1,190 more end with fields the header has no column for, all empty \(a comma at the end of each line\): nothing is misplaced\.$/,
    );
    // One row so among others is its own problem: "Acme, Inc" unquoted shifts its values right.
    const shifted = readText(
      'First Name,Company,City,Notes\r\nAnn,Acme, Inc,Sydney,\r\nBob,Beta,Perth,x\r\nCy,Gamma,Hobart,\r\n',
    );
    expect(shifted.problems.map((p) => [p.code, p.severity, p.row])).toEqual([
      ['row-too-many-fields', 'warning', 2],
    ]);
  });

  it('two rows each missing their last values are not taken for a split row', () => {
    const result = readText(
      'Name,Email,Phone,Company,Notes\nAnn,a@x.com,0412 345 678\nBob,b@x.com,0413 345 678\n',
    );
    expect(result.problems.map((p) => [p.code, p.row])).toEqual([
      ['row-too-few-fields', 2],
      ['row-too-few-fields', 3],
    ]);
  });

  it('reports empty rows with their numbers instead of dropping them silently', () => {
    const result = readTable(utf8('a,b\n1,2\n\n3,4\n,\n5,6\n'), 'f.csv');
    expect(result.rowNumbers).toEqual([2, 4, 6]);
    const empty = result.problems.find((p) => p.code === 'empty-rows-skipped');
    expect(empty?.rows).toEqual([3, 5]);
    expect(empty?.message).toBe('Rows 3 and 5 are empty and were skipped.');
  });

  it('reports blank and duplicate header names with their new names', () => {
    const result = readTable(utf8('Email,,Email\na,b,c\n'), 'f.csv');
    expect(result.headers).toEqual(['Email', 'Column 2', 'Email (2)']);
    expect(result.problems.map((p) => p.message)).toEqual([
      'Column 2 has no name in the header; it is shown as "Column 2".',
      'More than one column is named "Email"; column 3 is shown as "Email (2)".',
    ]);
  });

  it('names the columns with no name and no values, which the matching leaves out', () => {
    // A spacer column, a column named only further down, and a separator after the last name.
    const result = readTable(
      utf8('Name,,Email,,Phone,\nAnn,,ann@x.com,,0412345678,\nBob, ,bob@x.com,late,,\n'),
      'f.csv',
    );
    expect(result.headers).toEqual(['Name', 'Column 2', 'Email', 'Column 4', 'Phone', 'Column 6']);
    expect(result.emptyColumns).toEqual([1, 5]);
    const notes = result.problems.filter((p) => p.code === 'header-renamed').map((p) => p.message);
    expect(notes).toEqual([
      'Column 2 has no name in the header and no values; it is left out of the matching.',
      'Column 4 has no name in the header; it is shown as "Column 4".',
      'Column 6 has no name in the header and no values; it is left out of the matching.',
    ]);
    // Nothing is taken out of the rows themselves.
    expect(result.rows.row(1)).toEqual(['Bob', ' ', 'bob@x.com', 'late', '', '']);
  });

  it('leaves out empty columns of a file with no header, and of a workbook', () => {
    const headerless = readTable(utf8('ann@x.com,,Ann\nbob@x.com,,Bob\n'), 'f.csv');
    expect(headerless.hasHeader).toBe(false);
    expect(headerless.emptyColumns).toEqual([1]);
    expect(readTable(utf8('Name,Email\nAnn,a@x.com\n'), 'f.csv').emptyColumns).toBeUndefined();
  });

  it("skips a report's footer under the table, and says what it was", () => {
    // Salesforce's "Export details" of a report.
    const salesforce = [
      '"First Name","Last Name","Email","Mobile","Mailing Country","Account Name"',
      '"Ann","Lee","ann@acme.com","0412 345 678","Australia","Acme"',
      '"Bob","Ng","bob@acme.com","0413 111 222","Australia","Acme"',
      '',
      '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
      '"Confidential Information - Do Not Distribute"',
      '"Generated By:  Jane Admin  01/12/2026 15:45"',
      '"Acme Corp"',
      '',
    ].join('\r\n');
    const result = readTable(utf8(salesforce), 'report.csv');
    expect(result.rows.length).toBe(2);
    expect(result.problems.map((p) => p.code)).toEqual([
      'rows-below-table-skipped',
      'empty-rows-skipped',
    ]);
    const footer = result.problems[0];
    expect(footer?.rows).toEqual([5, 6, 7, 8]);
    expect(footer?.message).toMatch(
      /^Rows 5, 6, 7 and 8 below the table were skipped, as a report's footer or total: "Copyright \(c\) 2000-2026.* and more\.$/,
    );
  });

  it('skips the footers of other report tools: a count, a date, an end mark', () => {
    const table = 'Name,Email,Mobile,Country,Team\nAnn,ann@x.com,0412345678,Australia,A\n';
    for (const footer of [
      '\nTotal: 1\n',
      '\nTotal records: 1\n',
      'Record count = 1\n',
      '\n1 records\n',
      '\n1 contacts exported\n',
      '\nGenerated on 01/12/2026 09:14\n',
      '\nExported by Jane Admin\n',
      '\n*** End of Report ***\n',
      '\nAcme Pty Ltd\nEnd of report\n',
    ]) {
      const read = readTable(utf8(table + footer), 'f.csv');
      expect(read.rows.length, JSON.stringify(footer)).toBe(1);
      expect(read.problems.map((p) => p.code)).toContain('rows-below-table-skipped');
    }
    // Names that only begin like a footer stay contacts.
    for (const tail of ['\nTotal Recall\n', '\nCount Basie\n', '\nEnd Of Days Band\n']) {
      expect(readTable(utf8(table + tail), 'f.csv').rows.length, tail).toBe(2);
    }
  });

  it('skips a totals row right under the table, but never a short contact row', () => {
    const totals = readTable(
      utf8(
        'Name,Email,Mobile,Country,Team\nAnn,ann@x.com,0412345678,Australia,A\nGrand Totals (1 record),,,,\n',
      ),
      'f.csv',
    );
    expect(totals.rows.length).toBe(1);
    expect(totals.problems[0]?.code).toBe('rows-below-table-skipped');
    const short = readTable(
      utf8('Name,Email,Mobile,Country,Team\nAnn,ann@x.com,0412345678,Australia,A\nZed\n'),
      'f.csv',
    );
    expect(short.rows.length).toBe(2);
    expect(short.problems.map((p) => p.code)).toEqual(['row-too-few-fields']);
    // Rows that only look like a footer stay rows.
    for (const tail of [
      '\n,,zed@x.com,,\n',
      '\nBob\n',
      '\n,,,0412000111,\n,,c@x.com,,\n',
      'Total Energies,jean@total.fr,,France,\n',
      'Confidential Contact,,,,\n',
      '\nTotal Fitness Gym\n',
      'Zed\n\nCopyright (c) 2026 Acme\n',
    ]) {
      const read = readTable(
        utf8(`Name,Email,Mobile,Country,Team\nAnn,ann@x.com,0412345678,Australia,A\n${tail}`),
        'f.csv',
      );
      const kept = read.rows.length - 1;
      const lines = tail.split('\n').filter((line) => line.replace(/,/g, '') !== '');
      const copyright = lines.filter((line) => line.startsWith('Copyright')).length;
      expect(kept, JSON.stringify(tail)).toBe(lines.length - copyright);
    }
    // Two columns: a row with one value is an ordinary contact.
    expect(
      readTable(utf8('Name,Email\nAnn,a@x.com\n\nCopyright 2026\n'), 'f.csv').rows.length,
    ).toBe(2);
  });

  it('reads a MYOB export, its first line "{}", as the tab-separated table under it', () => {
    const myob = readTable(
      utf8(
        '{}\r\nCo./Last Name\tFirst Name\tAddr 1 - Email\r\nLee\tAnn\tann@x.com\r\nNg\tBob\tbob@x.com\r\n',
      ),
      'CUSTOMER.TXT',
    );
    expect(myob.format).toBe('delimited');
    expect(myob.headers).toEqual(['Co./Last Name', 'First Name', 'Addr 1 - Email']);
    expect(rowsToArrays(myob.rows)).toEqual([
      ['Lee', 'Ann', 'ann@x.com'],
      ['Ng', 'Bob', 'bob@x.com'],
    ]);
    // An empty JSON object is still JSON.
    expect(readTable(utf8('{}\n'), 'x.json').format).toBe('json');
  });

  it('reports rows above the header', () => {
    const result = readTable(
      utf8('Contacts export\nGenerated 2026-11-01\nname,mobile\nAnn,0412\n'),
      'f.csv',
    );
    expect(result.headerRow).toBe(3);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'rows-above-header-skipped',
        rows: [1, 2],
        message:
          'Rows 1 and 2 above the header were skipped: "Contacts export", "Generated 2026-11-01".',
      }),
    ]);
    expect(result.detections.map((d) => d.label)).toEqual([
      'Delimited text',
      'Read as UTF-8',
      'Separated by ,',
      'Header on row 3',
    ]);
  });

  it('hints when everything landed in one column', () => {
    const result = readTable(utf8('name:mobile\nAnn:0412\nBob:0413\n'), 'f.csv');
    expect(result.looksMerged).toBe(true);
    expect(readTable(utf8('email\na@x.com\nb@x.com\n'), 'f.csv').looksMerged).toBe(false);
  });

  it('caps row problems per code and counts the rest', () => {
    const text = `a,b\n${'1,2,3\n'.repeat(MAX_PROBLEMS_PER_CODE + 5)}`;
    const result = readTable(utf8(text), 'f.csv');
    expect(rowsToArrays(result.rows)).toHaveLength(MAX_PROBLEMS_PER_CODE + 5);
    expect(result.problems.filter((p) => p.code === 'row-too-many-fields')).toHaveLength(
      MAX_PROBLEMS_PER_CODE,
    );
    expect(result.problems.at(-1)?.message).toBe(
      '5 more rows have the same problem (row-too-many-fields).',
    );
  });

  it('a header with no rows below it', () => {
    expect(codes(readTable(utf8('name,mobile\n'), 'f.csv'))).toEqual(['no-data-rows']);
  });
});

describe('readTable limits', () => {
  const cases: {
    description: string;
    input: { bytes: Uint8Array; name: string; limits: Parameters<typeof readTable>[3] };
    expected: { codes: string[]; rows: number };
  }[] = [
    {
      description: 'over the size limit: nothing parsed',
      input: { bytes: utf8('a\n1\n2\n'), name: 'f.csv', limits: { maxBytes: 4 } },
      expected: { codes: ['file-too-large'], rows: 0 },
    },
    {
      description: 'at the size limit',
      input: { bytes: utf8('a\n1\n'), name: 'f.csv', limits: { maxBytes: 4 } },
      expected: { codes: [], rows: 1 },
    },
    {
      description: 'over the row cap: first rows kept, error',
      input: { bytes: utf8('a\n1\n2\n3\n'), name: 'f.csv', limits: { maxRows: 2 } },
      expected: { codes: ['too-many-rows'], rows: 2 },
    },
    {
      description: 'at the row cap',
      input: { bytes: utf8('a\n1\n2\n'), name: 'f.csv', limits: { maxRows: 2 } },
      expected: { codes: [], rows: 2 },
    },
    {
      description: 'JSON over the row cap',
      input: {
        bytes: utf8('[{"a":"1"},{"a":"2"},{"a":"3"}]'),
        name: 'f.json',
        limits: { maxRows: 2 },
      },
      expected: { codes: ['too-many-rows'], rows: 2 },
    },
    {
      description: 'empty file',
      input: { bytes: new Uint8Array(), name: 'f.csv', limits: {} },
      expected: { codes: ['empty-file'], rows: 0 },
    },
    {
      description: 'binary file with a contact extension',
      input: { bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 9]), name: 'contacts.csv', limits: {} },
      expected: { codes: ['binary-file'], rows: 0 },
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const result = readTable(input.bytes, input.name, {}, input.limits);
    expect({ codes: codes(result), rows: result.rows.length }).toEqual(expected);
  });

  it('says how big the file is and what the limit is', () => {
    const result = readTable(
      new Uint8Array(3 * 1024 * 1024),
      'big.csv',
      {},
      { maxBytes: 1024 * 1024 },
    );
    expect(result.problems[0]?.message).toBe(
      'This file is 3.0 MB; the limit is 1.0 MB. Split it into smaller files and import them one after another.',
    );
  });
});

describe('damaged files', () => {
  it('takes NUL bytes out of the values, counted, and keeps every row', () => {
    const text = 'name,email\nJo\0hn,jo@example.com\nAnn\0\0,ann@example.com\n';
    const result = readTable(utf8(text), 'contacts.csv');
    expect(rowsToArrays(result.rows)).toEqual([
      ['John', 'jo@example.com'],
      ['Ann', 'ann@example.com'],
    ]);
    const nul = result.problems.find((p) => p.code === 'nul-characters');
    expect(nul?.message).toMatch(/^The file has 3 NUL characters .*They were taken out/);
  });

  it('takes NUL bytes out of JSON and XML too, so padding does not break their syntax', () => {
    const padding = '\0'.repeat(4000); // a file written into space made for it
    for (const [name, text] of [
      ['c.json', `[{"name":"Ann","email":"ann@example.com"}]\n${padding}`],
      [
        'c.xml',
        `<people><person><name>Ann</name><email>ann@example.com</email></person></people>${padding}`,
      ],
    ]) {
      const result = readTable(utf8(text as string), name as string);
      expect(rowsToArrays(result.rows), name).toEqual([['Ann', 'ann@example.com']]);
      expect(codes(result), name).toEqual(['nul-characters']);
    }
    // Text that is mostly NUL bytes all through is still binary.
    const spread = utf8('name,email\n' + 'Ann\0\0\0,a@x.com\0\0\0\n'.repeat(50));
    expect(codes(readTable(spread, 'c.csv'))).toEqual(['binary-file']);
  });

  it("leaves out a workbook's hidden rows (a filter's), unless the person includes them", () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Name', 'Email', 'State'],
      ['Ann', 'ann@x.com', 'NSW'],
      ['Bob', 'bob@x.com', 'VIC'],
      ['Cat', 'cat@x.com', 'NSW'],
    ]);
    // Filtered to NSW: Bob's row (sheet row 3) is hidden.
    sheet['!rows'] = [{}, {}, { hidden: true }, {}];
    const bytes = new Uint8Array(
      XLSX.write(
        { SheetNames: ['Contacts'], Sheets: { Contacts: sheet } },
        { bookType: 'xlsx', type: 'array' },
      ) as ArrayBuffer,
    );
    const shown = readTable(bytes, 'contacts.xlsx');
    expect(rowsToArrays(shown.rows).map((row) => row[0])).toEqual(['Ann', 'Cat']);
    expect(shown.hiddenRows).toBe(1);
    expect(codes(shown)).toEqual(['hidden-rows']);
    expect(shown.problems[0]?.message).toBe(
      'Row 3 is hidden in the workbook (filtered out, or hidden by hand) and was left out, as the sheet shows. Tick "Import hidden rows too" above to import it.',
    );
    const all = readTable(bytes, 'contacts.xlsx', { hiddenRows: 'include' });
    expect(rowsToArrays(all.rows).map((row) => row[0])).toEqual(['Ann', 'Bob', 'Cat']);
    expect(all.problems[0]?.message).toMatch(/is imported, as you chose\.$/);
  });

  it('says a workbook cut short is cut short, wherever it was cut', () => {
    const whole = new Uint8Array(
      XLSX.write(
        {
          SheetNames: ['Contacts'],
          Sheets: { Contacts: XLSX.utils.aoa_to_sheet([['name'], ['Ann'], ['Bo']]) },
        },
        { bookType: 'xlsx', type: 'array' },
      ) as ArrayBuffer,
    );
    expect(readTable(whole, 'contacts.xlsx').rows.length).toBe(2);
    for (const cut of [100, whole.length / 2, whole.length - 30]) {
      const result = readTable(whole.subarray(0, Math.floor(cut)), 'contacts.xlsx');
      expect(codes(result)).toEqual(['file-cut-short']);
      expect(result.problems[0]?.message).toMatch(/^This \.xlsx file is cut short/);
    }
  });
});

describe('files that are not UTF-8', () => {
  const names = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲'];
  // "名前,メール" and the four names with their emails, as Excel on Japanese Windows saves a
  // CSV (Shift-JIS; TextEncoder writes UTF-8 only, so the bytes are written out).
  const SHIFT_JIS =
    '96bc914f2c8381815b838b0d0a8e5293632091be98592c7030406578616d706c652e6a700d0a8db293a12089d48e712c7031406578616d706c652e6a700d0a97e996d82088ea98592c7032406578616d706c652e6a700d0a8d828bb42094fc8de72c7033406578616d706c652e6a700d0a';

  it('reads a Japanese Shift-JIS export as Shift-JIS', () => {
    const bytes = Uint8Array.from(SHIFT_JIS.match(/../g) ?? [], (hex) => parseInt(hex, 16));
    const result = readTable(bytes, 'contacts.csv');
    expect(result.encoding).toBe('shift_jis');
    expect(result.headers).toEqual(['名前', 'メール']);
    expect(rowsToArrays(result.rows).map((row) => row[0])).toEqual(names);
    expect(codes(result)).toEqual([]);
  });

  it.each([
    [
      'Korean (EUC-KR)',
      'euc-kr',
      'c0ccb8a72cc0ccb8dec0cf0d0ab1e8b9cec1d82c6140782e6b720d0ac0ccbcadbfac2c6240782e6b720d0ab9dac1f6c8c62c6340782e6b720d0a',
      ['김민준', '이서연', '박지훈'],
    ],
    [
      'Simplified Chinese (GBK)',
      'gbk',
      'd0d5c3fb2cd3cacfe40d0acdf5d0a1c3f72c6140782e636e0d0ac0eebbaa2c6240782e636e0d0ad5c5ceb02c6340782e636e0d0a',
      ['王小明', '李华', '张伟'],
    ],
  ])('reads a %s export in its encoding', (_what, encoding, hex, names) => {
    const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
    const result = readTable(bytes, 'contacts.csv');
    expect(result.encoding).toBe(encoding);
    expect(rowsToArrays(result.rows).map((row) => row[0])).toEqual(names);
  });

  it('reads a Big5 export right once Big5 is chosen in the picker', () => {
    // Big5 writes half its second bytes as ASCII, as Latin text has letters between accents:
    // it is not told from the bytes, so it is offered.
    const hex =
      'a96da6572cb66cbd630d0aa4fda470a9fa2c6140782e74770d0ab3afa9c9a7672c6240782e74770d0aaa4ca7d3bba82c6340782e74770d0a';
    const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
    const chosen = readTable(bytes, 'contacts.csv', { encoding: 'big5' });
    expect(rowsToArrays(chosen.rows).map((row) => row[0])).toEqual(['王小明', '陳怡君', '林志豪']);
  });

  it('reads a Japanese export written in kanji alone as Shift-JIS, not GBK', () => {
    // "氏名,電話番号,会社名" and three names, phones and companies, all kanji.
    const hex =
      '8e8196bc2c9364986294d48d862c89ef8ed096bc0d0a8e5293632091be98592c303331323334353637382c8e5293638fa48e960d0a8db293a12089d48e712c303631323334353637382c8db293a18d488bc60d0a97e996d82088ea98592c303435313233343536372c97e996d88c9a90dd0d0a';
    const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
    const result = readTable(bytes, 'contacts.csv');
    expect(result.encoding).toBe('shift_jis');
    expect(result.headers).toEqual(['氏名', '電話番号', '会社名']);
  });

  it.each([
    // "Jiří Dvořák / Němec Růžička" in Windows-1250; "Ayşe Yılmaz / Ahmet Şişman" in Windows-1254.
    [
      'Czech',
      [
        0x4a, 0x69, 0xf8, 0xed, 0x20, 0x4e, 0xec, 0x6d, 0x65, 0x63, 0x2c, 0x52, 0xf9, 0x7a, 0x61,
        0x0d, 0x0a, 0x45, 0x76, 0x61, 0x20, 0x4e, 0xec, 0x6d, 0x63, 0x6f, 0x76, 0xe1, 0x2c, 0x78,
      ],
      'Windows-1250',
    ],
    [
      'Turkish',
      [
        0x41, 0x79, 0xfe, 0x65, 0x2c, 0x59, 0x61, 0x72, 0x0d, 0x0a, 0x41, 0x68, 0x6d, 0x65, 0x74,
        0x20, 0xde, 0x69, 0xfe, 0x6d, 0x61, 0x6e, 0x2c, 0x53,
      ],
      'Windows-1254',
    ],
  ])('warns when %s is read as Windows-1252', (_what, bytes, named) => {
    const result = readTable(
      new Uint8Array([...utf8('Name,Team\r\n'), ...(bytes as number[]), ...utf8('\r\n')]),
      'c.csv',
    );
    expect(codes(result)).toEqual(['encoding-doubtful']);
    expect(result.problems[0]?.message).toContain(named as string);
  });

  it('reads French with œ as Windows-1252, without a warning', () => {
    const result = readTable(
      cp1252('Name,Company\r\nAnn Lee,Les Sœurs Martin\r\nBob Ray,Au Bœuf Couronné\r\n'),
      'c.csv',
    );
    expect(result.encoding).toBe('windows-1252');
    expect(codes(result)).toEqual([]);
  });

  it('reads UTF-8 with one row pasted from a Windows-1252 file as UTF-8, naming the bad byte', () => {
    const utf8Part = utf8(
      'Name,Email\r\n' +
        Array.from({ length: 20 }, (_, i) => `José Müller${i},j${i}@x.com`).join('\r\n') +
        '\r\n',
    );
    const bytes = new Uint8Array([...utf8Part, ...cp1252('Zoë,z@x.com\r\n')]);
    const result = readTable(bytes, 'contacts.csv');
    expect(result.encoding).toBe('utf-8');
    expect(rowsToArrays(result.rows)[0]?.[0]).toBe('José Müller0');
    expect(rowsToArrays(result.rows).at(-1)?.[0]).toBe('Zo\ufffd');
    expect(codes(result)).toEqual(['encoding-replacement-characters']);
    expect(result.problems[0]?.message).toMatch(
      /^One byte of this UTF-8 file is not UTF-8 \(the first is byte \d+\)/,
    );
  });

  it('warns when a file read as Windows-1252 looks like Mac OS Roman', () => {
    // "José François Müller" as a Mac writes it: é 0x8E, ç 0x8D, ü 0x9F.
    const mac = new Uint8Array([
      ...utf8('Name,Email\r\nJos'),
      0x8e,
      ...utf8(' Fran'),
      0x8d,
      ...utf8('ois M'),
      0x9f,
      ...utf8('ller,j@x.com\r\nRen'),
      0x8e,
      ...utf8(',r@x.com\r\n'),
    ]);
    const result = readTable(mac, 'contacts.csv');
    expect(result.encoding).toBe('windows-1252');
    expect(codes(result)).toEqual(['encoding-doubtful']);
    expect(result.problems[0]?.message).toMatch(/Mac OS Roman/);
    // The person's choice reads it right.
    const chosen = readTable(mac, 'contacts.csv', { encoding: 'macintosh' });
    expect(rowsToArrays(chosen.rows)[0]?.[0]).toBe('José François Müller');
  });

  it('reads a Mac "CSV (Macintosh)" file, lines ending in CR alone, as Mac OS Roman', () => {
    // "José François Müller", "Søren Ærø" as Excel for Mac saves them.
    const mac = new Uint8Array([
      ...utf8('Name,Email\rJos'),
      0x8e,
      ...utf8(' Fran'),
      0x8d,
      ...utf8('ois M'),
      0x9f,
      ...utf8('ller,j@x.com\rS'),
      0xbf,
      ...utf8('ren ,s@x.com\r'),
    ]);
    const result = readTable(mac, 'contacts.csv');
    expect(result.encoding).toBe('macintosh');
    // Said, with the way back: the guess rests on a few bytes.
    expect(codes(result)).toEqual(['encoding-doubtful']);
    expect(result.problems[0]?.message).toMatch(/choose Windows-1252 above/);
    expect(rowsToArrays(result.rows).map((row) => row[0])).toEqual([
      'José François Müller',
      'Søren ',
    ]);
    // A Windows file whose such bytes are its own letters and quotes stays Windows-1252.
    // "José Núñez" as a Mac writes it: é at a word's end, ñ inside one.
    const nunez = new Uint8Array([
      ...utf8('Name,Email\rJos'),
      0x8e,
      ...utf8(' N'),
      0x9c,
      0x96,
      ...utf8('ez,j@x.com\r'),
    ]);
    const read = readTable(nunez, 'contacts.csv');
    expect(read.encoding).toBe('macintosh');
    expect(rowsToArrays(read.rows)[0]?.[0]).toBe('José Núñez');
    for (const name of [
      'Sean O’Brien',
      'Dušan Mašek',
      'Zoë Šimková',
      'Mary–Jane Lee',
      'KOŽAR',
      'John “Jack” Smith',
    ]) {
      const windows = readTable(cp1252(`Name,Email\r${name},s@x.com\r`), 'c.csv');
      expect(windows.encoding, name).toBe('windows-1252');
      expect(rowsToArrays(windows.rows)[0]?.[0]).toBe(name);
    }
  });

  it('never takes Polish in Windows-1250, with its runs of accents, for an East Asian encoding', () => {
    // "Imię,Email / Łukasz Wójcik / Zofia Dąbrowska / Małgorzata Żółć" in Windows-1250.
    const hex =
      '496d69ea2c456d61696c0d0aa3756b61737a2057f36a63696b2c6c40782e706c0d0a5a6f6669612044b962726f77736b612c7a40782e706c0d0a4d61b3676f727a61746120aff3b3e62c6d40782e706c0d0a';
    const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
    const guessed = readTable(bytes, 'contacts.csv');
    expect(guessed.encoding).toBe('windows-1252');
    // Read so, "Ma³gorzata": the warning says which encoding to choose.
    expect(codes(guessed)).toEqual(['encoding-doubtful']);
    expect(guessed.problems[0]?.message).toMatch(/Windows-1250/);
    const chosen = readTable(bytes, 'contacts.csv', { encoding: 'windows-1250' });
    expect(rowsToArrays(chosen.rows).at(-1)?.[0]).toBe('Małgorzata Żółć');
  });

  it.each([
    [
      'curly quotes, dashes and € (an Outlook or Excel "ANSI" CSV)',
      'First Name,Last Name,E-mail Address,Notes\r\nSean,O’Brien,sean@x.com,Don’t call – email\r\nMary,O’Connor,mary@x.com,“VIP” €10\r\n',
    ],
    [
      'Portuguese',
      'Nome,Email\r\nMaria da Conceição,m@x.pt\r\nJoão Assunção,j@x.pt\r\nAna Guimarães,a@x.pt\r\n',
    ],
    ['Finnish', 'Nimi,Email\r\nAino Mäenpää,a@x.fi\r\nEero Jääskeläinen,e@x.fi\r\n'],
    ['Icelandic', 'Nafn,Email\r\nÞórður Sigríðarson,t@x.is\r\nSigríður Þórðardóttir,s@x.is\r\n'],
  ])('reads Windows-1252 with %s without a warning', (_what, text) => {
    const result = readTable(cp1252(text), 'contacts.csv');
    expect(result.encoding).toBe('windows-1252');
    expect(codes(result)).toEqual([]);
  });

  it('gives no warning for an XML file whose declaration names its encoding', () => {
    // Czech in Windows-1250: "Ťáňa Šťastná", whose Ť and ť are bytes Windows-1252 leaves
    // undefined (its guess alone would warn).
    const bytes = new Uint8Array([
      ...utf8('<?xml version="1.0" encoding="windows-1250"?><people><person><name>'),
      0x8d,
      0xe1,
      0xf2,
      0x61,
      0x20,
      0x8a,
      0x9d,
      0x61,
      0x73,
      0x74,
      0x6e,
      0xe1,
      ...utf8('</name></person><person><name>Ann</name></person></people>'),
    ]);
    const result = readTable(bytes, 'people.xml');
    expect(result.encoding).toBe('windows-1250');
    expect(rowsToArrays(result.rows)[0]?.[0]).toBe('Ťáňa Šťastná');
    expect(codes(result)).toEqual([]);
  });

  it('reads a long file with a few bad bytes at its start whole, so all its bytes decide', () => {
    const start = utf8('Name,Email\r\n');
    const bad = cp1252('Zoë,z@x.com\r\n');
    // Its UTF-8 names come only after the start the worker reads first.
    const rest = utf8(
      Array.from({ length: 30_000 }, (_, i) =>
        i < 20_000 ? `Ann${i},a${i}@x.com` : `José Müller${i},j${i}@x.com`,
      ).join('\r\n'),
    );
    const bytes = new Uint8Array([...start, ...bad, ...rest]);
    expect(bytes.length).toBeGreaterThan(HEAD_BYTES);
    // The worker's reading in pieces gives way to the whole read, which sees the UTF-8 names.
    expect(
      DelimitedReading.start(bytes.subarray(0, HEAD_BYTES), bytes.length, 'c.csv'),
    ).toBeUndefined();
    const whole = readTable(bytes, 'c.csv');
    expect(whole.encoding).toBe('utf-8');
    expect(rowsToArrays(whole.rows).at(-1)?.[0]).toBe('José Müller29999');
  });

  it('reads a Windows-1252 export without a warning', () => {
    const result = readTable(
      cp1252('Name,Email\r\nJosé Müller,j@x.com\r\nZoë,z@x.com\r\n'),
      'c.csv',
    );
    expect(result.encoding).toBe('windows-1252');
    expect(codes(result)).toEqual([]);
  });
});

describe('spreadsheets saved as XML or as a web page', () => {
  it('reads an Excel 2003 XML spreadsheet as a workbook', () => {
    const cell = (type: string, value: string) =>
      `<Cell><Data ss:Type="${type}">${value}</Data></Cell>`;
    const xml = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Contacts">
  <Table>
   <Row>${cell('String', 'Name')}${cell('String', 'Email')}${cell('String', 'Mobile')}</Row>
   <Row>${cell('String', 'Ann')}${cell('String', 'ann@x.com')}${cell('Number', '61412345678')}</Row>
   <Row>${cell('String', 'Bob')}${cell('String', 'bob@x.com')}${cell('Number', '61412345679')}</Row>
  </Table>
 </Worksheet>
</Workbook>`;
    const result = readTable(utf8(xml), 'contacts.xml');
    expect(result.format).toBe('xml-spreadsheet');
    expect(result.headers).toEqual(['Name', 'Email', 'Mobile']);
    expect(rowsToArrays(result.rows)).toEqual([
      ['Ann', 'ann@x.com', '61412345678'],
      ['Bob', 'bob@x.com', '61412345679'],
    ]);
    expect(result.sheet).toBe('Contacts');
  });

  it('reads the table of a web page saved as .xls', () => {
    const html =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><table>' +
      '<tr><td>Name</td><td>Email</td></tr><tr><td>Zoë</td><td>zoe@x.com</td></tr>' +
      '<tr><td>Bob</td><td>bob@x.com</td></tr></table></body></html>';
    const result = readTable(utf8(html), 'export.xls');
    expect(result.format).toBe('html');
    expect(result.headers).toEqual(['Name', 'Email']);
    expect(rowsToArrays(result.rows)).toEqual([
      ['Zoë', 'zoe@x.com'],
      ['Bob', 'bob@x.com'],
    ]);
  });

  it('reads a web page in the encoding it names (Excel saves one in Windows-1252)', () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">' +
      '</head><body><table><tr><td>Name</td><td>Email</td></tr>';
    const bytes = new Uint8Array([
      ...utf8(page),
      ...utf8('<tr><td>'),
      0x8a,
      0x9d,
      0x61,
      0x73,
      0x74,
      0x6e,
      0xe1,
      ...utf8('</td><td>s@x.cz</td></tr>'),
      ...utf8('<tr><td>Bob</td><td>b@x.cz</td></tr></table></body></html>'),
    ]);
    const result = readTable(bytes, 'export.xls');
    expect(rowsToArrays(result.rows)[0]?.[0]).toBe('Šťastná');
    expect(result.detections.map((d) => d.label)).toContain('Read as Windows-1250');
  });

  it('names a vCard address book for what it is', () => {
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@x.com\r\nEND:VCARD\r\n';
    const result = readTable(utf8(vcard), 'contacts.vcf');
    expect(codes(result)).toEqual(['unsupported-format']);
    expect(result.problems[0]?.message).toMatch(/^This \.vcf file is a vCard address book/);
  });
});

describe('readTable on XML', () => {
  it('honours the encoding named in the XML declaration', () => {
    const bytes = cp1252(
      '<?xml version="1.0" encoding="ISO-8859-1"?><l><c><n>Fran\u00e7ois</n></c></l>',
    );
    const result = readTable(bytes, 'f.xml');
    expect(rowsToArrays(result.rows)).toEqual([['François']]);
    expect(result.encoding).toBe('windows-1252');
    expect(encodingShortName(result.encoding ?? 'utf-8')).toBe('Windows-1252');
  });
});

describe('huge header names in messages', () => {
  it('a repeated 1 MB header name is quoted short', () => {
    const name = 'h'.repeat(1_000_000);
    const csv = new TextEncoder().encode(`${name},${name}\nAnn,Lee`);
    const renamed = readTable(csv, 'dup.csv').problems.find((p) => p.code === 'header-renamed');
    expect(renamed?.message.length).toBeLessThan(400);
    expect(renamed?.message).toContain('… (1,000,000 characters)');
  });
});

describe('DelimitedReading: a file read a piece of its bytes at a time', () => {
  const utf16le = (text: string): Uint8Array => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      out[2 + i * 2] = text.charCodeAt(i) & 0xff;
      out[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    return out;
  };
  /** Rows enough that the file runs past the start `start` is given. */
  const lines = (count: number, row: (i: number) => string): string =>
    ['firstName,lastName,workEmailAddress1', ...Array.from({ length: count }, (_, i) => row(i))]
      .join('\r\n')
      .concat('\r\n');
  const accented = lines(12_000, (i) => `Zoë${i},Łucja Ó Súilleabháin,zoe${i}@example.com`);
  const ascii = lines(12_000, (i) => `Ann${i},Lee,ann${i}@example.com`);

  /** Reads `bytes` as the worker does, in pieces of the sizes in `cuts` (round and round). */
  function inPieces(
    bytes: Uint8Array,
    cuts: readonly number[],
    overrides: IntakeOverrides = {},
    limits: IntakeLimits = {},
  ): IntakeResult | undefined {
    const reading = DelimitedReading.start(
      bytes.subarray(0, HEAD_BYTES),
      bytes.length,
      'contacts.csv',
      overrides,
      limits,
    );
    if (!reading) return undefined;
    for (let at = 0, i = 0; at < bytes.length && !reading.done; i++) {
      const end = Math.min(bytes.length, at + (cuts[i % cuts.length] as number));
      reading.push(bytes.subarray(at, end), end === bytes.length);
      at = end;
    }
    return reading.result(reading.end() ? bytes : undefined);
  }

  /** What a person is shown of a result: every field, the rows as arrays. */
  const shown = (result: IntakeResult | undefined) =>
    result && { ...result, rows: rowsToArrays(result.rows) };

  it('reads what one read of the whole file reads, however the pieces fall', () => {
    const files: [string, Uint8Array][] = [
      ['NUL bytes in values', utf8(ascii.replace(/Ann1/g, 'An\0n1'))],
      ['UTF-8', utf8(accented)],
      ['ASCII', utf8(ascii)],
      ['UTF-8 with a byte-order mark', utf8(`\ufeff${accented}`)],
      ['UTF-16 with a byte-order mark', utf16le(accented)],
      ['Windows-1252 from its start', cp1252(accented.replace(/Ł/g, 'L'))],
      ['small', utf8(SAMPLE)],
      ['LF line endings', utf8(accented.replace(/\r\n/g, '\n'))],
      ['CR line endings (no line feed at all)', utf8(accented.replace(/\r\n/g, '\r'))],
      [
        'values spanning lines',
        utf8(lines(12_000, (i) => `Zoë${i},"Ó Súilleabháin\r\nLevel ${i}",zoe${i}@example.com`)),
      ],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 5 }),
        ([, bytes], cuts) => {
          expect(shown(inPieces(bytes, cuts))).toEqual(shown(readTable(bytes, 'contacts.csv')));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads lines that end another way only past the first megabyte (two exports joined)', () => {
    const windows = lines(40_000, (i) => `Ann${i},Lee,"ann${i}@example.com"`); // 1.4 MB, CR LF
    const tail = (breakWith: string) =>
      ['Bob,Ray,bob@example.com', 'Cat,Fox,"cat@example.com"', 'Dan,Orr,dan@example.com', ''].join(
        breakWith,
      );
    const stray = windows.replace('Ann20000,Lee,', 'Ann20000,"VIP" Lee,');
    for (const [what, text] of [
      ['CR LF, then LF', windows + tail('\n')],
      ['CR LF, then CR', windows + tail('\r')],
      ['LF, then CR LF', windows.replace(/\r\n/g, '\n') + tail('\r\n')],
      ['LF, then CR', windows.replace(/\r\n/g, '\n') + tail('\r')],
      ['CR, then CR LF', windows.replace(/\r\n/g, '\r') + tail('\r\n')],
      ['CR LF, then one LF line at the end', windows + tail('\r\n').replace(/\r\n$/, '\n')],
      // A broken quote hides the mix until the quotes are mended.
      ['a stray quote, then LF lines', stray + tail('\n')],
    ]) {
      const bytes = utf8(text as string);
      for (const result of [readTable(bytes, 'contacts.csv'), inPieces(bytes, [300_000])]) {
        if (!result) throw new Error(`${what}: not read in pieces`);
        const rows = rowsToArrays(result.rows);
        expect(rows.length, what).toBe(40_003);
        expect(rows.slice(-4), what).toEqual([
          ['Ann39999', 'Lee', 'ann39999@example.com'],
          ['Bob', 'Ray', 'bob@example.com'],
          ['Cat', 'Fox', 'cat@example.com'],
          ['Dan', 'Orr', 'dan@example.com'],
        ]);
        expect(
          result.problems.filter((p) => p.severity !== 'info' && p.code !== 'malformed-quote'),
          what,
        ).toEqual([]);
      }
    }
  });

  it('reads a one-column file whose lines end another way past the first megabyte', () => {
    const column = ['email', ...Array.from({ length: 60_000 }, (_, i) => `ann${i}@example.com`)];
    const bytes = utf8(`${column.join('\r\n')}\r\nbob@x.com\ncat@x.com\ndan@x.com\n`);
    for (const result of [readTable(bytes, 'contacts.csv'), inPieces(bytes, [300_000])]) {
      if (!result) throw new Error('not read in pieces');
      expect(rowsToArrays(result.rows).slice(-3)).toEqual([
        ['bob@x.com'],
        ['cat@x.com'],
        ['dan@x.com'],
      ]);
    }
  });

  it('tells plain ASCII from UTF-8 by every byte, not by the start', () => {
    const late = utf8(`${ascii}Zoë,Lee,zoe@example.com\r\n`);
    const [, encoding] = inPieces(late, [100_000])?.detections ?? [];
    expect(encoding?.reason).toBe('Every character in the file is valid UTF-8.');
    const [, plain] = inPieces(utf8(ascii), [100_000])?.detections ?? [];
    expect(plain?.reason).toBe('The file is plain ASCII, which reads the same in UTF-8.');
  });

  it('stops with NotUtf8 at a byte past the start that breaks UTF-8, naming it', () => {
    const bytes = cp1252(`${ascii}Zoë,Lee,zoe@example.com\r\n`);
    const at = bytes.indexOf(0xeb);
    expect(at).toBeGreaterThan(HEAD_BYTES);
    expect(() => inPieces(bytes, [65_536])).toThrow(new NotUtf8(at));
    // Read whole, the same file is Windows-1252, named by the same byte.
    expect(readTable(bytes, 'contacts.csv').detections[1]?.reason).toContain(
      `Byte ${at + 1} is not valid UTF-8`,
    );
  });

  it('reads on as UTF-8 when the person chose it, warning of the bytes that break it', () => {
    const bytes = cp1252(`${ascii}Zoë,Lee,zoe@example.com\r\n`);
    const chosen = { encoding: 'utf-8' } as const;
    const result = inPieces(bytes, [65_536], chosen);
    expect(result && codes(result)).toContain('encoding-replacement-characters');
    expect(shown(result)).toEqual(shown(readTable(bytes, 'contacts.csv', chosen)));
  });

  it('asks for the whole file only for the lines of quote problems, and names them', () => {
    const bytes = utf8(`${ascii}Zoë,"Lee,zoe@example.com\r\nBob,Ray,bob@example.com\r\n`);
    const result = inPieces(bytes, [100_000]);
    expect(result && codes(result)).toContain('unclosed-quote');
    expect(shown(result)).toEqual(shown(readTable(bytes, 'contacts.csv')));
  });

  it('names no line for a quote problem when it is not given the whole file', () => {
    const bytes = utf8('a,b\n"two\nlines",1\nBob,"Ray\n');
    const read = (whole?: Uint8Array) => {
      const reading = DelimitedReading.start(bytes, bytes.length, 'a.csv');
      reading?.push(bytes, true);
      reading?.end();
      return reading?.result(whole).problems.find((p) => p.code === 'unclosed-quote');
    };
    expect(read(bytes)).toMatchObject({ row: 3, line: 4 });
    expect(read()?.row).toBe(3);
    expect(read()?.line).toBeUndefined();
  });

  it('stops reading at the row limit', () => {
    const limits = { maxRows: 100 };
    const bytes = utf8(ascii);
    let pushed = 0;
    const reading = DelimitedReading.start(
      bytes.subarray(0, HEAD_BYTES),
      bytes.length,
      'a.csv',
      {},
      limits,
    );
    for (let at = 0; at < bytes.length && reading && !reading.done; at += 1024) {
      reading.push(bytes.subarray(at, at + 1024), at + 1024 >= bytes.length);
      pushed += 1024;
    }
    expect(pushed).toBeLessThan(bytes.length / 10);
    expect(shown(reading?.result())).toEqual(shown(readTable(bytes, 'a.csv', {}, limits)));
  });

  it('leaves workbooks, JSON, XML and files over the size limit to the whole read', () => {
    expect(inPieces(utf8('[{"firstName":"Ann"}]'), [10])).toBeUndefined();
    expect(inPieces(utf8('<contacts><c><n>Ann</n></c></contacts>'), [10])).toBeUndefined();
    expect(inPieces(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), [10])).toBeUndefined();
    expect(inPieces(utf8(SAMPLE), [10], {}, { maxBytes: 10 })).toBeUndefined();
  });
});

const readText = (text: string) => readTable(new TextEncoder().encode(text), 'contacts.csv');

describe('line breaks mixed in one file', () => {
  it('ends a row at every kind of line break, and keeps the values exactly', () => {
    const table = readText(
      'First Name,Last Name,Email\r\n' +
        'Ann,Lee,ann@example.com\n' +
        'Bob,Ray,bob@example.com\r' +
        'Cat,Fox,"cat@example.com"\r\n' +
        'Dan,Orr,"two\r\nlines"\n' +
        'Eve,Poe,eve@example.com\r\n',
    );
    expect(table.headers).toEqual(['First Name', 'Last Name', 'Email']);
    expect(rowsToArrays(table.rows)).toEqual([
      ['Ann', 'Lee', 'ann@example.com'],
      ['Bob', 'Ray', 'bob@example.com'],
      ['Cat', 'Fox', 'cat@example.com'],
      ['Dan', 'Orr', 'two\r\nlines'],
      ['Eve', 'Poe', 'eve@example.com'],
    ]);
    expect(table.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('a quote inside a value (12" pizza) does not hide the mix after it', () => {
    const table = readText('Name,Notes\r\nAnn,12" pizza\r\nBob,x\nCat,y\n');
    expect(rowsToArrays(table.rows)).toEqual([
      ['Ann', '12" pizza'],
      ['Bob', 'x'],
      ['Cat', 'y'],
    ]);
  });

  it('a carriage return alone at the very end, after a quoted value, ends the last line', () => {
    const table = readText('Name,Email\r\nAnn,a@x.com\nBob,"b@x.com"\r');
    expect(rowsToArrays(table.rows)).toEqual([
      ['Ann', 'a@x.com'],
      ['Bob', 'b@x.com'],
    ]);
    expect(table.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('a file of CR LF lines with LF inside quoted values (as Excel writes them) is read as before', () => {
    const table = readText('Name,Notes\r\nAnn,"line one\nline two"\r\nBob,x\r\n');
    expect(rowsToArrays(table.rows)).toEqual([
      ['Ann', 'line one\nline two'],
      ['Bob', 'x'],
    ]);
  });
});

describe('the row limit', () => {
  const withBlanks = (contactsAfter: number) =>
    readTable(
      new TextEncoder().encode(
        'Name,Email,Mobile\n' +
          Array.from({ length: 5 }, (_, i) => `P${i},p${i}@x.com,0412\n`).join('') +
          ',,\n'.repeat(1500) +
          Array.from({ length: contactsAfter }, (_, i) => `Q${i},q${i}@x.com,0412\n`).join(''),
      ),
      'contacts.csv',
      {},
      { maxRows: 10 },
    );

  it('counts contacts, not the blank lines between them', () => {
    const table = withBlanks(1);
    expect(table.rows.length).toBe(6);
    expect(table.problems.map((p) => p.code)).not.toContain('too-many-rows');
  });

  it('keeps the first contacts up to the limit and says so', () => {
    const table = withBlanks(8);
    expect(table.rows.length).toBe(10);
    expect(rowsToArrays(table.rows).at(-1)?.[0]).toBe('Q4');
    expect(table.problems.map((p) => p.code)).toContain('too-many-rows');
  });
});
