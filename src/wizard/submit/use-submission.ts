import { useCallback, useMemo, useRef, useState } from 'react';
import { createImport } from '../../api/create-import';
import { createResource } from '../../api/create-resource';
import { describeTimeLeft } from '../../domain/progress/estimate';
import { markPartDone, type SubmissionJob } from '../../domain/submit/submission-job';
import { createJournal } from '../../submit/journal';
import { createPacer } from '../../submit/pacer';
import { runSubmission } from '../../submit/run-submission';
import { sleep } from '../../submit/sleep';

const rowsAccepted = (job: SubmissionJob) =>
  job.parts.reduce((sum, part) => sum + (part.status === 'accepted' ? part.rowCount : 0), 0);
const totalRows = (job: SubmissionJob) => job.parts.reduce((sum, part) => sum + part.rowCount, 0);

/**
 * Runs a submission job: every state change goes to the screen and to the IndexedDB journal, so
 * a reload can resume. Part files are read back from the journal, so a resumed job needs no file.
 */
export function useSubmission(ratePerSecond: number) {
  const journal = useMemo(() => createJournal(), []);
  const [job, setJob] = useState<SubmissionJob>();
  const [running, setRunning] = useState(false);
  const [remaining, setRemaining] = useState('');
  const controller = useRef<AbortController | undefined>(undefined);

  const run = useCallback(
    async (current: SubmissionJob, parts?: readonly number[]): Promise<SubmissionJob> => {
      const abort = new AbortController();
      controller.current = abort;
      setRunning(true);
      setJob(current);
      setRemaining('');
      const started = performance.now();
      const rowsAtStart = rowsAccepted(current);
      const rowsToSend = totalRows(current) - rowsAtStart;
      try {
        const pacer = createPacer({ ratePerSecond });
        const final = await runSubmission(
          current,
          {
            getPartBody: async (part) => {
              const body = await journal.loadPartBody(current.id, part);
              if (!body)
                throw new Error(`The file of part ${part} is no longer stored in this browser.`);
              return body;
            },
            createResource,
            createImport,
            pacer,
            sleep,
            random: Math.random,
            onChange: (next) => {
              setJob(next);
              const done = rowsToSend > 0 ? (rowsAccepted(next) - rowsAtStart) / rowsToSend : 0;
              setRemaining(describeTimeLeft(performance.now() - started, done));
              return journal.saveJob(next).catch(() => undefined);
            },
          },
          { signal: abort.signal, ...(parts ? { parts } : {}) },
        );
        setJob(final);
        return final;
      } finally {
        setRunning(false);
        controller.current = undefined;
      }
    },
    [journal, ratePerSecond],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  const markDone = useCallback(
    async (part: number) => {
      if (!job) return;
      const next = markPartDone(job, part);
      setJob(next);
      await journal.saveJob(next);
    },
    [job, journal],
  );

  return { journal, job, setJob, running, remaining, run, cancel, markDone };
}
