/**
 * When a failed Whispir request may be sent again, and how long to wait first.
 *
 * The rule that matters is for `POST /imports`: Whispir has no import status to poll (Part A §10)
 * and `duplicate` mode creates a contact for every row, so an import that ran once and is sent
 * again doubles the contacts. An import is therefore retried automatically only when the request
 * **certainly did not reach Whispir's import processing**, which we take to mean: Whispir's
 * gateway answered that the key is over its per-second limit (429, or 403 with
 * `X-Error-Code: ERR_403_DEVELOPER_OVER_QPS`, Part B §6.3). Those are rejected before the request
 * is routed, so nothing ran.
 *
 * Everything that may have been processed (a dropped connection, status 0; a 5xx, including
 * a 502/504 from a proxy that may have forwarded the request before the upstream failed) makes
 * an import "unknown": the user checks Whispir and decides. A resource POST is retried in those
 * cases, because a second copy of an uploaded file is harmless (it is private and expires).
 *
 * Any other 4xx is Whispir saying no (bad credentials, 413, 422, unknown resource, over the daily
 * quota): nothing ran, and sending the same request again would get the same answer, so the part
 * fails with Whispir's message and the user may send it again after fixing the cause.
 */

import { OVER_QPS } from '../whispir/error-message';
export type RequestKind = 'resource' | 'import';
export type FailureDecision = 'retry' | 'unknown' | 'fail';

/** The shape of `WhispirApiError`: `status` 0 means the request got no HTTP answer. */
export interface FailureInfo {
  readonly status: number;
  readonly errorCode?: string;
  /** The rule of the app's own proxy that refused the call (it never reached Whispir). */
  readonly proxyRule?: string;
}

export const OVER_QPS_ERROR_CODE = OVER_QPS;

/** The gateway refused the request for going over the per-second limit; nothing was processed. */
export function isRateLimited(error: FailureInfo): boolean {
  // The app's own sign-in making a guesser wait (429) is no limit of Whispir's to wait out.
  if (error.proxyRule !== undefined) return false;
  return error.status === 429 || (error.status === 403 && error.errorCode === OVER_QPS_ERROR_CODE);
}

/**
 * 5xx answers that say the server will never do this request (not implemented, HTTP version
 * not supported): retrying cannot help, and nothing was processed.
 */
const PERMANENT_SERVER_STATUSES: ReadonlySet<number> = new Set([501, 505]);

/** What to do after a request failed. See the module comment for the reasoning. */
export function classifyFailure(error: FailureInfo, request: RequestKind): FailureDecision {
  if (isRateLimited(error)) return 'retry';
  const { status } = error;
  if (status >= 400 && status < 500) return 'fail';
  if (PERMANENT_SERVER_STATUSES.has(status)) return 'fail';
  // Status 0, any other 5xx, or an odd status reported as an error (e.g. a 2xx without the
  // id we need): the request may have been processed.
  return request === 'resource' ? 'retry' : 'unknown';
}

export interface BackoffOptions {
  /** Upper bound of the first retry's delay. */
  readonly baseMs: number;
  /** No delay is ever longer than this. */
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 };

/**
 * "Full jitter" exponential backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * a uniformly random delay in [0, min(cap, base · 2^(attempt−1))). Jitter spreads retries from
 * several tabs or users of the same key, so they do not all hit the limit again together.
 * `attempt` is the 1-based number of the attempt that just failed; `random` returns [0, 1).
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  options: Partial<BackoffOptions> = {},
): number {
  const { baseMs, capMs } = { ...DEFAULT_BACKOFF, ...options };
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2 ** exponent overflows to Infinity for huge attempts; min() keeps the cap.
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}
