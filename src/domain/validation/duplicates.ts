/**
 * The same person on several rows of a file, by the rule an import matches contacts on
 * (docs/whispir-api.md §A8, src/domain/whispir/match-rule.ts): same first and last name and the
 * same value in one of the four channel fields, after normalisation (a local mobile and its
 * international form are the same number). Kept up to date row by row, so a fix or an edit
 * changes the groups at once; "Send one of each" merges each group into its fullest row.
 */
import { MATCH_CHANNEL_KEYS, normaliseMatchName } from '../whispir/match-rule';
import { hasUpperCase } from './emails';
import { fieldLabel } from './rules';
import type { Steps } from '../progress/steps';
import { HashedRows, ValueTable } from './value-table';
import { ROW_PROBLEM_SEVERITY, formatCount, type ContactRow, type RowProblem } from './problems';

/**
 * A row's match values: the normalised value of each channel field of `MATCH_CHANNEL_KEYS`, in
 * that order (undefined = blank or unusable). The name is not part of them: rows sharing a
 * value are few, so their names are compared only then, which keeps the index one map entry
 * per value, keyed by the value string the row check already made (no key built per row).
 */
export type MatchValues = readonly (string | undefined)[];

/**
 * `channels` holds the normalised values of `CHANNEL_KEYS`, as the row check gives them (its
 * emails are lower-cased already; this makes sure, as the index compares values as they are).
 */
export function rowMatchValues(channels: readonly (string | undefined)[]): (string | undefined)[] {
  const values = new Array<string | undefined>(MATCH_CHANNEL_KEYS.length);
  for (let channel = 0; channel < MATCH_CHANNEL_KEYS.length; channel++) {
    const value = channels[channel];
    values[channel] = value ? (hasUpperCase(value) ? value.toLowerCase() : value) : undefined;
  }
  return values;
}

/** The normalised name a row is matched on (see `normaliseMatchName`). */
export function rowMatchName(contact: ContactRow): string {
  return normaliseMatchName(contact.firstName ?? '', contact.lastName ?? '');
}

/** What rows of a group share: one channel field's value. */
export interface MatchKey {
  /** Index into `MATCH_CHANNEL_KEYS`. */
  readonly channel: number;
  readonly value: string;
}

/** What a key says in words: "same name and Work mobile 61412345678". */
export function describeMatchKey(key: MatchKey): string {
  const field = MATCH_CHANNEL_KEYS[key.channel] ?? MATCH_CHANNEL_KEYS[0];
  return `same name and ${fieldLabel(field)} ${key.value}`;
}

/**
 * Rows (by index) under each channel value, per channel, compared as given: values come
 * normalised (the row check's, or `rowMatchValues`). A value's first row is held in a
 * typed-array table (`ValueTable`, which keeps no strings), so a million distinct rows cost a
 * slot a value; only values on several rows
 * hold a list. Rows under one value are the same person when their names match (`nameOf`,
 * asked only for rows that share a value, and at the time of asking: an edited name counts).
 */
export class DuplicateIndex {
  private readonly first: ValueTable[];
  private readonly shared: Map<string, number[]>[] = MATCH_CHANNEL_KEYS.map(() => new Map());

  constructor(
    private readonly nameOf: (index: number) => string,
    /** A row's match values as the index holds them (asked only where two values' hashes meet). */
    valuesOf: (index: number) => MatchValues,
    /** Rows the index may come to hold (see `ValueTable`). */
    expectedRows = 0,
  ) {
    this.first = MATCH_CHANNEL_KEYS.map(
      (_, channel) => new ValueTable((index) => valuesOf(index)[channel], expectedRows),
    );
  }

  add(index: number, values: MatchValues): void {
    for (let channel = 0; channel < MATCH_CHANNEL_KEYS.length; channel++) {
      const value = values[channel];
      if (!value) continue;
      const shared = this.shared[channel] as Map<string, number[]>;
      const list = shared.size > 0 ? shared.get(value) : undefined;
      if (list) {
        if (!list.includes(index)) list.push(index);
        continue;
      }
      const first = this.first[channel] as ValueTable;
      const held = first.hold(value, index);
      if (held >= 0 && held !== index) {
        first.delete(value);
        shared.set(value, [held, index]);
      }
    }
  }

  /**
   * Adds the rows of `batch` to this index, which must be empty: what `add` of each row in the
   * batch's order would do, in a fraction of the time for a large file (see `ValueTable.holdAll`).
   */
  *addAll(batch: MatchBatch): Steps<void> {
    if (!this.isEmpty || this.first.some((table) => table.size > 0))
      throw new Error('addAll fills an empty index');
    for (let channel = 0; channel < MATCH_CHANNEL_KEYS.length; channel++) {
      const found: [string, number[]][] = [];
      yield* (this.first[channel] as ValueTable).holdAll(
        batch.channels[channel] as HashedRows,
        (value, rows) => found.push([value, rows]),
      );
      // In the order `add` row by row would have shared them: by each value's second row.
      found.sort((a, b) => (a[1][1] as number) - (b[1][1] as number));
      const shared = this.shared[channel] as Map<string, number[]>;
      for (const [value, rows] of found) shared.set(value, rows);
    }
  }

  remove(index: number, values: MatchValues): void {
    for (let channel = 0; channel < MATCH_CHANNEL_KEYS.length; channel++) {
      const value = values[channel];
      if (!value) continue;
      const first = this.first[channel] as ValueTable;
      if (first.get(value) === index) {
        first.delete(value);
        continue;
      }
      const shared = this.shared[channel] as Map<string, number[]>;
      const list = shared.get(value);
      if (!list) continue;
      const at = list.indexOf(index);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 1) {
        shared.delete(value);
        first.set(value, list[0] as number);
      }
    }
  }

  /** The other rows that share one of `values` and the name directly. */
  partners(index: number, values: MatchValues): number[] {
    const found = new Set<number>();
    let name: string | undefined;
    for (let channel = 0; channel < MATCH_CHANNEL_KEYS.length; channel++) {
      const value = values[channel];
      const list = value ? this.shared[channel]?.get(value) : undefined;
      if (!list) continue;
      name ??= this.nameOf(index);
      for (const other of list)
        if (other !== index && this.nameOf(other) === name) found.add(other);
    }
    return [...found];
  }

  /** True when no row shares a value with another (so none can be a duplicate). */
  get isEmpty(): boolean {
    return this.shared.every((shared) => shared.size === 0);
  }

  /**
   * The groups of rows that are one person: rows linked through a shared value and the same
   * name, transitively, each sorted, ordered by their first row; with the values that link them.
   */
  groups(): DuplicateGroup[] {
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let root = x;
      while (parent.get(root) !== root) root = parent.get(root) as number;
      while (parent.get(x) !== root) {
        const next = parent.get(x) as number;
        parent.set(x, root);
        x = next;
      }
      return root;
    };
    const names = new Map<number, string>();
    const nameOf = (index: number): string => {
      let name = names.get(index);
      if (name === undefined) {
        name = this.nameOf(index);
        names.set(index, name);
      }
      return name;
    };
    const links: { key: MatchKey; row: number }[] = [];
    this.shared.forEach((shared, channel) => {
      for (const [value, list] of shared) {
        // Rows under one value, by name: each name on two or more rows is one person.
        const byName = new Map<string, number[]>();
        for (const index of list) {
          const name = nameOf(index);
          const same = byName.get(name);
          if (same) same.push(index);
          else byName.set(name, [index]);
        }
        for (const same of byName.values()) {
          if (same.length < 2) continue;
          for (const index of same) if (!parent.has(index)) parent.set(index, index);
          const root = find(same[0] as number);
          for (const index of same.slice(1)) {
            const other = find(index);
            if (other !== root) parent.set(other, root);
          }
          links.push({ key: { channel, value }, row: same[0] as number });
        }
      }
    });
    const byRoot = new Map<number, { rows: number[]; keys: MatchKey[] }>();
    for (const index of parent.keys()) {
      const root = find(index);
      const group = byRoot.get(root) ?? { rows: [], keys: [] };
      group.rows.push(index);
      byRoot.set(root, group);
    }
    for (const { key, row } of links) byRoot.get(find(row))?.keys.push(key);
    return [...byRoot.values()]
      .map((group) => ({ rows: group.rows.sort((a, b) => a - b), keys: group.keys }))
      .sort((a, b) => (a.rows[0] as number) - (b.rows[0] as number));
  }
}

/** Rows' match values, gathered to go into an empty index at once (`DuplicateIndex.addAll`). */
export class MatchBatch {
  readonly channels: HashedRows[];

  /** `expectedRows`: the rows the batch will be given (a file's), to size its arrays. */
  constructor(expectedRows = 0) {
    this.channels = MATCH_CHANNEL_KEYS.map(() => new HashedRows(1024, expectedRows));
  }

  /** Adds a row, as `DuplicateIndex.add` takes it (rows in ascending order). */
  add(index: number, values: MatchValues): void {
    for (let channel = 0; channel < MATCH_CHANNEL_KEYS.length; channel++) {
      const value = values[channel];
      if (value) (this.channels[channel] as HashedRows).push(value, index);
    }
  }
}

export interface DuplicateGroup {
  /** Row indexes, ascending. */
  readonly rows: readonly number[];
  /** The values the rows share. */
  readonly keys: readonly MatchKey[];
}

/**
 * One of each: the group's fullest row (most non-blank fields; the first on a tie) with its
 * blank fields filled from the others in row order. Returns the keeper and the values to set.
 */
export function mergeGroup(
  rows: readonly { readonly index: number; readonly contact: ContactRow }[],
  /** Rows that may be kept (a row still in error would not be sent); every row by default. */
  canKeep: (index: number) => boolean = () => true,
): { keeper: number; fill: Record<string, string> } {
  const filled = (contact: ContactRow) =>
    Object.values(contact).filter((value) => value.trim() !== '').length;
  let keeper: (typeof rows)[number] | undefined;
  for (const row of rows)
    if (canKeep(row.index) && (!keeper || filled(row.contact) > filled(keeper.contact)))
      keeper = row;
  if (!keeper) return { keeper: -1, fill: {} };
  const fill: Record<string, string> = {};
  for (const [field, value] of Object.entries(keeper.contact)) {
    if (value.trim() !== '') continue;
    const donor = rows.find((row) => row !== keeper && (row.contact[field] ?? '').trim() !== '');
    if (donor) fill[field] = donor.contact[field] as string;
  }
  return { keeper: keeper.index, fill };
}

/** Other rows named on a duplicate warning; the message counts the rest. */
const RELATED_ROWS_SHOWN = 5;

/** "row 12", "rows 12 and 40", "rows 12, 40, 77, 80, 91 and 9,996 more". */
function describeOtherRows(shown: readonly number[], total: number): string {
  if (total === 1) return `row ${shown[0]}`;
  if (total <= shown.length)
    return `rows ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `rows ${shown.join(', ')} and ${formatCount(total - shown.length)} more`;
}

/**
 * One warning for each row of a group, naming the other rows (by `rowNumberOf`, the number the
 * user sees) and what they share. `row` of each problem is the row's number too.
 */
export function duplicateWarnings(
  group: DuplicateGroup,
  rowNumberOf: (index: number) => number,
): { index: number; problem: RowProblem }[] {
  const numbers = group.rows.map(rowNumberOf);
  const head = numbers.slice(0, RELATED_ROWS_SHOWN + 1);
  const what = group.keys[0] ? ` (${describeMatchKey(group.keys[0])})` : '';
  return group.rows.map((index, position) => {
    const row = numbers[position] as number;
    const shown = head.filter((other) => other !== row).slice(0, RELATED_ROWS_SHOWN);
    return {
      index,
      problem: {
        row,
        field: null,
        code: 'duplicate-contact',
        severity: ROW_PROBLEM_SEVERITY['duplicate-contact'],
        message: `The same person as ${describeOtherRows(shown, numbers.length - 1)}${what}: an import would match them as one contact.`,
        relatedRows: shown,
        relatedFields: ['firstName', 'lastName'],
      },
    };
  });
}
