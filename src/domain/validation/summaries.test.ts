import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowProblem } from './problems';
import {
  ProblemTally,
  applyFixes,
  describeCounts,
  groupProblemsByRow,
  summariseFixes,
  summariseProblems,
} from './summaries';
import { validateRows } from './validate-rows';

const contact = (overrides: Record<string, string>) => ({
  firstName: 'Zoë',
  lastName: 'Núñez',
  workCountry: 'Australia',
  timezone: '+10',
  workEmailAddress1: 'zoe@example.com',
  ...overrides,
});

function problemsOf(rows: Record<string, string>[]): readonly RowProblem[] {
  return validateRows(rows.map((c, i) => ({ row: i + 2, contact: contact(c) }))).problems;
}

describe('summariseFixes', () => {
  const cases: { description: string; input: Record<string, string>[]; expected: string[] }[] = [
    {
      description: 'country codes added to mobiles, counted',
      input: [
        { workMobilePhone1: '0412 345 678' },
        { workMobilePhone1: '0412 345 679' },
        { workMobilePhone1: '0412 345 670' },
      ],
      expected: ['Add country code to 3 work mobile numbers: 0412 345 678 → 61412345678'],
    },
    {
      description: 'one number, singular',
      input: [{ workPhone1: '(03) 9876 5432' }],
      expected: ['Add country code to 1 work phone number: (03) 9876 5432 → 61398765432'],
    },
    {
      description: 'symbols removed',
      input: [{ workMobilePhone1: '+61 412 345 678' }],
      expected: [
        'Remove spaces and symbols from 1 work mobile number: +61 412 345 678 → 61412345678',
      ],
    },
    {
      description: 'two values in a cell, split',
      input: [{ workEmailAddress1: 'a@x.com ::: b@y.com' }],
      expected: [
        'Keep the first of the two values in 1 work email cell and move the second to Work email (secondary): a@x.com ::: b@y.com → a@x.com + b@y.com',
      ],
    },
    {
      description: 'extensions dropped, said so',
      input: [{ workPhone1: '(02) 9876 5432 x123' }, { workPhone1: '02 9876 5433 ext. 45' }],
      expected: [
        'Drop the extension from 2 work phone numbers (Whispir keeps no extension): (02) 9876 5432 x123 → 61298765432',
      ],
    },
    {
      description: 'ISO codes and aliases to names',
      input: [{ workCountry: 'AU' }, { workCountry: 'AUS' }],
      expected: ['Use the country name in 2 country cells: AU → Australia'],
    },
    {
      description: 'time zones',
      input: [{ timezone: 'UTC+5:30' }],
      expected: ['Rewrite 1 time zone the way Whispir expects: UTC+5:30 → +05:30'],
    },
    {
      description: 'emails lower-cased',
      input: [{ workEmailAddress1: 'Zoe@Example.com' }, { workEmailAddress1: 'Fran@Example.com' }],
      expected: ['Lower-case 2 work email addresses: Zoe@Example.com → zoe@example.com'],
    },
    {
      description: 'hidden characters taken out of emails, shown by their codes',
      input: [
        { workEmailAddress1: 'zoe@example.com\u200b' },
        { workEmailAddress1: 'Fran\u00a0@x.com' },
      ],
      expected: [
        'Remove hidden characters from 2 work email addresses (dashes become hyphens): zoe@example.com[U+200B] → zoe@example.com',
      ],
    },
    {
      description: 'spaces trimmed, shown in quotes',
      input: [{ firstName: ' Zoë ' }],
      expected: ['Remove spaces around 1 first name value: " Zoë " → "Zoë"'],
    },
    {
      description: 'largest group first, one entry per kind and field',
      input: [
        { timezone: 'GMT+10', workMobilePhone1: '0412 345 678' },
        { timezone: 'GMT+10', personalMobilePhone1: '0412 345 679' },
        { timezone: 'GMT+10' },
      ],
      expected: [
        'Rewrite 3 time zones the way Whispir expects: GMT+10 → +10',
        'Add country code to 1 work mobile number: 0412 345 678 → 61412345678',
        'Add country code to 1 personal mobile number: 0412 345 679 → 61412345679',
      ],
    },
    {
      description: 'thousands separators',
      input: Array.from({ length: 1_234 }, (_, i) => ({
        workMobilePhone1: `0412 ${String(100_000 + i).slice(0, 3)} ${String(100_000 + i).slice(3)}`,
      })),
      expected: ['Add country code to 1,234 work mobile numbers: 0412 100 000 → 61412100000'],
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(summariseFixes(problemsOf(input)).map((f) => f.label)).toEqual(expected);
  });

  it('gives the kind, field, count and example as data', () => {
    expect(summariseFixes(problemsOf([{}, { workCountry: 'NZL', workMobilePhone1: '' }]))).toEqual([
      {
        kind: 'country-name',
        field: 'workCountry',
        count: 1,
        example: { row: 3, from: 'NZL', to: 'New Zealand' },
        label: 'Use the country name in 1 country cell: NZL → New Zealand',
      },
    ]);
  });
});

describe('summariseProblems', () => {
  it('counts by code and by field, with the rows they touch', () => {
    const problems = problemsOf([
      { firstName: '' }, // error
      { timezone: 'AEST', firstName: ' Zoë' }, // error + warning
      { workEmailAddress1: 'Zoe@Example.com' }, // warning only
      {}, // clean
      { workEmailAddress1: 'zoe@example.com' }, // the same person as rows 3, 4, 5 (warning)
    ]);
    const summary = summariseProblems(problems);
    expect(summary.rowsWithErrors).toBe(2);
    expect(summary.rowsWithWarningsOnly).toBe(3);
    expect(summary.byCode.map(({ code, severity, count }) => ({ code, severity, count }))).toEqual([
      { code: 'required-missing', severity: 'error', count: 1 },
      { code: 'email-case', severity: 'warning', count: 1 },
      { code: 'timezone-invalid', severity: 'error', count: 1 },
      { code: 'whitespace', severity: 'warning', count: 1 },
      { code: 'duplicate-contact', severity: 'warning', count: 4 },
    ]);
    expect(summary.byCode[0]?.example).toMatchObject({ row: 2, field: 'firstName' });
    expect(summary.byField.map(({ label, errors, warnings }) => [label, errors, warnings])).toEqual(
      [
        ['First name', 1, 1],
        ['Time zone', 1, 0],
        ['Whole row', 0, 4],
        ['Work email', 0, 1],
      ],
    );
  });

  it('is empty for no problems', () => {
    expect(summariseProblems([])).toEqual({
      byField: [],
      byCode: [],
      rowsWithErrors: 0,
      rowsWithWarningsOnly: 0,
    });
  });
});

describe('applyFixes', () => {
  const row = contact({ firstName: ' Zoë', timezone: 'UTC+10', workMobilePhone1: '0412 345 678' });
  const problems = problemsOf([
    { firstName: ' Zoë', timezone: 'UTC+10', workMobilePhone1: '0412 345 678' },
  ]);

  it('applies every fix by default', () => {
    expect(applyFixes(row, problems)).toEqual({
      ...row,
      firstName: 'Zoë',
      timezone: '+10',
      workMobilePhone1: '61412345678',
    });
  });

  it('applies only the kinds asked for, cell by cell', () => {
    expect(applyFixes(row, problems, new Set(['phone-country-code']))).toEqual({
      ...row,
      workMobilePhone1: '61412345678',
    });
  });

  it('returns the same object when nothing changes', () => {
    expect(applyFixes(row, [])).toBe(row);
  });
});

describe('groupProblemsByRow and describeCounts', () => {
  it('groups by row', () => {
    const byRow = groupProblemsByRow(
      problemsOf([{ firstName: '', lastName: '' }, { workEmailAddress1: 'other@example.com' }]),
    );
    expect([...byRow.keys()]).toEqual([2]);
    expect(byRow.get(2)).toHaveLength(2);
  });

  const cases: { input: [number, number]; expected: string }[] = [
    { input: [3, 1], expected: '3 errors, 1 warning' },
    { input: [0, 2], expected: '2 warnings' },
    { input: [1, 0], expected: '1 error' },
    { input: [0, 0], expected: 'No problems' },
  ];
  it.each(cases)('$expected', ({ input: [errors, warnings], expected }) => {
    expect(describeCounts(errors, warnings)).toBe(expected);
  });
});

describe('ProblemTally', () => {
  // Problems as the review holds them: some with fixes (time zones from a place with reasons),
  // some without, on a handful of rows and fields.
  const problem = fc
    .record({
      row: fc.integer({ min: 2, max: 40 }),
      field: fc.constantFrom('workMobilePhone1', 'timezone', 'workEmailAddress1', null),
      code: fc.constantFrom(
        'phone-needs-country-code' as const,
        'timezone-invalid' as const,
        'email-invalid' as const,
      ),
      severity: fc.constantFrom('error' as const, 'warning' as const),
      value: fc.constantFrom('0412 345 678', 'NSW', 'Qld', 'QLD', 'A@B.COM'),
      fix: fc.option(
        fc.oneof(
          fc.record({
            kind: fc.constant('phone-country-code' as const),
            field: fc.constantFrom('workMobilePhone1', 'workPhone1'),
            value: fc.constantFrom('61412345678', '61412345679'),
          }),
          fc.record({
            kind: fc.constant('timezone-from-place' as const),
            field: fc.constant('timezone'),
            value: fc.constantFrom('Australia/Sydney', 'Australia/Brisbane'),
            reason: fc.record({
              source: fc.constantFrom('State', 'Postcode'),
              basis: fc.constantFrom('NSW', 'Qld', 'QLD'),
            }),
          }),
        ),
        { nil: undefined },
      ),
    })
    .map((p) => ({ ...p, message: 'm' }) as RowProblem);
  // Each step adds a problem, or takes back one still held (picked by a number).
  const steps = fc.array(fc.oneof(problem, fc.nat()), { maxLength: 60 });

  it('counts as a count of the problems held, whatever came and went', () => {
    fc.assert(
      fc.property(steps, (ops) => {
        const tally = new ProblemTally();
        const held: RowProblem[] = [];
        for (const op of ops) {
          if (typeof op !== 'number') {
            held.push(op);
            tally.add([op]);
          } else if (held.length > 0) {
            const [gone] = held.splice(op % held.length, 1);
            tally.remove([gone as RowProblem]);
          }
        }
        const whole = summariseProblems(held);
        expect(Object.fromEntries(tally.byField)).toEqual(
          Object.fromEntries(
            whole.byField.map((f) => [f.field, { errors: f.errors, warnings: f.warnings }]),
          ),
        );
        expect(
          Object.fromEntries([...tally.byCode].map(([code, { count }]) => [code, count])),
        ).toEqual(Object.fromEntries(whole.byCode.map((c) => [c.code, c.count])));

        // The same fixes, examples and labels as counted from scratch.
        expect(tally.fixes.summaries(() => held)).toEqual(summariseFixes(held));
      }),
      { numRuns: process.env.CI ? 300 : 2000 },
    );
  });
});
