import Papa from 'papaparse';
import { delimiterName } from './delimiter';
import { type IntakeProblem, problem } from './problems';
import { isPrintableStart } from './row-store';

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
  const first = parseDelimitedInto(text, records, options);
  if (!first.lateMix || !mixesLineBreaks(text, options.delimiter, text.length)) {
    return { records, problems: first.problems, truncated: first.truncated };
  }
  // Lines ending another way after the first megabyte: read again with every line break.
  records.length = 0;
  const { problems, truncated } = parseDelimitedInto(text, records, {
    ...options,
    mixedLineBreaks: true,
  });
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

/** The text without the byte-order mark it may start with. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A string as pieces of about 1 MB, as PapaParse's own string streamer cuts it. */
function piecesOf(text: string): TextPieces {
  const input = withoutBom(text);
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

/** The part of PapaParse's (exported) string streamer that `DelimitedParser` drives. */
interface PapaStreamer {
  _finished: boolean;
  /** The part of the last piece's text not yet parsed, joined to the front of the next piece. */
  _partialLine: string;
  _nextChunk: () => unknown;
  parseChunk: (chunk: string) => unknown;
}

/** Where a `DelimitedParser` puts each record as it is read. */
export interface RecordSink {
  push(record: string[]): void;
  /** Called after each chunk's records: a store packs them while they are young garbage. */
  seal?(): void;
  /**
   * Called before each chunk's records: whether their values may be two-byte strings (cut
   * from a wide piece, or from text carried over from one).
   */
  cellsMayBeWide?(may: boolean): void;
}

export type DelimitedParseOptions = DelimitedOptions & {
  readonly maxRecords?: number;
  /** Read as a file that mixes line breaks whatever its start says (see `lateMix`). */
  readonly mixedLineBreaks?: boolean;
  readonly onProgress?: (fraction: number, rows: number) => void;
};

/**
 * Parses piece by piece and hands each record to `sink` as it is read (a `RowStore` keeps a
 * large file compact while it is read), so neither the whole text nor a chunk's records need
 * to outlive the next piece. PapaParse's string streamer does the parsing, with its own
 * handling of a record split between pieces; only where the next piece comes from is ours.
 */
export function parseDelimitedInto(
  source: string | TextPieces,
  sink: RecordSink,
  options: DelimitedParseOptions,
): { problems: IntakeProblem[]; truncated: boolean; lateMix: boolean } {
  const text = typeof source === 'string' ? piecesOf(source) : source;
  const parser = new DelimitedParser(sink, options);
  for (const piece of text.pieces) {
    parser.feed(piece);
    if (parser.truncated) break;
  }
  const { truncated, quoteErrors } = parser.finish();
  return {
    problems: parser.quoteProblems(quoteErrors > 0 ? text.whole() : ''),
    truncated,
    lateMix: parser.lateMix,
  };
}

/**
 * A text parsed as it comes, a piece at a time (`feed`, then `finish`): the pieces of a large
 * file are read and decoded while earlier ones are parsed. See `parseDelimitedInto`.
 */
export class DelimitedParser {
  /** True once `maxRecords` were read and more was left: later pieces are not parsed. */
  truncated = false;
  private readonly errors: Papa.ParseError[] = [];
  /** Made for the first piece, which tells the line break (see `guessLineBreak`). */
  private streamer: PapaStreamer | undefined;
  /** Whether a line's CR LF ends records as its LF does (a file mixing the two). */
  private crBeforeFeed = false;
  /** Read with one kind of line break, the text is watched for lines ending another way. */
  private watchBreaks = false;
  /** Fields in the widest record so far, which later records are told against (`lateMix`). */
  private widest = 0;
  /**
   * True when the text, read with one kind of line break, may end later lines another way (two
   * exports joined, the second from another system): a record wider than any before (or of one
   * column) has a line break in a value, or a record starts or ends with one. Only the first megabyte
   * is looked at before reading starts; the whole text then tells (`mixesLineBreaks` over all
   * of it), and such a text is read again whole with every line break (`mixedLineBreaks`).
   */
  lateMix = false;
  /** A carriage return that ended the last piece, held for the next (`loneReturnsAsFeeds`). */
  private heldReturn = false;
  private count = 0;
  /**
   * The last record is held back: the empty record PapaParse yields after a final line break is
   * dropped, and only the end of the text tells which record is the last.
   */
  private held: string[] | undefined;
  /** The piece fed last, parsed when the next comes (PapaParse must know the last piece). */
  private waiting: TextPiece | undefined;
  private chunkStart = 0;
  private seen = 0;
  private fraction = 0;
  private lastChar = -1;
  private lastWide = false;

  constructor(
    private readonly sink: RecordSink,
    private readonly options: DelimitedParseOptions,
  ) {}

  private streamerFor(firstText: string): PapaStreamer {
    const { sink, options } = this;
    // PapaParse takes one line break for a whole file: in a file whose lines end in more than
    // one way (CR LF, LF, CR), the lines ending another way were joined into a few huge rows.
    // There, records end at every line feed and at a carriage return alone, and a carriage
    // return before a line feed is taken off the line's last value (`take`).
    this.crBeforeFeed =
      options.mixedLineBreaks === true || mixesLineBreaks(firstText, options.delimiter);
    const newline = this.crBeforeFeed ? '\n' : guessLineBreak(firstText);
    this.watchBreaks = !this.crBeforeFeed;
    const streamer = new (
      Papa as unknown as { StringStreamer: new (config: object) => PapaStreamer }
    ).StringStreamer({
      delimiter: options.delimiter,
      newline,
      quoteChar: '"',
      skipEmptyLines: false,
      dynamicTyping: false,
      transform: false,
      chunkSize: CHUNK_CHARS,
      complete: () => undefined,
      chunk: (chunk: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        // Errors come per chunk and are re-based here.
        for (const error of chunk.errors) {
          this.errors.push({
            ...error,
            row: error.row === undefined ? undefined : error.row + this.seen,
            index: error.index === undefined ? undefined : error.index + this.chunkStart,
          });
        }
        for (const record of chunk.data) this.take(record);
        sink.seal?.();
        this.seen += chunk.data.length;
        this.chunkStart = chunk.meta.cursor;
        options.onProgress?.(this.fraction, this.count);
        if (this.truncated) parser.abort();
      },
    });
    // Pieces are handed to the streamer here, one per `feed`; it asks for none itself.
    streamer._nextChunk = () => undefined;
    return streamer;
  }

  /** Parses the next piece of the text (the one fed before it, in fact: see `waiting`). */
  feed(piece: TextPiece): void {
    if (this.waiting !== undefined) this.parse(this.waiting, false);
    this.waiting = piece;
  }

  /** Ends the text. `quoteErrors` > 0 asks for the whole text, for `quoteProblems`. */
  finish(): { truncated: boolean; quoteErrors: number } {
    this.parse(this.waiting ?? { text: '', fraction: 1 }, true);
    this.waiting = undefined;
    const last = this.held;
    this.held = undefined;
    // The end of the text is read by its last character: a regular expression run over the
    // whole text would keep it alive as the engine's last match until the next one.
    const endsWithBreak = this.lastChar === 10 || this.lastChar === 13;
    if (!this.truncated && last !== undefined) {
      if (!(last.length === 1 && last[0] === '' && endsWithBreak)) {
        const max = this.options.maxRecords;
        if (max !== undefined && this.count >= max) this.truncated = true;
        else this.sink.push(last);
      }
    }
    return { truncated: this.truncated, quoteErrors: this.errors.length };
  }

  /** The problems with quotes, with line numbers read in the whole text. */
  quoteProblems(whole: string): IntakeProblem[] {
    return quoteProblems(this.errors, whole);
  }

  private take(record: string[]): void {
    // The carriage return of a line that ended with CR LF, left on its last value.
    if (this.crBeforeFeed) {
      const last = record.length - 1;
      const value = record[last] as string;
      if (value.charCodeAt(value.length - 1) === 13) record[last] = value.slice(0, -1);
    }
    if (this.watchBreaks) this.watch(record);
    const max = this.options.maxRecords;
    if (this.held !== undefined) {
      if (max !== undefined && this.count >= max) {
        this.truncated = true;
        return;
      }
      this.sink.push(this.held);
      // Blank lines are skipped later: they do not count towards the row limit.
      if (!isBlankRecord(this.held)) this.count++;
    }
    this.held = record;
  }

  private watch(record: string[]): void {
    const width = record.length;
    if (width > this.widest) {
      this.lateMix = this.widest > 0 && hasLineBreak(record);
      this.widest = width;
    } else if (width === 1) {
      // One column: lines joined make no wider record.
      this.lateMix = hasLineBreak(record);
    }
    // A line break left at a line's start or end: CR LF read with LF or CR alone, a last line
    // ending another way.
    const first = (record[0] as string).charCodeAt(0);
    const last = record[width - 1] as string;
    const end = last.charCodeAt(last.length - 1);
    this.lateMix ||= first === 10 || first === 13 || end === 10 || end === 13;
    if (this.lateMix) this.watchBreaks = false;
  }

  private parse(piece: TextPiece, last: boolean): void {
    if (this.truncated) return;
    const streamer = (this.streamer ??= this.streamerFor(piece.text));
    streamer._finished = last;
    this.fraction = piece.fraction;
    // The text parsed next is the carried-over text joined to the piece: two-byte if either
    // is. The record held back from the last piece is pushed with this piece's records.
    const wide = piece.wide === true || (streamer._partialLine.length > 0 && this.lastWide);
    this.sink.cellsMayBeWide?.(wide || this.lastWide);
    this.lastWide = wide;
    if (piece.text.length > 0) this.lastChar = piece.text.charCodeAt(piece.text.length - 1);
    streamer.parseChunk(this.crBeforeFeed ? this.loneReturnsAsFeeds(piece.text, last) : piece.text);
  }

  /**
   * In a file mixing line breaks, a carriage return alone ends a line too (old Mac files). One
   * that ends a piece waits for the next: its LF may start it.
   */
  private loneReturnsAsFeeds(piece: string, last: boolean): string {
    let text = this.heldReturn ? `\r${piece}` : piece;
    this.heldReturn = !last && text.charCodeAt(text.length - 1) === 13;
    if (this.heldReturn) text = text.slice(0, -1);
    return text.replace(LONE_RETURN, '\n');
  }
}

function hasLineBreak(record: readonly string[]): boolean {
  for (let k = 0; k < record.length; k++) {
    const value = record[k] as string;
    if (value.includes('\n') || value.includes('\r')) return true;
  }
  return false;
}

function isBlankRecord(record: readonly string[]): boolean {
  for (let k = 0; k < record.length; k++) {
    const cell = record[k] as string;
    if (cell.length === 0) continue;
    // Told from the first character for nearly every record: `trim` on every record's first
    // value cost the tab ~30 MiB at 100,000 rows (npm run bench).
    if (isPrintableStart(cell.charCodeAt(0)) || cell.trim() !== '') return false;
  }
  return true;
}

/** A carriage return with no line feed after it. */
const LONE_RETURN = /\r(?!\n)/g;

/**
 * The line break PapaParse would guess for a text it parses first (its `guessLineEndings`),
 * told by one pass over the characters: PapaParse cut the text's first 1 MB, took out every
 * quoted part with a regular expression and split the rest twice, about 18 ms a file (7% of
 * reading 100,000 rows). Outside quotes: a line feed before any carriage return, or no carriage
 * return, is `\n`; else `\r\n` when at least half of the carriage returns plus one are followed
 * by a line feed, `\r` when not. A quote with no closing quote within the 1 MB is kept, and the
 * rest with it.
 */
export function guessLineBreak(text: string): '\n' | '\r\n' | '\r' {
  const end = Math.min(text.length, 1024 * 1024);
  let returns = 0;
  let returnsThenFeed = 0;
  let afterReturn = false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const close = text.indexOf('"', i + 1);
      if (close >= 0 && close < end) {
        i = close;
        continue;
      }
      afterReturn = false;
    } else if (c === 13) {
      returns++;
      afterReturn = true;
    } else {
      if (c === 10) {
        if (returns === 0) return '\n';
        if (afterReturn) returnsThenFeed++;
      }
      afterReturn = false;
    }
  }
  if (returns === 0) return '\n';
  return returnsThenFeed >= (returns + 1) / 2 ? '\r\n' : '\r';
}

/**
 * Whether the text's first 1 MB (or `length`) ends lines in more than one way outside quoted values: CR LF
 * with LF or CR alone, or LF with CR (line breaks inside quotes are values', as Excel writes a
 * cell's lines). A quote opens a quoted value only at a value's start (`12" pizza` is text).
 */
export function mixesLineBreaks(text: string, delimiter = ',', length = 1024 * 1024): boolean {
  const end = Math.min(text.length, length);
  const separator = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  let pairs = 0;
  let feeds = 0;
  let returns = 0;
  let valueStart = true;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 && valueStart) {
      // Its closing quote: the first one not doubled. With none in the text, the value may
      // go on past it: the rest cannot be told.
      let k = text.indexOf('"', i + 1);
      while (k >= 0 && k < end && text.charCodeAt(k + 1) === 34) k = text.indexOf('"', k + 2);
      if (k < 0 || k >= end) break;
      i = k;
      valueStart = false;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        pairs++;
        i++;
      } else if (i + 1 < text.length) returns++; // (at the text's end, its LF may come next)
      valueStart = true;
    } else if (c === 10) {
      feeds++;
      valueStart = true;
    } else valueStart = c === separator;
  }
  return (pairs > 0 && feeds + returns > 0) || (feeds > 0 && returns > 0);
}

/** Problems for PapaParse's quote errors, each with its line in the whole text where it differs. */
function quoteProblems(errors: readonly Papa.ParseError[], input: string): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  for (const error of errors) {
    const row = (error.row ?? 0) + 1;
    // Without the text (not given), no line is named rather than a wrong one.
    const line = error.index !== undefined && input !== '' ? lineAt(input, error.index) : undefined;
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
  return problems;
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
