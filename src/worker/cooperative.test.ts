import { describe, expect, it } from 'vitest';
import { progressOf, type StepProgress, type Steps } from '../domain/progress/steps';
import { TaskCancelled, runCooperatively } from './cooperative';

/** Work of `pauses` slices, each taking about `ms` of busy time. */
function* busySlices(pauses: number, ms: number, log: string[]): Steps<string> {
  try {
    for (let i = 1; i <= pauses; i++) {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // busy, as a validation loop is
      }
      yield progressOf(i, pauses);
    }
    return 'built';
  } finally {
    log.push('cleaned up');
  }
}

describe('runCooperatively', () => {
  it('returns what the work returns and reports progress along the way', async () => {
    const seen: StepProgress[] = [];
    const log: string[] = [];
    const value = await runCooperatively(busySlices(6, 10, log), {
      isCancelled: () => false,
      onProgress: (p) => seen.push(p),
      progressMs: 0,
    });
    expect(value).toBe('built');
    expect(seen.map((p) => p.rows)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log).toEqual(['cleaned up']);
  });

  it('lets a cancel that arrives as a message stop the work at its next pause', async () => {
    const log: string[] = [];
    let cancelled = false;
    // The cancel comes in as a task, as a worker message does: only a yielding run sees it.
    setTimeout(() => {
      cancelled = true;
    }, 0);
    const seen: number[] = [];
    const run = runCooperatively(busySlices(200, 5, log), {
      isCancelled: () => cancelled,
      onProgress: (p) => seen.push(p.rows),
      sliceMs: 10,
      progressMs: 0,
    });
    await expect(run).rejects.toBeInstanceOf(TaskCancelled);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(200);
    // The generator was closed: nothing half-built is kept running.
    expect(log).toEqual(['cleaned up']);
  });
});
