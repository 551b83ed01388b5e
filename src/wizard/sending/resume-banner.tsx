import { useEffect, useRef, useState } from 'react';
import {
  isResumable,
  recoverInterruptedJob,
  summariseJob,
  type SubmissionJob,
} from '../../domain/submission/submission-job';
import { createPacer } from '../../submission/pacer';
import { RUNNING_ELSEWHERE, sendLocks } from '../../submission/send-lock';
import type { Journal } from '../../submission/journal';
import { downloadRejectedReport, downloadRowsNotSent } from '../shared/journal-downloads';
import { PartsProgress } from './parts-progress';
import { useSendingElsewhere } from '../shared/use-sending-elsewhere';
import { useSubmission } from './use-submission';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * After a reload: an import that was being sent is offered to resume, or its unsent rows to
 * download, or to discard; one that finished is shown once, until the user says Done. The part
 * files come from this browser's journal; no file is needed.
 *
 * A job is shown with its buttons only in the tab that owns it (holds its lock). Another tab
 * says why it waits and takes the job over by itself once the owner finishes with it or closes,
 * reading it afresh from the journal then, so that two tabs never send the same parts.
 */
export function ResumeBanner() {
  const [pacer] = useState(() => createPacer());
  const submission = useSubmission(pacer);
  const { journal, setJob, running } = submission;
  const elsewhere = useSendingElsewhere();
  // The journal's jobs as first read; the first one is the one shown (or waited for).
  const [queue, setQueue] = useState<SubmissionJob[]>([]);
  const [owned, setOwned] = useState<string>();
  const [message, setMessage] = useState('');
  const [downloadError, setDownloadError] = useState('');

  useEffect(() => {
    let live = true;
    journal.loadOpenJobs().then(
      (jobs) => live && setQueue(jobs),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [journal]);

  const waitingFor = queue[0];
  const waitingId = waitingFor?.id;
  useEffect(() => {
    if (!waitingId) return;
    const stop = new AbortController();
    let live = true;
    sendLocks
      .claimJob(waitingId, stop.signal)
      // Owned now: whatever the previous owner did is in the journal, not in our first read.
      .then(() => journal.loadJob(waitingId))
      .then(
        (fresh) => {
          if (!live) return;
          if (!fresh) {
            // Its owner finished with it and removed it.
            sendLocks.releaseJob(waitingId);
            setQueue((jobs) => jobs.filter((job) => job.id !== waitingId));
            return;
          }
          setJob(recoverInterruptedJob(fresh));
          setOwned(waitingId);
        },
        () => undefined,
      );
    return () => {
      live = false;
      stop.abort();
    };
  }, [waitingId, journal, setJob]);

  // Leaving the page (e.g. for a new file) lets another tab take an idle job over; a job still
  // being sent stays this tab's until the tab closes.
  const sending = useRef(false);
  useEffect(() => {
    sending.current = running;
  }, [running]);
  useEffect(() => {
    if (!owned) return;
    return () => {
      if (!sending.current) sendLocks.releaseJob(owned);
    };
  }, [owned]);

  const job = owned ? submission.job : undefined;
  if (waitingFor && !job) {
    return (
      <section aria-labelledby="resume-heading" className="resume">
        <h3 id="resume-heading">{RUNNING_ELSEWHERE}</h3>
        <p>
          “{waitingFor.fileName}” to <strong>{waitingFor.workspaceName}</strong> is open in another
          tab or window of this browser. To keep its contacts from being sent twice, only that tab
          can send it. This tab takes over by itself when that one has finished or is closed.
        </p>
      </section>
    );
  }
  if (!job) return message ? <p className="status">{message}</p> : null;
  const summary = summariseJob(job);
  const rows = job.parts.reduce((sum, part) => sum + part.rowCount, 0);

  const next = () => {
    sendLocks.releaseJob(job.id);
    setOwned(undefined);
    setJob(undefined);
    setQueue((jobs) => jobs.filter((entry) => entry.id !== job.id));
  };

  const download = async (write: (journal: Journal, job: SubmissionJob) => Promise<void>) => {
    setDownloadError('');
    try {
      await write(journal, job);
    } catch (error) {
      setDownloadError(error instanceof Error ? error.message : String(error));
    }
  };

  const notSent = job.notSent ?? { skipped: 0, rejected: 0 };
  const inFile = rows + notSent.skipped + notSent.rejected;
  const leftOut =
    notSent.skipped + notSent.rejected > 0
      ? ` Of the file’s ${inFile.toLocaleString()} rows, ${notSent.skipped.toLocaleString()} skipped and ${notSent.rejected.toLocaleString()} rejected were not part of the import.`
      : '';

  const canSend = !running && !elsewhere;
  return (
    <section aria-labelledby="resume-heading" className="resume">
      <h3 id="resume-heading">{summary.done ? 'Import finished' : 'An import was interrupted'}</h3>
      {summary.done ? (
        <p>
          “{job.fileName}” to <strong>{job.workspaceName}</strong> ({job.importMode} mode): all{' '}
          {rows.toLocaleString()} rows were sent
          {summary.parts > 1 ? ` in ${summary.parts} parts` : ''}, and Whispir accepted every part.
          Whispir imports them in the background.{leftOut}
        </p>
      ) : (
        <p>
          “{job.fileName}” to <strong>{job.workspaceName}</strong> ({job.importMode} mode):{' '}
          {summary.accepted} of {plural(summary.parts, 'part')} accepted,{' '}
          {summary.rowsNotSent.toLocaleString()} rows not sent yet.{leftOut}
        </p>
      )}
      {!summary.done && !running && elsewhere && (
        <p className="status">
          <strong>{RUNNING_ELSEWHERE}.</strong> This browser sends one import at a time: this one
          can be resumed when that one has finished or its tab is closed.
        </p>
      )}
      <PartsProgress
        job={job}
        running={running}
        waiting={!running && elsewhere}
        remaining={submission.remaining}
        onSendAgain={(part) => void submission.run(job, [part])}
        onMarkDone={(part) => void submission.markDone(part)}
      />
      <div className="actions">
        {canSend && job.parts.some(isResumable) && (
          <button type="button" className="primary" onClick={() => void submission.run(job)}>
            Resume sending
          </button>
        )}
        {running && (
          <button type="button" onClick={submission.cancel}>
            Cancel sending
          </button>
        )}
        {!summary.done && !running && (
          <button type="button" onClick={() => void download(downloadRowsNotSent)}>
            Download the rows not sent
          </button>
        )}
        {!running && notSent.skipped + notSent.rejected > 0 && (
          <button type="button" onClick={() => void download(downloadRejectedReport)}>
            Download rejected rows (CSV)
          </button>
        )}
        {!running && (
          <button
            type="button"
            onClick={() =>
              void journal.deleteJob(job.id).then(() => {
                setMessage(
                  summary.done
                    ? `The import of “${job.fileName}” is complete.`
                    : `Discarded the unsent parts of “${job.fileName}”.`,
                );
                next();
              })
            }
          >
            {summary.done ? 'Done' : 'Discard'}
          </button>
        )}
      </div>
      {downloadError && (
        <p role="alert" className="error">
          The rows could not be saved: {downloadError}
        </p>
      )}
    </section>
  );
}
