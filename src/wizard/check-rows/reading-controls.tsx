import { SUPPORTED_ENCODINGS } from '../../domain/intake/encoding';
import type { FileSummary, IntakeOverrides } from '../../worker/protocol';

interface Props {
  readonly file: FileSummary;
  readonly disabled: boolean;
  readonly onChange: (overrides: IntakeOverrides) => void;
}

const DELIMITERS = [
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];

/**
 * How the file was read, each choice changeable; every change re-reads the file at once. While
 * it reads, the choices say they are unavailable and ignore changes (a change snaps back), but
 * are not `disabled`: that dropped the focus on the page at every arrow key on a choice.
 */
export function ReadingControls({ file, disabled, onChange }: Props) {
  const change = (patch: IntakeOverrides) => {
    if (!disabled) onChange({ ...file.overrides, ...patch });
  };
  const delimited = file.format === 'delimited';
  const records = file.format === 'json' || file.format === 'xml';
  const delimiters =
    file.delimiter && !DELIMITERS.some((d) => d.value === file.delimiter)
      ? [...DELIMITERS, { value: file.delimiter, label: `“${file.delimiter}”` }]
      : DELIMITERS;

  return (
    <fieldset className="reading-controls" aria-disabled={disabled || undefined}>
      <legend>How the file was read</legend>
      {file.sheets && file.sheets.length > 1 && (
        <label>
          Sheet
          <select
            value={file.sheet}
            onChange={(event) => change({ sheet: event.target.value, headerRow: undefined })}
          >
            {file.sheets.map((sheet) => (
              <option key={sheet.name} value={sheet.name}>
                {sheet.name} ({sheet.rowCount.toLocaleString()} rows)
                {sheet.hidden ? ' — hidden' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {delimited && (
        <label>
          Characters (encoding)
          <select
            value={file.encoding}
            onChange={(event) =>
              change({ encoding: event.target.value as IntakeOverrides['encoding'] })
            }
          >
            {SUPPORTED_ENCODINGS.map((encoding) => (
              <option key={encoding.id} value={encoding.id}>
                {encoding.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {delimited && (
        <label>
          Separator
          <select
            value={file.delimiter}
            onChange={(event) => change({ delimiter: event.target.value })}
          >
            {delimiters.map((delimiter) => (
              <option key={delimiter.value} value={delimiter.value}>
                {delimiter.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {!records && (
        <label>
          {file.hasHeader ? 'Header on row' : 'Data starts on row'}
          <input
            type="number"
            min={1}
            value={file.headerRow}
            onChange={(event) => {
              const row = Number(event.target.value);
              if (Number.isInteger(row) && row >= 1) change({ headerRow: row });
            }}
          />
        </label>
      )}
      {!records && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={!file.hasHeader}
            onChange={(event) => change({ hasHeader: !event.target.checked })}
          />
          The file has no header row
        </label>
      )}
      {file.hiddenRows !== undefined && file.hiddenRows > 0 && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={file.overrides.hiddenRows === 'include'}
            onChange={(event) =>
              change({ hiddenRows: event.target.checked ? 'include' : undefined })
            }
          />
          Import hidden rows too ({file.hiddenRows.toLocaleString()} hidden in the workbook)
        </label>
      )}
    </fieldset>
  );
}
