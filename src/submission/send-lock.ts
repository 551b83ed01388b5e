/**
 * One import at a time per browser, with Web Locks (`navigator.locks`), which every tab and
 * window of the same origin shares and which the browser releases when a tab closes or crashes.
 *
 * - The sending lock (`SENDING_LOCK`) is held for the whole of a send: preparing the part files,
 *   then every request. A tab that cannot take it does not send, start or resume anything.
 * - A job lock (`jobLockName(id)`) is held by the tab that owns a journal job: the one that
 *   created it, or the one that took it over after its owner was gone. Only the owner shows the
 *   job's buttons; another tab waits for the lock and then reads the job afresh from the journal,
 *   so it never acts on a copy the owner has since changed.
 *
 * Both are only ever taken without waiting while another lock is held (`ifAvailable`), so two
 * tabs can never wait on each other.
 */

export const SENDING_LOCK = 'whispir-import:sending';
export const jobLockName = (jobId: string) => `whispir-import:job:${jobId}`;

/** The part of the Web Locks API used here (`navigator.locks`; a fake in unit tests). */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>;
  query(): Promise<{ held?: readonly { name?: string }[] }>;
}

/** A lock this tab holds; `release` lets it go (calling it again does nothing). */
export interface HeldLock {
  readonly name: string;
  release(): void;
}

/** Takes `name` if nobody holds it, without waiting; undefined when somebody does. */
function tryAcquire(locks: LockManagerLike, name: string): Promise<HeldLock | undefined> {
  return new Promise((resolve, reject) => {
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(undefined);
          return undefined;
        }
        return new Promise<void>((release) => resolve({ name, release: () => release() }));
      })
      .catch(reject);
  });
}

/** Waits until `name` is free, then holds it. Rejects (AbortError) when `signal` aborts first. */
function acquire(locks: LockManagerLike, name: string, signal?: AbortSignal): Promise<HeldLock> {
  return new Promise((resolve, reject) => {
    locks
      .request(name, signal ? { signal } : {}, () => {
        // Granted just as the wait was given up: let it go at once.
        if (signal?.aborted) {
          reject(abortError());
          return undefined;
        }
        return new Promise<void>((release) => resolve({ name, release: () => release() }));
      })
      .catch(reject);
  });
}

const abortError = () => new DOMException('The wait for the lock was given up.', 'AbortError');

export interface SendLocks {
  /**
   * Takes the sending lock for this tab, unless another tab holds it (then undefined: show
   * `RUNNING_ELSEWHERE` and wait). Within one tab it nests: the lock goes when every holder
   * has released it.
   */
  beginSending(): Promise<(() => void) | undefined>;
  /** Whether this tab holds the sending lock now. */
  sendingHere(): boolean;
  /** Whether another tab holds the sending lock now. */
  sendingElsewhere(): Promise<boolean>;
  /** Whether this tab owns the job (holds its lock). */
  ownsJob(jobId: string): boolean;
  /** Owns a job this tab has just created (nobody else can know its id), or undefined. */
  tryClaimJob(jobId: string): Promise<boolean>;
  /**
   * Waits until no other tab owns the job, then owns it. Resolves at once if this tab owns it;
   * rejects (AbortError) if `signal` aborts first.
   */
  claimJob(jobId: string, signal?: AbortSignal): Promise<void>;
  /** Lets another tab take the job over. */
  releaseJob(jobId: string): void;
}

/**
 * The locks of one tab over a lock manager; `undefined` (no Web Locks, e.g. a page not served
 * from a secure origin) leaves every tab free to send, as before.
 */
export function createSendLocks(locks: LockManagerLike | undefined): SendLocks {
  let sending: { lock: HeldLock | undefined; holders: number } | undefined;
  let taking: Promise<HeldLock | undefined> | undefined;
  const jobs = new Map<string, HeldLock | undefined>();
  const claims = new Map<
    string,
    { promise: Promise<void>; waiters: number; controller: AbortController }
  >();

  return {
    async beginSending() {
      if (!sending) {
        // Two callers in the same tab at once share one request.
        taking ??= locks ? tryAcquire(locks, SENDING_LOCK) : Promise.resolve(undefined);
        const lock = await taking.finally(() => (taking = undefined));
        if (locks && !lock && !sending) return undefined;
        sending ??= { lock, holders: 0 };
      }
      const held = sending;
      held.holders += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.holders -= 1;
        if (held.holders === 0 && sending === held) {
          sending = undefined;
          held.lock?.release();
        }
      };
    },
    sendingHere: () => sending !== undefined,
    async sendingElsewhere() {
      if (!locks || sending) return false;
      const { held = [] } = await locks.query();
      return held.some((lock) => lock.name === SENDING_LOCK);
    },
    ownsJob: (jobId) => jobs.has(jobId),
    async tryClaimJob(jobId) {
      if (jobs.has(jobId)) return true;
      const lock = locks ? await tryAcquire(locks, jobLockName(jobId)) : undefined;
      if (locks && !lock) return false;
      jobs.set(jobId, lock);
      return true;
    },
    claimJob(jobId, signal) {
      if (jobs.has(jobId)) return Promise.resolve();
      // Callers in the same tab share one request: a second request from this tab would wait
      // behind the first one's lock for ever (React runs an effect twice in development).
      let claim = claims.get(jobId);
      if (!claim) {
        const controller = new AbortController();
        const promise = (
          locks ? acquire(locks, jobLockName(jobId), controller.signal) : Promise.resolve(undefined)
        ).then((lock) => {
          if (claims.get(jobId) === claim) claims.delete(jobId);
          if (controller.signal.aborted || jobs.has(jobId)) {
            lock?.release();
            if (controller.signal.aborted) throw abortError();
            return;
          }
          jobs.set(jobId, lock);
        });
        promise.catch(() => undefined);
        claim = { promise, waiters: 0, controller };
        claims.set(jobId, claim);
      }
      const shared = claim;
      shared.waiters += 1;
      return new Promise<void>((resolve, reject) => {
        const giveUp = () => {
          shared.waiters -= 1;
          if (shared.waiters === 0) {
            if (claims.get(jobId) === shared) claims.delete(jobId);
            shared.controller.abort();
          }
          reject(abortError());
        };
        if (signal?.aborted) return giveUp();
        signal?.addEventListener('abort', giveUp, { once: true });
        shared.promise.then(
          () => {
            signal?.removeEventListener('abort', giveUp);
            resolve();
          },
          (error: unknown) => {
            signal?.removeEventListener('abort', giveUp);
            reject(error instanceof Error ? error : abortError());
          },
        );
      });
    },
    releaseJob(jobId) {
      const lock = jobs.get(jobId);
      jobs.delete(jobId);
      lock?.release();
    },
  };
}

/** The browser's lock manager, where there is one. */
export function browserLockManager(): LockManagerLike | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}

/** This tab's locks (one per page load: a reload or a closed tab lets them all go). */
export const sendLocks: SendLocks = createSendLocks(browserLockManager());

/** What a tab that must wait says. */
export const RUNNING_ELSEWHERE = 'An import is running in another tab';
