/**
 * The journal writes of a run that starts while its part files are still being stored
 * (./file-parts.ts). The journal promises that a job read back after a reload can be finished
 * from this browser alone, so a job must not be in it before every one of its files is; and an
 * import must not leave before the job is in it (ADR 005). So, until `ready` resolves:
 *
 * - a change that puts no import on its way (an upload starting or done) is held, not written:
 *   only the latest is kept, and it is written first once `ready` resolves;
 * - a change that puts an import on its way waits for `ready`, then is written after the held
 *   one: the engine awaits it (`SubmissionDeps.onChange`), so the import waits too.
 *
 * From then on every change is written in order, as without it. If `ready` rejects (the files
 * could not all be stored, or the person cancelled), nothing is ever written: `onNotReady` is
 * told first, then whatever waited is released; the caller must stop the run there (the engine
 * checks its signal after each change, before any request).
 *
 * The returned function never rejects: a failed write goes to `onWriteError`, as the engine's
 * `onChange` must not throw.
 */
import type { SubmissionJob } from '../domain/submission/submission-job';

export interface HoldJournalOptions {
  /** A write failed: the caller stops the run (a reload could otherwise send a part twice). */
  readonly onWriteError: (error: unknown) => void;
  /** `ready` rejected: the caller stops the run before anything waiting goes on. */
  readonly onNotReady: (reason: unknown) => void;
}

const sendsAnImport = (job: SubmissionJob) => job.parts.some((part) => part.status === 'importing');

export function holdJournalUntil(
  ready: Promise<void>,
  save: (job: SubmissionJob) => Promise<void>,
  options: HoldJournalOptions,
): (job: SubmissionJob) => Promise<void> | undefined {
  let state: 'holding' | 'writing' | 'never' = 'holding';
  let held: SubmissionJob | undefined;
  let writes: Promise<void> = Promise.resolve();

  /** Writes `job` after the writes before it; resolves when it is written (or failed). */
  const write = (job: SubmissionJob): Promise<void> => {
    const written = writes.then(() => save(job)).catch(options.onWriteError);
    writes = written;
    return written;
  };

  const settled = ready.then(
    () => {
      state = 'writing';
      if (held) void write(held);
      held = undefined;
    },
    (reason: unknown) => {
      state = 'never';
      held = undefined;
      options.onNotReady(reason);
    },
  );

  return (job) => {
    if (state === 'writing') return write(job);
    if (state === 'never') return undefined;
    if (!sendsAnImport(job)) {
      held = job;
      return undefined;
    }
    // Once `settled` has run, the held change has been queued before this one (or nothing is
    // ever written); this one waits for its own write.
    return settled.then(() => {
      if (state === 'writing') return write(job);
      return undefined;
    });
  };
}
