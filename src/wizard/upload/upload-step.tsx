import { useState } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import type { IntakeClient } from '../../worker/intake-client';
import type { FileSummary } from '../../worker/protocol';
import type { StepHeading } from '../step-props';

interface Props extends StepHeading {
  readonly intake: IntakeClient;
  readonly onContinue: (file: FileSummary) => void;
}

const ACCEPT = {
  'text/csv': ['.csv'],
  'text/tab-separated-values': ['.tsv'],
  'text/plain': ['.txt'],
};

function describeRejection(rejection: FileRejection): string {
  const reasons = rejection.errors.map((error) =>
    error.code === 'file-invalid-type'
      ? 'it is not a CSV, TSV or text file'
      : error.code === 'too-many-files'
        ? 'only one file can be imported at a time'
        : error.message,
  );
  return `"${rejection.file.name}" can't be imported: ${reasons.join('; ')}.`;
}

export function UploadStep({ headingRef, intake, onContinue }: Props) {
  const [error, setError] = useState<string>();
  const [reading, setReading] = useState<string>();

  const read = async (file: File) => {
    setError(undefined);
    setReading(file.name);
    try {
      const summary = await intake.open(file);
      if (summary.headers.length === 0) {
        setError(`"${file.name}" is empty: there is no header row and no contact in it.`);
        return;
      }
      onContinue(summary);
    } catch (cause) {
      setError(`"${file.name}" could not be read: ${(cause as Error).message}`);
    } finally {
      setReading(undefined);
    }
  };

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    accept: ACCEPT,
    multiple: false,
    noClick: true,
    noKeyboard: true,
    onDropAccepted: ([file]) => {
      if (file) void read(file);
    },
    onDropRejected: (rejections) => {
      const first = rejections[0];
      setError(first ? describeRejection(first) : 'That file cannot be imported.');
    },
  });

  return (
    <>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Choose your contact file
      </h2>
      <p className="lead">Drop a CSV file of contacts here, or choose one from your computer.</p>
      <div
        {...getRootProps({
          className: `dropzone${isDragActive ? ' active' : ''}`,
          'aria-label': 'Drop zone for the contact file',
          role: 'region',
        })}
        data-testid="dropzone"
      >
        <input {...getInputProps()} aria-label="Contact file" />
        <p>{isDragActive ? 'Drop the file to read it' : 'Drag a file here'}</p>
        <p className="muted">or</p>
        <button type="button" className="primary" onClick={open}>
          Choose a file…
        </button>
        <p className="muted small">
          CSV with a header row. Nothing leaves your browser until you import.
        </p>
      </div>
      <div aria-live="polite" className="status">
        {reading && <p>Reading “{reading}”…</p>}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
