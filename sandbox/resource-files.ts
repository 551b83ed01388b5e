/**
 * Resource files: the base64 payload, its validity as CSV/JSON/XML, and reading it as rows for
 * an import. Pure functions; problems come back as data. The `…Sliced` forms parse CSV in slices
 * that hand the event loop back, for the server: a 100,000-row part takes about 90 ms to parse
 * in one go (seconds on a busy machine), and nothing else would be answered meanwhile.
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

/**
 * Characters or bytes decoded between clock reads: a slice of an 8 MB upload takes a few
 * milliseconds, where the whole took 30 to 60 ms in one go (base64's check, UTF-8's).
 */
const DECODE_CHUNK = 1 << 20;

/** A function that waits for the next event-loop turn once about `sliceMs` has passed. */
function slicer(sliceMs: number): () => Promise<void> {
  let sliceEnd = performance.now() + sliceMs;
  return async () => {
    if (performance.now() < sliceEnd) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceEnd = performance.now() + sliceMs;
  };
}

/**
 * Strict base64 (line breaks allowed, as some encoders wrap); `undefined` when invalid. Checked
 * and decoded 1 MiB at a time, with a pause after about `sliceMs`.
 */
export async function decodeBase64(text: string, sliceMs: number): Promise<Buffer | undefined> {
  const compact = text.replace(/[\r\n\t ]+/g, '');
  if (compact.length % 4 !== 0) return undefined;
  const pause = slicer(sliceMs);
  const parts: Buffer[] = [];
  // DECODE_CHUNK is a multiple of 4, so every chunk is whole base64 groups; only the last may pad.
  for (let start = 0; start < compact.length; start += DECODE_CHUNK) {
    const chunk = compact.slice(start, start + DECODE_CHUNK);
    const last = start + DECODE_CHUNK >= compact.length;
    if (!(last ? /^[A-Za-z0-9+/]*={0,2}$/ : /^[A-Za-z0-9+/]*$/).test(chunk)) return undefined;
    parts.push(Buffer.from(chunk, 'base64'));
    await pause();
  }
  return Buffer.concat(parts);
}

/** `decodeText`, 1 MiB at a time with a pause after about `sliceMs`. */
export async function decodeTextSliced(
  content: Buffer,
  sliceMs: number,
): Promise<string | undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const pause = slicer(sliceMs);
  const parts: string[] = [];
  try {
    for (let start = 0; start < content.length; start += DECODE_CHUNK) {
      const part = decoder.decode(content.subarray(start, start + DECODE_CHUNK), { stream: true });
      if (part.includes('\u0000')) return undefined;
      parts.push(part);
      await pause();
    }
    parts.push(decoder.decode());
  } catch {
    return undefined;
  }
  return parts.join('');
}

interface CsvParse {
  readonly rows: string[][];
  readonly error?: string;
}

// Whispir takes comma-delimited files only (Part B §7), so the delimiter is not guessed.
const CSV_CONFIG = { delimiter: ',', skipEmptyLines: 'greedy' } as const;

const quoteProblem = (error: Papa.ParseError, row: number) => `${error.message} (row ${row})`;

function parseCsv(text: string): CsvParse {
  const result = Papa.parse<string[]>(text, CSV_CONFIG);
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) return { rows: [], error: quoteProblem(quoteError, quoteError.row ?? 0) };
  return { rows: result.data };
}

/** A slice of parsing for the server: short enough that a waiting request is not held up long. */
export const PARSE_SLICE_MS = 20;

/** Rows between clock reads while parsing in slices. */
const ROWS_PER_CLOCK_CHECK = 512;

/**
 * The same parse as `parseCsv`, pausing after about `sliceMs` of work until the next event-loop
 * turn. `keepRows` false only checks the file (no rows returned): an upload's check then leaves
 * no 80,000 rows behind for the collector.
 */
function parseCsvSliced(text: string, sliceMs: number, keepRows = true): Promise<CsvParse> {
  return new Promise((resolve) => {
    const rows: string[][] = [];
    let count = 0;
    let error: string | undefined;
    let sliceEnd = 0;
    // Decoding the upload has just taken a turn's worth of time: parse from the next turn.
    setImmediate(() => {
      sliceEnd = performance.now() + sliceMs;
      Papa.parse<string[]>(text, {
        ...CSV_CONFIG,
        step(result, parser) {
          const quoteError = result.errors.find((e) => e.type === 'Quotes');
          if (quoteError && error === undefined) error = quoteProblem(quoteError, count);
          count += 1;
          if (keepRows) rows.push(result.data);
          if (count % ROWS_PER_CLOCK_CHECK === 0 && performance.now() > sliceEnd) {
            parser.pause();
            setImmediate(() => {
              sliceEnd = performance.now() + sliceMs;
              parser.resume();
            });
          }
        },
        complete: () => resolve(error === undefined ? { rows } : { rows: [], error }),
      });
    });
  });
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
      return csvFileProblem(parseCsv(text));
    case 'application/json':
      return parseJson(text).error && 'the file is not valid JSON';
    case 'application/xml':
      if (scanXmlNesting(text) === 'too-deep')
        return `the file nests XML elements deeper than ${MAX_XML_DEPTH} levels`;
      return parseXmlDocument(text) ? undefined : 'the file is not well-formed XML';
  }
}

/** `resourceFileProblem`, parsing a CSV file in slices of about `sliceMs`. */
export async function resourceFileProblemSliced(
  content: Buffer,
  mimeType: ImportableMimeType,
  sliceMs: number,
): Promise<string | undefined> {
  const text = mimeType === 'text/csv' ? await decodeTextSliced(content, sliceMs) : undefined;
  // Not CSV, not text, or blank: nothing to slice, and the one-go check says why.
  if (!text?.trim()) return resourceFileProblem(content, mimeType);
  return csvFileProblem(await parseCsvSliced(text, sliceMs, false));
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

/** `readRowTable`, parsing a CSV resource in slices of about `sliceMs`. */
export async function readRowTableSliced(
  content: Buffer,
  mimeType: string,
  sliceMs: number,
): Promise<RowTableRead> {
  const text = await decodeTextSliced(content, sliceMs);
  if (text === undefined) return { error: 'the resource is not UTF-8 text' };
  return mimeType.toLowerCase() === 'text/csv'
    ? csvRead(await parseCsvSliced(text, sliceMs))
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
