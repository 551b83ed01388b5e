import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSubmission, type SubmissionInput } from './submit-policy';

const rows = (...numbers: number[]) => new Set(numbers);

describe('planSubmission', () => {
  const cases: {
    description: string;
    input: SubmissionInput;
    expected: Omit<ReturnType<typeof planSubmission>, 'message'> & { message: string };
  }[] = [
    {
      description: 'nothing wrong',
      input: {
        totalRows: 10_000,
        skippedRows: rows(),
        rowsWithErrors: rows(),
        policy: 'skip-invalid',
      },
      expected: {
        send: 10_000,
        skipped: 0,
        rejected: 0,
        held: 0,
        blocked: false,
        message: '10,000 will be sent.',
      },
    },
    {
      description: 'user skipped the rows with errors',
      input: {
        totalRows: 10,
        skippedRows: rows(3, 4),
        rowsWithErrors: rows(3, 4),
        policy: 'skip-invalid',
      },
      expected: {
        send: 8,
        skipped: 2,
        rejected: 0,
        held: 0,
        blocked: false,
        message: '8 will be sent, 2 skipped.',
      },
    },
    {
      description: 'errors left: rejected under skip-invalid',
      input: {
        totalRows: 10,
        skippedRows: rows(1),
        rowsWithErrors: rows(3, 4),
        policy: 'skip-invalid',
      },
      expected: {
        send: 7,
        skipped: 1,
        rejected: 2,
        held: 0,
        blocked: false,
        message:
          '7 will be sent, 1 skipped, 2 rows with errors will not be sent (they are in the rejected-rows report).',
      },
    },
    {
      description: 'a skipped row with errors counts once, as skipped',
      input: {
        totalRows: 5,
        skippedRows: rows(2),
        rowsWithErrors: rows(2, 3),
        policy: 'skip-invalid',
      },
      expected: {
        send: 3,
        skipped: 1,
        rejected: 1,
        held: 0,
        blocked: false,
        message:
          '3 will be sent, 1 skipped, 1 row with errors will not be sent (they are in the rejected-rows report).',
      },
    },
    {
      description: 'errors left: block holds everything',
      input: {
        totalRows: 10_000,
        skippedRows: rows(),
        rowsWithErrors: rows(...Array.from({ length: 312 }, (_, i) => i + 2)),
        policy: 'block',
      },
      expected: {
        send: 0,
        skipped: 0,
        rejected: 312,
        held: 9_688,
        blocked: true,
        message:
          'Nothing will be sent yet: 312 rows still have errors. Fix or skip them to send the other 9,688.',
      },
    },
    {
      description: 'block, but every error skipped',
      input: { totalRows: 10, skippedRows: rows(5), rowsWithErrors: rows(5), policy: 'block' },
      expected: {
        send: 9,
        skipped: 1,
        rejected: 0,
        held: 0,
        blocked: false,
        message: '9 will be sent, 1 skipped.',
      },
    },
    {
      description: 'everything skipped',
      input: {
        totalRows: 2,
        skippedRows: rows(1, 2),
        rowsWithErrors: rows(),
        policy: 'skip-invalid',
      },
      expected: {
        send: 0,
        skipped: 2,
        rejected: 0,
        held: 0,
        blocked: false,
        message: '0 will be sent, 2 skipped. There is nothing to send.',
      },
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(planSubmission(input)).toEqual(expected);
  });

  it('treats more skipped rows than the file has as a bug', () => {
    expect(() =>
      planSubmission({
        totalRows: 1,
        skippedRows: rows(1, 2),
        rowsWithErrors: rows(),
        policy: 'block',
      }),
    ).toThrow(RangeError);
  });

  it('accounts for every row, whatever the sets and policy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }).chain((total) =>
          fc.record({
            totalRows: fc.constant(total),
            skippedRows: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(total, 1) }), {
              maxLength: total,
            }),
            rowsWithErrors: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(total, 1) }), {
              maxLength: total,
            }),
            policy: fc.constantFrom('skip-invalid' as const, 'block' as const),
          }),
        ),
        ({ totalRows, skippedRows, rowsWithErrors, policy }) => {
          const plan = planSubmission({
            totalRows,
            skippedRows: new Set(skippedRows),
            rowsWithErrors: new Set(rowsWithErrors),
            policy,
          });
          expect(plan.send + plan.skipped + plan.rejected + plan.held).toBe(totalRows);
          expect(plan.send).toBeGreaterThanOrEqual(0);
          expect(plan.held === 0 || plan.blocked).toBe(true);
          if (policy === 'skip-invalid') expect(plan.blocked).toBe(false);
          if (plan.blocked) expect(plan.send).toBe(0);
          if (policy === 'block' && plan.rejected > 0) expect(plan.blocked).toBe(true);
        },
      ),
    );
  });
});
