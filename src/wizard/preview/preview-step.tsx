import type { FileSummary } from '../../worker/protocol';
import type { StepHeading } from '../step-props';

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly onBack: () => void;
  readonly onContinue: () => void;
}

const plural = (count: number, word: string) =>
  `${count.toLocaleString()} ${word}${count === 1 ? '' : 's'}`;

export function PreviewStep({ headingRef, file, onBack, onContinue }: Props) {
  const problemRows = new Set(file.problems.map((problem) => problem.row));
  return (
    <>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Check your rows
      </h2>
      <p className="lead">
        “{file.fileName}”: {plural(file.rowCount, 'row')} and{' '}
        {plural(file.headers.length, 'column')}. Check the values look right before matching the
        columns.
      </p>
      <ul className="chips" aria-label="What the wizard detected">
        {file.detections.map((detection) => (
          <li key={detection.label} className="chip">
            {detection.label}: <strong>{detection.value}</strong>
          </li>
        ))}
      </ul>
      {file.problemCount > 0 && (
        <section aria-labelledby="file-problems" className="problems">
          <h3 id="file-problems">{plural(file.problemCount, 'row')} need a look</h3>
          <ul>
            {file.problems.map((problem) => (
              <li key={`${problem.code}-${problem.row ?? ''}`}>{problem.message}</li>
            ))}
          </ul>
          {file.problemCount > file.problems.length && (
            <p className="muted">
              …and {plural(file.problemCount - file.problems.length, 'more problem')}.
            </p>
          )}
        </section>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="First rows of the file">
        <table className="preview-table">
          <caption className="visually-hidden">
            First {file.previewRows.length} rows of {file.fileName}
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {file.headers.map((header) => (
                <th scope="col" key={header}>
                  {header}
                </th>
              ))}
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
                  {file.headers.map((header, column) => (
                    <td key={header}>{row[column] ?? ''}</td>
                  ))}
                  {row.length > file.headers.length && (
                    <td className="extra-cells">+ {row.slice(file.headers.length).join(', ')}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="primary" onClick={onContinue}>
          Continue to matching
        </button>
      </div>
    </>
  );
}
