import { useCallback, useMemo, useRef, useState } from 'react';
import { createImport } from '../../api/create-import';
import { createResource } from '../../api/create-resource';
import { describeTimeLeft } from '../../domain/progress/estimate';
import { markPartDone, type SubmissionJob } from '../../domain/submission/submission-job';
import type { Filing } from '../../submission/file-parts';
import { holdJournalUntil } from '../../submission/hold-journal';
import { createJournal } from '../../submission/journal';
import type { Pacer } from '../../submission/pacer';
import { runSubmission } from '../../submission/run-submission';
import { sendLocks } from '../../submission/send-lock';
import { sleep, waitUntilOnline } from '../../submission/sleep';

const rowsAccepted = (job: SubmissionJob) =>
  job.parts.reduce((sum, part) => sum + (part.status === 'accepted' ? part.rowCount : 0), 0);
const totalRows = (job: SubmissionJob) => job.parts.reduce((sum, part) => sum + part.rowCount, 0);

/**
 * Runs a submission job: every state change goes to the screen and to the IndexedDB journal, so
 * a reload can resume. Part files are read back from the journal, so a resumed job needs no file.
 * A new import's run is given its `filing`: its parts are uploaded as their files are built, and
 * the job reaches the journal, and its first import Whispir, only once every file is stored.
 * A run owns its job and holds the browser's sending lock: while another tab owns the job or
 * sends anything, `run` sends nothing and resolves undefined (as it does for a second run
 * started in this tab before the first one ended).
 */
export function useSubmission(pacer: Pacer) {
  const journal = useMemo(() => createJournal(), []);
  const [job, setJob] = useState<SubmissionJob>();
  const [running, setRunning] = useState(false);
  const [remaining, setRemaining] = useState('');
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(
    async (
      current: SubmissionJob,
      parts?: readonly number[],
      filing?: Filing,
    ): Promise<SubmissionJob | undefined> => {
      // One run at a time in this tab too (a double click on a button).
      if (controller.current) return undefined;
      const abort = new AbortController();
      controller.current = abort;
      // Only the tab that owns the job sends it, and only while no other tab is sending.
      const stopSending = (await sendLocks.tryClaimJob(current.id))
        ? await sendLocks.beginSending()
        : undefined;
      if (!stopSending) {
        controller.current = undefined;
        return undefined;
      }
      setRunning(true);
      setJob(current);
      setRemaining('');
      const started = performance.now();
      const rowsAtStart = rowsAccepted(current);
      const rowsToSend = totalRows(current) - rowsAtStart;
      // The journal is what keeps a reload from sending a part twice: when it cannot be written
      // (storage full or blocked), sending stops before the next request.
      let journalFailure: unknown;
      const onWriteError = (error: unknown) => {
        journalFailure ??= error;
        abort.abort();
      };
      // A new import's files may still be being stored: the job reaches the journal, and its
      // first import leaves, once they all are (hold-journal.ts).
      const save = filing
        ? holdJournalUntil(filing.done, (job) => journal.saveJob(job), {
            onWriteError,
            onNotReady: () => abort.abort(),
          })
        : (job: SubmissionJob) => journal.saveJob(job).catch(onWriteError);
      try {
        const final = await runSubmission(
          current,
          {
            getPartBody: filing
              ? (part) => filing.body(part)
              : async (part) => {
                  const body = await journal.loadPartBody(current.id, part);
                  if (!body)
                    throw new Error(
                      `The file of part ${part} is no longer stored in this browser.`,
                    );
                  return body;
                },
            createResource,
            createImport,
            pacer,
            sleep,
            online: waitUntilOnline,
            ...(filing && { importsAllowed: filing.done }),
            random: Math.random,
            onChange: (next) => {
              setJob(next);
              const done = rowsToSend > 0 ? (rowsAccepted(next) - rowsAtStart) / rowsToSend : 0;
              setRemaining(describeTimeLeft(performance.now() - started, done));
              return save(next);
            },
          },
          { signal: abort.signal, ...(parts ? { parts } : {}) },
        );
        setJob(final);
        if (journalFailure !== undefined)
          throw new Error(
            `This browser could not record the import's progress (${
              journalFailure instanceof Error ? journalFailure.message : String(journalFailure)
            }), so sending stopped: a reload could otherwise send a part twice. Free some browser storage, then resume.`,
          );
        return final;
      } finally {
        stopSending();
        setRunning(false);
        controller.current = undefined;
      }
    },
    [journal, pacer],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  /** The user says an unknown part arrived; resolves with the job as saved. */
  const markDone = useCallback(
    async (part: number): Promise<SubmissionJob | undefined> => {
      if (!job) return undefined;
      const next = markPartDone(job, part);
      setJob(next);
      await journal.saveJob(next);
      return next;
    },
    [job, journal],
  );

  return { journal, job, setJob, running, remaining, run, cancel, markDone };
}
