import type { LockManagerLike } from './send-lock';

interface Request {
  readonly name: string;
  readonly callback: (lock: unknown) => Promise<unknown> | unknown;
  readonly done: { resolve(value: unknown): void; reject(error: unknown): void };
}

/**
 * An exclusive-only lock manager with the Web Locks rules this app relies on, for tests: one
 * holder per name, requests granted in order, `ifAvailable` answered at once (null when held),
 * a queued request dropped when its signal aborts, a lock held until its callback's promise
 * settles. `closeClient` lets every lock of one "tab" go, as the browser does when a tab closes.
 */
export function createFakeLockManager() {
  const held = new Map<string, { client: string }>();
  const queue: (Request & { client: string })[] = [];

  const grant = (request: Request & { client: string }) => {
    held.set(request.name, { client: request.client });
    const lock = { name: request.name, mode: 'exclusive' };
    Promise.resolve()
      .then(() => request.callback(lock))
      .then(
        (value) => {
          release(request.name, request.client);
          request.done.resolve(value);
        },
        (error: unknown) => {
          release(request.name, request.client);
          request.done.reject(error);
        },
      );
  };
  const release = (name: string, client: string) => {
    if (held.get(name)?.client !== client) return;
    held.delete(name);
    const next = queue.findIndex((request) => request.name === name);
    if (next >= 0) grant(queue.splice(next, 1)[0]!);
  };

  const clientFor = (client: string): LockManagerLike => ({
    request(name, options, callback) {
      return new Promise((resolve, reject) => {
        const request = { name, callback, client, done: { resolve, reject } };
        if (!held.has(name)) {
          grant(request);
          return;
        }
        if (options.ifAvailable) {
          Promise.resolve()
            .then(() => callback(null))
            .then(resolve, reject);
          return;
        }
        if (options.signal?.aborted) {
          reject(new DOMException('aborted', 'AbortError'));
          return;
        }
        queue.push(request);
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(request);
          if (at < 0) return;
          queue.splice(at, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
    async query() {
      return { held: [...held.keys()].map((name) => ({ name })) };
    },
  });

  return {
    /** The lock manager as one tab sees it. */
    tab: clientFor,
    /** The tab closes: its locks go to whoever waits next. */
    closeClient(client: string) {
      for (const [name, holder] of [...held]) if (holder.client === client) release(name, client);
      for (let i = queue.length - 1; i >= 0; i--)
        if (queue[i]?.client === client) queue.splice(i, 1);
    },
    heldNames: () => [...held.keys()],
  };
}
