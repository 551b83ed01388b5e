/**
 * The same person on several rows of a file, by the rule an import matches contacts on
 * (docs/whispir-api.md §A8, src/domain/whispir/match-rule.ts): same first and last name and the
 * same value in one of the four channel fields, after normalisation (a local mobile and its
 * international form are the same number). Kept up to date row by row, so a fix or an edit
 * changes the groups at once; "Send one of each" merges each group into its fullest row.
 */
import { MATCH_CHANNEL_KEYS, normaliseMatchName } from '../whispir/match-rule';
import { fieldLabel } from './rules';
import { ROW_PROBLEM_SEVERITY, formatCount, type ContactRow, type RowProblem } from './problems';

/**
 * The match keys of one row: one per channel field with a usable value. `channels` holds the
 * normalised values of `CHANNEL_KEYS` (as the row check gives them; undefined = unusable).
 */
export function rowMatchKeys(
  contact: ContactRow,
  channels: readonly (string | undefined)[],
): string[] {
  const keys: string[] = [];
  const name = normaliseMatchName(contact.firstName ?? '', contact.lastName ?? '');
  for (let channel = 0; channel < MATCH_CHANNEL_KEYS.length; channel++) {
    const value = channels[channel];
    if (value) keys.push(`${name}\u0002${channel}\u0002${value.toLowerCase()}`);
  }
  return keys;
}

/** What a key says in words: "same name and Work mobile 61412345678". */
export function describeMatchKey(key: string): string {
  const [, channel = '0', value = ''] = key.split('\u0002');
  const field = MATCH_CHANNEL_KEYS[Number(channel)] ?? MATCH_CHANNEL_KEYS[0];
  return `same name and ${fieldLabel(field)} ${value}`;
}

/**
 * Rows (by index) under each match key. A key's first row is held as a number, so a million
 * distinct rows cost one map entry each; only keys on several rows hold a list.
 */
export class DuplicateIndex {
  private readonly first = new Map<string, number>();
  private readonly shared = new Map<string, number[]>();

  add(index: number, keys: readonly string[]): void {
    for (const key of keys) {
      const list = this.shared.get(key);
      if (list) {
        if (!list.includes(index)) list.push(index);
        continue;
      }
      const first = this.first.get(key);
      if (first === undefined) this.first.set(key, index);
      else if (first !== index) {
        this.first.delete(key);
        this.shared.set(key, [first, index]);
      }
    }
  }

  remove(index: number, keys: readonly string[]): void {
    for (const key of keys) {
      if (this.first.get(key) === index) {
        this.first.delete(key);
        continue;
      }
      const list = this.shared.get(key);
      if (!list) continue;
      const at = list.indexOf(index);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 1) {
        this.shared.delete(key);
        this.first.set(key, list[0] as number);
      }
    }
  }

  /** The other rows that share one of `keys` directly. */
  partners(index: number, keys: readonly string[]): number[] {
    const found = new Set<number>();
    for (const key of keys) for (const other of this.shared.get(key) ?? []) found.add(other);
    found.delete(index);
    return [...found];
  }

  /** True when no row shares a key with another. */
  get isEmpty(): boolean {
    return this.shared.size === 0;
  }

  /**
   * The groups of rows that are one person: rows linked through shared keys, transitively, each
   * sorted, ordered by their first row; with the keys that link them.
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
    for (const list of this.shared.values()) {
      for (const index of list) if (!parent.has(index)) parent.set(index, index);
      const root = find(list[0] as number);
      for (const index of list.slice(1)) {
        const other = find(index);
        if (other !== root) parent.set(other, root);
      }
    }
    const byRoot = new Map<number, { rows: number[]; keys: string[] }>();
    for (const index of parent.keys()) {
      const root = find(index);
      const group = byRoot.get(root) ?? { rows: [], keys: [] };
      group.rows.push(index);
      byRoot.set(root, group);
    }
    for (const [key, list] of this.shared) byRoot.get(find(list[0] as number))?.keys.push(key);
    return [...byRoot.values()]
      .map((group) => ({ rows: group.rows.sort((a, b) => a - b), keys: group.keys }))
      .sort((a, b) => (a.rows[0] as number) - (b.rows[0] as number));
  }
}

export interface DuplicateGroup {
  /** Row indexes, ascending. */
  readonly rows: readonly number[];
  /** The match keys the rows share. */
  readonly keys: readonly string[];
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
