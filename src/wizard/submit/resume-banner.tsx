import { useEffect, useState } from 'react';
import { decodeBase64Utf8 } from '../../domain/resource/build-resource';
import type { ResourceMimeType } from '../../domain/resource/formats';
import { mergePartFiles } from '../../domain/resource/merge-parts';
import { summariseJob, unsentParts, type SubmissionJob } from '../../domain/submit/submission-job';
import { PartsProgress } from './parts-progress';
import { useSubmission } from './use-submission';

const EXTENSIONS: Record<ResourceMimeType, string> = {
  'text/csv': 'csv',
  'application/json': 'json',
  'application/xml': 'xml',
};

/**
 * After a reload: an import that was being sent is offered to resume, or its unsent rows to
 * download, or to discard. The part files come from this browser's journal; no file is needed.
 */
export function ResumeBanner() {
  const submission = useSubmission(5);
  const { journal, setJob } = submission;
  const [waiting, setWaiting] = useState<SubmissionJob[]>([]);
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live = true;
    journal.loadUnfinishedJobs().then(
      (jobs) => {
        if (!live) return;
        setWaiting(jobs);
        if (jobs[0]) setJob(jobs[0]);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [journal, setJob]);

  const job = submission.job;
  if (!job) return message ? <p className="status">{message}</p> : null;
  const summary = summariseJob(job);
  const next = () => {
    const rest = waiting.filter((entry) => entry.id !== job.id);
    setWaiting(rest);
    setJob(rest[0]);
  };

  const download = async () => {
    const files: string[] = [];
    for (const part of unsentParts(job)) {
      const body = await journal.loadPartBody(job.id, part.part);
      if (body) files.push(decodeBase64Utf8(body.base64));
    }
    const blob = new Blob([mergePartFiles(job.mimeType as ResourceMimeType, files)], {
      type: job.mimeType,
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${job.fileName.replace(/\.[^.]*$/, '')}-not-sent.${EXTENSIONS[job.mimeType as ResourceMimeType]}`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <section aria-labelledby="resume-heading" className="resume">
      <h3 id="resume-heading">{summary.done ? 'Import finished' : 'An import was interrupted'}</h3>
      <p>
        “{job.fileName}” to <strong>{job.workspaceName}</strong> ({job.importMode} mode):{' '}
        {summary.accepted} of {summary.parts} part{summary.parts === 1 ? '' : 's'} accepted,{' '}
        {summary.rowsNotSent.toLocaleString()} rows not sent yet.
      </p>
      <PartsProgress
        job={job}
        running={submission.running}
        remaining={submission.remaining}
        onSendAgain={(part) => void submission.run(job, [part])}
        onMarkDone={(part) => void submission.markDone(part)}
      />
      <div className="actions">
        {!summary.done && !submission.running && (
          <button type="button" className="primary" onClick={() => void submission.run(job)}>
            Resume sending
          </button>
        )}
        {submission.running && (
          <button type="button" onClick={submission.cancel}>
            Cancel sending
          </button>
        )}
        {!summary.done && !submission.running && (
          <button type="button" onClick={() => void download()}>
            Download the rows not sent
          </button>
        )}
        {!submission.running && (
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
    </section>
  );
}
