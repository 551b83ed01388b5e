/**
 * The rejected-rows report (landscape gap 14): the rows that will not be, or were not, sent,
 * with their original columns plus why, as a CSV a person opens in Excel and fixes. Available
 * before and after submit, built from the same data.
 */
import { writeSpreadsheetCsv, type ReportDelimiter } from './spreadsheet-file';

/** `sent without a value`: the row went, but a value of the file was cleared (it could not be used). */
export type ReportRowStatus = 'skipped' | 'rejected' | 'sent without a value';

export interface ReportRow {
  /** The input row's number, as the rest of the app shows it. */
  readonly row: number;
  /** The row's original cells, in the file's column order. */
  readonly values: readonly string[];
  readonly problems: readonly string[];
  readonly status: ReportRowStatus;
}

/** The columns the report adds after the file's own. */
export const REPORT_COLUMNS = ['row', 'status', 'problems'] as const;

// Our columns keep clear of the file's own: a file with a "status" column gets "import status".
function reportColumnNames(headers: readonly string[]): string[] {
  const taken = new Set(headers.map((header) => header.trim().toLowerCase()));
  return REPORT_COLUMNS.map((name) => {
    let candidate = name as string;
    while (taken.has(candidate)) candidate = `import ${candidate}`;
    taken.add(candidate);
    return candidate;
  });
}

/**
 * The report as CSV text, written by the one spreadsheet-safe writer (`writeSpreadsheetCsv`:
 * BOM, RFC 4180, CRLF, every cell neutralised against formula injection). Rows wider than the
 * header get extra "Column N" headers rather than losing cells; shorter rows are padded.
 */
export function buildRejectedRowsCsv(
  headers: readonly string[],
  rows: readonly ReportRow[],
  delimiter: ReportDelimiter = ',',
): string {
  let width = headers.length;
  for (const r of rows) if (r.values.length > width) width = r.values.length;
  const fileColumns = Array.from({ length: width }, (_, i) => headers[i] ?? `Column ${i + 1}`);
  const data = rows.map((r) => {
    const cells = new Array<string>(width + REPORT_COLUMNS.length);
    for (let i = 0; i < width; i++) cells[i] = r.values[i] ?? '';
    cells[width] = String(r.row);
    cells[width + 1] = r.status;
    cells[width + 2] = r.problems.join('; ');
    return cells;
  });
  return writeSpreadsheetCsv([...fileColumns, ...reportColumnNames(fileColumns)], data, delimiter);
}

/** What the report needs to know about one row's problems. */
export interface ReportProblem {
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * The report's rows: every skipped row and every row with an error, in row order, with its
 * messages (errors first; warnings marked). `rows` are the file's rows as read.
 */
export function collectReportRows(input: {
  readonly rows: Iterable<{ readonly row: number; readonly values: readonly string[] }>;
  readonly problemsByRow: ReadonlyMap<number, readonly ReportProblem[]>;
  readonly skippedRows: ReadonlySet<number>;
  /** Rows sent with values of the file cleared, each with what was cleared and why. */
  readonly clearedByRow?: ReadonlyMap<number, readonly string[]>;
}): ReportRow[] {
  const out: ReportRow[] = [];
  for (const { row, values } of input.rows) {
    const problems = input.problemsByRow.get(row) ?? [];
    const skipped = input.skippedRows.has(row);
    const hasError = problems.some((p) => p.severity === 'error');
    const cleared = input.clearedByRow?.get(row);
    if (!skipped && !hasError) {
      if (cleared?.length)
        out.push({ row, values, problems: cleared, status: 'sent without a value' });
      continue;
    }
    const messages = [
      ...problems.filter((p) => p.severity === 'error').map((p) => p.message),
      ...problems.filter((p) => p.severity === 'warning').map((p) => `Warning: ${p.message}`),
    ];
    out.push({ row, values, problems: messages, status: skipped ? 'skipped' : 'rejected' });
  }
  return out;
}

/** "contacts.csv" → "contacts-rejected-rows.csv". */
export function rejectedReportFileName(fileName: string | undefined): string {
  const base = (fileName ?? 'contacts').replace(/\.[^.]+$/, '') || 'contacts';
  return `${base}-rejected-rows.csv`;
}
