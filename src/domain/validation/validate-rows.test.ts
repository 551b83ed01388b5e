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

describe('validateRows: the same person on several rows', () => {
  const same = (others: string) => `The same person as ${others} (same name and `;
  const cases: {
    description: string;
    input: ContactRow[];
    expected: { row: number; message: string }[];
  }[] = [
    {
      description: 'same name and email, in other case and spaces',
      input: [
        base({ workEmailAddress1: 'jo@example.com' }),
        base({ workEmailAddress1: 'other@example.com' }),
        base({ workEmailAddress1: ' Jo@Example.com', firstName: 'FRANÇOIS ' }),
      ],
      expected: [
        {
          row: 2,
          message: `${same('row 4')}Work email jo@example.com): an import would match them as one contact.`,
        },
        {
          row: 4,
          message: `${same('row 2')}Work email jo@example.com): an import would match them as one contact.`,
        },
      ],
    },
    {
      description: 'same mobile, one local and one in Whispir form',
      input: [
        base({ workMobilePhone1: '0412 345 678' }),
        base({ workMobilePhone1: '61412345678' }),
      ],
      expected: [
        {
          row: 2,
          message: `${same('row 3')}Work mobile 61412345678): an import would match them as one contact.`,
        },
        {
          row: 3,
          message: `${same('row 2')}Work mobile 61412345678): an import would match them as one contact.`,
        },
      ],
    },
    {
      description: 'a shared address of two different people is not a duplicate',
      input: [
        base({ workEmailAddress1: 'info@example.com' }),
        base({ workEmailAddress1: 'info@example.com', firstName: 'Zoë' }),
      ],
      expected: [],
    },
    {
      description: 'the match is field by field: a work email does not match a personal one',
      input: [
        base({ workEmailAddress1: 'jo@example.com' }),
        base({ personalEmailAddress1: 'jo@example.com' }),
      ],
      expected: [],
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
        .filter((p) => p.code === 'duplicate-contact')
        .map(({ row, message }) => ({ row, message })),
    ).toEqual(expected);
  });

  it('links rows through different channels into one person', () => {
    const { problems } = validateRows(
      rowsOf([
        base({ workEmailAddress1: 'jo@example.com' }),
        base({ workEmailAddress1: 'jo@example.com', workMobilePhone1: '61412345678' }),
        base({ workMobilePhone1: '61412345678' }),
      ]),
    );
    const duplicates = problems.filter((p) => p.code === 'duplicate-contact');
    expect(duplicates.map((p) => [p.row, p.relatedRows])).toEqual([
      [2, [3, 4]],
      [3, [2, 4]],
      [4, [2, 3]],
    ]);
  });

  it('names a handful of other rows and counts the rest', () => {
    const contacts = Array.from({ length: 9 }, () =>
      base({ workEmailAddress1: 'same@example.com' }),
    );
    const { problems } = validateRows(rowsOf(contacts, 10));
    const first = problems.find((p) => p.row === 10);
    expect(first?.message).toMatch(/^The same person as rows 11, 12, 13, 14, 15 and 3 more /);
    expect(first?.relatedRows).toEqual([11, 12, 13, 14, 15]);
    expect(problems.find((p) => p.row === 12)?.message).toMatch(
      /^The same person as rows 10, 11, 13, 14, 15 and 3 more /,
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
    expect(problems[0]?.message).toMatch(/and 19,994 more /);
  });
});

describe('createValidator', () => {
  it('orders problems by row, duplicates after the row’s own problems', () => {
    const validator = createValidator();
    validator.add(2, base({ workEmailAddress1: 'jo@example.com', timezone: 'UTC+10' }));
    validator.add(3, base({ workEmailAddress1: 'ok@example.com' }));
    validator.add(4, base({ workEmailAddress1: 'jo@example.com', workPhone1: 'x' }));
    const { problems, rowCount, rowsWithErrors, summary } = validator.finish();
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'timezone-format'],
      [2, 'duplicate-contact'],
      [4, 'phone-invalid'],
      [4, 'duplicate-contact'],
    ]);
    expect(rowCount).toBe(3);
    expect([...rowsWithErrors]).toEqual([2, 4]);
    expect(summary.rowsWithErrors).toBe(2);
  });

  it('sorts when rows arrive out of order', () => {
    const validator = createValidator();
    validator.add(9, base({ workEmailAddress1: 'jo@example.com' }));
    validator.add(3, base({ workEmailAddress1: 'jo@example.com', workPhone1: 'x' }));
    expect(validator.finish().problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'phone-invalid'],
      [3, 'duplicate-contact'],
      [9, 'duplicate-contact'],
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
    // Proposals and moves are not normalisations of the cell; they have tests of their own.
    const normalisations = new Set([
      'phone-country-code',
      'phone-format',
      'country-name',
      'timezone-format',
      'trim',
      'email-lowercase',
      'status-value',
    ]);
    const fixes = problems.filter((p) => p.fix && normalisations.has(p.fix.kind));
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
