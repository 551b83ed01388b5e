/**
 * Validates a whole file, row by row as the worker reads it, and adds what only the whole file
 * shows: the same email or mobile on several rows.
 */
import { CHANNEL_KEYS } from '../whispir/contact-fields';
import {
  ROW_PROBLEM_SEVERITY,
  formatCount,
  type ContactRow,
  type RowProblem,
  type RowProblemCode,
} from './problems';
import { fieldLabel } from './rules';
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
  /** `row` is the caller's row number, a non-negative integer (it also keys duplicates). */
  add(row: number, contact: ContactRow): void;
  finish(): ValidationResult;
}

// One map for emails and one for mobiles: an email in one row's work field matches the same
// email in another row's personal field, but an email never matches a mobile.
const IS_EMAIL_CHANNEL = CHANNEL_KEYS.map((key) => key.includes('Email'));
const CHANNELS = CHANNEL_KEYS.length;
/** Other rows named on a duplicate warning; the message counts the rest. */
const RELATED_ROWS_SHOWN = 5;

/** A chunk-friendly validator: keeps only problems and one map entry per email and mobile. */
export function createValidator(options?: ValidationOptions): RowValidator {
  const context = createCheckContext(options);
  const problems: RowProblem[] = [];
  const channelKeys: (string | undefined)[] = new Array<string | undefined>(CHANNELS);
  // value → first sighting as row * CHANNELS + channel (a number, so a million distinct
  // addresses cost one map entry each); a second sighting starts a list in `repeated`.
  const emails: DuplicateIndex = { firstSeen: new Map(), repeated: new Map() };
  const mobiles: DuplicateIndex = { firstSeen: new Map(), repeated: new Map() };
  let rowCount = 0;
  let inOrder = true;
  let lastRow = -Infinity;

  function remember(index: DuplicateIndex, key: string, ref: number): void {
    const first = index.firstSeen.get(key);
    if (first === undefined) {
      index.firstSeen.set(key, ref);
      return;
    }
    const refs = index.repeated.get(key);
    if (refs) refs.push(ref);
    else index.repeated.set(key, [first, ref]);
  }

  return {
    add(row, contact) {
      rowCount++;
      if (row < lastRow) inOrder = false;
      lastRow = row;
      collectContactProblems(contact, row, context, problems, channelKeys);
      for (let channel = 0; channel < CHANNELS; channel++) {
        const value = channelKeys[channel];
        if (value === undefined) continue;
        // The same address in a row's work and personal fields is one contact, not two.
        let seenInRow = false;
        for (let earlier = 0; earlier < channel; earlier++) {
          if (
            channelKeys[earlier] === value &&
            IS_EMAIL_CHANNEL[earlier] === IS_EMAIL_CHANNEL[channel]
          ) {
            seenInRow = true;
          }
        }
        if (!seenInRow) {
          remember(IS_EMAIL_CHANNEL[channel] ? emails : mobiles, value, row * CHANNELS + channel);
        }
      }
    },

    finish() {
      const duplicates = [
        ...duplicateProblems(emails.repeated, 'duplicate-email'),
        ...duplicateProblems(mobiles.repeated, 'duplicate-mobile'),
      ].sort((a, b) => a.row - b.row);
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

/** "row 12", "rows 12 and 40", "rows 12, 40, 77, 80, 91 and 9,996 more". */
function describeOtherRows(shown: readonly number[], total: number): string {
  if (total === 1) return `row ${shown[0]}`;
  if (total <= shown.length) {
    return `rows ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  }
  return `rows ${shown.join(', ')} and ${formatCount(total - shown.length)} more`;
}

interface DuplicateIndex {
  readonly firstSeen: Map<string, number>;
  readonly repeated: Map<string, number[]>;
}

function duplicateProblems(
  repeated: ReadonlyMap<string, number[]>,
  code: RowProblemCode,
): RowProblem[] {
  const out: RowProblem[] = [];
  for (const [value, refs] of repeated) {
    const distinctRows = [...new Set(refs.map((ref) => Math.floor(ref / CHANNELS)))].sort(
      (a, b) => a - b,
    );
    // The rows nearest the start of the file, as a person would scan; one spare in case the
    // row itself is among them. Linear per group even when thousands share a placeholder.
    const head = distinctRows.slice(0, RELATED_ROWS_SHOWN + 1);
    const otherCount = distinctRows.length - 1;
    if (otherCount === 0) continue; // one row added twice: nothing to tell the user
    for (const ref of refs) {
      const row = Math.floor(ref / CHANNELS);
      const field = CHANNEL_KEYS[ref - row * CHANNELS] ?? CHANNEL_KEYS[0];
      const shown = head.filter((other) => other !== row).slice(0, RELATED_ROWS_SHOWN);
      out.push({
        row,
        field,
        code,
        severity: ROW_PROBLEM_SEVERITY[code],
        message: `${fieldLabel(field)} "${value}" is also in ${describeOtherRows(shown, otherCount)}.`,
        relatedRows: shown,
      });
    }
  }
  return out;
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
