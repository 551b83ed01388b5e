/**
 * Checking a run of a review's rows, shared by the review (src/worker/review-session.ts) and the
 * helper worker that checks some runs of a large file beside it (src/worker/check.worker.ts),
 * so a row checked by either gives the same problems and the same match values.
 */
import { RunRows, type RowsRun } from '../intake/row-store';
import { CHANNEL_KEYS } from '../whispir/contact-fields';
import { MatchBatch } from './duplicates';
import type { RowProblem } from './problems';
import { createRowChecker, type RowChecker } from './row-checker';
import type { ContactCheckContext } from './validate-contact';

/** Where a review's fields take their values: a column of the rows, or one value for all. */
export interface CheckPlan {
  readonly fields: readonly string[];
  /** The column of each field (-1: none, or a value). */
  readonly columns: readonly number[];
  /** Fields filled with one value on every row: field index, value. */
  readonly constants: readonly (readonly [number, string])[];
}

/**
 * Checks rows `from` to `to`: the problems of each row that has any go to `onProblems` (a new
 * array), the match values of each row not skipped to `people`.
 */
export function checkRows(
  checker: RowChecker,
  fieldCount: number,
  valuesOf: (index: number, out: string[]) => void,
  rowNumberOf: (index: number) => number,
  from: number,
  to: number,
  onProblems: (index: number, problems: RowProblem[]) => void,
  people: MatchBatch,
  isSkipped?: (index: number) => boolean,
): void {
  // One array of values for the run, refilled: the check keeps nothing of it, and a million new
  // objects were garbage the collector had to chase.
  const values = new Array<string>(fieldCount);
  const channels = new Array<string | undefined>(CHANNEL_KEYS.length);
  const found: RowProblem[] = [];
  for (let i = from; i < to; i++) {
    valuesOf(i, values);
    if (!checker.check(rowNumberOf(i), values, found, channels) && found.length > 0) {
      onProblems(i, found.slice());
      found.length = 0;
    }
    if (isSkipped === undefined || !isSkipped(i)) people.add(i, channels);
  }
}

/** What the check of a run sent to a worker found, by the rows' places in the run. */
export interface RunChecked {
  /** Each row with problems: its place in the run, and its problems. */
  readonly problems: (readonly [number, RowProblem[]])[];
  /** Per match channel, the hash of each value and its row's place (see `MatchBatch`). */
  readonly hashes: Int32Array[];
  readonly places: Int32Array[];
}

/** Checks every row of a run (`Rows.runOf`) under a plan, as the review would. */
export function checkRun(
  run: RowsRun,
  rowNumbers: Int32Array,
  plan: CheckPlan,
  context: ContactCheckContext,
): RunChecked {
  const rows = new RunRows(run);
  const { columns, constants } = plan;
  const people = new MatchBatch();
  const problems: (readonly [number, RowProblem[]])[] = [];
  checkRows(
    createRowChecker(plan.fields, context),
    plan.fields.length,
    (i, out) => {
      rows.cellsOf(i, columns, out);
      for (const [f, value] of constants) out[f] = value;
    },
    (i) => rowNumbers[i] ?? i + 1,
    0,
    rows.length,
    (i, found) => problems.push([i, found]),
    people,
  );
  return {
    problems,
    hashes: people.channels.map((channel) => channel.hashes.slice(0, channel.length)),
    places: people.channels.map((channel) => channel.rows.slice(0, channel.length)),
  };
}
