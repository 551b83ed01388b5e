import Papa from 'papaparse';
import { delimiterName } from './delimiter';
import { type IntakeProblem, problem } from './problems';

export interface DelimitedOptions {
  readonly delimiter: string;
}

export interface ParsedDelimited {
  /** Every record of the file, blank lines included (as `['']`); record i is file row i + 1. */
  readonly records: string[][];
  readonly problems: IntakeProblem[];
  /** True when parsing stopped at `maxRecords` and more of the file was left unread. */
  readonly truncated: boolean;
}

/**
 * Splits delimited text into records of text fields, nothing converted or trimmed. Blank lines
 * stay in as `['']` so that index i is always file row i + 1; the empty record PapaParse yields
 * after a final line break is dropped, because no spreadsheet shows that row.
 */
export function parseDelimitedText(text: string, options: DelimitedOptions): string[][] {
  return parseDelimited(text, options).records;
}

/**
 * Like `parseDelimitedText`, plus problems with quotes. Row numbers follow the spreadsheet view
 * of the file: record n (1-based, blank lines counted, a quoted value spanning lines staying in
 * one record) is row n; `line` gives the text-editor line where they differ.
 */
export function parseDelimited(
  text: string,
  options: DelimitedOptions & {
    readonly maxRecords?: number;
    /** Called between chunks of about 1 MB with the share of the text read and rows so far. */
    readonly onProgress?: (fraction: number, rows: number) => void;
  },
): ParsedDelimited {
  const records: string[][] = [];
  const { problems, truncated } = parseDelimitedInto(text, records, options);
  return { records, problems, truncated };
}

/**
 * Parses in chunks of about 1 MB and hands each record to `sink` as it is read (a `RowStore`
 * keeps a large file compact while it is read), so no chunk's records outlive the next chunk.
 */
export function parseDelimitedInto(
  text: string,
  sink: { push(record: string[]): void },
  options: DelimitedOptions & {
    readonly maxRecords?: number;
    readonly onProgress?: (fraction: number, rows: number) => void;
  },
): { problems: IntakeProblem[]; truncated: boolean } {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const max = options.maxRecords;
  const onProgress = options.onProgress;
  const errors: Papa.ParseError[] = [];
  let count = 0;
  let truncated = false;
  // The last record is held back: the empty record PapaParse yields after a final line break
  // is dropped, and only the end of the text tells which record is the last.
  let held: string[] | undefined;
  const take = (record: string[]): void => {
    if (held !== undefined) {
      if (max !== undefined && count >= max) {
        truncated = true;
        return;
      }
      sink.push(held);
      count++;
    }
    held = record;
  };
  let chunkStart = 0;
  let seen = 0;
  Papa.parse<string[]>(input, {
    delimiter: options.delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    dynamicTyping: false,
    chunkSize: 1024 * 1024,
    // String input is parsed synchronously chunk by chunk (PapaParse's StringStreamer).
    complete: () => undefined,
    chunk: (chunk: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      // Errors come per chunk and are re-based here.
      for (const error of chunk.errors) {
        errors.push({
          ...error,
          row: error.row === undefined ? undefined : error.row + seen,
          index: error.index === undefined ? undefined : error.index + chunkStart,
        });
      }
      for (const record of chunk.data) take(record);
      seen += chunk.data.length;
      chunkStart = chunk.meta.cursor;
      onProgress?.(input.length === 0 ? 1 : chunkStart / input.length, count);
      if (truncated) parser.abort();
    },
  });
  const last = held;
  // The end of the text is read by its last character: a regular expression run over the
  // whole text would keep it alive as the engine's last match until the next one.
  const end = input.charCodeAt(input.length - 1);
  const endsWithBreak = end === 10 || end === 13;
  if (last !== undefined && !(last.length === 1 && last[0] === '' && endsWithBreak)) {
    if (max !== undefined && count >= max) truncated = true;
    else sink.push(last);
  }
  const result = { errors };
  const problems: IntakeProblem[] = [];
  for (const error of result.errors) {
    const row = (error.row ?? 0) + 1;
    const line = error.index !== undefined ? lineAt(input, error.index) : undefined;
    const where = line !== undefined && line !== row ? ` (line ${line} of the text)` : '';
    if (error.code === 'MissingQuotes') {
      problems.push(
        problem(
          'unclosed-quote',
          'error',
          `Row ${row}${where} opens a quote (") that is never closed, so everything after it was read as one value. Look for a stray " in row ${row}.`,
          { row, ...(line !== undefined ? { line } : {}) },
        ),
      );
    } else if (error.code === 'InvalidQuotes') {
      problems.push(
        problem(
          'malformed-quote',
          'warning',
          `Row ${row}${where} has text right after a closing quote ("…"x). The value may be split wrongly; a quote inside a quoted value must be doubled ("").`,
          { row, ...(line !== undefined ? { line } : {}) },
        ),
      );
    }
  }
  return { problems, truncated };
}

/**
 * Compares a row's field count with the header's. Returns undefined when they match. The hint
 * names the likely cause: an unquoted separator inside a value, or missing trailing values.
 * `rowNumber` is the file row number (see `parseDelimited`).
 */
export function checkRowShape(
  fields: readonly string[],
  headerWidth: number,
  rowNumber: number,
  /** The separator, for the hint; `null` for workbook rows, which have none. */
  delimiter: string | null = ',',
): IntakeProblem | undefined {
  const n = fields.length;
  if (n === headerWidth) return undefined;
  const plural = (k: number): string => (k === 1 ? 'field' : 'fields');
  const base = `Row ${rowNumber} has ${n} ${plural(n)}, the header has ${headerWidth}`;
  if (n > headerWidth) {
    if (delimiter !== null && fields.slice(headerWidth).every((f) => f === '')) {
      // Some exporters end every line with a separator; worth saying, but nothing is misplaced.
      return problem(
        'row-too-many-fields',
        'warning',
        `${base} — the extra ${n - headerWidth === 1 ? 'field is' : 'fields are'} empty (a ${delimiterName(delimiter)} at the end of the line?).`,
        { row: rowNumber },
      );
    }
    const hint =
      delimiter === null
        ? 'the extra values have no column name.'
        : `is there an unquoted ${delimiterName(delimiter)}?`;
    return problem('row-too-many-fields', 'warning', `${base} — ${hint}`, { row: rowNumber });
  }
  return problem(
    'row-too-few-fields',
    'warning',
    `${base} — are values missing at the end of the row, or was the row split across lines?`,
    { row: rowNumber },
  );
}

function lineAt(text: string, index: number): number {
  let line = 1;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
