/**
 * Per-key request counting for Whispir's rate limits (Part B §6.3): a fixed one-second window
 * for QPS and the UTC day for QPD. Counters live in memory; a restart or reset clears them.
 */
export interface LimitSettings {
  readonly qps: number;
  readonly qpsStatus: 403 | 429;
  readonly qpd: number;
}

export type LimitVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly status: 403 | 429;
      readonly code: string;
      readonly detail: string;
    };

interface Window {
  start: number;
  count: number;
}

const DAY_MS = 86_400_000;

export class RateLimiter {
  private readonly perSecond = new Map<string, Window>();
  private readonly perDay = new Map<string, Window>();

  /** Counts one request of `key` at `now` and says whether it is within the limits. */
  check(key: string, settings: LimitSettings, now: number = Date.now()): LimitVerdict {
    const second = bump(this.perSecond, key, Math.floor(now / 1000));
    const day = bump(this.perDay, key, Math.floor(now / DAY_MS));
    if (settings.qps > 0 && second > settings.qps)
      return {
        ok: false,
        status: settings.qpsStatus,
        code: 'ERR_403_DEVELOPER_OVER_QPS',
        detail: 'Account Over Queries Per Second Limit',
      };
    if (settings.qpd > 0 && day > settings.qpd)
      return {
        ok: false,
        status: 403,
        code: 'ERR_403_DEVELOPER_OVER_QPD',
        detail: 'Account Over Queries Per Day Limit',
      };
    return { ok: true };
  }

  reset(): void {
    this.perSecond.clear();
    this.perDay.clear();
  }
}

function bump(windows: Map<string, Window>, key: string, start: number): number {
  const window = windows.get(key);
  if (!window || window.start !== start) {
    windows.set(key, { start, count: 1 });
    return 1;
  }
  window.count += 1;
  return window.count;
}
