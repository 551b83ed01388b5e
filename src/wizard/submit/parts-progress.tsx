import {
  summariseJob,
  type PartState,
  type SubmissionJob,
} from '../../domain/submit/submission-job';

interface Props {
  readonly job: SubmissionJob;
  readonly running: boolean;
  /** Another tab is sending: nothing can be sent from here until it has finished. */
  readonly waiting?: boolean;
  /** "about 12 s left" while sending. */
  readonly remaining?: string;
  readonly onSendAgain: (part: number) => void;
  readonly onMarkDone: (part: number) => void;
}

const STATUS_TEXT: Record<PartState['status'], string> = {
  pending: 'Waiting',
  uploading: 'Uploading the file…',
  'resource-created': 'File uploaded',
  importing: 'Starting the import…',
  accepted: 'Accepted by Whispir',
  unknown: 'Not known — needs your decision',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Progress per part and overall, with the user's choices for parts that need one. */
export function PartsProgress({
  job,
  running,
  waiting = false,
  remaining,
  onSendAgain,
  onMarkDone,
}: Props) {
  const summary = summariseJob(job);
  const rows = job.parts.reduce((sum, part) => sum + part.rowCount, 0);
  return (
    <section aria-labelledby="parts-heading" className="parts-progress">
      <h3 id="parts-heading">Sending</h3>
      <label htmlFor="send-progress">
        {summary.accepted} of {summary.parts} part{summary.parts === 1 ? '' : 's'} accepted (
        {summary.rowsAccepted.toLocaleString()} of {rows.toLocaleString()} rows)
        {running && remaining ? `, ${remaining}` : ''}
      </label>
      <progress id="send-progress" max={summary.parts} value={summary.accepted} />
      <table className="preview-table">
        <caption className="visually-hidden">Each part and what happened to it</caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Rows</th>
            <th scope="col">Status</th>
            <th scope="col">What to do</th>
          </tr>
        </thead>
        <tbody>
          {job.parts.map((part) => (
            <tr key={part.part} data-testid={`part-${part.part}`}>
              <th scope="row">{part.part}</th>
              <td>{part.rowCount.toLocaleString()}</td>
              <td>
                <span className="part-status">{STATUS_TEXT[part.status]}</span>
                {part.message && <span className="block small">{part.message}</span>}
              </td>
              <td>
                {!running &&
                  !waiting &&
                  (part.status === 'unknown' || part.status === 'failed') && (
                    <button type="button" onClick={() => onSendAgain(part.part)}>
                      Send part {part.part} again
                    </button>
                  )}
                {!running && part.status === 'unknown' && (
                  <button type="button" onClick={() => onMarkDone(part.part)}>
                    Part {part.part} did arrive
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
