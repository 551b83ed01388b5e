/**
 * The check of a run of rows under one mapping, as data that can cross to another worker: each
 * row's problems, and its match values (for duplicates) packed as one string a channel with end
 * offsets. The review checks a file in such runs, some of them in a second worker while it
 * checks others itself (src/worker/check-helper.ts), and merges them in row order.
 */
import type { Rows } from '../intake/row-store';
import type { ColumnMapping, FieldSource } from '../mapping/mapping';
import { CHANNEL_KEYS } from '../whispir/contact-fields';
import { MATCH_CHANNEL_KEYS } from '../whispir/match-rule';
import { hasUpperCase } from './emails';
import type { RowProblem } from './problems';
import { collectContactProblems, type ContactCheckContext } from './validate-contact';

/** Where each mapped field's value comes from: a column of the rows, or one value for all. */
export type FieldValueSource =
  | { readonly kind: 'column'; readonly index: number }
  | { readonly kind: 'value'; readonly value: string };

/** A mapping as the row check reads it: fields in order, each with its source. */
export interface CheckPlan {
  readonly fields: readonly string[];
  readonly sources: readonly FieldValueSource[];
}

/** The plan of `mapping` over a table with these headers (fields in the mapping's order). */
export function checkPlanOf(mapping: ColumnMapping, headers: readonly string[]): CheckPlan {
  const entries = Object.entries(mapping).filter(
    (entry): entry is [string, FieldSource] => entry[1] !== undefined,
  );
  return {
    fields: entries.map(([field]) => field),
    sources: entries.map(([, source]) =>
      source.kind === 'column'
        ? { kind: 'column', index: headers.indexOf(source.column) }
        : { kind: 'value', value: source.kind === 'constant' ? source.value : '' },
    ),
  };
}

/** Whether two plans check rows alike (the same fields, in the same order, from the same places). */
export function samePlan(a: CheckPlan, b: CheckPlan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What checking rows `from`..`to` found. */
export interface RowsChecked {
  readonly from: number;
  readonly to: number;
  /** Every problem, in row order (a row's own problems in the order the rules give them). */
  readonly problems: RowProblem[];
  /** The row (index into the rows checked) of each problem. */
  readonly problemRows: Int32Array;
  /**
   * Each row's match values (`MatchValues`, lower-cased), one string per channel of
   * `MATCH_CHANNEL_KEYS` with every row's value joined, and the end of each row's value in it.
   * An empty value is no value (blank or unusable).
   */
  readonly matchTexts: readonly string[];
  readonly matchEnds: readonly Uint32Array[];
}

/** Index in the row check's channel values (`CHANNEL_KEYS`) of each match channel. */
const MATCH_SLOTS: readonly number[] = MATCH_CHANNEL_KEYS.map((key) =>
  (CHANNEL_KEYS as readonly string[]).indexOf(key),
);

/**
 * Checks rows `from` (inclusive) to `to` (exclusive) of `rows` under `plan`. `rowNumberOf` gives
 * the row number the problems name (the file's line). The same function runs in the review's
 * worker and in its helper, so a run checked in either gives the same result.
 */
export function checkRows(
  rows: Rows,
  rowNumberOf: (index: number) => number,
  plan: CheckPlan,
  from: number,
  to: number,
  context: ContactCheckContext,
): RowsChecked {
  const { fields, sources } = plan;
  const count = Math.max(0, to - from);
  const problems: RowProblem[] = [];
  const problemRows: number[] = [];
  const channels = new Array<string | undefined>(CHANNEL_KEYS.length);
  const matches = new MatchPacker(count);
  // One contact object for every row, always with the same fields in the same order: nothing
  // the check reports keeps it, and a million new objects were a fifth of the check's time.
  const contact: Record<string, string> = {};
  for (const field of fields) contact[field] = '';
  for (let i = from; i < to; i++) {
    for (let f = 0; f < fields.length; f++) {
      const source = sources[f] as FieldValueSource;
      contact[fields[f] as string] =
        source.kind === 'value'
          ? source.value
          : source.index < 0
            ? ''
            : (rows.cell(i, source.index) ?? '');
    }
    const before = problems.length;
    collectContactProblems(contact, rowNumberOf(i), context, problems, channels);
    for (let p = before; p < problems.length; p++) problemRows.push(i);
    for (let c = 0; c < MATCH_SLOTS.length; c++) {
      const raw = channels[MATCH_SLOTS[c] as number];
      matches.set(i - from, c, raw && hasUpperCase(raw) ? raw.toLowerCase() : raw);
    }
  }
  return { from, to, problems, problemRows: Int32Array.from(problemRows), ...matches.packed() };
}

/** Rows' match values, packed one string a channel with each row's end offset in it. */
class MatchPacker {
  private readonly parts: string[][];
  private readonly ends: Uint32Array[];
  private readonly lengths = new Uint32Array(MATCH_CHANNEL_KEYS.length);

  constructor(count: number) {
    this.parts = MATCH_CHANNEL_KEYS.map(() => new Array<string>(count));
    this.ends = MATCH_CHANNEL_KEYS.map(() => new Uint32Array(count));
  }

  /** Row `at`'s value of channel `c` (rows in order, each channel once a row). */
  set(at: number, c: number, value: string | undefined): void {
    const text = value ?? '';
    (this.parts[c] as string[])[at] = text;
    const end = (this.lengths[c] as number) + text.length;
    this.lengths[c] = end;
    (this.ends[c] as Uint32Array)[at] = end;
  }

  packed(): Pick<RowsChecked, 'matchTexts' | 'matchEnds'> {
    return { matchTexts: this.parts.map((values) => values.join('')), matchEnds: this.ends };
  }
}

/**
 * Row `at` (an index of the rows checked)'s match values, into `into` (reused by the caller):
 * undefined where the row has none.
 */
export function matchValuesAt(
  checked: RowsChecked,
  at: number,
  into: (string | undefined)[],
): (string | undefined)[] {
  const i = at - checked.from;
  for (let c = 0; c < MATCH_CHANNEL_KEYS.length; c++) {
    const ends = checked.matchEnds[c] as Uint32Array;
    const end = ends[i] as number;
    const start = i === 0 ? 0 : (ends[i - 1] as number);
    into[c] = end > start ? (checked.matchTexts[c] as string).slice(start, end) : undefined;
  }
  return into;
}

/**
 * Some rows of a checked run, as a run of their own: `places` are the rows wanted (indexes into
 * `checked`, ascending), which become rows `from`.. of the result, and `rowNumberOf(i)` the row
 * number their problems name. For a run checked before the table's rows were known (a block
 * checked as the file was read, with the header and any blank rows in it).
 */
export function selectRows(
  checked: RowsChecked,
  places: Int32Array,
  from: number,
  rowNumberOf: (index: number) => number,
): RowsChecked {
  const count = places.length;
  const problems: RowProblem[] = [];
  const problemRows: number[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    const at = checked.from + (places[k] as number);
    while (p < checked.problems.length && (checked.problemRows[p] as number) < at) p++;
    while (p < checked.problems.length && checked.problemRows[p] === at) {
      const problem = checked.problems[p] as RowProblem;
      const row = rowNumberOf(from + k);
      problems.push(problem.row === row ? problem : { ...problem, row });
      problemRows.push(from + k);
      p++;
    }
  }
  const whole =
    count === checked.to - checked.from && (count === 0 || places[count - 1] === count - 1);
  if (whole)
    return {
      from,
      to: from + count,
      problems,
      problemRows: Int32Array.from(problemRows),
      matchTexts: checked.matchTexts,
      matchEnds: checked.matchEnds,
    };
  const values: (string | undefined)[] = [];
  const matches = new MatchPacker(count);
  for (let k = 0; k < count; k++) {
    matchValuesAt(checked, checked.from + (places[k] as number), values);
    for (let c = 0; c < MATCH_CHANNEL_KEYS.length; c++) matches.set(k, c, values[c]);
  }
  return {
    from,
    to: from + count,
    problems,
    problemRows: Int32Array.from(problemRows),
    ...matches.packed(),
  };
}
