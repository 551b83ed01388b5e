/**
 * The submit policy: what happens to rows with errors, stated as counts the user sees before
 * sending ("9,688 will be sent, 312 skipped"). Every row is accounted for.
 */
import { formatCount, pluralise } from './problems';

/**
 * `skip-invalid`: rows still in error are left out (and listed in the rejected-rows report);
 * `block`: nothing is sent while any row not skipped still has an error.
 */
export type SubmitPolicy = 'skip-invalid' | 'block';

export interface SubmissionInput {
  readonly totalRows: number;
  /** Rows the user chose to leave out, with or without errors. */
  readonly skippedRows: ReadonlySet<number>;
  /** Rows that still have at least one error after the fixes the user applied. */
  readonly rowsWithErrors: ReadonlySet<number>;
  readonly policy: SubmitPolicy;
}

export interface SubmissionPlan {
  readonly send: number;
  /** Rows the user skipped. */
  readonly skipped: number;
  /** Rows with errors the user did not skip: not sent, listed in the report. */
  readonly rejected: number;
  /**
   * Valid rows held back because the import is blocked; 0 unless `blocked`. With it,
   * send + skipped + rejected + held = totalRows always.
   */
  readonly held: number;
  readonly blocked: boolean;
  readonly message: string;
}

/**
 * The counts for the confirmation step. Throws only on inconsistent input (more skipped or
 * failing rows than the file has), which is a bug in the caller.
 */
export function planSubmission(input: SubmissionInput): SubmissionPlan {
  const { totalRows, skippedRows, rowsWithErrors, policy } = input;
  let rejected = 0;
  for (const row of rowsWithErrors) if (!skippedRows.has(row)) rejected++;
  const skipped = skippedRows.size;
  const valid = totalRows - skipped - rejected;
  if (!Number.isInteger(totalRows) || valid < 0) {
    throw new RangeError(
      `planSubmission: ${skipped} skipped and ${rejected} rejected rows exceed ${totalRows} rows`,
    );
  }
  const blocked = policy === 'block' && rejected > 0;
  const send = blocked ? 0 : valid;
  const held = blocked ? valid : 0;
  return {
    send,
    skipped,
    rejected,
    held,
    blocked,
    message: describePlan(send, skipped, rejected, held, blocked),
  };
}

function describePlan(
  send: number,
  skipped: number,
  rejected: number,
  held: number,
  blocked: boolean,
): string {
  if (blocked) {
    return (
      `Nothing will be sent yet: ${pluralise(rejected, 'row still has', 'rows still have')} errors. ` +
      `Fix or skip ${rejected === 1 ? 'it' : 'them'} to send the other ${formatCount(held)}.`
    );
  }
  const parts = [`${formatCount(send)} will be sent`];
  if (skipped > 0) parts.push(`${formatCount(skipped)} skipped`);
  if (rejected > 0) {
    parts.push(
      `${pluralise(rejected, 'row')} with errors will not be sent (they are in the rejected-rows report)`,
    );
  }
  const sentence = parts.join(', ');
  return send === 0 ? `${sentence}. There is nothing to send.` : `${sentence}.`;
}
