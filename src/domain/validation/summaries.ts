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
import { showStrayCharacters } from './emails';

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
  reasons: ReadonlyMap<string, FixReason>,
): string {
  const field = fix.field;
  const to = fix.value;
  const noun = fieldLabel(field).toLowerCase();
  const example = `${from} → ${to}`;
  switch (kind) {
    case 'timezone-from-place': {
      // "Set the time zone from State for 37 rows: NSW → Australia/Sydney (30), QLD → …"
      const bySource = new Map<string, { count: number; parts: string[] }>();
      // Most rows first; ties in a fixed order, so the label does not depend on which rows
      // came and went first.
      const ordered = [...reasons.values()].sort(
        (a, b) =>
          b.count - a.count ||
          byText(a.source, b.source) ||
          byText(a.basis, b.basis) ||
          byText(a.to, b.to),
      );
      for (const reason of ordered) {
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
    case 'split-values':
      return fix.alsoSet
        ? `Keep the first of the two values in ${pluralise(count, `${noun} cell`)} and move the second to ${fieldLabel(fix.alsoSet.field)}: ${from} → ${to} + ${fix.alsoSet.value}`
        : `Keep only the first of the values in ${pluralise(count, `${noun} cell`)}, the others dropped (their second field is taken): ${from} → ${to}`;
    case 'keep-first':
      return `Keep the first of the values in ${pluralise(count, `${noun} cell`)} (the file repeats them for one contact): ${from} → ${to}`;
    case 'phone-extension':
      return `Drop the extension from ${pluralise(count, `${noun} number`)} (Whispir keeps no extension): ${example}`;
    case 'country-name':
      return `Use the country name in ${pluralise(count, `${noun} cell`)}: ${example}`;
    case 'timezone-format':
      return `Rewrite ${pluralise(count, noun)} the way Whispir expects: ${example}`;
    case 'email-characters':
      return `Remove hidden characters from ${pluralise(count, `${noun} address`, `${noun} addresses`)} (dashes become hyphens): ${showStrayCharacters(from)} → ${to}`;
    case 'email-lowercase':
      return `Lower-case ${pluralise(count, `${noun} address`, `${noun} addresses`)}: ${example}`;
    case 'split-name':
      return `Split the whole name into first and last name in ${pluralise(count, 'row')}: ${from} → ${to} + ${fix.alsoSet?.value ?? ''}`;
    case 'formula-guard':
      return `Remove the apostrophe a spreadsheet export put before ${pluralise(count, `${noun} value`)} (so it would not be read as a formula): "${from}" → "${to}"`;
    case 'trim':
      // Quoted, or the spaces being removed would be invisible.
      return `Remove spaces around ${pluralise(count, `${noun} value`)}: "${from}" → "${to}"`;
  }
}

/** What a fix summary and a count need of a problem (a row's own, or the review's). */
export interface TalliedProblem {
  readonly row: number;
  readonly field: string | null;
  readonly code: string;
  readonly severity: RowProblemSeverity;
  readonly value?: string;
  readonly fix?: ContactFix;
}

interface FixReason {
  readonly source: string;
  readonly basis: string;
  readonly to: string;
  readonly count: number;
}

/** A reason as counted: its spellings ("QLD", "Qld") each with their count, the commonest shown. */
interface CountedReason {
  readonly source: string;
  readonly to: string;
  count: number;
  readonly bases: Map<string, number>;
}

interface FixGroup {
  count: number;
  /** The group's example; undefined once its problem went, until `summaries` finds another. */
  example: TalliedProblem | undefined;
  readonly reasons: Map<string, CountedReason>;
}

/** A fix group: one per kind of fix and field. */
const groupKey = (fix: ContactFix): string => `${fix.kind}\u0000${fix.field}`;

/** A line of a label: one per source, place and value ("QLD" and "Qld" are one line). */
const reasonKeyOf = (fix: ContactFix, reason: NonNullable<ContactFix['reason']>): string =>
  `${reason.source}\u0000${reason.basis.toUpperCase()}\u0000${fix.value}`;

/**
 * The fixes on offer, kept up to date as problems come and go: one group per kind of fix and
 * field, with its count, an example and (for time zones from a place) its reasons. What an edit
 * changes is a row's few problems, so the summary no longer counts every problem of a million
 * rows again after each edit.
 */
export class FixTally {
  private readonly groups = new Map<string, FixGroup>();

  add(p: TalliedProblem): void {
    const fix = p.fix;
    if (!fix) return;
    const key = groupKey(fix);
    let group = this.groups.get(key);
    // A group that lost its example gets the first problem of `summaries`' walk, not this one,
    // so the examples are those a count from scratch would show.
    if (group) group.count++;
    else this.groups.set(key, (group = { count: 1, example: p, reasons: new Map() }));
    const reason = fix.reason;
    if (!reason) return;
    const reasonKey = reasonKeyOf(fix, reason);
    let known = group.reasons.get(reasonKey);
    if (!known) {
      known = { source: reason.source, to: fix.value, count: 0, bases: new Map() };
      group.reasons.set(reasonKey, known);
    }
    known.count++;
    known.bases.set(reason.basis, (known.bases.get(reason.basis) ?? 0) + 1);
  }

  /** Takes back a problem added before (the same object). */
  remove(p: TalliedProblem): void {
    const fix = p.fix;
    if (!fix) return;
    const key = groupKey(fix);
    const group = this.groups.get(key);
    if (!group) return;
    if (--group.count <= 0) {
      this.groups.delete(key);
      return;
    }
    if (group.example === p) group.example = undefined;
    const reason = fix.reason;
    if (!reason) return;
    const reasonKey = reasonKeyOf(fix, reason);
    const known = group.reasons.get(reasonKey);
    if (!known) return;
    if (--known.count <= 0) group.reasons.delete(reasonKey);
    const spelt = (known.bases.get(reason.basis) ?? 0) - 1;
    if (spelt > 0) known.bases.set(reason.basis, spelt);
    else known.bases.delete(reason.basis);
  }

  /**
   * One entry per kind of fix and field, largest first. `problems` gives every problem held,
   * walked only when a group lost its example: its first problem there becomes the new one.
   */
  summaries(problems: () => Iterable<TalliedProblem>): FixSummary[] {
    let missing = 0;
    for (const group of this.groups.values()) if (!group.example) missing++;
    if (missing > 0)
      for (const p of problems()) {
        if (!p.fix) continue;
        const group = this.groups.get(groupKey(p.fix));
        if (!group || group.example) continue;
        group.example = p;
        if (--missing === 0) break;
      }
    const out: FixSummary[] = [];
    for (const { count, example, reasons } of this.groups.values()) {
      const fix = example?.fix;
      if (!example || !fix) continue;
      const from = example.value ?? '';
      const shown = new Map<string, FixReason>();
      for (const [key, { source, to, count: times, bases }] of reasons)
        shown.set(key, { source, to, count: times, basis: commonest(bases) });
      out.push({
        kind: fix.kind,
        field: fix.field,
        count,
        example: { row: example.row, from, to: fix.value },
        label: fixLabel(fix.kind, fix, count, from, shown),
      });
    }
    // Ties: the group met first in the file first (not the order in which groups came to be).
    return out.sort(
      (a, b) =>
        b.count - a.count ||
        a.example.row - b.example.row ||
        byText(a.kind, b.kind) ||
        byText(a.field, b.field),
    );
  }
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The spelling most rows have ("QLD" over "Qld"); of equals, the first in code-unit order. */
function commonest(bases: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [basis, count] of bases)
    if (count > most || (count === most && byText(basis, best) < 0)) {
      best = basis;
      most = count;
    }
  return best;
}

/** One entry per kind of fix and field, largest first: the "fix all" actions on offer. */
export function summariseFixes(problems: readonly TalliedProblem[]): FixSummary[] {
  const tally = new FixTally();
  for (const p of problems) tally.add(p);
  return tally.summaries(() => problems);
}

/**
 * Problems counted by code and by field, and the fixes on offer, kept up to date row by row:
 * `add` a row's problems when it gets them, `remove` the same list when they change.
 */
export class ProblemTally {
  readonly byCode = new Map<string, { severity: RowProblemSeverity; count: number }>();
  readonly byField = new Map<string | null, { errors: number; warnings: number }>();
  readonly fixes = new FixTally();

  add(problems: readonly TalliedProblem[]): void {
    for (const p of problems) {
      const code = this.byCode.get(p.code);
      if (code) code.count++;
      else this.byCode.set(p.code, { severity: p.severity, count: 1 });
      let field = this.byField.get(p.field);
      if (!field) this.byField.set(p.field, (field = { errors: 0, warnings: 0 }));
      if (p.severity === 'error') field.errors++;
      else field.warnings++;
      this.fixes.add(p);
    }
  }

  remove(problems: readonly TalliedProblem[]): void {
    for (const p of problems) {
      const code = this.byCode.get(p.code);
      if (code && --code.count <= 0) this.byCode.delete(p.code);
      const field = this.byField.get(p.field);
      if (field) {
        if (p.severity === 'error') field.errors--;
        else field.warnings--;
        if (field.errors <= 0 && field.warnings <= 0) this.byField.delete(p.field);
      }
      this.fixes.remove(p);
    }
  }
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
