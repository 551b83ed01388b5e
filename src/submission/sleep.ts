/** Reason a cancelled wait rejects with: the signal's own, or a standard AbortError. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * `setTimeout` as a promise that a signal can cancel (it then rejects with the abort reason).
 * It never resolves before `ms` have passed by `performance.now()`: timers count whole
 * milliseconds from the event loop's cached time and can fire up to a millisecond early, which
 * let the pacer start requests a fraction of a millisecond closer than its rate allows.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      ms > 0 ? Math.ceil(ms) + 1 : 0,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles when the browser says it has a network connection (at once when it has, or where
 * there is no `navigator`); rejects with the abort reason when the signal aborts first.
 */
export function waitUntilOnline(signal?: AbortSignal): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine !== false) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const online = () => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = () => {
      globalThis.removeEventListener('online', online);
      reject(abortReason(signal as AbortSignal));
    };
    globalThis.addEventListener('online', online, { once: true });
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
