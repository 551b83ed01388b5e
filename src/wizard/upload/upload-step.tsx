import { useState } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import type { StepHeading } from '../step-props';
import { ResumeBanner } from '../submit/resume-banner';
import { SAMPLE_KINDS, makeSampleFile } from './sample-files';

interface Props extends StepHeading {
  readonly reading: boolean;
  readonly error: string | undefined;
  readonly onFile: (file: File) => void;
  readonly onRejected: () => void;
}

function describeRejection(rejections: readonly FileRejection[]): string {
  if (rejections.length > 1) return 'Only one file can be imported at a time: drop a single file.';
  const first = rejections[0];
  return first
    ? `“${first.file.name}” can't be imported: ${first.errors.map((e) => e.message).join('; ')}.`
    : '';
}

/**
 * Any file is accepted here: the worker recognises CSV, Excel, JSON and XML by their content and
 * explains anything else (an image, a PDF, an empty file) in its own words.
 */
export function UploadStep({ headingRef, reading, error, onFile, onRejected }: Props) {
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

  return (
    <>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Choose your contact file
      </h2>
      <ResumeBanner />
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
        <button type="button" className="primary" onClick={open} disabled={reading}>
          Choose a file…
        </button>
        <p className="muted small">Nothing leaves your browser until you import.</p>
      </div>
      <div className="samples-offer">
        <p>No file at hand? Try the wizard with a sample list that has a few problems to fix:</p>
        <div className="inline">
          {SAMPLE_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              disabled={reading}
              onClick={() => void makeSampleFile(kind).then(onFile)}
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
