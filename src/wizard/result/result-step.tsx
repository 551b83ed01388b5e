import { IS_SANDBOX } from '../../config/build-info';
import type { FileSummary } from '../../worker/protocol';
import type { StepHeading } from '../step-props';
import type { ImportSettings, SubmitOutcome } from '../wizard-state';

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly settings: ImportSettings;
  readonly outcome: SubmitOutcome;
  readonly onStartOver: () => void;
}

export function ResultStep({ headingRef, file, settings, outcome, onStartOver }: Props) {
  const sandbox = outcome.sandbox;
  return (
    <>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Import sent to Whispir
      </h2>
      <p className="lead">
        {outcome.rowsSent.toLocaleString()} of {file.rowCount.toLocaleString()} rows from “
        {file.fileName}” were sent to <strong>{settings.workspaceName}</strong> (
        {settings.importMode} mode). Whispir imports them in the background.
      </p>
      <dl className="facts">
        <dt>Uploaded file (resource)</dt>
        <dd>
          <code>{outcome.resourceId}</code>
        </dd>
        <dt>Import</dt>
        <dd>
          <code>{outcome.importLocation || 'accepted (no Location given)'}</code>
        </dd>
      </dl>

      {IS_SANDBOX && sandbox && (
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
              <tr>
                <th scope="row">Created</th>
                <td data-testid="count-created">{sandbox.rows.created}</td>
              </tr>
              <tr>
                <th scope="row">Updated</th>
                <td data-testid="count-updated">{sandbox.rows.updated}</td>
              </tr>
              <tr>
                <th scope="row">Skipped (already there)</th>
                <td data-testid="count-skipped">{sandbox.rows.skipped}</td>
              </tr>
              <tr>
                <th scope="row">Failed</th>
                <td data-testid="count-failed">{sandbox.rows.failed}</td>
              </tr>
            </tbody>
          </table>
          {sandbox.failures.length > 0 && (
            <>
              <h4>Rows that failed</h4>
              <ul>
                {sandbox.failures.map((failure) => (
                  <li key={failure.row}>
                    Row {failure.row} of the uploaded file: {failure.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <details className="what-was-sent">
        <summary>What was sent to Whispir</summary>
        <p>
          The field mapping of the import request (Whispir field → column of the uploaded file):
        </p>
        <pre>{JSON.stringify(outcome.fieldMapping, null, 2)}</pre>
      </details>

      <div className="actions">
        <button type="button" className="primary" onClick={onStartOver}>
          Import another file
        </button>
      </div>
    </>
  );
}
