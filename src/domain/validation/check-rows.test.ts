import { describe, expect, it } from 'vitest';
import { ArrayRows } from '../intake/row-store';
import { checkRows, matchValuesAt, type CheckPlan } from './check-rows';
import { createCheckContext, validateContact } from './validate-contact';

const plan: CheckPlan = {
  fields: ['firstName', 'lastName', 'workEmailAddress1', 'workMobilePhone1', 'workCountry'],
  sources: [
    { kind: 'column', index: 0 },
    { kind: 'column', index: 1 },
    { kind: 'column', index: 2 },
    { kind: 'column', index: 3 },
    { kind: 'value', value: 'Australia' },
  ],
};
const rows = new ArrayRows([
  ['Ann', 'Lee', 'Ann@Example.com', '0412 345 678'],
  ['Bob', '', 'bob@example', ''],
  ['Cat', 'Fox', ' cat@example.com', '61412345003'],
  ['Dan', 'Orr'],
]);

describe('checkRows', () => {
  it("gives each row's problems, as the check of one contact gives them, with their row", () => {
    const checked = checkRows(rows, (i) => i + 2, plan, 1, 4, createCheckContext());
    expect(checked.from).toBe(1);
    expect(checked.to).toBe(4);
    const expected = [1, 2, 3].flatMap((i) =>
      validateContact(
        {
          firstName: rows.cell(i, 0) ?? '',
          lastName: rows.cell(i, 1) ?? '',
          workEmailAddress1: rows.cell(i, 2) ?? '',
          workMobilePhone1: rows.cell(i, 3) ?? '',
          workCountry: 'Australia',
        },
        i + 2,
      ).map((problem) => ({ problem, at: i })),
    );
    expect(checked.problems).toEqual(expected.map(({ problem }) => problem));
    expect([...checked.problemRows]).toEqual(expected.map(({ at }) => at));
    expect(checked.problems.map((p) => p.code)).toContain('required-missing');
  });

  it('keeps the match values of every row, normalised, none where a value is unusable', () => {
    const checked = checkRows(rows, (i) => i + 2, plan, 0, 4, createCheckContext());
    const values: (string | undefined)[] = [];
    expect(matchValuesAt(checked, 0, values)).toEqual([
      'ann@example.com',
      undefined,
      '61412345678',
      undefined,
    ]);
    expect(matchValuesAt(checked, 1, values)).toEqual([undefined, undefined, undefined, undefined]);
    expect(matchValuesAt(checked, 2, values)).toEqual([
      'cat@example.com',
      undefined,
      '61412345003',
      undefined,
    ]);
    expect(matchValuesAt(checked, 3, values)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
