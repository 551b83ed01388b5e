/**
 * Runs domain steps (src/domain/progress/steps.ts) in the worker in slices of a few tens of
 * milliseconds; between slices the worker takes its messages, so a cancel stops the work within
 * a slice, and what was built so far is dropped, never half-kept.
 */
import type { StepProgress, Steps } from '../domain/progress/steps';

export class TaskCancelled extends Error {
  constructor() {
    super('Stopped at your request.');
    this.name = 'TaskCancelled';
  }
}

export interface CooperativeOptions {
  readonly isCancelled: () => boolean;
  readonly onProgress?: (progress: StepProgress) => void;
  /** Longest run before the worker takes its messages. */
  readonly sliceMs?: number;
  /** Shortest time between two progress reports. */
  readonly progressMs?: number;
}

/** A macrotask turn: messages that arrived meanwhile (a cancel) are handled before it resolves. */
export const yieldToEvents = (): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, 0);
  });

export async function runCooperatively<T>(
  steps: Steps<T>,
  { isCancelled, onProgress, sliceMs = 50, progressMs = 100 }: CooperativeOptions,
): Promise<T> {
  let sliceStart = performance.now();
  let reported = sliceStart;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const now = performance.now();
    if (onProgress && now - reported >= progressMs) {
      onProgress(next.value);
      reported = now;
    }
    if (now - sliceStart >= sliceMs) {
      await yieldToEvents();
      sliceStart = performance.now();
    }
    if (isCancelled()) {
      steps.return(undefined as T);
      throw new TaskCancelled();
    }
  }
}
