import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectHeaderRow, generatedHeaders, uniqueHeaders } from './header';

const HEADER = [
  'firstName',
  'lastName',
  'workEmailAddress1',
  'workMobilePhone1',
  'workCountry',
  'timezone',
];
const JOHN = ['John', 'Smith', 'john.smith@testcompany.com', '61423456789', 'Australia', '+10'];
const JANE = ['Jane', 'Smith', 'jane.smith@testcompany.com', '61498765432', 'Australia', '+10'];

describe('detectHeaderRow', () => {
  const cases: {
    description: string;
    input: string[][];
    expected: { index: number; hasHeader: boolean };
  }[] = [
    {
      description: 'header on the first row',
      input: [HEADER, JOHN, JANE],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'title, date line and a blank row above the header',
      input: [['Contacts export'], ['Generated 2026-11-01'], [''], HEADER, JOHN, JANE],
      expected: { index: 3, hasHeader: true },
    },
    {
      description: 'title padded with empty cells (as Excel writes it to CSV)',
      input: [['Contacts export', '', '', '', '', ''], ['', '', '', '', '', ''], HEADER, JOHN],
      expected: { index: 2, hasHeader: true },
    },
    {
      description: 'a two-cell title in a six-column table is still a title',
      input: [['Report', '2026'], HEADER, JOHN, JANE],
      expected: { index: 1, hasHeader: true },
    },
    {
      description: 'no header: first row is contact data',
      input: [JOHN, JANE],
      expected: { index: 0, hasHeader: false },
    },
    {
      description: 'no header below a title',
      input: [['Contacts export'], JOHN, JANE, JOHN],
      expected: { index: 1, hasHeader: false },
    },
    {
      description: 'single column with a header',
      input: [['email'], ['a@x.com'], ['b@x.com']],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'header with some blank names',
      input: [
        ['Name', '', 'Mobile'],
        ['Ann', 'x', '0412'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'a header naming fewer than half the columns, over rows that fill them all',
      input: [
        ['First Name', 'Last Name', 'Email', 'Mobile', '', '', '', '', '', ''],
        ['Ann', 'Lee', 'ann@x.com', '0412345678', 'a', 'b', 'c', 'd', 'e', 'f'],
        ['Bob', 'Ray', 'bob@x.com', '0412345679', 'a', 'b', 'c', 'd', 'e', 'f'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'the same below a title and a blank row',
      input: [
        ['Contacts export'],
        [],
        ['First Name', 'Last Name', 'Email', '', '', '', ''],
        ['Ann', 'Lee', 'ann@x.com', 'a', 'b', 'c', 'd'],
      ],
      expected: { index: 2, hasHeader: true },
    },
    {
      description: 'two words of a title above rows of data are not a header',
      input: [['Contacts', 'export'], JOHN, JANE],
      expected: { index: 1, hasHeader: false },
    },
    {
      description: 'no header: a contact with more names than numbers (one email is enough)',
      input: [
        ['Ann', 'Lee', 'Acme', 'ann@x.com', 'Sales', 'Australia', 'Sydney'],
        ['Bob', 'Ray', 'Acme', 'bob@x.com', 'Sales', 'Australia', 'Perth'],
      ],
      expected: { index: 0, hasHeader: false },
    },
    {
      description: 'no header: one phone-length number among names',
      input: [
        ['Ann', 'Lee', 'Acme', '+61 412 345 001', 'Sales', 'Australia', 'Sydney'],
        ['Bob', 'Ray', 'Acme', '+61 412 345 002', 'Sales', 'Australia', 'Perth'],
      ],
      expected: { index: 0, hasHeader: false },
    },
    {
      description: 'a header with years and short codes in it is still a header',
      input: [
        ['Name', 'Team', '2025', '2026', 'Postcode'],
        ['Ann', 'Sales', '10', '12', '2000'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'lines of facts above a narrow table are not its header',
      input: [
        ['Report date:', '2024-05-01', ''],
        ['Exported by:', 'admin@acme.com', ''],
        ['Name', 'Email', 'Mobile'],
        ['Ann', 'ann@x.com', '0412345678'],
        ['Bob', 'bob@x.com', '0412345679'],
      ],
      expected: { index: 2, hasHeader: true },
    },
    {
      description: 'a comment line is not the header',
      input: [['# Exported from CRM', ' v2', ' by admin', '', '', ''], HEADER, JOHN, JANE],
      expected: { index: 1, hasHeader: true },
    },
    {
      description: 'a header whose first name is "#", with a separator at the end of each line',
      input: [
        ['#', 'First', 'Last', 'Company', ''],
        ['1', 'Ann', 'Lee', 'Acme', ''],
        ['2', 'Bob', 'Ng', 'Beta', ''],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'a header naming a span of years or a date is still a header',
      input: [
        ['Name', 'Email', 'Company', '2023/2024', '2024-05-01'],
        ['Ann', 'ann@x.com', 'Acme', 'Paid', 'Yes'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'years as column names over answers',
      input: [
        ['Name', 'Email', '2023', '2024'],
        ['Ann Lee', 'ann@example.com', 'Yes', 'No'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'session numbers as column names',
      input: [
        ['Name', 'Email', '1', '2', '3', '4'],
        ['Ann Lee', 'ann@example.com', 'x', '', 'x', 'x'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'the dates of a register as column names',
      input: [
        ['Name', 'Mobile', '2024-03-01', '2024-03-08'],
        ['Ann Lee', '0412 345 678', 'present', 'absent'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'a file with no header whose first contact has numbers over a word below',
      input: [
        ['1001', '2024-01-05', 'Smith'],
        ['1002', 'TBC', 'Jones'],
        ['1003', '2024-02-11', 'Ng'],
      ],
      expected: { index: 0, hasHeader: false },
    },
    {
      description: 'years as column names over answers and a number',
      input: [
        ['Name', 'Email', '2023', '2024'],
        ['Ann', '', 'Yes', '12'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'years as column names over answers and counts',
      input: [
        ['Name', '2021', '2022', '2023'],
        ['Ann', 'Yes', '5', '3'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'years as column names over amounts',
      input: [
        ['First', 'Last', 'Mobile', '2021', '2022', '2023'],
        ['Jane', 'Doe', '', '50', '100', '0'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'a register whose sessions hold counts',
      input: [
        ['Name', 'Mobile', '1', '2', '3', '4'],
        ['Ann Lee', '', '1', '0', '1', '1'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'a contact whose birth date stands in three columns over another’s',
      input: [
        ['Smith', 'John', '', '10', '11', '12', 'Sydney'],
        ['Jones', 'Ann', '', '3', '4', '1975', 'Perth'],
      ],
      expected: { index: 0, hasHeader: false },
    },
    {
      description: 'a contact whose day and month of birth stand side by side',
      input: [
        ['Smith', 'John', '11', '12', '1980', 'Sydney'],
        ['Jones', 'Ann', '3', '4', '1975', 'Perth'],
      ],
      expected: { index: 0, hasHeader: false },
    },
    {
      description: 'a file with no header whose first contact has a word then numbers',
      input: [
        ['Smith', '45', '2024-01-05', '3000'],
        ['Jones', 'N/A', '2024-02-01', '3001'],
      ],
      expected: { index: 0, hasHeader: false },
    },
    {
      description: 'a register whose days hold ticks and counts',
      input: [
        ['Name', 'Mobile', '1', '2', '3', '4'],
        ['Ann', '', 'Y', '1', '0', 'N'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    {
      description: 'a band over the header',
      input: [
        ['Name', '', 'Contact', ''],
        ['First Name', 'Last Name', 'Email', 'Mobile'],
        ['Ann', 'Lee', 'ann@example.com', '0412 345 678'],
      ],
      expected: { index: 1, hasHeader: true },
    },
    {
      description: 'two rows with nothing to tell them apart: the first names the columns',
      input: [
        ['Ann', 'Lee', '12', 'Sales'],
        ['Bob', 'Ray', '7', 'IT'],
      ],
      expected: { index: 0, hasHeader: true },
    },
    { description: 'empty input', input: [], expected: { index: 0, hasHeader: true } },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const result = detectHeaderRow(input);
    expect({ index: result.index, hasHeader: result.hasHeader }).toEqual(expected);
    expect(result.reason).not.toBe('');
  });

  it('explains the choice with the row number a person sees', () => {
    const result = detectHeaderRow([['Contacts export'], ['Generated 2026-11-01'], HEADER, JOHN]);
    expect(result.reason).toMatch(/^Row 3 is the first row with 6 distinct names/);
  });
});

describe('uniqueHeaders', () => {
  const cases: {
    description: string;
    input: string[];
    expected: { headers: string[]; renamed: { index: number; from: string; to: string }[] };
  }[] = [
    {
      description: 'unique names unchanged',
      input: ['a', 'b'],
      expected: { headers: ['a', 'b'], renamed: [] },
    },
    {
      description: 'blank becomes its column number',
      input: ['Name', '', 'Mobile'],
      expected: {
        headers: ['Name', 'Column 2', 'Mobile'],
        renamed: [{ index: 1, from: '', to: 'Column 2' }],
      },
    },
    {
      description: 'duplicates are numbered from 2',
      input: ['Email', 'Phone', 'Email', 'Email'],
      expected: {
        headers: ['Email', 'Phone', 'Email (2)', 'Email (3)'],
        renamed: [
          { index: 2, from: 'Email', to: 'Email (2)' },
          { index: 3, from: 'Email', to: 'Email (3)' },
        ],
      },
    },
    {
      description: 'duplicates differing only in case still collide',
      input: ['email', 'Email'],
      expected: {
        headers: ['email', 'Email (2)'],
        renamed: [{ index: 1, from: 'Email', to: 'Email (2)' }],
      },
    },
    {
      description: 'generated names never clash with names further along',
      input: ['Email', 'Email', 'Email (2)', '', 'Column 4'],
      expected: {
        headers: ['Email', 'Email (3)', 'Email (2)', 'Column 4 (2)', 'Column 4'],
        renamed: [
          { index: 1, from: 'Email', to: 'Email (3)' },
          { index: 3, from: '', to: 'Column 4 (2)' },
        ],
      },
    },
    {
      description: 'surrounding spaces are trimmed (reported as a rename)',
      input: [' Mobile '],
      expected: { headers: ['Mobile'], renamed: [{ index: 0, from: ' Mobile ', to: 'Mobile' }] },
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(uniqueHeaders(input)).toEqual(expected);
  });

  it('generatedHeaders names columns for a file without a header', () => {
    expect(generatedHeaders(3)).toEqual(['Column 1', 'Column 2', 'Column 3']);
  });
});

describe('uniqueHeaders properties', () => {
  it('always returns as many names as given, none blank, none repeated (ignoring case)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('', ' ', 'Email', 'email', 'Email (2)', 'Column 1', 'Column 2', 'Name'),
          {
            maxLength: 12,
          },
        ),
        (raw) => {
          const { headers } = uniqueHeaders(raw);
          expect(headers).toHaveLength(raw.length);
          expect(headers.every((h) => h.trim() !== '')).toBe(true);
          expect(new Set(headers.map((h) => h.toLowerCase())).size).toBe(headers.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a huge value in what the detection says', () => {
  it('quotes at most 60 characters of it, with its length', () => {
    const huge = `${'9'.repeat(5_000_000)}`;
    const detected = detectHeaderRow([[huge, '61400000001', 'ann@example.com'], JOHN]);
    expect(detected.hasHeader).toBe(false);
    expect(detected.reason.length).toBeLessThan(300);
    expect(detected.reason).toContain('… (5,000,000 characters)');
  });
});
