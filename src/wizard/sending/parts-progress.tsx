import { useEffect, useRef, useState } from 'react';
import {
  summariseJob,
  type PartState,
  type SubmissionJob,
} from '../../domain/submission/submission-job';

/** What a search of the workspace found of one part (src/domain/submission/verification.ts). */
export interface PartProof {
  /** "Found 20 of 20 sampled contacts in Sales Team." */
  readonly text: string;
  /** For a part whose answer was lost: what the search suggests. */
  readonly proposal?: 'found' | 'send-again' | 'unsure';
  readonly contacts?: readonly { readonly name: string; readonly uri?: string }[];
}

/**
 * "Send part N again". A part whose answer was lost ("unknown") may still be importing in
 * Whispir, and sending it again then adds its contacts twice (in "duplicate" mode), so unless
 * the search showed none of them arrived (`send-again`), the person is asked once more first.
 */
export function SendAgainButton({
  part,
  proposal,
  primary = false,
  onSend,
}: {
  readonly part: PartState;
  readonly proposal?: PartProof['proposal'];
  readonly primary?: boolean;
  readonly onSend: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) askButton.current?.focus();
  }, [confirming]);
  if (confirming) {
    const label = `again-${part.part}`;
    return (
      <span role="group" aria-labelledby={label} className="confirm-again">
        <span id={label}>
          Whispir may still be importing part {part.part}: sending it again can add its contacts
          twice.
        </span>{' '}
        <button
          ref={confirmButton}
          type="button"
          onClick={() => {
            asked.current = false;
            setConfirming(false);
            onSend();
          }}
        >
          Send part {part.part} again anyway
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          Don’t send it
        </button>
      </span>
    );
  }
  return (
    <button
      ref={askButton}
      type="button"
      className={primary ? 'primary' : undefined}
      onClick={() => {
        if (part.status === 'unknown' && proposal !== 'send-again') {
          asked.current = true;
          setConfirming(true);
        } else onSend();
      }}
    >
      Send part {part.part} again
    </button>
  );
}

interface Props {
  readonly job: SubmissionJob;
  readonly running: boolean;
  /** Another tab is sending: nothing can be sent from here until it has finished. */
  readonly waiting?: boolean;
  /** "about 12 s left" while sending. */
  readonly remaining?: string;
  readonly proofs?: ReadonlyMap<number, PartProof>;
  /** When given, each part needing a decision gets its buttons in its row (the resume banner). */
  readonly onSendAgain?: (part: number) => void;
  readonly onMarkDone?: (part: number) => void;
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

const PROPOSAL_TEXT: Record<NonNullable<PartProof['proposal']>, string> = {
  found:
    'Contacts with its details are in the workspace, but they may have been there before this import: check in Whispir that they are this import’s (in its list of imports, or the contacts’ last change), then choose. Sending again while Whispir is still importing it adds them twice.',
  'send-again':
    'None of its contacts turned up in the workspace in all that time: send it again with “Send part {n} again”.',
  unsure:
    'The search cannot tell yet whether it arrived (its contacts are not found yet, or searches failed): check in Whispir, then choose.',
};

/** Progress per part and overall, with what the workspace shows of each part. */
export function PartsProgress({
  job,
  running,
  waiting = false,
  remaining,
  proofs,
  onSendAgain,
  onMarkDone,
}: Props) {
  const summary = summariseJob(job);
  const rows = job.parts.reduce((sum, part) => sum + part.rowCount, 0);
  const withButtons = Boolean(onSendAgain || onMarkDone);
  return (
    <section aria-labelledby="parts-heading" className="parts-progress">
      <h3 id="parts-heading">Parts</h3>
      <label htmlFor="send-progress">
        {summary.accepted} of {summary.parts} part{summary.parts === 1 ? '' : 's'} accepted (
        {summary.rowsAccepted.toLocaleString()} of {rows.toLocaleString()} rows)
        {running && remaining ? `, ${remaining}` : ''}
      </label>
      <progress id="send-progress" max={summary.parts} value={summary.accepted} />
      <table className="parts-table">
        <caption className="visually-hidden">Each part and what happened to it</caption>
        {/* Fixed widths: the texts change as parts go, and the columns must not move with them. */}
        <colgroup>
          <col className="col-part" />
          <col className="col-rows" />
          <col />
          <col />
          {withButtons && <col />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Rows</th>
            <th scope="col">Status</th>
            <th scope="col">In the workspace</th>
            {withButtons && <th scope="col">What to do</th>}
          </tr>
        </thead>
        <tbody>
          {job.parts.map((part) => {
            const proof = proofs?.get(part.part);
            return (
              <tr key={part.part} data-testid={`part-${part.part}`}>
                <th scope="row">{part.part}</th>
                <td>{part.rowCount.toLocaleString()}</td>
                <td>
                  <span className="part-status">{STATUS_TEXT[part.status]}</span>
                  {part.message && <span className="block small">{part.message}</span>}
                </td>
                <td>
                  {proof?.text ?? (part.status === 'accepted' ? 'Not checked yet' : '—')}
                  {proof?.proposal && (
                    <span className="block small proposal">
                      {PROPOSAL_TEXT[proof.proposal].replace('{n}', String(part.part))}
                    </span>
                  )}
                </td>
                {withButtons && (
                  <td>
                    {!running &&
                      !waiting &&
                      (part.status === 'unknown' || part.status === 'failed') && (
                        <SendAgainButton
                          part={part}
                          proposal={proof?.proposal}
                          onSend={() => onSendAgain?.(part.part)}
                        />
                      )}
                    {!running && part.status === 'unknown' && (
                      <button type="button" onClick={() => onMarkDone?.(part.part)}>
                        Part {part.part} did arrive
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
