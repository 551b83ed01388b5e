import { useEffect, useState } from 'react';
import { IS_SANDBOX } from '../../config/build-info';
import { describeVerification } from '../../domain/submission/verification';
import { createJournal } from '../../submission/journal';
import { downloadRowsSent } from '../shared/journal-downloads';
import { sendLocks } from '../../submission/send-lock';
import type { IntakeClient } from '../../worker/intake-client';
import type { FileSummary } from '../../worker/protocol';
import { RejectedReportButton } from '../shared/rejected-report-button';
import { RowAccounting } from '../shared/row-accounting';
import type { StepHeading } from '../step-props';
import type { ImportSettings, SubmitOutcome } from '../wizard-state';
import { StepActions } from '../step-actions';

interface Props extends StepHeading {
  readonly intake: IntakeClient;
  readonly file: FileSummary;
  readonly settings: ImportSettings;
  readonly outcome: SubmitOutcome;
  readonly onStartOver: () => void;
}

const OUTCOMES = ['created', 'updated', 'skipped', 'failed'] as const;
const OUTCOME_LABELS = {
  created: 'Created',
  updated: 'Updated',
  skipped: 'Skipped (already there)',
  failed: 'Failed',
} as const;

export function ResultStep({ headingRef, intake, file, settings, outcome, onStartOver }: Props) {
  const reports = outcome.parts.flatMap((part) =>
    part.sandbox ? [{ part: part.part, report: part.sandbox }] : [],
  );
  const totals = Object.fromEntries(
    OUTCOMES.map((key) => [key, reports.reduce((sum, { report }) => sum + report.rows[key], 0)]),
  ) as Record<(typeof OUTCOMES)[number], number>;
  const failures = reports.flatMap(({ part, report }) =>
    report.failures.map((failure) => ({ part, ...failure })),
  );
  const multiple = outcome.parts.length > 1;
  // Rows sent with a value of the file cleared (it could not be used) are in the report too,
  // as the review said: it is offered when they are the only rows in it.
  const [clearedRows, setClearedRows] = useState(0);
  useEffect(() => {
    let live = true;
    intake.reviewSummary().then(
      (summary) => live && setClearedRows(summary.rowsWithClearedValues),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [intake]);
  const [leaving, setLeaving] = useState(false);
  const [downloadError, setDownloadError] = useState('');
  const verified = outcome.parts.reduce(
    (sum, part) => ({
      sampled: sum.sampled + (part.verification?.sampled ?? 0),
      found: sum.found + (part.verification?.found ?? 0),
      state: 'done' as const,
    }),
    { sampled: 0, found: 0, state: 'done' as const },
  );
  // The finished job leaves the journal (and this tab lets it go) when the user leaves the result.
  const startOver = () => {
    const { jobId } = outcome;
    if (!jobId) return onStartOver();
    setLeaving(true);
    void createJournal()
      .deleteJob(jobId)
      .catch(() => undefined)
      .finally(() => {
        sendLocks.releaseJob(jobId);
        onStartOver();
      });
  };

  return (
    <>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Import sent to Whispir
      </h2>
      <p className="lead">
        {outcome.rowsSent.toLocaleString()} of {file.rowCount.toLocaleString()} rows from “
        {file.fileName}” were sent to <strong>{settings.workspaceName}</strong> (
        {settings.importMode} mode)
        {multiple ? ` in ${outcome.parts.length} parts` : ''}. Whispir imports them in the
        background.
      </p>
      {outcome.accounting && (
        <div className="accounting">
          <RowAccounting accounting={outcome.accounting} />
          {clearedRows > 0 && (
            <p className="muted small">
              {clearedRows.toLocaleString()} {clearedRows === 1 ? 'row was' : 'rows were'} sent with
              a value of the file cleared; the report lists what was cleared and why.
            </p>
          )}
          {(outcome.accounting.skipped + outcome.accounting.rejected > 0 || clearedRows > 0) && (
            <RejectedReportButton intake={intake} fileName={file.fileName} />
          )}
        </div>
      )}
      {verified.sampled > 0 && (
        <p data-testid="verified-total">
          <strong>{describeVerification(verified, settings.workspaceName)}</strong>{' '}
          <span className="muted small">
            Whispir gives no report of an import, so the wizard searched the workspace for a sample
            of each part’s rows.
          </span>
        </p>
      )}
      <table className="parts-table">
        <caption className="visually-hidden">What each part sent and Whispir's answer</caption>
        <colgroup>
          <col className="col-part" />
          <col className="col-rows" />
          <col />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Rows</th>
            <th scope="col">Resource (uploaded file)</th>
            <th scope="col">Import</th>
            <th scope="col">In {settings.workspaceName}</th>
          </tr>
        </thead>
        <tbody>
          {outcome.parts.map((part) => (
            <tr key={part.part} data-testid={`result-part-${part.part}`}>
              <th scope="row">{part.part}</th>
              <td>{part.rows.toLocaleString()}</td>
              <td>
                <code className="id">{part.resourceId}</code>
              </td>
              <td>
                <code className="id">{part.importId ?? (part.importLocation || 'accepted')}</code>
              </td>
              <td>
                {part.verification ? (
                  <>
                    {describeVerification(part.verification, settings.workspaceName)}
                    {part.verification.contacts.length > 0 && (
                      <details className="found-contacts">
                        <summary>The contacts found</summary>
                        <ul>
                          {part.verification.contacts.map((contact) => (
                            <li key={`${contact.name}-${contact.uri ?? ''}`}>
                              {contact.name}
                              {contact.uri && (
                                <>
                                  {' '}
                                  <code className="id">{contact.uri}</code>
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </>
                ) : (
                  'Not checked'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {outcome.sent && (
        <p>
          <button
            type="button"
            onClick={() => {
              const sent = outcome.sent;
              if (sent)
                void downloadRowsSent(createJournal(), sent).then(
                  () => setDownloadError(''),
                  (error: unknown) =>
                    setDownloadError(`The rows sent could not be saved: ${String(error)}`),
                );
            }}
          >
            Download the rows sent (CSV)
          </button>
        </p>
      )}
      {downloadError && (
        <p role="alert" className="error">
          {downloadError}
        </p>
      )}

      {IS_SANDBOX && reports.length > 0 && (
        <section aria-labelledby="sandbox-outcome" className="sandbox-outcome">
          <h3 id="sandbox-outcome">
            What the sandbox did <span className="badge">Sandbox only</span>
          </h3>
          <p className="muted small">
            The real Whispir API gives no import report; the local sandbox does, so you can see the
            result.
          </p>
          <table className="counts">
            <caption className="visually-hidden">Rows by outcome</caption>
            <tbody>
              {OUTCOMES.map((key) => (
                <tr key={key}>
                  <th scope="row">{OUTCOME_LABELS[key]}</th>
                  <td data-testid={`count-${key}`}>{totals[key].toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {failures.length > 0 && (
            <>
              <h4>Rows that failed</h4>
              <ul>
                {failures.map((failure) => (
                  <li key={`${failure.part}-${failure.row}`}>
                    {multiple ? `Part ${failure.part}, row` : 'Row'} {failure.row} of the uploaded
                    file: {failure.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <details className="what-was-sent">
        <summary>What was sent to Whispir</summary>
        <p>Which column of the uploaded file fills each Whispir field:</p>
        <pre>{JSON.stringify(outcome.fieldMapping, null, 2)}</pre>
      </details>

      <StepActions>
        <button type="button" className="primary" disabled={leaving} onClick={startOver}>
          Import another file
        </button>
      </StepActions>
    </>
  );
}
