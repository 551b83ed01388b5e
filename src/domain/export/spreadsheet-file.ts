/**
 * The one writer of every file the wizard hands the user (rejected rows, rows not sent, any
 * export a spreadsheet may open): CSV that a spreadsheet shows as typed, never runs.
 *
 * A spreadsheet app runs a cell starting with `=`, `+`, `-` or `@` as a formula, and also one
 * starting with a tab or carriage return followed by one (CSV injection, OWASP). Such a cell gets
 * a leading apostrophe, which Excel and LibreOffice show as text and do not keep in the value
 * they display: `=HYPERLINK(…)` stays visible text, and a time zone `+10` stays `+10` instead
 * of becoming the number 10.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell made safe to open in a spreadsheet: `=SUM(A1)` → `'=SUM(A1)`, `+10` → `'+10`. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Whether a cell would be run as a formula by a spreadsheet app if written as is. */
export function isLiveFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

/** The byte order mark that makes Excel read the file as UTF-8 (accents, non-Latin names). */
export const SPREADSHEET_BOM = '\uFEFF';

/**
 * A comma, or a semicolon for a file that came with semicolons: Excel in a country whose decimal
 * mark is a comma (Germany, France…) writes and reads CSV with semicolons, and opens a comma
 * file as one column.
 */
export type ReportDelimiter = ',' | ';';

/** The delimiter to write a report of a file read with `delimiter` in. */
export const reportDelimiterFor = (delimiter: string | undefined): ReportDelimiter =>
  delimiter === ';' ? ';' : ',';

/** The media type to download a file made by `writeSpreadsheetCsv` with. */
export const SPREADSHEET_CSV_TYPE = 'text/csv;charset=utf-8';

/**
 * A header and rows as CSV text safe to open in a spreadsheet: a UTF-8 BOM, RFC 4180 quoting,
 * CRLF line ends, every cell (header included) neutralised. Rows wider than the header get
 * "Column N" headers rather than losing cells; shorter rows are padded with empty cells.
 */
export function writeSpreadsheetCsv(
  headers: readonly string[],
  rows: Iterable<readonly string[]>,
  delimiter: ReportDelimiter = ',',
): string {
  const data: string[][] = [];
  let width = headers.length;
  for (const row of rows) {
    if (row.length > width) width = row.length;
    data.push(row.map(neutraliseCell));
  }
  for (const row of data) while (row.length < width) row.push('');
  const fields = Array.from({ length: width }, (_, i) =>
    neutraliseCell(headers[i] ?? `Column ${i + 1}`),
  );
  // Papa's own escapeFormulae stays off: the rule is applied above, in one visible place.
  return (
    SPREADSHEET_BOM +
    Papa.unparse({ fields, data }, { newline: '\r\n', delimiter, escapeFormulae: false })
  );
}
