/**
 * What the review step shows above the grid: problems counted by field and by kind, and the
 * fixes on offer, each with its count and an example, ready to apply to all rows or one.
 */
import {
  ROW_PROBLEM_CODES,
  pluralise,
  type ContactFix,
  type ContactRow,
  type FixKind,
  type RowProblem,
  type RowProblemCode,
  type RowProblemSeverity,
} from './problems';
import { fieldLabel } from './rules';

export interface FieldProblemCount {
  /** Whispir field key, or null for row-level problems (no channel). */
  readonly field: string | null;
  readonly label: string;
  readonly errors: number;
  readonly warnings: number;
}

export interface CodeProblemCount {
  readonly code: RowProblemCode;
  readonly severity: RowProblemSeverity;
  readonly count: number;
  /** The first problem of this kind, for "e.g. row 4: …". */
  readonly example: RowProblem;
}

export interface ProblemSummary {
  /** Fields with problems, most errors first (then most warnings). */
  readonly byField: readonly FieldProblemCount[];
  /** In the order of ROW_PROBLEM_CODES (errors before warnings within each area). */
  readonly byCode: readonly CodeProblemCount[];
  readonly rowsWithErrors: number;
  readonly rowsWithWarningsOnly: number;
}

/** Counts problems by field and by code, and the rows they touch. */
export function summariseProblems(problems: readonly RowProblem[]): ProblemSummary {
  const byField = new Map<string | null, { errors: number; warnings: number }>();
  const byCode = new Map<RowProblemCode, { count: number; example: RowProblem }>();
  const errorRows = new Set<number>();
  const warningRows = new Set<number>();
  for (const p of problems) {
    let field = byField.get(p.field);
    if (!field) byField.set(p.field, (field = { errors: 0, warnings: 0 }));
    if (p.severity === 'error') {
      field.errors++;
      errorRows.add(p.row);
    } else {
      field.warnings++;
      warningRows.add(p.row);
    }
    const code = byCode.get(p.code);
    if (code) code.count++;
    else byCode.set(p.code, { count: 1, example: p });
  }
  let rowsWithWarningsOnly = 0;
  for (const row of warningRows) if (!errorRows.has(row)) rowsWithWarningsOnly++;
  return {
    byField: [...byField]
      .map(([field, counts]) => ({
        field,
        label: field === null ? 'Whole row' : fieldLabel(field),
        ...counts,
      }))
      .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings),
    byCode: ROW_PROBLEM_CODES.flatMap((code) => {
      const entry = byCode.get(code);
      return entry
        ? [{ code, severity: entry.example.severity, count: entry.count, example: entry.example }]
        : [];
    }),
    rowsWithErrors: errorRows.size,
    rowsWithWarningsOnly,
  };
}

export interface FixSummary {
  readonly kind: FixKind;
  readonly field: string;
  readonly count: number;
  readonly example: { readonly row: number; readonly from: string; readonly to: string };
  /** e.g. "Add country code to 312 work mobile numbers: 0412 345 678 → 61412345678". */
  readonly label: string;
}

function fixLabel(
  kind: FixKind,
  fix: ContactFix,
  count: number,
  from: string,
  reasons: ReadonlyMap<string, { source: string; basis: string; to: string; count: number }>,
): string {
  const field = fix.field;
  const to = fix.value;
  const noun = fieldLabel(field).toLowerCase();
  const example = `${from} → ${to}`;
  switch (kind) {
    case 'timezone-from-place': {
      // "Set the time zone from State for 37 rows: NSW → Australia/Sydney (30), QLD → …"
      const bySource = new Map<string, { count: number; parts: string[] }>();
      for (const reason of [...reasons.values()].sort((a, b) => b.count - a.count)) {
        const entry = bySource.get(reason.source) ?? { count: 0, parts: [] };
        entry.count += reason.count;
        if (entry.parts.length < 4)
          entry.parts.push(
            `${reason.basis} → ${reason.to}${reason.count > 1 ? ` (${reason.count})` : ''}`,
          );
        else if (entry.parts.length === 4) entry.parts.push('…');
        bySource.set(reason.source, entry);
      }
      const sources = [...bySource].map(
        ([source, entry]) =>
          `from ${source} for ${pluralise(entry.count, 'row')}: ${entry.parts.join(', ')}`,
      );
      return `Set the ${noun} ${sources.join('; ')}`;
    }
    case 'status-value':
      return `Use Whispir's status letter (A active, D disabled) in ${pluralise(count, 'status cell')}: ${example}`;
    case 'move-landline':
      return `Move ${pluralise(count, 'landline')} from ${fieldLabel(field)} to ${fieldLabel(fix.alsoSet?.field ?? '')}: texts to a landline fail`;
    case 'move-mobile':
      return `Move ${pluralise(count, 'mobile number')} from ${fieldLabel(field)} to ${fieldLabel(fix.alsoSet?.field ?? '')}`;
    case 'clear-invalid':
      return `Clear ${pluralise(count, `invalid ${noun}`)}: these rows still have another email or mobile (the cleared values are listed in the rejected-rows report)`;
    case 'phone-country-code':
      return `Add country code to ${pluralise(count, `${noun} number`)}: ${example}`;
    case 'phone-format':
      return `Remove spaces and symbols from ${pluralise(count, `${noun} number`)}: ${example}`;
    case 'country-name':
      return `Use the country name in ${pluralise(count, `${noun} cell`)}: ${example}`;
    case 'timezone-format':
      return `Rewrite ${pluralise(count, noun)} the way Whispir expects: ${example}`;
    case 'email-lowercase':
      return `Lower-case ${pluralise(count, `${noun} address`, `${noun} addresses`)}: ${example}`;
    case 'trim':
      // Quoted, or the spaces being removed would be invisible.
      return `Remove spaces around ${pluralise(count, `${noun} value`)}: "${from}" → "${to}"`;
  }
}

/** One entry per kind of fix and field, largest first: the "fix all" actions on offer. */
export function summariseFixes(problems: readonly RowProblem[]): FixSummary[] {
  type Reason = { source: string; basis: string; to: string; count: number };
  const groups = new Map<
    string,
    { fix: ContactFix; count: number; row: number; from: string; reasons: Map<string, Reason> }
  >();
  for (const p of problems) {
    if (!p.fix) continue;
    const key = `${p.fix.kind}\u0000${p.fix.field}`;
    let group = groups.get(key);
    if (group) group.count++;
    else {
      group = { fix: p.fix, count: 1, row: p.row, from: p.value ?? '', reasons: new Map() };
      groups.set(key, group);
    }
    const reason = p.fix.reason;
    if (reason) {
      // "QLD" and "Qld" are one line of the label.
      const reasonKey = `${reason.source}\u0000${reason.basis.toUpperCase()}\u0000${p.fix.value}`;
      const known = group.reasons.get(reasonKey);
      if (known) known.count++;
      else group.reasons.set(reasonKey, { ...reason, to: p.fix.value, count: 1 });
    }
  }
  return [...groups.values()]
    .map(({ fix, count, row, from, reasons }) => ({
      kind: fix.kind,
      field: fix.field,
      count,
      example: { row, from, to: fix.value },
      label: fixLabel(fix.kind, fix, count, from, reasons),
    }))
    .sort((a, b) => b.count - a.count);
}

/**
 * The row with the fixes of `problems` applied (only those of `kinds`, when given). Returns the
 * same object when nothing changes, so callers can skip unchanged rows cheaply.
 */
export function applyFixes(
  contact: ContactRow,
  problems: readonly RowProblem[],
  kinds?: ReadonlySet<FixKind>,
): ContactRow {
  let result: Record<string, string> | undefined;
  for (const p of problems) {
    const fix = p.fix;
    if (!fix || (kinds && !kinds.has(fix.kind))) continue;
    if (contact[fix.field] !== fix.value) {
      result ??= { ...contact };
      result[fix.field] = fix.value;
    }
    if (fix.alsoSet && contact[fix.alsoSet.field] !== fix.alsoSet.value) {
      result ??= { ...contact };
      result[fix.alsoSet.field] = fix.alsoSet.value;
    }
  }
  return result ?? contact;
}

/** Problems grouped by row, for the grid and the report. */
export function groupProblemsByRow(problems: readonly RowProblem[]): Map<number, RowProblem[]> {
  const byRow = new Map<number, RowProblem[]>();
  for (const p of problems) {
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  return byRow;
}

/** "3 errors, 1 warning" for a row or a file. */
export function describeCounts(errors: number, warnings: number): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(pluralise(errors, 'error'));
  if (warnings > 0) parts.push(pluralise(warnings, 'warning'));
  return parts.length > 0 ? parts.join(', ') : 'No problems';
}
