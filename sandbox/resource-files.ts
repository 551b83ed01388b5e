/**
 * Resource files: the base64 payload, its validity as CSV/JSON/XML, and reading it as rows for
 * an import. Pure, synchronous functions; problems come back as data. The server runs them on
 * a worker thread (`file-worker.ts`): decoding and parsing a 10 MB file takes hundreds of
 * milliseconds, and its rows come back packed (`packRows`), a few objects instead of millions.
 */
import Papa from 'papaparse';
import {
  childElements,
  MAX_XML_DEPTH,
  NS_ENTITY,
  parseXmlDocument,
  scanXmlNesting,
} from './xml.ts';

/** The mime types a private resource may have (Part B §2.2). */
export const PRIVATE_MIME_TYPES = ['text/csv', 'application/json', 'application/xml'] as const;
export type ImportableMimeType = (typeof PRIVATE_MIME_TYPES)[number];

export function isImportableMimeType(mimeType: string): mimeType is ImportableMimeType {
  return (PRIVATE_MIME_TYPES as readonly string[]).includes(mimeType.toLowerCase());
}

/** UTF-8 text without a BOM; `undefined` when the bytes are not UTF-8 or contain NUL. */
export function decodeText(content: Buffer): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** Characters checked and decoded at a time: the regular expression never holds 10 MB at once. */
const DECODE_CHUNK = 1 << 20;

/** Strict base64 (line breaks allowed, as some encoders wrap); `undefined` when invalid. */
export function decodeBase64(text: string): Buffer | undefined {
  const compact = text.replace(/[\r\n\t ]+/g, '');
  if (compact.length % 4 !== 0) return undefined;
  const parts: Buffer[] = [];
  // DECODE_CHUNK is a multiple of 4, so every chunk is whole base64 groups; only the last may pad.
  for (let start = 0; start < compact.length; start += DECODE_CHUNK) {
    const chunk = compact.slice(start, start + DECODE_CHUNK);
    const last = start + DECODE_CHUNK >= compact.length;
    if (!(last ? /^[A-Za-z0-9+/]*={0,2}$/ : /^[A-Za-z0-9+/]*$/).test(chunk)) return undefined;
    parts.push(Buffer.from(chunk, 'base64'));
  }
  return Buffer.concat(parts);
}

interface CsvParse {
  readonly rows: string[][];
  readonly error?: string;
}

// Whispir takes comma-delimited files only (Part B §7), so the delimiter is not guessed.
const CSV_CONFIG = { delimiter: ',', skipEmptyLines: 'greedy' } as const;

/**
 * Parses CSV row by row (Papa Parse's step mode, which runs synchronously on a string). A quote
 * error names the data row it is in, blank lines not counted. `keepRows` false only checks the
 * file: no rows are returned.
 */
function parseCsv(text: string, keepRows = true): CsvParse {
  const rows: string[][] = [];
  let count = 0;
  let error: string | undefined;
  let complete = false;
  Papa.parse<string[]>(text, {
    ...CSV_CONFIG,
    step(result) {
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError && error === undefined) error = `${quoteError.message} (row ${count})`;
      count += 1;
      if (keepRows) rows.push(result.data);
    },
    complete: () => (complete = true),
  });
  if (!complete) throw new Error('the CSV parse did not finish synchronously');
  return error === undefined ? { rows } : { rows: [], error };
}

function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const csvFileProblem = ({ error }: CsvParse) => error && `the file is not valid CSV: ${error}`;

/** Why a private resource file is not valid CSV/JSON/XML, or `undefined` when it is. */
export function resourceFileProblem(
  content: Buffer,
  mimeType: ImportableMimeType,
): string | undefined {
  const text = decodeText(content);
  if (text === undefined) return 'the file is not UTF-8 text';
  if (!text.trim()) return 'the file is empty';
  switch (mimeType) {
    case 'text/csv':
      return csvFileProblem(parseCsv(text, false));
    case 'application/json':
      return parseJson(text).error && 'the file is not valid JSON';
    case 'application/xml':
      if (scanXmlNesting(text) === 'too-deep')
        return `the file nests XML elements deeper than ${MAX_XML_DEPTH} levels`;
      return parseXmlDocument(text) ? undefined : 'the file is not well-formed XML';
  }
}

/** The data rows of a resource, read column by column (a missing column reads as blank). */
export interface RowTable {
  readonly rowCount: number;
  /** A reader for one column: data row index (0-based) → value. */
  column(name: string): (row: number) => string;
  /** Why a row cannot be read at all (e.g. a CSV row with more fields than the header). */
  problem(row: number): string | undefined;
}

const blank = () => '';

function csvTable(rows: string[][]): RowTable {
  const header = rows[0] ?? [];
  const data = rows.slice(1);
  return {
    rowCount: data.length,
    column(name) {
      const index = header.indexOf(name);
      return index < 0 ? blank : (row) => data[row]?.[index] ?? '';
    },
    problem(row) {
      const length = data[row]?.length ?? 0;
      return length === header.length
        ? undefined
        : `the row has ${length} fields but the header has ${header.length}`;
    },
  };
}

const cellText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';

function recordTable(records: readonly unknown[]): RowTable {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  return {
    rowCount: records.length,
    column(name) {
      return (row) => {
        const record = records[row];
        return isRecord(record) ? cellText(record[name]) : '';
      };
    },
    problem(row) {
      return isRecord(records[row]) ? undefined : 'the row is not an object';
    },
  };
}

function xmlRecords(root: ReturnType<typeof parseXmlDocument>): Record<string, string>[] {
  if (!root) return [];
  const contacts = root.getElementsByTagNameNS(NS_ENTITY, 'contact');
  const out: Record<string, string>[] = [];
  for (let i = 0; i < contacts.length; i++) {
    const record: Record<string, string> = {};
    const contact = contacts.item(i);
    if (!contact) continue;
    for (const field of childElements(contact))
      record[field.localName ?? field.nodeName] = field.textContent ?? '';
    out.push(record);
  }
  return out;
}

/**
 * Reads a resource as rows for an import: CSV with a header row, JSON `{"contacts":[...]}` (or a
 * bare array), XML `import/contacts/contact` in the Whispir namespace.
 */
export function readRowTable(content: Buffer, mimeType: string): RowTableRead {
  const text = decodeText(content);
  if (text === undefined) return { error: 'the resource is not UTF-8 text' };
  return mimeType.toLowerCase() === 'text/csv'
    ? csvRead(parseCsv(text))
    : readRecords(text, mimeType);
}

export type RowTableRead = { table: RowTable } | { error: string };

const csvRead = (csv: CsvParse): RowTableRead =>
  csv.error
    ? { error: `the resource is not valid CSV: ${csv.error}` }
    : { table: csvTable(csv.rows) };

/** JSON and XML resources: parsed whole (one `JSON.parse`, one DOM). */
function readRecords(text: string, mimeType: string): RowTableRead {
  const type = mimeType.toLowerCase();
  if (type === 'application/json') {
    const { value, error } = parseJson(text);
    if (error) return { error: 'the resource is not valid JSON' };
    const list = Array.isArray(value) ? value : (value as { contacts?: unknown } | null)?.contacts;
    return Array.isArray(list)
      ? { table: recordTable(list) }
      : { error: 'the JSON resource has no "contacts" array' };
  }
  if (type === 'application/xml') {
    const root = parseXmlDocument(text);
    return root
      ? { table: recordTable(xmlRecords(root)) }
      : { error: 'the resource is not well-formed XML' };
  }
  return { error: `a ${mimeType} resource cannot be imported` };
}

/**
 * The columns an import reads from a `RowTable`, in a form a worker thread can send cheaply:
 * every cell in one string (the structured clone of one string is a copy of its characters,
 * where 500,000 small strings would be built one by one on the receiving thread) and the end of
 * each cell in a typed array, which is transferred rather than copied.
 */
export interface PackedRows {
  readonly rowCount: number;
  readonly columns: readonly string[];
  /** Every cell, row by row and, in a row, column by column. */
  readonly text: string;
  /** The end of cell `row * columns.length + column` in `text`; it starts where the last ended. */
  readonly ends: Int32Array;
  /** `table.problem` of the rows that have one. */
  readonly problems: readonly (readonly [row: number, problem: string])[];
}

/** Packs the given columns of a table (other columns read as blank once unpacked). */
export function packRows(table: RowTable, columns: readonly string[]): PackedRows {
  const readers = columns.map((name) => table.column(name));
  const cells: string[] = [];
  const ends = new Int32Array(table.rowCount * columns.length);
  const problems: [number, string][] = [];
  let length = 0;
  for (let row = 0; row < table.rowCount; row++) {
    const problem = table.problem(row);
    if (problem !== undefined) problems.push([row, problem]);
    for (let column = 0; column < readers.length; column++) {
      const cell = readers[column]!(row);
      cells.push(cell);
      length += cell.length;
      ends[row * columns.length + column] = length;
    }
  }
  return { rowCount: table.rowCount, columns, text: cells.join(''), ends, problems };
}

/** The table `packRows` packed: each cell is cut from the one string when it is read. */
export function unpackRows(packed: PackedRows): RowTable {
  const { rowCount, columns, text, ends } = packed;
  const problems = new Map(packed.problems);
  const width = columns.length;
  return {
    rowCount,
    column(name) {
      const column = columns.indexOf(name);
      if (column < 0) return blank;
      return (row) => {
        if (!(row >= 0 && row < rowCount)) return '';
        const cell = row * width + column;
        return text.slice(cell === 0 ? 0 : ends[cell - 1], ends[cell]);
      };
    },
    problem: (row) => problems.get(row),
  };
}
