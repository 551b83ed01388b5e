/**
 * Spaces request starts at least `1000 / ratePerSecond` ms apart, so a job stays under the key's
 * per-second limit (5, 10 or 30 by edition, Part A §11) instead of relying on retries. Callers
 * reserve slots in call order, so concurrent callers are paced too.
 */
import { abortReason, sleep as defaultSleep } from './sleep';

export interface PacerOptions {
  /** Requests per second; defaults to 5, the smallest edition. */
  readonly ratePerSecond?: number;
  /** A monotonic clock in ms. */
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface Pacer {
  /** Resolves when the next request may start; rejects with the abort reason on cancel. */
  wait(signal?: AbortSignal): Promise<void>;
}

export const DEFAULT_RATE_PER_SECOND = 5;

export function createPacer(options: PacerOptions = {}): Pacer {
  const rate = options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND;
  if (!(rate > 0) || !Number.isFinite(rate))
    throw new RangeError(`ratePerSecond must be a positive number, not ${rate}`);
  const interval = 1000 / rate;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? defaultSleep;
  /** The earliest time the next request may start. */
  let nextStart = -Infinity;

  return {
    async wait(signal) {
      if (signal?.aborted) throw abortReason(signal);
      const previous = nextStart;
      const slot = Math.max(now(), nextStart);
      nextStart = slot + interval;
      const delay = slot - now();
      if (delay <= 0) return;
      try {
        await sleep(delay, signal);
        if (signal?.aborted) throw abortReason(signal);
      } catch (error) {
        // A cancelled wait starts no request: give its slot back unless a later caller has
        // already reserved the one after it.
        if (nextStart === slot + interval) nextStart = previous;
        throw error;
      }
    },
  };
}
