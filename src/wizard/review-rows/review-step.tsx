/**
 * The review step: every row checked in the worker, problems first, fixes offered (never
 * forced), cell edits, skips, undo/redo, the submit policy and the counts of what will be sent.
 */
import { useCallback, useRef, useState } from 'react';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import type { IntakeClient, TaskOptions } from '../../worker/intake-client';
import type {
  FileSummary,
  ReviewFilter,
  ReviewRow,
  ReviewSummary,
  SubmitPolicy,
} from '../../worker/protocol';
import type { StepHeading } from '../step-props';
import { CHECKING_ROWS, TaskProgress } from '../task-progress';
import { useWorkerTask } from '../use-worker-task';
import { RejectedReportButton } from '../shared/rejected-report-button';
import { ReviewGrid, type ActiveCell } from './review-grid';
import { ColumnTools } from './column-tools';
import { ReviewSummaryPanel } from './review-summary-panel';
import { RowAccounting } from '../shared/row-accounting';
import { firstStillThere, unavailableWhen, useFocusKeeper } from '../shared/focus';
import {
  continueBlockedReason,
  filterName,
  filterOptions,
  filterValue,
  rowsShownText,
} from './review-text';
import { useJumpToError } from './use-jump-to-error';
import { useReviewCommands } from './use-review-commands';
import { useReviewShortcuts } from './use-review-shortcuts';
import { StepActions } from '../step-actions';

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly mapping: ColumnMapping;
  readonly intake: IntakeClient;
  readonly onBack: () => void;
  readonly onContinue: () => void;
}

const count = (n: number) => n.toLocaleString('en-AU');
const POLICIES: readonly { value: SubmitPolicy; label: string; explanation: string }[] = [
  {
    value: 'skip-invalid',
    label: 'Skip rows with errors',
    explanation: 'Send the rows without errors; the others go in the rejected-rows report.',
  },
  {
    value: 'block',
    label: 'Stop: fix every error first',
    explanation: 'Nothing is sent until every row is fixed or skipped.',
  },
];

export function ReviewStep({ headingRef, file, mapping, intake, onBack, onContinue }: Props) {
  const [summary, setSummary] = useState<ReviewSummary>();
  const [filter, setFilter] = useState<ReviewFilter>({ kind: 'all' });
  const [active, setActive] = useState<ActiveCell>({ position: 0, col: 1, jump: 0 });
  const [activeRow, setActiveRow] = useState<ReviewRow>();

  // Every row is checked in the worker; leaving the step (Back) stops the check.
  const check = useWorkerTask(
    useCallback((options: TaskOptions) => intake.validate(mapping, options), [intake, mapping]),
    (checked: ReviewSummary) => {
      setSummary(checked);
      // Error first: start on the rows that need a look, when there are any.
      if (checked.openErrorRows > 0) setFilter({ kind: 'errors' });
    },
  );
  const { busy, announcement, announce, change, undo, redo } = useReviewCommands(
    intake,
    setSummary,
  );
  const jumpToError = useJumpToError({ intake, summary, filter, active, setActive, announce });
  const stepRef = useReviewShortcuts({ jumpToError, undo, redo });

  // A control that goes with a change (a fix applied, the last error skipped) hands the focus
  // on: to the next control of its group, else to what comes next for the user.
  const activeCell = () =>
    stepRef.current?.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]') ??
    stepRef.current?.querySelector<HTMLElement>('[role="grid"]');
  const focusKeeper = useFocusKeeper((lost) => {
    // A cell that leaves the view: the grid's own keeper usually got there first.
    if (lost.group === 'grid') return activeCell();
    // The check's own button, gone with the check: the heading (as TaskProgress does itself).
    if (lost.group === 'task-progress') return document.getElementById('step-heading');
    const next = firstStillThere(lost.following);
    if (next) return next;
    if (lost.group === 'fixes') return document.getElementById('review-problems-heading');
    if (lost.group === 'toolbar' || lost.group === 'row-fixes') return activeCell();
    return document.getElementById('step-heading');
  });

  // A filter the user chooses says how many rows it shows, once the grid has them.
  const filterToAnnounce = useRef<string>(undefined);
  const chooseFilter = (next: ReviewFilter) => {
    filterToAnnounce.current = filterValue(next);
    setFilter(next);
    setActive((previous) => ({ position: 0, col: 1, jump: previous.jump }));
  };
  const onRowsShown = useCallback(
    (shown: ReviewFilter, total: number) => {
      if (filterToAnnounce.current !== filterValue(shown) || !summary) return;
      filterToAnnounce.current = undefined;
      announce(rowsShownText(filterName(summary, shown), total));
    },
    [summary, announce],
  );
  const labelOf = (field: string) =>
    summary?.columns.find((column) => column.field === field)?.label ?? field;

  const reason = summary ? continueBlockedReason(summary) : undefined;
  const options = summary ? filterOptions(summary) : [];
  const currentFilter = filterValue(filter);
  const activeFixes = activeRow?.problems.filter((p) => p.fix && !activeRow.skipped) ?? [];

  return (
    <div ref={stepRef} className="review-step" {...focusKeeper}>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Review your rows
      </h2>
      <p className="lead">
        Every row of “{file.fileName}” is checked against what Whispir needs. Fix what you can, skip
        what you cannot, and see exactly what will be sent.
      </p>

      <TaskProgress id="review-progress" task={check} words={CHECKING_ROWS} total={file.rowCount} />

      {summary && (
        <>
          {summary.setAside.length > 0 && (
            <div className="note" role="status">
              <p>
                {summary.setAside
                  .map(
                    (entry) =>
                      `${count(entry.count)} ${entry.count === 1 ? 'edit was' : 'edits were'} in ${entry.source}`,
                  )
                  .join('; ')}
                , which is not imported now. They are kept aside: match the column again and they
                come back.
              </p>
              <button
                type="button"
                {...unavailableWhen(busy, () =>
                  change(
                    () => intake.dropSetAside(),
                    () => 'The edits set aside are dropped.',
                  ),
                )}
              >
                Drop them
              </button>
            </div>
          )}
          <ReviewSummaryPanel
            summary={summary}
            filter={filter}
            busy={busy}
            onFilter={chooseFilter}
            onFix={(kind, field, n) =>
              change(
                () => intake.applyFix(kind, field),
                () => `Fixed ${count(n)} ${n === 1 ? 'cell' : 'cells'}.`,
              )
            }
            onFixAll={() =>
              change(
                () => intake.applyAllFixes(),
                (result) => `Applied ${result.undo ?? 'every suggested fix'}.`,
              )
            }
            onMerge={() =>
              change(
                () => intake.mergeDuplicates(),
                (result) => `Sent one of each: ${result.undo ?? ''}.`,
              )
            }
          />

          <ColumnTools
            intake={intake}
            summary={summary}
            filter={filter}
            filterLabel={
              options.find((option) => option.value === currentFilter)?.label ?? 'this view'
            }
            busy={busy}
            change={change}
          />

          <div className="review-toolbar" data-focus-group="toolbar">
            <label htmlFor="review-filter">Show</label>
            <select
              id="review-filter"
              value={currentFilter}
              onChange={(event) => {
                const option = options.find((candidate) => candidate.value === event.target.value);
                if (option) chooseFilter(option.filter);
              }}
            >
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
              {!options.some((o) => o.value === currentFilter) && (
                <option value={currentFilter}>The chosen filter (no rows left)</option>
              )}
            </select>
            <button
              type="button"
              aria-keyshortcuts="F8"
              disabled={summary.openErrorRows === 0}
              onClick={() => jumpToError(false)}
            >
              Next error <kbd>F8</kbd>
            </button>
            <button
              type="button"
              aria-keyshortcuts="Control+Z"
              title={summary.undo ? `Undo ${summary.undo}` : undefined}
              {...unavailableWhen(!summary.undo || busy, undo)}
            >
              Undo
            </button>
            <button
              type="button"
              aria-keyshortcuts="Control+Shift+Z"
              title={summary.redo ? `Redo ${summary.redo}` : undefined}
              {...unavailableWhen(!summary.redo || busy, redo)}
            >
              Redo
            </button>
            {summary.openErrorRows > 0 && (
              <button
                type="button"
                {...unavailableWhen(busy, () =>
                  change(
                    () => intake.setSkipped('all-with-errors', true),
                    () => `Skipped ${count(summary.openErrorRows)} rows with errors.`,
                  ),
                )}
              >
                Skip all {count(summary.openErrorRows)} rows with errors
              </button>
            )}
          </div>
          <p className="muted small" id="review-grid-help">
            Click a cell or press Enter to change it (Enter saves, Escape cancels). Arrow keys move
            between cells; F8 jumps to the next error; Ctrl+Z undoes, Ctrl+Shift+Z redoes.
          </p>

          <ReviewGrid
            intake={intake}
            summary={summary}
            filter={filter}
            active={active}
            onActiveChange={setActive}
            onActiveRow={setActiveRow}
            onRowsShown={onRowsShown}
            onEdit={(row, field, value) =>
              change(
                () => intake.editCell(row.index, field, value),
                (result) =>
                  `Row ${row.rowNumber} changed (${result.openErrorRows} rows with errors left).`,
              )
            }
            onToggleSkip={(row) =>
              change(
                () => intake.setSkipped([row.index], !row.skipped),
                () => `Row ${row.rowNumber} ${row.skipped ? 'restored' : 'skipped'}.`,
              )
            }
          />

          {activeRow && (
            <section
              className="row-details"
              aria-labelledby="row-details-heading"
              data-focus-group="row-fixes"
            >
              <h3 id="row-details-heading">
                Row {activeRow.rowNumber}
                {activeRow.skipped ? ' (skipped)' : ''}
              </h3>
              {activeRow.problems.length === 0 ? (
                <p>No problems in this row.</p>
              ) : (
                <ul>
                  {activeRow.problems.map((p, i) => (
                    <li
                      key={`${p.code}-${p.field ?? ''}-${i}`}
                      className={`severity-${p.severity}`}
                    >
                      <span aria-hidden="true">{p.severity === 'error' ? '✖ ' : '⚠ '}</span>
                      <span className="visually-hidden">
                        {p.severity === 'error' ? 'Error: ' : 'Warning: '}
                      </span>
                      {p.message}
                    </li>
                  ))}
                </ul>
              )}
              {activeFixes.map((p) =>
                p.fix ? (
                  <button
                    key={`${p.fix.kind}-${p.fix.field}`}
                    type="button"
                    {...unavailableWhen(busy, () => {
                      const fix = p.fix;
                      if (fix)
                        change(
                          () => intake.editCell(activeRow.index, fix.field, fix.value),
                          () =>
                            `Row ${activeRow.rowNumber}: ${labelOf(fix.field)} set to “${fix.value}”.`,
                        );
                    })}
                  >
                    Use “{p.fix.value}” for {labelOf(p.fix.field)}
                  </button>
                ) : null,
              )}
            </section>
          )}

          <fieldset className="modes review-policy">
            <legend>Rows that still have errors</legend>
            {POLICIES.map((policy) => (
              <label key={policy.value} className="mode">
                <input
                  type="radio"
                  name="review-policy"
                  value={policy.value}
                  checked={summary.policy === policy.value}
                  onChange={() =>
                    change(
                      () => intake.setPolicy(policy.value),
                      () => `${policy.label}.`,
                    )
                  }
                />
                <strong>{policy.label}</strong>
                <span className="muted block">{policy.explanation}</span>
              </label>
            ))}
          </fieldset>

          <div className="review-counts">
            <p data-testid="review-plan">{summary.message}</p>
            <RowAccounting accounting={summary.accounting} tense="will" />
            <RejectedReportButton
              intake={intake}
              fileName={file.fileName}
              disabled={
                summary.accounting.skipped +
                  summary.accounting.rejected +
                  summary.rowsWithClearedValues ===
                0
              }
            />
          </div>
        </>
      )}

      <p aria-live="polite" className="visually-hidden" data-testid="review-announcer">
        {announcement}
      </p>
      {reason && (
        <p className="note" id="review-continue-reason">
          {reason}
        </p>
      )}
      <StepActions>
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          disabled={!summary || reason !== undefined}
          aria-describedby={reason ? 'review-continue-reason' : undefined}
          {...unavailableWhen(busy, onContinue)}
        >
          Continue to import settings
        </button>
      </StepActions>
    </div>
  );
}
