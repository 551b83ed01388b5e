/**
 * Proof from Whispir itself that an import arrived. Whispir answers an import with a bare 202
 * and offers nothing to poll (docs/whispir-api.md §A10), but it does search a workspace's
 * contacts (§B5.4: any field as a query parameter, "contains" matching, 20 a page). So a sample
 * of each part's rows is searched for, and each answer filtered to the exact contact by the
 * import's match rule (§A8). The same search before sending tells how many rows already match.
 */
import { MATCH_CHANNEL_KEYS, contactsMatch, matchKeysOf } from '../whispir/match-rule';

/** One row as sent: Whispir field → value. */
export type SentContact = Readonly<Record<string, string>>;

/** Rows a part is checked by at most: spread through it, so a part cut short shows. */
export const SAMPLE_PER_PART = 20;
/** Rows a part is checked by at least, however many parts there are. */
export const MIN_SAMPLE_PER_PART = 10;
/** Rows an import of many parts is checked by at least, in all. */
export const MIN_SAMPLE_PER_IMPORT = 100;

/**
 * Rows each part of an import of `parts` parts is checked by: 20, and fewer for an import of
 * more than five parts, so that the import is still checked by at least 100 rows and each part
 * by at least 10, spread through it with its first and last row (a lost part, or one cut
 * short, is still found out). Every search is a
 * request against the account's rate limit: at 20 a part, a million rows (13 parts) made 260
 * searches, more than 40 s of requests at 5 a second; at 10 a part they are 130 (ADR 011).
 */
export function samplePerPart(parts: number): number {
  const share = Math.ceil(MIN_SAMPLE_PER_IMPORT / Math.max(1, parts));
  return Math.max(MIN_SAMPLE_PER_PART, Math.min(SAMPLE_PER_PART, share));
}

/** Rows the check before sending looks up (every row of a smaller file). */
export const SAMPLE_BEFORE_SENDING = 100;

/**
 * Up to `size` rows spread evenly through `rows` (first and last included), keeping only rows
 * that can be found: a first and last name and a channel the match rule uses.
 */
export function spreadSample<T extends SentContact>(rows: readonly T[], size: number): T[] {
  const findable = rows.filter(isFindable);
  return spreadIndexes(findable.length, size).map((index) => findable[index] as T);
}

/** Up to `size` of the indexes `0..count-1`, spread evenly (first and last included). */
export function spreadIndexes(count: number, size: number): number[] {
  const picked = Math.max(0, Math.min(count, size));
  if (count <= size || size <= 1) return Array.from({ length: picked }, (_, i) => i);
  const step = (count - 1) / (size - 1);
  return Array.from({ length: size }, (_, i) => Math.round(i * step));
}

function isFindable(row: SentContact): boolean {
  return (
    Boolean(row.firstName?.trim()) &&
    Boolean(row.lastName?.trim()) &&
    MATCH_CHANNEL_KEYS.some((key) => Boolean(row[key]?.trim()))
  );
}

/** A part file's rows as contacts, through the import's field mapping (field → column). */
export function contactsOfPart(
  table: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] },
  fieldMapping: Readonly<Record<string, string>>,
): SentContact[] {
  const columns = Object.entries(fieldMapping).map(
    ([field, column]) => [field, table.headers.indexOf(column)] as const,
  );
  return table.rows.map((row) =>
    Object.fromEntries(
      columns.map(([field, index]) => [field, index < 0 ? '' : (row[index] ?? '')]),
    ),
  );
}

/**
 * The search for one row: its name and the first channel it has, each a "contains" filter.
 * Whispir may find others whose values contain these; `isSameContact` keeps the row's own.
 */
export function searchQueryFor(row: SentContact): Record<string, string> {
  return searchQueriesFor(row)[0] ?? nameQuery(row);
}

/**
 * One search per channel the row has, in the match rule's order: a contact matches on any one
 * of them (Part A §8), so one already there with the row's mobile but another email is found
 * only by the mobile's search. The name alone when the row has no channel.
 */
export function searchQueriesFor(row: SentContact): Record<string, string>[] {
  const queries = MATCH_CHANNEL_KEYS.filter((key) => row[key]?.trim()).map((channel) => ({
    ...nameQuery(row),
    [channel]: (row[channel] ?? '').trim(),
  }));
  return queries.length > 0 ? queries : [nameQuery(row)];
}

const nameQuery = (row: SentContact): Record<string, string> => ({
  firstName: row.firstName?.trim() ?? '',
  lastName: row.lastName?.trim() ?? '',
});

/** The fields a search asks Whispir to return, enough to apply the match rule. */
export const SEARCH_FIELDS = ['firstName', 'lastName', ...MATCH_CHANNEL_KEYS] as const;

/** Whether a contact Whispir returned is this row, by the import's match rule. */
export function isSameContact(
  row: SentContact,
  contact: Readonly<Record<string, unknown>>,
): boolean {
  const text = (key: string) => (typeof contact[key] === 'string' ? (contact[key] as string) : '');
  return contactsMatch(
    matchKeysOf(row),
    matchKeysOf(Object.fromEntries(SEARCH_FIELDS.map((key) => [key, text(key)]))),
  );
}

/** What the check of one part found. */
export interface PartVerification {
  readonly part: number;
  /** Rows looked for. */
  readonly sampled: number;
  /** Of those, found in the workspace. */
  readonly found: number;
  /** Of those, the ones a search answered about (found or not); a failed search says nothing. */
  readonly answered?: number;
  /** The contacts found, by name, with their address in the API (to follow in the inspector). */
  readonly contacts: readonly { readonly name: string; readonly uri?: string }[];
  /** 'checking' while the searches go on; 'done' once every row was found or the time ran out. */
  readonly state: 'checking' | 'done';
}

/** "Found 20 of 20 sampled contacts in Sales Team." */
export function describeVerification(
  verification: Pick<PartVerification, 'sampled' | 'found' | 'state'>,
  workspaceName: string,
): string {
  const { sampled, found, state } = verification;
  if (sampled === 0)
    return 'No row of this part could be looked up (each needs a name and an email or mobile).';
  const sample = `${found} of ${sampled} sampled contact${sampled === 1 ? '' : 's'}`;
  if (state === 'checking') return `Checking in ${workspaceName}: found ${sample} so far…`;
  return `Found ${sample} in ${workspaceName}.`;
}

/** "12 of 100 sampled rows match contacts already in Sales Team". */
export function describeExisting(matched: number, sampled: number, workspaceName: string): string {
  return `${matched} of ${sampled} sampled rows match contacts already in ${workspaceName}`;
}
