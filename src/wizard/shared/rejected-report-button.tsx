import { useState } from 'react';
import type { IntakeClient } from '../../worker/intake-client';
import { SPREADSHEET_CSV_TYPE } from '../../domain/export/spreadsheet-file';
import { downloadFile } from '../download';
import { rejectedReportFileName } from '../../domain/export/rejected-report';

interface Props {
  readonly intake: IntakeClient;
  /** The contact file's name, for the report's name. */
  readonly fileName?: string;
  readonly disabled?: boolean;
}

/**
 * Downloads the rejected-rows report the worker builds: the rows not sent (skipped or in error)
 * with their original columns, a status and the reasons, safe to open in a spreadsheet.
 */
export function RejectedReportButton({ intake, fileName, disabled }: Props) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  return (
    <span className="report-button">
      <button
        type="button"
        disabled={disabled || state.busy}
        onClick={() => {
          setState({ busy: true });
          intake.rejectedReport().then(
            (csv) => {
              downloadFile(rejectedReportFileName(fileName), csv, SPREADSHEET_CSV_TYPE);
              setState({ busy: false });
            },
            (error: unknown) =>
              setState({
                busy: false,
                error: error instanceof Error ? error.message : String(error),
              }),
          );
        }}
      >
        {state.busy ? 'Preparing the report…' : 'Download rejected rows (CSV)'}
      </button>
      {state.error && (
        <span role="alert" className="error">
          The report could not be made: {state.error}
        </span>
      )}
    </span>
  );
}
