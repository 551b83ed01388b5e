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

/**
 * A macrotask turn: messages that arrived meanwhile (a cancel) are handled first in the browsers
 * we know (the spec does not promise it; a cancel is still seen by the next slice at the latest).
 * A message to itself, not `setTimeout(0)`: a timeout set from a timeout's turn waits at least
 * 4 ms once they nest five deep, and a million-row review lost ~140 ms to that.
 */
export const yieldToEvents = (): Promise<void> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port2.onmessage = () => {
      port2.close();
      resolve();
    };
    port1.postMessage(null);
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
