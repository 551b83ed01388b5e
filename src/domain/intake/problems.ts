/**
 * Problems found while reading a file. They are data for the preview to show, never thrown:
 * a bad file is the user's everyday reality, not a bug.
 */
export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Stable codes; the UI and tests key on these, the messages may be reworded. */
export const PROBLEM_CODES = [
  'empty-file',
  'binary-file',
  'file-cut-short',
  'nul-characters',
  'unsupported-format',
  'file-too-large',
  'too-many-rows',
  'no-data-rows',
  'row-too-many-fields',
  'row-too-few-fields',
  'row-split',
  'unclosed-quote',
  'malformed-quote',
  'empty-rows-skipped',
  'rows-above-header-skipped',
  'rows-below-table-skipped',
  'hidden-rows',
  'header-renamed',
  'more-problems',
  'encoding-replacement-characters',
  'encoding-doubtful',
  'workbook-empty',
  'workbook-unreadable',
  'workbook-encrypted',
  'workbook-too-large',
  'workbook-too-large-unpacked',
  'sheet-empty',
  'workbook-formula-unsaved',
  'workbook-formula-error',
  'workbook-merged-cells',
  'workbook-other-sheets',
  'sheet-not-found',
  'excel-scientific',
  'json-invalid',
  'json-lines',
  'json-no-records',
  'json-item-not-object',
  'json-number-precision',
  'json-lists-joined',
  'json-list-ignored',
  'xml-invalid',
  'xml-no-records',
  'xml-records-left-out',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface IntakeProblem {
  readonly code: ProblemCode;
  readonly message: string;
  readonly severity: ProblemSeverity;
  /** File row number (see `readTable` for the convention), when the problem belongs to one row. */
  readonly row?: number;
  /** Several row numbers, for problems reported once for many rows (e.g. skipped empty rows). */
  readonly rows?: readonly number[];
  /** Spreadsheet cell reference such as `D9`, for workbook problems. */
  readonly cell?: string;
  /** 1-based line in the text file, when it differs from `row` or the format has no rows (XML). */
  readonly line?: number;
}

/** Builds a problem; keeps call sites short and the field order uniform. */
export function problem(
  code: ProblemCode,
  severity: ProblemSeverity,
  message: string,
  extra: Omit<IntakeProblem, 'code' | 'severity' | 'message'> = {},
): IntakeProblem {
  return { code, severity, message, ...extra };
}

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/**
 * "1,234" for messages; the same in every locale, so tests and users read the same thing. Not
 * `toLocaleString`: its first call in a worker loads the locale's data (about 25 ms, on the way
 * to the first preview), and it is slow enough to show when every duplicate gets a message.
 */
export function formatCount(n: number): string {
  if (!Number.isInteger(n)) return n.toLocaleString('en-AU');
  return n < 1000 && n > -1000 ? String(n) : String(n).replace(THOUSANDS, ',');
}

/**
 * A value from the file for a message: at most `max` characters, so a 5 MB cell quoted in a
 * message stays a short message ("xxxx… (5,000,000 characters)").
 */
export function quoteValue(text: string, max = 60): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${formatCount(text.length)} characters)`;
}

/** "812 bytes", "7.5 KB", "1.9 MB", "2.0 GB": sizes in messages (1 KB = 1,024 bytes). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

/** "rows 4, 9 and 12" / "rows 4, 9, 12 and 37 more", for messages about many rows. */
export function describeRows(rows: readonly number[], shown = 10): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  const head = rows.slice(0, shown);
  if (rows.length <= shown) {
    return `rows ${head.slice(0, -1).join(', ')} and ${head[head.length - 1]}`;
  }
  return `rows ${head.join(', ')} and ${formatCount(rows.length - shown)} more`;
}
