import { useEffect, useState, type ReactNode } from 'react';
import {
  contactTemplateCsv,
  TEMPLATE_FILE_NAME,
  templateHeaders,
} from '../../domain/samples/template';
import { SPREADSHEET_CSV_TYPE } from '../../domain/export/spreadsheet-file';
import { downloadFile } from '../download';
import { useDropzone, type FileRejection } from 'react-dropzone';
import type { StepHeading } from '../step-props';
import { SAMPLE_KINDS, makeSampleFile } from './sample-files';
import { unavailableWhen } from '../shared/focus';

interface Props extends StepHeading {
  readonly reading: boolean;
  readonly error: string | undefined;
  readonly onFile: (file: File) => void;
  readonly onRejected: () => void;
  /** An interrupted or finished import of this browser, shown above the drop zone. */
  readonly banner?: ReactNode;
}

function describeRejection(rejections: readonly FileRejection[]): string {
  if (rejections.length > 1) return 'Only one file can be imported at a time: drop a single file.';
  const first = rejections[0];
  return first
    ? `“${first.file.name}” can't be imported: ${first.errors.map((e) => e.message).join('; ')}.`
    : '';
}

/** Copied cells (Excel, Google Sheets, Numbers put tab-separated text on the clipboard) as a file. */
export function pastedCellsFile(text: string): File | string {
  const trimmed = text.replace(/^\s*\n/, '').trimEnd();
  if (!trimmed.includes('\t') && !trimmed.includes('\n'))
    return 'Paste several cells copied from a spreadsheet, with the header row first (one cell is not a contact list).';
  return new File([trimmed], 'pasted-cells.tsv', { type: 'text/tab-separated-values' });
}

/**
 * Any file is accepted here: the worker recognises CSV, Excel, JSON and XML by their content and
 * explains anything else (an image, a PDF, an empty file) in its own words.
 */
export function UploadStep({ headingRef, reading, error, onFile, onRejected, banner }: Props) {
  const [rejection, setRejection] = useState<string>();
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    multiple: false,
    noClick: true,
    noKeyboard: true,
    onDropAccepted: ([file]) => {
      setRejection(undefined);
      if (file) onFile(file);
    },
    onDropRejected: (rejections) => {
      onRejected();
      setRejection(describeRejection(rejections));
    },
  });
  const message = rejection ?? error;

  const takePasted = (text: string) => {
    const pasted = pastedCellsFile(text);
    if (typeof pasted === 'string') {
      setRejection(pasted);
      return;
    }
    setRejection(undefined);
    onFile(pasted);
  };

  // Ctrl+V anywhere on this step (outside a text field) reads copied cells as a file.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (reading || target?.closest('input, textarea, select, [contenteditable]')) return;
      const text = event.clipboardData?.getData('text/plain');
      if (!text) return;
      event.preventDefault();
      takePasted(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  return (
    <>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Choose your contact file
      </h2>
      {banner}
      <p className="lead">
        Drop your contact list here: CSV or text, Excel (.xlsx, .xls), OpenDocument (.ods), JSON or
        XML.
      </p>
      <div
        {...getRootProps({
          className: `dropzone${isDragActive ? ' active' : ''}`,
          'aria-label': 'Drop zone for the contact file',
          role: 'region',
        })}
      >
        <input {...getInputProps()} aria-label="Contact file" />
        <p>{isDragActive ? 'Drop the file to read it' : 'Drag a file here'}</p>
        <p className="muted">or</p>
        {/* Not `disabled` while a file is read: the focus stays here, also when it is refused. */}
        <button type="button" className="primary" {...unavailableWhen(reading, open)}>
          Choose a file…
        </button>
        <p className="muted small">
          Your file is read in your browser; nothing is imported until you say so.
        </p>
      </div>
      <div className="paste-offer">
        <label htmlFor="paste-cells">
          Or paste cells copied from Excel, Google Sheets or Numbers (header row first):
        </label>
        <textarea
          id="paste-cells"
          rows={2}
          aria-disabled={reading || undefined}
          placeholder="Click here and press Ctrl+V (⌘V on a Mac)"
          value=""
          onChange={() => undefined}
          onPaste={(event) => {
            event.preventDefault();
            if (!reading) takePasted(event.clipboardData.getData('text/plain'));
          }}
        />
      </div>
      <p className="template-offer">
        Starting from scratch?{' '}
        <button
          type="button"
          onClick={() =>
            downloadFile(TEMPLATE_FILE_NAME, contactTemplateCsv(), SPREADSHEET_CSV_TYPE)
          }
        >
          Download a template
        </button>{' '}
        <span className="muted small">
          with the columns most imports need ({templateHeaders().join(', ')}).
        </span>
      </p>
      <div className="samples-offer">
        <p>No file at hand? Try the wizard with a sample list that has a few problems to fix:</p>
        <div className="inline">
          {SAMPLE_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              {...unavailableWhen(reading, () => void makeSampleFile(kind).then(onFile))}
            >
              Use a sample {kind} file
            </button>
          ))}
        </div>
      </div>
      <div aria-live="polite" className="status">
        {reading && <p>Reading the file…</p>}
      </div>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
    </>
  );
}
