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

/** One piece of a text, with the share of the whole read once it is through. */
export interface TextPiece {
  readonly text: string;
  readonly fraction: number;
  /**
   * True when the piece may be a two-byte string (it holds a character above U+00FF, or came
   * from UTF-16): values cut from it are two-byte too, whatever their characters.
   */
  readonly wide?: boolean;
}

/** Text that comes in pieces (a large file, decoded a piece at a time), with its progress. */
export interface TextPieces {
  /** The pieces in order. */
  readonly pieces: Iterable<TextPiece>;
  /** The whole text: asked only for the line numbers of quote problems, which are rare. */
  readonly whole: () => string;
}

const CHUNK_CHARS = 1024 * 1024;

/** A string as pieces of about 1 MB, as PapaParse's own string streamer cuts it. */
function piecesOf(text: string): TextPieces {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return {
    pieces: (function* () {
      for (let start = 0; start < input.length; start += CHUNK_CHARS) {
        const end = Math.min(input.length, start + CHUNK_CHARS);
        yield { text: input.slice(start, end), fraction: end / input.length };
      }
    })(),
    whole: () => input,
  };
}

/** The part of PapaParse's (exported) string streamer that `parseDelimitedInto` drives. */
interface PapaStreamer {
  _finished: boolean;
  /** The part of the last piece's text not yet parsed, joined to the front of the next piece. */
  _partialLine: string;
  _nextChunk: () => unknown;
  parseChunk: (chunk: string) => unknown;
  stream: (input: string) => unknown;
}

/**
 * Parses piece by piece and hands each record to `sink` as it is read (a `RowStore` keeps a
 * large file compact while it is read), so neither the whole text nor a chunk's records need
 * to outlive the next piece. PapaParse's string streamer does the parsing, with its own
 * handling of a record split between pieces; only where the next piece comes from is ours.
 */
export function parseDelimitedInto(
  source: string | TextPieces,
  sink: {
    push(record: string[]): void;
    /** Called after each chunk's records: a store packs them while they are young garbage. */
    seal?(): void;
    /**
     * Called before each chunk's records: whether their values may be two-byte strings (cut
     * from a wide piece, or from text carried over from one).
     */
    cellsMayBeWide?(may: boolean): void;
  },
  options: DelimitedOptions & {
    readonly maxRecords?: number;
    readonly onProgress?: (fraction: number, rows: number) => void;
  },
): { problems: IntakeProblem[]; truncated: boolean } {
  const text = typeof source === 'string' ? piecesOf(source) : source;
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
  let fraction = 0;
  let lastChar = -1;
  const streamer = new (
    Papa as unknown as { StringStreamer: new (config: object) => PapaStreamer }
  ).StringStreamer({
    delimiter: options.delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    dynamicTyping: false,
    transform: false,
    chunkSize: CHUNK_CHARS,
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
      sink.seal?.();
      seen += chunk.data.length;
      chunkStart = chunk.meta.cursor;
      onProgress?.(fraction, count);
      if (truncated) parser.abort();
    },
  });
  const pieces = text.pieces[Symbol.iterator]();
  let next = pieces.next();
  let lastWide = false;
  streamer._nextChunk = function (this: PapaStreamer) {
    if (this._finished) return undefined;
    const piece: TextPiece = next.done ? { text: '', fraction: 1 } : next.value;
    next = pieces.next();
    this._finished = next.done === true;
    fraction = piece.fraction;
    // The text parsed next is the carried-over text joined to the piece: two-byte if either
    // is. The record held back from the last piece is pushed with this piece's records.
    const wide = piece.wide === true || (this._partialLine.length > 0 && lastWide);
    sink.cellsMayBeWide?.(wide || lastWide);
    lastWide = wide;
    if (piece.text.length > 0) lastChar = piece.text.charCodeAt(piece.text.length - 1);
    return this.parseChunk(piece.text);
  };
  streamer.stream('');
  const last = held;
  // The end of the text is read by its last character: a regular expression run over the
  // whole text would keep it alive as the engine's last match until the next one.
  const endsWithBreak = lastChar === 10 || lastChar === 13;
  if (last !== undefined && !(last.length === 1 && last[0] === '' && endsWithBreak)) {
    if (max !== undefined && count >= max) truncated = true;
    else sink.push(last);
  }
  const input = errors.length > 0 ? text.whole() : '';
  const problems: IntakeProblem[] = [];
  for (const error of errors) {
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
