import { describe, expect, it } from 'vitest';
import type { ReviewSummary } from '../../worker/protocol';
import {
  cellProblems,
  continueBlockedReason,
  filterName,
  filterOptions,
  filterValue,
  rowsShownText,
} from './review-text';
import { accountingSentence } from '../shared/row-accounting';

const summary: ReviewSummary = {
  version: 1,
  columns: [],
  totalRows: 10_000,
  rowsWithErrors: 312,
  openErrorRows: 312,
  byCode: [
    {
      code: 'phone-needs-country-code',
      severity: 'error',
      count: 312,
      label: 'Phone without country code',
    },
  ],
  byField: [{ field: 'workMobilePhone1', label: 'Work mobile', errors: 312, warnings: 1 }],
  fixes: [],
  policy: 'skip-invalid',
  blocked: false,
  held: 0,
  accounting: { total: 10_000, sent: 9_688, skipped: 0, rejected: 312 },
  duplicates: { groups: 0, rows: 0 },
  setAside: [],
  rowsWithClearedValues: 0,
  message: '',
};

describe('review text', () => {
  it('accounts for every row in one sentence', () => {
    expect(accountingSentence(summary.accounting)).toBe(
      '9,688 sent, 0 skipped by you, 312 rejected — 10,000 rows in the file',
    );
    expect(accountingSentence(summary.accounting, 'will')).toMatch(/^9,688 will be sent, /);
  });

  it('offers filters for errors, fields and problems', () => {
    expect(filterOptions(summary).map((o) => o.label)).toEqual([
      'All rows (10,000)',
      'Rows with errors (312)',
      'Skipped rows (0)',
      'Field: Work mobile (312 errors, 1 warning)',
      'Problem: Phone without country code (312)',
    ]);
    expect(filterValue({ kind: 'field', field: null })).toBe('field:');
  });

  it('marks a cell with its own problems and the row problems that name it', () => {
    const problems = [
      {
        row: 2,
        field: 'workEmailAddress1',
        code: 'email-invalid',
        message: 'a',
        severity: 'error',
      },
      {
        row: 2,
        field: null,
        code: 'no-channel',
        message: 'b',
        severity: 'error',
        relatedFields: ['workMobilePhone1'],
      },
    ] as const;
    expect(cellProblems(problems, 'workMobilePhone1').map((p) => p.message)).toEqual(['b']);
    expect(cellProblems(problems, 'workEmailAddress1').map((p) => p.message)).toEqual(['a']);
  });

  it('says why Continue is disabled', () => {
    expect(continueBlockedReason(summary)).toBeUndefined();
    expect(continueBlockedReason({ ...summary, policy: 'block', blocked: true })).toMatch(
      /312 rows still have errors/,
    );
    expect(
      continueBlockedReason({ ...summary, accounting: { ...summary.accounting, sent: 0 } }),
    ).toMatch(/No row would be sent/);
  });

  it('says which rows a chosen filter shows, by name and count', () => {
    const said = (filter: Parameters<typeof filterName>[1], rows: number) =>
      rowsShownText(filterName(summary, filter), rows);
    expect(said({ kind: 'errors' }, 312)).toBe('Rows with errors: 312 rows shown.');
    expect(said({ kind: 'code', code: 'phone-needs-country-code' }, 1)).toBe(
      'Problem: Phone without country code: 1 row shown.',
    );
    expect(said({ kind: 'field', field: 'workMobilePhone1' }, 1_200)).toBe(
      'Field: Work mobile: 1,200 rows shown.',
    );
    expect(said({ kind: 'skipped' }, 0)).toBe('Skipped rows: no rows to show.');
  });
});
