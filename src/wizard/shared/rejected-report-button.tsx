import { useState } from 'react';
import type { IntakeClient } from '../../worker/intake-client';
import { SPREADSHEET_CSV_TYPE } from '../../domain/export/spreadsheet-file';
import { downloadFile } from '../download';
import { rejectedReportFileName } from '../../domain/export/rejected-report';
import { unavailableWhen } from './focus';

interface Props {
  readonly intake: IntakeClient;
  /** The contact file's name, for the report's name. */
  readonly fileName?: string;
  readonly disabled?: boolean;
}

/**
 * Downloads the rejected-rows report the worker builds: the rows not sent (skipped or in error)
 * with their original columns, a status and the reasons, safe to open in a spreadsheet. The
 * button keeps the focus while the report is made (never `disabled` under it), and a screen
 * reader hears that it is made and when it is downloaded.
 */
export function RejectedReportButton({ intake, fileName, disabled }: Props) {
  const [state, setState] = useState<{ busy: boolean; done?: string; error?: string }>({
    busy: false,
  });
  const download = () => {
    setState({ busy: true });
    intake.rejectedReport().then(
      (csv) => {
        const name = rejectedReportFileName(fileName);
        downloadFile(name, csv, SPREADSHEET_CSV_TYPE);
        setState({ busy: false, done: `The rejected-rows report is downloaded: ${name}.` });
      },
      (error: unknown) =>
        setState({
          busy: false,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  };
  return (
    <span className="report-button">
      <button type="button" {...unavailableWhen(Boolean(disabled) || state.busy, download)}>
        {state.busy ? 'Preparing the report…' : 'Download rejected rows (CSV)'}
      </button>
      <span role="status" className="visually-hidden">
        {state.busy ? 'Preparing the rejected-rows report…' : (state.done ?? '')}
      </span>
      {state.error && (
        <span role="alert" className="error">
          The report could not be made: {state.error}
        </span>
      )}
    </span>
  );
}
