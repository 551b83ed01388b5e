/**
 * The review step's words and filter choices, kept out of the components so they can be tested
 * without a browser.
 */
import type { ReviewFilter, ReviewProblem, ReviewSummary } from '../../worker/protocol';

const count = (n: number) => n.toLocaleString('en-AU');

export interface FilterOption {
  readonly value: string;
  readonly label: string;
  readonly filter: ReviewFilter;
}

/** The "Show" choices: everything, errors, skipped, then one per field and per problem. */
export function filterOptions(summary: ReviewSummary): FilterOption[] {
  const options: FilterOption[] = [
    { value: 'all', label: `All rows (${count(summary.totalRows)})`, filter: { kind: 'all' } },
    {
      value: 'errors',
      label: `Rows with errors (${count(summary.rowsWithErrors)})`,
      filter: { kind: 'errors' },
    },
    {
      value: 'skipped',
      label: `Skipped rows (${count(summary.accounting.skipped)})`,
      filter: { kind: 'skipped' },
    },
  ];
  for (const field of summary.byField) {
    const filter: ReviewFilter = { kind: 'field', field: field.field };
    options.push({
      value: filterValue(filter),
      label: `Field: ${field.label} (${problemCounts(field.errors, field.warnings)})`,
      filter,
    });
  }
  for (const code of summary.byCode) {
    const filter: ReviewFilter = { kind: 'code', code: code.code };
    options.push({
      value: filterValue(filter),
      label: `Problem: ${code.label} (${count(code.count)})`,
      filter,
    });
  }
  return options;
}

/** A filter's name in words, without its counts: "Rows with errors", "Problem: Invalid mobile". */
export function filterName(summary: ReviewSummary, filter: ReviewFilter): string {
  switch (filter.kind) {
    case 'all':
      return 'All rows';
    case 'errors':
      return 'Rows with errors';
    case 'skipped':
      return 'Skipped rows';
    case 'field': {
      const field = summary.byField.find((entry) => entry.field === filter.field);
      return `Field: ${field?.label ?? summary.columns.find((c) => c.field === filter.field)?.label ?? 'the chosen field'}`;
    }
    case 'code':
      return `Problem: ${summary.byCode.find((entry) => entry.code === filter.code)?.label ?? 'the chosen problem'}`;
  }
}

/** What a screen reader hears when a filter is chosen: its name and how many rows it shows. */
export function rowsShownText(name: string, rows: number): string {
  if (rows === 0) return `${name}: no rows to show.`;
  return `${name}: ${count(rows)} ${rows === 1 ? 'row' : 'rows'} shown.`;
}

/** A filter as a stable string (select values, cache keys). */
export function filterValue(filter: ReviewFilter): string {
  switch (filter.kind) {
    case 'all':
    case 'errors':
    case 'skipped':
      return filter.kind;
    case 'field':
      return `field:${filter.field ?? ''}`;
    case 'code':
      return `code:${filter.code}`;
  }
}

export function problemCounts(errors: number, warnings: number): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(`${count(errors)} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${count(warnings)} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ') || 'no problems';
}

/** The problems of one cell: those about its field, and row-level ones naming it. */
export function cellProblems(
  problems: readonly ReviewProblem[],
  field: string,
): readonly ReviewProblem[] {
  return problems.filter(
    (p) => p.field === field || (p.field === null && p.relatedFields?.includes(field)),
  );
}

/** Why Continue is disabled, or undefined when it is not. */
export function continueBlockedReason(summary: ReviewSummary): string | undefined {
  if (summary.blocked)
    return `You chose to fix every error first: ${count(summary.openErrorRows)} row${
      summary.openErrorRows === 1 ? ' still has' : 's still have'
    } errors. Fix or skip ${summary.openErrorRows === 1 ? 'it' : 'them'}, or choose to skip rows with errors.`;
  if (summary.accounting.sent === 0)
    return 'No row would be sent: restore or fix some rows to continue.';
  return undefined;
}
