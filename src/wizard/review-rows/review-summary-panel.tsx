import type { FixKind, ReviewFilter, ReviewSummary } from '../../worker/protocol';
import { unavailableWhen } from '../shared/focus';
import { filterValue, problemCounts } from './review-text';

interface Props {
  readonly summary: ReviewSummary;
  readonly filter: ReviewFilter;
  readonly busy: boolean;
  readonly onFilter: (filter: ReviewFilter) => void;
  readonly onFix: (kind: FixKind, field: string, count: number) => void;
  readonly onFixAll: () => void;
  readonly onMerge: () => void;
}

const count = (n: number) => n.toLocaleString('en-AU');

/** Problems by kind and by field (each a filter), and the fixes on offer with an example. */
export function ReviewSummaryPanel({
  summary,
  filter,
  busy,
  onFilter,
  onFix,
  onFixAll,
  onMerge,
}: Props) {
  const { duplicates } = summary;
  const current = filterValue(filter);
  const pressed = (candidate: ReviewFilter) => filterValue(candidate) === current;
  return (
    <div className="review-summary">
      <section aria-labelledby="review-problems-heading">
        {/* Takes the focus when the fixes on offer are all applied (review-step.tsx). */}
        <h3 id="review-problems-heading" tabIndex={-1}>
          Problems
        </h3>
        {summary.byCode.length === 0 ? (
          <p>No problems found: every row can be sent as it is.</p>
        ) : (
          <ul className="review-problem-list">
            {summary.byCode.map((entry) => {
              const target: ReviewFilter = { kind: 'code', code: entry.code };
              return (
                <li key={entry.code} className={`severity-${entry.severity}`}>
                  <button
                    type="button"
                    className="filter-button"
                    aria-pressed={pressed(target)}
                    onClick={() => onFilter(pressed(target) ? { kind: 'all' } : target)}
                  >
                    <span aria-hidden="true">{entry.severity === 'error' ? '✖ ' : '⚠ '}</span>
                    <span className="visually-hidden">
                      {entry.severity === 'error' ? 'Error: ' : 'Warning: '}
                    </span>
                    {entry.label}: <strong>{count(entry.count)}</strong>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {summary.byField.length > 0 && (
          <>
            <h4>By field</h4>
            <ul className="review-problem-list">
              {summary.byField.map((entry) => {
                const target: ReviewFilter = { kind: 'field', field: entry.field };
                return (
                  <li key={entry.field ?? ''}>
                    <button
                      type="button"
                      className="filter-button"
                      aria-pressed={pressed(target)}
                      onClick={() => onFilter(pressed(target) ? { kind: 'all' } : target)}
                    >
                      {entry.label}: {problemCounts(entry.errors, entry.warnings)}
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      {(summary.fixes.length > 0 || duplicates.groups > 0) && (
        // A fix applied leaves the list: the focus goes to the next one (review-step.tsx).
        <section aria-labelledby="review-fixes-heading" data-focus-group="fixes">
          <h3 id="review-fixes-heading">Suggested fixes</h3>
          <p className="muted small">
            Nothing is changed until you apply a fix; each can be undone.
          </p>
          {summary.fixes.length > 1 && (
            <p>
              <button type="button" className="primary" {...unavailableWhen(busy, onFixAll)}>
                Apply all {summary.fixes.length} suggested fixes
              </button>
            </p>
          )}
          {duplicates.groups > 0 && (
            <p className="duplicates-offer">
              <span id="fix-duplicates">
                {count(duplicates.groups)} {duplicates.groups === 1 ? 'person is' : 'people are'} on
                more than one row ({count(duplicates.rows)} rows): an import would match them as one
                contact. Send one of each: each person’s fullest row, with its blanks filled from
                the others; the other rows are skipped and listed in the rejected-rows report.
              </span>{' '}
              <button
                type="button"
                aria-describedby="fix-duplicates"
                {...unavailableWhen(busy, onMerge)}
              >
                Send one of each
              </button>
            </p>
          )}
          <ul className="review-fix-list">
            {summary.fixes.map((fix) => {
              const id = `fix-${fix.kind}-${fix.field}`;
              return (
                <li key={id}>
                  <span id={id}>{fix.label}</span>{' '}
                  <button
                    type="button"
                    aria-describedby={id}
                    {...unavailableWhen(busy, () => onFix(fix.kind, fix.field, fix.count))}
                  >
                    Apply to all {count(fix.count)}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
