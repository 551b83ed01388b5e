/**
 * Changes to a whole column, each one undoable step: one value for every row (or the rows the
 * current filter shows), find and replace, and the values panel that maps each distinct value
 * of a column to the value Whispir takes ("Inactive" → D), with the wizard's proposals filled in.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { IntakeClient } from '../../worker/intake-client';
import type { CodedValues, ReviewFilter, ReviewSummary } from '../../worker/protocol';
import { unavailableWhen } from '../shared/focus';
import { ValueInput, valueKindOf, valueProblem } from '../shared/value-input';

interface Props {
  readonly intake: IntakeClient;
  readonly summary: ReviewSummary;
  readonly filter: ReviewFilter;
  readonly filterLabel: string;
  readonly busy: boolean;
  readonly change: (run: () => Promise<ReviewSummary>, done: (s: ReviewSummary) => string) => void;
}

const count = (n: number) => n.toLocaleString('en-AU');

export function ColumnTools({ intake, summary, filter, filterLabel, busy, change }: Props) {
  const id = useId();
  const columns = summary.columns;
  const [field, setField] = useState(columns[0]?.field ?? '');
  const [scope, setScope] = useState<'all' | 'shown'>('all');
  const [value, setValue] = useState('');
  const [find, setFind] = useState('');
  const [replacement, setReplacement] = useState('');
  const [wholeCell, setWholeCell] = useState(false);
  const [values, setValues] = useState<CodedValues | null>();
  const [valueMap, setValueMap] = useState<Record<string, string>>({});
  const [countries, setCountries] = useState<string[]>([]);
  const label = columns.find((column) => column.field === field)?.label ?? field;
  const rows: ReviewFilter = scope === 'all' ? { kind: 'all' } : filter;
  const kind = valueKindOf(field);
  // The values panel, closed, gives the focus back to the button that opened it.
  const showValuesButton = useRef<HTMLButtonElement>(null);
  const closeValues = () => {
    setValues(undefined);
    showValuesButton.current?.focus();
  };

  // The file's countries put their time zones first in the list.
  useEffect(() => {
    if (kind !== 'timezone' || !columns.some((column) => column.field === 'workCountry')) return;
    let live = true;
    intake.codedValues('workCountry').then(
      (found) => {
        if (live) setCountries(found?.values.map((entry) => entry.proposed ?? entry.value) ?? []);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [intake, kind, columns]);

  const chooseField = (next: string) => {
    setField(next);
    setValue('');
    setValues(undefined);
  };

  const showValues = () => {
    intake.codedValues(field).then(
      (found) => {
        setValues(found);
        setValueMap(
          Object.fromEntries(
            found?.values.map((entry) => [entry.value, entry.proposed ?? entry.value]) ?? [],
          ),
        );
      },
      () => setValues(null),
    );
  };

  const setProblem = valueProblem(kind, value);
  const mapProblems = values
    ? values.values.some((entry) => valueProblem(kind, valueMap[entry.value] ?? '') !== undefined)
    : false;

  return (
    <details className="column-tools">
      <summary>Change a whole column</summary>
      <div className="column-tools-body">
        <label htmlFor={`${id}-column`}>Column</label>
        <select
          id={`${id}-column`}
          value={field}
          onChange={(event) => chooseField(event.target.value)}
        >
          {columns.map((column) => (
            <option key={column.field} value={column.field}>
              {column.label}
            </option>
          ))}
        </select>
        <fieldset className="inline">
          <legend>Rows to change</legend>
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'all'}
              onChange={() => setScope('all')}
            />{' '}
            Every row
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'shown'}
              disabled={filter.kind === 'all'}
              onChange={() => setScope('shown')}
            />{' '}
            Only the rows shown ({filterLabel})
          </label>
        </fieldset>

        <form
          className="column-tool"
          onSubmit={(event) => {
            event.preventDefault();
            if (busy || value.trim() === '' || setProblem) return;
            change(
              () => intake.setColumn(field, value.trim(), rows),
              // The undo label says the change and its rows ("Time zone set to … in 40 rows").
              (result) =>
                `${result.undo ?? `${label} set to “${value.trim()}”`}. Press Undo to take it back.`,
            );
          }}
        >
          <label htmlFor={`${id}-value`}>Set {label} to</label>
          <ValueInput
            id={`${id}-value`}
            field={field}
            value={value}
            onChange={setValue}
            countries={countries}
          />
          <button
            type="submit"
            disabled={value.trim() === '' || setProblem !== undefined}
            {...unavailableWhen(busy)}
          >
            Set {scope === 'all' ? 'every row' : 'the rows shown'}
          </button>
        </form>

        <form
          className="column-tool"
          onSubmit={(event) => {
            event.preventDefault();
            if (busy || find === '') return;
            change(
              () => intake.replaceInColumn(field, find, replacement, rows, wholeCell),
              () => `Replaced “${find}” with “${replacement}” in ${label}.`,
            );
          }}
        >
          <label htmlFor={`${id}-find`}>Find in {label}</label>
          <input
            id={`${id}-find`}
            type="text"
            value={find}
            onChange={(event) => setFind(event.target.value)}
          />
          <label htmlFor={`${id}-replace`}>Replace with</label>
          <input
            id={`${id}-replace`}
            type="text"
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
          />
          <label>
            <input
              type="checkbox"
              checked={wholeCell}
              onChange={(event) => setWholeCell(event.target.checked)}
            />{' '}
            Whole cell only
          </label>
          <button type="submit" disabled={find === ''} {...unavailableWhen(busy)}>
            Replace
          </button>
        </form>

        <div className="column-tool">
          <button type="button" ref={showValuesButton} {...unavailableWhen(busy, showValues)}>
            Show the values of {label}
          </button>
        </div>
        {values === null && (
          <p className="note">
            {label} has more than 50 different values; use Find and replace, or set one value for
            every row.
          </p>
        )}
        {values && (
          <form
            className="values-panel"
            aria-labelledby={`${id}-values-heading`}
            onSubmit={(event) => {
              event.preventDefault();
              if (busy || mapProblems) return;
              const map = Object.fromEntries(
                Object.entries(valueMap)
                  .filter(([from, to]) => from !== to.trim())
                  .map(([from, to]) => [from, to.trim()]),
              );
              change(
                () => intake.applyValueMap(field, map),
                () => `Values of ${label} changed.`,
              );
              closeValues();
            }}
          >
            <h4 id={`${id}-values-heading`}>Values of {label}</h4>
            <table>
              <thead>
                <tr>
                  <th scope="col">In the file</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Becomes</th>
                </tr>
              </thead>
              <tbody>
                {values.values.map((entry, index) => (
                  <tr key={entry.value}>
                    <th scope="row">{entry.value === '' ? <em>(empty)</em> : entry.value}</th>
                    <td>{count(entry.count)}</td>
                    <td>
                      <ValueInput
                        id={`${id}-map-${index}`}
                        field={field}
                        label={
                          entry.value === ''
                            ? `${label} for empty cells`
                            : `${label} for “${entry.value}”`
                        }
                        value={valueMap[entry.value] ?? ''}
                        countries={countries}
                        onChange={(next) =>
                          setValueMap((previous) => ({ ...previous, [entry.value]: next }))
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="submit"
              className="primary"
              disabled={mapProblems}
              {...unavailableWhen(busy)}
            >
              Apply these values
            </button>{' '}
            <button type="button" onClick={closeValues}>
              Close
            </button>
          </form>
        )}
      </div>
    </details>
  );
}
