import { describe, expect, it } from 'vitest';
import {
  ROWS_PER_STEP,
  pauseAt,
  progressOf,
  runSteps,
  type StepProgress,
  type Steps,
} from './steps';

function* countRows(total: number): Steps<number> {
  let sum = 0;
  for (let i = 0; i < total; i++) {
    if (pauseAt(i)) yield progressOf(i, total);
    sum += i;
  }
  return sum;
}

describe('steps', () => {
  it('runs to the end and returns what the work returns', () => {
    expect(runSteps(countRows(10_000))).toBe((10_000 * 9_999) / 2);
  });

  it('pauses every ROWS_PER_STEP rows with the rows done, the total and the share', () => {
    const seen: StepProgress[] = [];
    runSteps(countRows(ROWS_PER_STEP * 3 + 5), (p) => seen.push(p));
    expect(seen).toEqual(
      [1, 2, 3].map((n) => progressOf(ROWS_PER_STEP * n, ROWS_PER_STEP * 3 + 5)),
    );
    expect(seen[2]?.fraction).toBeCloseTo((ROWS_PER_STEP * 3) / (ROWS_PER_STEP * 3 + 5));
  });

  it('does not pause on small inputs or on the first row', () => {
    const seen: StepProgress[] = [];
    runSteps(countRows(ROWS_PER_STEP), (p) => seen.push(p));
    expect(seen).toEqual([]);
  });

  it('calls an unknown total all done rather than dividing by zero', () => {
    expect(progressOf(500, 0)).toEqual({ fraction: 1, rows: 500, total: 0 });
    expect(progressOf(900, 600).fraction).toBe(1);
  });
});
