import { useState } from 'react';
import { MAX_PREVIEW_COLUMNS } from '../../config/limits';
import type { FileSummary, IntakeOverrides } from '../../worker/protocol';
import type { StepHeading } from '../step-props';
import type { FileReaderState } from '../use-file-reader';
import { ReadingControls } from './reading-controls';
import { StepActions } from '../step-actions';
import { CellText } from '../shared/cell-text';
import { useFocusKeeper } from '../shared/focus';

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly reader: FileReaderState;
  readonly onChangeReading: (overrides: IntakeOverrides) => void;
  readonly onCancelReading: () => void;
  readonly onBack: () => void;
  readonly onContinue: () => void;
}

const plural = (count: number, word: string) =>
  `${count.toLocaleString()} ${word}${count === 1 ? '' : 's'}`;

export function PreviewStep(props: Props) {
  const { headingRef, file, reader, onChangeReading, onCancelReading, onBack, onContinue } = props;
  const problemRows = new Set(
    file.problems.flatMap((problem) => (problem.row === undefined ? [] : [problem.row])),
  );
  const percent = Math.round((reader.progress?.fraction ?? 0) * 100);
  const [readInSteps, setReadInSteps] = useState(reader.reading);
  if (reader.reading && !readInSteps) setReadInSteps(true);
  const widest = Math.max(file.headers.length, ...file.previewRows.map((row) => row.length));
  // A wide file shows its first columns only: 10,000 of them froze the page for seconds.
  const shownHeaders = file.headers.slice(0, MAX_PREVIEW_COLUMNS);
  const lengths = new Map(
    (file.shortenedCells ?? []).map((cell) => [`${cell.row}:${cell.column}`, cell.length]),
  );
  // "Cancel reading" goes when the read ends: the focus goes to the line saying it is done.
  const readingFocus = useFocusKeeper(() => document.getElementById('read-done'));

  return (
    <>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Check your rows
      </h2>
      {file.complete ? (
        <p className="lead">
          “{file.fileName}”: {plural(file.rowCount, 'row')} and{' '}
          {plural(file.headers.length, 'column')}. Check the values look right before matching the
          columns.
        </p>
      ) : (
        <p className="lead">
          “{file.fileName}”: the first rows, while the rest of the file is read.
        </p>
      )}

      {reader.reading ? (
        <div className="reading" {...readingFocus}>
          <label htmlFor="read-progress">Reading…</label>
          <progress id="read-progress" max={100} value={percent} />
          <button type="button" onClick={onCancelReading}>
            Cancel reading
          </button>
          <span className="muted small">
            {percent}%{reader.progress ? `, ${plural(reader.progress.rows, 'row')} so far` : ''}
            {reader.remaining ? `, ${reader.remaining}` : ''}
          </span>
        </div>
      ) : (
        // Once a read was shown in progress, its line stays (done), so nothing below moves up.
        readInSteps && (
          <p className="reading" role="status" id="read-done" tabIndex={-1}>
            ✓ Read the whole file: {plural(file.rowCount, 'row')}.
          </p>
        )
      )}

      <ul className="chips" aria-label="What the wizard detected">
        {file.detections.map((detection) => (
          <li
            key={detection.kind}
            className={`chip${detection.chosen ? ' chosen' : ''}`}
            title={detection.reason}
          >
            {detection.label}
            <span className="visually-hidden">. {detection.reason}</span>
          </li>
        ))}
        {file.problemCount > 0 && (
          <li className="chip chip-problems">
            <a
              href="#file-problems"
              onClick={(event) => {
                // Scroll there without a history entry, so the browser's Back still goes back a step.
                event.preventDefault();
                const heading = document.getElementById('file-problems');
                heading?.scrollIntoView({ block: 'start' });
                heading?.focus();
              }}
            >
              {plural(file.problemCount, 'thing')} to look at, below the rows
            </a>
          </li>
        )}
      </ul>
      <ReadingControls file={file} disabled={reader.reading} onChange={onChangeReading} />
      {reader.error && (
        <p role="alert" className="error">
          {reader.error}
        </p>
      )}
      {file.looksMerged && (
        <p role="alert" className="error">
          Every line landed in one column: the separator is probably not{' '}
          {file.delimiter === '\t' ? 'a tab' : `“${file.delimiter}”`}. Try another separator above.
        </p>
      )}

      {shownHeaders.length < file.headers.length && (
        <p className="note" id="columns-shown">
          Showing the first {shownHeaders.length.toLocaleString()} of{' '}
          {plural(file.headers.length, 'column')}. Every column is kept; when matching, you can find
          any of them by name.
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="First rows of the file">
        <table className="preview-table">
          <caption className="visually-hidden">
            First {file.previewRows.length} rows of {file.fileName}
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {shownHeaders.map((header) => (
                <th scope="col" key={header}>
                  <CellText value={header} />
                </th>
              ))}
              {widest > file.headers.length && <th scope="col">Extra values</th>}
            </tr>
          </thead>
          <tbody>
            {file.previewRows.map((row, index) => {
              const rowNumber = file.previewRowNumbers[index] ?? index + 2;
              return (
                <tr
                  key={rowNumber}
                  className={problemRows.has(rowNumber) ? 'row-problem' : undefined}
                >
                  <th scope="row">{rowNumber}</th>
                  {shownHeaders.map((header, column) => (
                    <td key={header}>
                      <CellText
                        value={row[column] ?? ''}
                        length={lengths.get(`${index}:${column}`)}
                      />
                    </td>
                  ))}
                  {widest > file.headers.length && (
                    <td className="extra-cells">
                      <CellText value={row.slice(file.headers.length).join(' | ')} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {file.problemCount > 0 && (
        <section aria-labelledby="file-problems" className="problems">
          <h3 id="file-problems" tabIndex={-1}>
            {plural(file.problemCount, 'thing')} to look at
          </h3>
          <p className="muted small">
            These rows are kept: you can fix or skip them before importing. Nothing is dropped
            silently.
          </p>
          <ul>
            {file.problems.map((problem, index) => (
              <li key={`${problem.code}-${problem.row ?? index}`}>{problem.message}</li>
            ))}
          </ul>
          {file.problemCount > file.problems.length && (
            <p className="muted">
              …and {plural(file.problemCount - file.problems.length, 'more')}.
            </p>
          )}
        </section>
      )}
      <StepActions>
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={onContinue}
          disabled={!file.complete || reader.reading}
        >
          Continue to matching
        </button>
      </StepActions>
    </>
  );
}
