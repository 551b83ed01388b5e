import { describe, expect, it } from 'vitest';
import { findContactField } from '../whispir/contact-fields';
import { NORMALISERS } from './normalisers';
import type { ContactRow } from './problems';
import { applyFixes, groupProblemsByRow } from './summaries';
import { createValidator, validateRows } from './validate-rows';

const base = (overrides: Record<string, string> = {}): ContactRow => ({
  firstName: 'François',
  lastName: 'Núñez',
  workCountry: 'Australia',
  timezone: '+10',
  ...overrides,
});

const rowsOf = (contacts: ContactRow[], first = 2) =>
  contacts.map((contact, i) => ({ row: first + i, contact }));

describe('validateRows: duplicates', () => {
  const cases: {
    description: string;
    input: ContactRow[];
    expected: { row: number; code: string; field: string | null; message: string }[];
  }[] = [
    {
      description: 'same email, different case and spaces',
      input: [
        base({ workEmailAddress1: 'jo@example.com' }),
        base({ workEmailAddress1: 'other@example.com' }),
        base({ workEmailAddress1: ' Jo@Example.com' }),
      ],
      expected: [
        {
          row: 2,
          code: 'duplicate-email',
          field: 'workEmailAddress1',
          message: 'Work email "jo@example.com" is also in row 4.',
        },
        {
          row: 4,
          code: 'duplicate-email',
          field: 'workEmailAddress1',
          message: 'Work email "jo@example.com" is also in row 2.',
        },
      ],
    },
    {
      description: 'same email in a work field and a personal field',
      input: [
        base({ workEmailAddress1: 'jo@example.com' }),
        base({ personalEmailAddress1: 'jo@example.com' }),
      ],
      expected: [
        {
          row: 2,
          code: 'duplicate-email',
          field: 'workEmailAddress1',
          message: 'Work email "jo@example.com" is also in row 3.',
        },
        {
          row: 3,
          code: 'duplicate-email',
          field: 'personalEmailAddress1',
          message: 'Personal email "jo@example.com" is also in row 2.',
        },
      ],
    },
    {
      description: 'same mobile, one local and one in Whispir form',
      input: [
        base({ workMobilePhone1: '0412 345 678' }),
        base({ personalMobilePhone1: '61412345678' }),
      ],
      expected: [
        {
          row: 2,
          code: 'duplicate-mobile',
          field: 'workMobilePhone1',
          message: 'Work mobile "61412345678" is also in row 3.',
        },
        {
          row: 3,
          code: 'duplicate-mobile',
          field: 'personalMobilePhone1',
          message: 'Personal mobile "61412345678" is also in row 2.',
        },
      ],
    },
    {
      description: 'one row with the same email twice is not a duplicate',
      input: [
        base({ workEmailAddress1: 'jo@example.com', personalEmailAddress1: 'JO@example.com' }),
      ],
      expected: [],
    },
    {
      description: 'invalid values are not compared',
      input: [
        base({ workEmailAddress1: 'jo@example,com' }),
        base({ workEmailAddress1: 'jo@example,com' }),
      ],
      expected: [],
    },
    {
      description: 'a secondary email is not a match key',
      input: [
        base({ workEmailAddress1: 'a@example.com', workEmailAddress2: 'x@example.com' }),
        base({ workEmailAddress1: 'b@example.com', workEmailAddress2: 'x@example.com' }),
      ],
      expected: [],
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const { problems } = validateRows(rowsOf(input));
    expect(
      problems
        .filter((p) => p.code.startsWith('duplicate'))
        .map(({ row, code, field, message }) => ({ row, code, field, message })),
    ).toEqual(expected);
  });

  it('names a handful of other rows and counts the rest', () => {
    const contacts = Array.from({ length: 9 }, () =>
      base({ workEmailAddress1: 'same@example.com' }),
    );
    const { problems } = validateRows(rowsOf(contacts, 10));
    const first = problems.find((p) => p.row === 10);
    expect(first?.message).toBe(
      'Work email "same@example.com" is also in rows 11, 12, 13, 14, 15 and 3 more.',
    );
    expect(first?.relatedRows).toEqual([11, 12, 13, 14, 15]);
    expect(problems.find((p) => p.row === 12)?.message).toBe(
      'Work email "same@example.com" is also in rows 10, 11, 13, 14, 15 and 3 more.',
    );
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('names at most five other rows when a placeholder is shared by thousands', () => {
    // Listing every other row would make 20,000 messages of 20,000 numbers each.
    const contacts = Array.from({ length: 20_000 }, () =>
      base({ workEmailAddress1: 'none@example.com' }),
    );
    const { problems } = validateRows(rowsOf(contacts));
    expect(problems).toHaveLength(20_000);
    expect(problems.every((p) => (p.relatedRows?.length ?? 0) <= 5)).toBe(true);
    expect(problems[0]?.message).toMatch(/and 19,994 more\.$/);
  });
});

describe('createValidator', () => {
  it('orders problems by row, duplicates after the row’s own problems', () => {
    const validator = createValidator();
    validator.add(2, base({ workEmailAddress1: 'jo@example.com', timezone: 'UTC+10' }));
    validator.add(3, base({ workEmailAddress1: 'ok@example.com' }));
    validator.add(4, base({ workEmailAddress1: 'jo@example.com', firstName: '' }));
    const { problems, rowCount, rowsWithErrors, summary } = validator.finish();
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'timezone-format'],
      [2, 'duplicate-email'],
      [4, 'required-missing'],
      [4, 'duplicate-email'],
    ]);
    expect(rowCount).toBe(3);
    expect([...rowsWithErrors]).toEqual([2, 4]);
    expect(summary.rowsWithErrors).toBe(2);
  });

  it('sorts when rows arrive out of order', () => {
    const validator = createValidator();
    validator.add(9, base({ workEmailAddress1: 'jo@example.com' }));
    validator.add(3, base({ workEmailAddress1: 'jo@example.com', lastName: '' }));
    expect(validator.finish().problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'required-missing'],
      [3, 'duplicate-email'],
      [9, 'duplicate-email'],
    ]);
  });
});

describe('fixes and normalisers agree', () => {
  const messy: ContactRow[] = [
    base({ firstName: ' Zoë', workMobilePhone1: '0412 345 678', timezone: 'UTC+10' }),
    base({ workCountry: 'NZ', workMobilePhone1: '021 123 4567', workEmailAddress1: 'Jo@X.co.nz ' }),
    base({ workCountry: 'UK', timezone: 'GMT', workMobilePhone1: '+44 7700 900123' }),
    base({
      workCountry: 'usa',
      timezone: 'america/new_york',
      workPhone1: '(415) 555-0132',
      workEmailAddress1: 'a@b.com',
    }),
    base({ workCountry: 'Deutschland', timezone: '+0100', personalMobilePhone1: '0151 23456789' }),
    base({ workCountry: 'IND', timezone: 'UTC+5:30', workMobilePhone1: '098765 43210 ' }),
  ];

  it('offers, for each cell, the value its field normaliser gives', () => {
    const { problems } = validateRows(rowsOf(messy));
    const fixes = problems.filter((p) => p.fix);
    expect(fixes.length).toBeGreaterThan(10);
    for (const p of fixes) {
      const contact = messy[p.row - 2] ?? {};
      const format = findContactField(p.fix?.field ?? '')?.format ?? 'text';
      expect(NORMALISERS[format](p.value ?? '', contact), p.message).toBe(p.fix?.value);
    }
  });

  it('leaves nothing to fix once every fix is applied', () => {
    const { problems } = validateRows(rowsOf(messy));
    const byRow = groupProblemsByRow(problems);
    const fixed = messy.map((contact, i) => applyFixes(contact, byRow.get(i + 2) ?? []));
    const again = validateRows(rowsOf(fixed));
    expect(again.problems.filter((p) => p.fix)).toEqual([]);
    expect(again.rowsWithErrors.size).toBe(0);
  });
});
