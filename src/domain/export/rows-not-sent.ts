/**
 * "Download the rows not sent": the part files that were to be sent (CSV, JSON or XML, as built
 * by src/domain/resource) read back into one header and rows, and written as a spreadsheet-safe
 * CSV by the one writer, so a cell like `=HYPERLINK(…)` or a time zone `+10` opens as text.
 */
import { parseDelimited } from '../intake/delimited';
import { readJsonContacts } from '../intake/json-contacts';
import { readXmlContacts } from '../intake/xml-contacts';
import type { ResourceMimeType } from '../resource/formats';
import { writeSpreadsheetCsv, type ReportDelimiter } from './spreadsheet-file';

export interface PartTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One part file as a header and rows, read with the intake's own readers. */
export function readPartFile(mimeType: ResourceMimeType, text: string): PartTable {
  switch (mimeType) {
    case 'text/csv': {
      const [headers = [], ...records] = parseDelimited(text, { delimiter: ',' }).records;
      // A blank line (only possible at the end of a part) is not a contact.
      const rows = records.filter((record) => !(record.length === 1 && record[0] === ''));
      return { headers, rows };
    }
    case 'application/json':
      return readJsonContacts(text);
    case 'application/xml':
      return readXmlContacts(text);
  }
}

/**
 * The rows of several part files as one table: the columns of every part, in first-seen order
 * (the parts of one upload share them), and every row in part order.
 */
export function mergePartTables(tables: readonly PartTable[]): PartTable {
  const headers: string[] = [];
  const index = new Map<string, number>();
  for (const table of tables)
    for (const header of table.headers)
      if (!index.has(header)) {
        index.set(header, headers.length);
        headers.push(header);
      }
  const rows: string[][] = [];
  for (const table of tables) {
    const at = table.headers.map((header) => index.get(header) ?? 0);
    for (const row of table.rows) {
      const out = new Array<string>(headers.length).fill('');
      row.forEach((value, i) => {
        const target = at[i];
        if (target !== undefined) out[target] = value;
      });
      rows.push(out);
    }
  }
  return { headers, rows };
}

/**
 * The CSV of the rows of some part files (the parts not sent, or the parts sent), from their
 * texts, in part order, with the delimiter the person's own file came with (a semicolon file
 * gets a semicolon report, which their Excel opens in columns).
 */
export function buildPartRowsCsv(
  mimeType: ResourceMimeType,
  files: readonly string[],
  delimiter: ReportDelimiter = ',',
): string {
  const { headers, rows } = mergePartTables(files.map((file) => readPartFile(mimeType, file)));
  return writeSpreadsheetCsv(headers, rows, delimiter);
}

/** "contacts.xlsx" → "contacts-not-sent.csv". */
export function rowsNotSentFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '') || 'contacts';
  return `${base}-not-sent.csv`;
}
