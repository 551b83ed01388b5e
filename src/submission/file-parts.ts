/**
 * Stores the part files of a new import in the journal, one after the other, while the parts
 * already built are being sent: the first upload starts as soon as the first file is built,
 * not after the last is stored (a 1,000,000-row upload has 13 files of 10 MB).
 *
 * What keeps a reload safe is not here but in `holdJournalUntil` (./hold-journal.ts): no import
 * is sent, and the job is not in the journal, until every file is stored. So a reload while the
 * files are still being stored leaves nothing to resume and nothing imported (at most an
 * uploaded resource no import uses, which is harmless, ADR 005), and a reload after that finds
 * every file it needs.
 */
import type { PartBody } from '../domain/submission/job-schema';
import { abortReason } from './sleep';

export interface FilingDeps {
  /** Builds a part's file (in the worker). */
  build(part: number): Promise<PartBody>;
  /** Stores it (the journal). */
  store(part: number, body: PartBody): Promise<void>;
  /** Reads a stored file back (the journal), for a part nobody was waiting for when it was stored. */
  load(part: number): Promise<PartBody | undefined>;
  /** After each file stored: how many of how many. */
  onStored?(stored: number, total: number): void;
}

export interface Filing {
  /**
   * A part's file: handed over as soon as it is built when asked for before that (the upload
   * need not wait for the write), read back from the journal once stored when asked for later
   * (so at most the file being sent is held in memory). Rejects if the filing stops or fails
   * before that part is built, or before it is stored when asked for after it was built.
   */
  body(part: number): Promise<PartBody>;
  /** Resolves once every file is stored; rejects with what stopped it (the abort reason). */
  readonly done: Promise<void>;
}

interface Waiter {
  readonly resolve: (body: PartBody) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Stores the files of `parts` in their order. The next file is built while the one before is
 * being stored (the worker and the journal work side by side).
 */
export function fileParts(
  parts: readonly number[],
  deps: FilingDeps,
  signal?: AbortSignal,
): Filing {
  const stored = new Set<number>();
  /** Built, and handed to whoever was waiting; asked for later, it is read back once stored. */
  const handedOver = new Set<number>();
  const waiters = new Map<number, Waiter[]>();
  let stopped: { reason: unknown } | undefined;
  /** The write under way, if any: a cancel waits for it (not for a file being built). */
  let storing: Promise<void> | undefined;

  const stop = (reason: unknown) => {
    stopped = { reason };
    for (const list of waiters.values()) for (const waiter of list) waiter.reject(reason);
    waiters.clear();
  };

  const run = async () => {
    signal?.throwIfAborted();
    let next: Promise<PartBody> | undefined = parts.length > 0 ? deps.build(parts[0]!) : undefined;
    for (const [index, part] of parts.entries()) {
      const built = next!;
      next = undefined;
      const body = await built;
      signal?.throwIfAborted();
      if (index + 1 < parts.length) {
        next = deps.build(parts[index + 1]!);
        // Not awaited if this store fails or the filing stops: its failure is not the story.
        next.catch(() => undefined);
      }
      storing = deps.store(part, body);
      // Whoever waits for this file has it now: an upload before the file is stored is safe
      // (no import leaves before every file is, hold-journal.ts).
      const list = waiters.get(part);
      waiters.delete(part);
      handedOver.add(part);
      for (const waiter of list ?? []) waiter.resolve(body);
      await storing;
      storing = undefined;
      signal?.throwIfAborted();
      stored.add(part);
      deps.onStored?.(index + 1, parts.length);
    }
  };

  // A cancel is heard at once by those waiting for a file; `done` rejects once the write under
  // way (if any) is over, and nothing is written after it, so the caller may then delete what
  // was stored. A file being built is not waited for: it is dropped.
  const cancelled = new Promise<never>((_, reject) => {
    const onAbort = () => {
      const reason = abortReason(signal!);
      stop(reason);
      void (storing ?? Promise.resolve()).catch(() => undefined).then(() => reject(reason));
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  cancelled.catch(() => undefined);
  const done = Promise.race([run(), cancelled]).catch((error: unknown) => {
    const reason = signal?.aborted ? abortReason(signal) : error;
    stop(reason);
    throw reason;
  });
  // The caller may only ever ask for bodies; an unobserved rejection is not an error.
  done.catch(() => undefined);

  return {
    done,
    async body(part) {
      if (handedOver.has(part) && !stored.has(part)) {
        // Built but still being stored: read back once it is.
        await storing;
      }
      if (stored.has(part)) {
        const body = await deps.load(part);
        if (!body) throw new Error(`The file of part ${part} is no longer stored in this browser.`);
        return body;
      }
      if (stopped) throw stopped.reason;
      if (!parts.includes(part)) throw new Error(`Part ${part} is not being prepared.`);
      return new Promise<PartBody>((resolve, reject) => {
        const list = waiters.get(part) ?? [];
        list.push({ resolve, reject });
        waiters.set(part, list);
      });
    },
  };
}
