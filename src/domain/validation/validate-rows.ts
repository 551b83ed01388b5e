/**
 * Validates a whole file of contacts and adds what only the whole file shows: the same person on
 * several rows. The rules' reference over many rows, for tests: the review in the worker checks
 * its rows with `createRowChecker` and keeps its own duplicate index (src/worker/review-session.ts),
 * to the same rules.
 */
import { CHANNEL_KEYS } from '../whispir/contact-fields';
import { DuplicateIndex, duplicateWarnings, rowMatchName, rowMatchValues } from './duplicates';
import type { ContactRow, RowProblem } from './problems';
import { summariseProblems, type ProblemSummary } from './summaries';
import {
  collectContactProblems,
  createCheckContext,
  type ValidationOptions,
} from './validate-contact';

export interface ValidationResult {
  readonly rowCount: number;
  /** Every problem, ordered by row (a row's own problems before its duplicate warnings). */
  readonly problems: readonly RowProblem[];
  /** Row numbers with at least one error: the input `planSubmission` needs. */
  readonly rowsWithErrors: ReadonlySet<number>;
  readonly summary: ProblemSummary;
}

/** Feeds rows in as they are parsed (in row order, for the cheapest merge), then `finish`. */
export interface RowValidator {
  /**
   * `row` is the caller's row number, a non-negative integer (it also keys duplicates). When
   * given, `channelKeys` receives the row's normalised channel values (see `collectContactProblems`).
   */
  add(row: number, contact: ContactRow, channelKeys?: (string | undefined)[]): void;
  finish(): ValidationResult;
}

const CHANNELS = CHANNEL_KEYS.length;

/**
 * A chunk-friendly validator: keeps only problems and, for duplicates, each row's match name and
 * values. Duplicates are rows an import would match as one contact (same name and the same email
 * or mobile in the same field, after normalisation: docs/whispir-api.md §A8).
 */
export function createValidator(options?: ValidationOptions): RowValidator {
  const context = createCheckContext(options);
  const problems: RowProblem[] = [];
  const scratch: (string | undefined)[] = new Array<string | undefined>(CHANNELS);
  // The validator holds no rows, so it keeps each row's match name and values for the index.
  const names = new Map<number, string>();
  const values = new Map<number, (string | undefined)[]>();
  const index = new DuplicateIndex(
    (row) => names.get(row) ?? '',
    (row) => values.get(row) ?? [],
  );
  let rowCount = 0;
  let inOrder = true;
  let lastRow = -Infinity;

  return {
    add(row, contact, channelKeys = scratch) {
      rowCount++;
      if (row < lastRow) inOrder = false;
      lastRow = row;
      collectContactProblems(contact, row, context, problems, channelKeys);
      const matchValues = rowMatchValues(channelKeys);
      names.set(row, rowMatchName(contact));
      values.set(row, matchValues);
      index.add(row, matchValues);
    },

    finish() {
      const duplicates = index
        .groups()
        .flatMap((group) => duplicateWarnings(group, (row) => row).map(({ problem }) => problem))
        .sort((a, b) => a.row - b.row);
      const all = mergeByRow(problems, duplicates, inOrder);
      return {
        rowCount,
        problems: all,
        rowsWithErrors: collectRowsWithErrors(all),
        summary: summariseProblems(all),
      };
    },
  };
}

/** Validates every row of an iterable; see `createValidator` for the chunked form. */
export function validateRows(
  rows: Iterable<{ readonly row: number; readonly contact: ContactRow }>,
  options?: ValidationOptions,
): ValidationResult {
  const validator = createValidator(options);
  for (const { row, contact } of rows) validator.add(row, contact);
  return validator.finish();
}

/** Row numbers with at least one error. */
export function collectRowsWithErrors(problems: readonly RowProblem[]): Set<number> {
  const rows = new Set<number>();
  for (const p of problems) if (p.severity === 'error') rows.add(p.row);
  return rows;
}

function mergeByRow(
  own: RowProblem[],
  duplicates: RowProblem[],
  ownInOrder: boolean,
): RowProblem[] {
  if (duplicates.length === 0) return own;
  if (!ownInOrder) return [...own, ...duplicates].sort((a, b) => a.row - b.row);
  const merged: RowProblem[] = new Array<RowProblem>(own.length + duplicates.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < own.length && j < duplicates.length) {
    const a = own[i] as RowProblem;
    const b = duplicates[j] as RowProblem;
    if (a.row <= b.row) {
      merged[k++] = a;
      i++;
    } else {
      merged[k++] = b;
      j++;
    }
  }
  while (i < own.length) merged[k++] = own[i++] as RowProblem;
  while (j < duplicates.length) merged[k++] = duplicates[j++] as RowProblem;
  return merged;
}
