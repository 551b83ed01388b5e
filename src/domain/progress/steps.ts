/**
 * Long work over many rows, written as a generator that pauses every few rows with its
 * progress. Where nothing waits (tests, small inputs) it runs to its end at once; the worker runs
 * it in slices, so a "cancel" can arrive between two slices and progress can be shown.
 */
export interface StepProgress {
  /** Share of the work done, 0..1. */
  readonly fraction: number;
  readonly rows: number;
  /** Rows in all; 0 when not known. */
  readonly total: number;
}

export type Steps<T> = Generator<StepProgress, T, void>;

/** Rows between two pauses: small enough to stop promptly, large enough to cost nothing. */
export const ROWS_PER_STEP = 2048;

/** True on the rows where a step should pause (every ROWS_PER_STEP rows, never at 0). */
export const pauseAt = (row: number): boolean => row > 0 && row % ROWS_PER_STEP === 0;

export const progressOf = (rows: number, total: number): StepProgress => ({
  fraction: total > 0 ? Math.min(1, rows / total) : 1,
  rows,
  total,
});

/** Runs the steps to their end, reporting each pause. */
export function runSteps<T>(steps: Steps<T>, onProgress?: (progress: StepProgress) => void): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value);
  }
}
