import {
  checkRowShape,
  DelimitedParser,
  mixesLineBreaks,
  parseDelimitedInto,
  withoutBom,
} from './delimited';
import { repairQuotes } from './quote-repair';
import { type DelimiterGuess, delimiterDisplay, delimiterName, sniffDelimiter } from './delimiter';
import {
  decodeBytes,
  detectEncoding,
  type EncodingGuess,
  type EncodingId,
  encodingShortName,
  isSupportedEncoding,
  PieceDecoder,
  utf8Verdict,
  Utf8Scan,
} from './encoding';
import { detectFormat, type IntakeFormat } from './format';
import {
  detectHeaderRow,
  generatedHeaders,
  isContactValue,
  isEmailAddress,
  uniqueHeaders,
} from './header';
import { readJsonContacts, type RecordTable } from './json-contacts';
import {
  describeRows,
  formatBytes,
  formatCount,
  type IntakeProblem,
  problem,
  type ProblemCode,
  quoteValue,
} from './problems';
import { readWorkbook, type SheetInfo, type WorkbookLimits } from './workbook';
import { readXmlContacts } from './xml-contacts';
import { ArrayRows, RowStore, RowsView, WIDE_CHARACTER, rowsSlice, type Rows } from './row-store';

const NO_ROWS: Rows = new ArrayRows([]);

/** Bytes decoded at a time while a delimited file is parsed, and read to tell its separator. */
const DECODE_CHUNK_BYTES = 1024 * 1024;
const SNIFF_BYTES = 256 * 1024;
/** Bytes of a file's start that `DelimitedReading.start` needs: format, encoding, separator. */
export const HEAD_BYTES = SNIFF_BYTES;

/** Choices the user made in the preview; each replaces the matching detection. */
export interface IntakeOverrides {
  readonly encoding?: EncodingId;
  readonly delimiter?: string;
  /** 1-based file row number of the header (or of the first data row when hasHeader is false). */
  readonly headerRow?: number;
  readonly hasHeader?: boolean;
  readonly sheet?: string;
  /** A workbook's hidden rows (a filter's): left out unless `include`. */
  readonly hiddenRows?: 'include';
}

export interface IntakeLimits {
  readonly maxBytes?: number;
  readonly maxRows?: number;
  /** What a workbook may unpack to (ZIP) or weigh (.xls); see `readWorkbook`. */
  readonly workbook?: WorkbookLimits;
  /** Progress of the long part of reading (parsing delimited text): share done, rows so far. */
  readonly onProgress?: (fraction: number, rows: number) => void;
}

export type DetectionKind = 'format' | 'encoding' | 'delimiter' | 'header' | 'sheet' | 'records';

/** One chip of the preview ("Read as Windows-1252"), with the value its control changes. */
export interface Detection {
  readonly kind: DetectionKind;
  readonly label: string;
  readonly value: string;
  readonly reason: string;
  /** True when the value came from an override rather than from detection. */
  readonly chosen: boolean;
}

export interface IntakeResult {
  /** Undefined when the file cannot be read at all (empty, binary, too large: see problems). */
  readonly format?: IntakeFormat;
  readonly encoding?: EncodingId;
  readonly delimiter?: string;
  /** The text seems to hold several values per line but was read as one column. */
  readonly looksMerged: boolean;
  /**
   * 1-based file row number of the header; when hasHeader is false, of the first data row. 0 for
   * JSON and XML, whose column names come from keys and element names.
   */
  readonly headerRow: number;
  readonly hasHeader: boolean;
  readonly sheets?: SheetInfo[];
  readonly sheet?: string;
  readonly headers: string[];
  /** Data rows exactly as read: not padded or cut to the header's width (see the problems). */
  readonly rows: Rows;
  /** File row number of each data row, same index as `rows`. */
  readonly rowNumbers: number[];
  /**
   * Columns with no name in the header (or in a file with no header) and no value in any row: a
   * spreadsheet's spacer column, a separator after the last name. Nothing to match; the
   * matching step leaves them out.
   */
  readonly emptyColumns?: number[];
  /** Data rows a workbook hides (a filter's), left out or, by the person's choice, kept. */
  readonly hiddenRows?: number;
  readonly problems: IntakeProblem[];
  readonly detections: Detection[];
}

/** Per-code cap on row problems, so a file with a million bad rows stays a readable list. */
export const MAX_PROBLEMS_PER_CODE = 1000;

const FORMAT_LABELS: Record<IntakeFormat, string> = {
  delimited: 'Delimited text',
  xlsx: 'Excel workbook',
  xls: 'Excel 97–2003 workbook',
  ods: 'OpenDocument spreadsheet',
  json: 'JSON',
  xml: 'XML',
  'xml-spreadsheet': 'Excel 2003 XML spreadsheet',
  html: 'Web page (HTML) table',
};

/**
 * Reads any supported file into a header and text rows in one call: format by content, then
 * encoding, delimiter, sheet and header row, each detected unless overridden. Nothing is thrown
 * for bad input; every surprise is in `problems`, every guess in `detections`.
 *
 * Row numbers are the numbers a person sees when opening the file in a spreadsheet: 1-based,
 * counting every record of a text file (title lines, blank lines and the header included; a
 * quoted value spanning several lines stays one row), or the sheet's own row numbers. For JSON
 * and XML the number is the 1-based position of the record.
 */
export function readTable(
  bytes: Uint8Array,
  fileName: string,
  overrides: IntakeOverrides = {},
  limits: IntakeLimits = {},
): IntakeResult {
  const tooLarge = overTheSizeLimit(bytes.length, limits);
  if (tooLarge) return tooLarge;
  const detected = detectFormat(bytes, fileName);
  if ('problem' in detected) return failed(detected.problem);
  const formatChip = formatChipOf(detected);

  switch (detected.format) {
    case 'xlsx':
    case 'xls':
    case 'ods':
    case 'xml-spreadsheet':
    case 'html':
      return readWorkbookTable(bytes, detected.format, formatChip, overrides, limits);
    case 'json':
    case 'xml':
      return readRecordTable(bytes, detected.format, formatChip, overrides, limits);
    case 'delimited':
      return readDelimitedTable(bytes, formatChip, overrides, limits);
  }
}

/**
 * The answer for a file over `limits.maxBytes`, told from its size before anything is read
 * (a file of several gigabytes is refused without being held), or undefined.
 */
export function overTheSizeLimit(size: number, limits: IntakeLimits): IntakeResult | undefined {
  if (limits.maxBytes === undefined || size <= limits.maxBytes) return undefined;
  return failed(
    problem(
      'file-too-large',
      'error',
      `This file is ${formatBytes(size)}; the limit is ${formatBytes(limits.maxBytes)}. Split it into smaller files and import them one after another.`,
    ),
  );
}

function readDelimitedTable(
  bytes: Uint8Array,
  formatChip: Detection,
  overrides: IntakeOverrides,
  limits: IntakeLimits,
): IntakeResult {
  const reading = new DelimitedReading(
    bytes,
    bytes.length,
    formatChip,
    detectEncoding(bytes),
    overrides,
    limits,
  );
  reading.push(bytes, true);
  reading.end();
  return reading.result(bytes);
}

/**
 * A delimited file read a piece of its bytes at a time: the worker reads a large file so,
 * decoding and parsing each piece while the next is read, and never holds the whole of it (the
 * bytes of a 91 MiB file held beside its rows until the read ended were the renderer's peak).
 * `readTable` reads a file it holds whole through the same steps, in one piece.
 */
export class DelimitedReading {
  private records = new RowStore();
  private readonly decoder: PieceDecoder;
  private readonly parser: DelimitedParser;
  private readonly encoding: EncodingId;
  private readonly sniffed: DelimiterGuess;
  private readonly delimiter: string;
  /** Set while the file is taken for UTF-8 without all its bytes seen. */
  private readonly scan: Utf8Scan | undefined;
  private quoteErrors = 0;
  /** NUL characters taken out of the text (`withoutNuls`). */
  private nuls = 0;
  /** Lines end another way past the start (`DelimitedParser.lateMix`): read again whole. */
  private lateMix = false;

  /**
   * The reading of a file whose start is `head` (at least `HEAD_BYTES`, or the whole file),
   * or undefined when the file must be read whole with `readTable`: it is no delimited text
   * (a workbook, JSON, XML, nothing readable), or over the size limit.
   */
  static start(
    head: Uint8Array,
    size: number,
    fileName: string,
    overrides: IntakeOverrides = {},
    limits: IntakeLimits = {},
  ): DelimitedReading | undefined {
    if (overTheSizeLimit(size, limits)) return undefined;
    const detected = detectFormat(head, fileName);
    if (!('format' in detected) || detected.format !== 'delimited') return undefined;
    // A byte-order mark, UTF-16's pattern, or a byte at the start that breaks UTF-8 decide the
    // encoding; "UTF-8" from the start of a longer file is told by the pieces (undefined here).
    const guess = detectEncoding(head);
    // A few bad bytes at the start of a longer file: UTF-8 with a row pasted in, or Windows-1252
    // with few accents; only all its bytes tell (`guessNotUtf8`), so it is read whole.
    const fewBad = guess.badBytes !== undefined && guess.badBytes < 8 && size > head.length;
    if (fewBad && overrides.encoding === undefined) return undefined;
    const untold = guess.encoding === 'utf-8' && guess.bom === 0 && size > head.length;
    return new DelimitedReading(
      head,
      size,
      formatChipOf(detected),
      untold ? undefined : guess,
      overrides,
      limits,
    );
  }

  /**
   * `guess` undefined: the file is read as UTF-8 (unless overridden) and each piece is scanned
   * for a byte that breaks it; `push` then throws `NotUtf8`, to read the file again whole.
   */
  constructor(
    private readonly head: Uint8Array,
    size: number,
    private readonly formatChip: Detection,
    private readonly guess: EncodingGuess | undefined,
    private readonly overrides: IntakeOverrides,
    private readonly limits: IntakeLimits,
  ) {
    this.encoding = overrides.encoding ?? guess?.encoding ?? 'utf-8';
    // Scanned for the guess, or for the warning when the person chose UTF-8.
    const choice = overrides.encoding;
    this.scan =
      guess === undefined && (choice === undefined || choice === 'utf-8')
        ? new Utf8Scan()
        : undefined;
    // The separator is told from the start of the text; the whole text is decoded a piece at a
    // time as it is parsed, so a large file is never one string (UTF-16 in memory: twice its
    // bytes).
    this.sniffed = sniffDelimiter(decodeBytes(head.subarray(0, SNIFF_BYTES), this.encoding));
    this.delimiter = overrides.delimiter ?? this.sniffed.delimiter;
    this.decoder = new PieceDecoder(this.encoding, size, DECODE_CHUNK_BYTES);
    // Records go into a compact store as they are read (see RowStore): a large file is never
    // held as a million arrays of strings.
    this.parser = new DelimitedParser(this.records, {
      delimiter: this.delimiter,
      ...(limits.maxRows !== undefined ? { maxRecords: limits.maxRows + 1000 } : {}),
      ...(limits.onProgress ? { onProgress: limits.onProgress } : {}),
    });
  }

  /** True once the rows past the limit were reached: the rest of the file need not be read. */
  get done(): boolean {
    return this.parser.truncated;
  }

  /**
   * Reads the next bytes of the file (`last` when they end it). Throws `NotUtf8` when the file
   * was taken for UTF-8 and a byte breaks it (unless the person chose UTF-8).
   */
  push(bytes: Uint8Array, last: boolean): void {
    for (const _ of this.pushing(bytes, last));
  }

  /**
   * `push`, in steps: one for each megabyte of text parsed. A worker takes its events between
   * them: the browser hands it the next piece of a file it reads only then.
   */
  *pushing(bytes: Uint8Array, last: boolean): Generator<void, void, void> {
    if (this.scan && !this.scan.push(bytes) && this.overrides.encoding === undefined) {
      throw new NotUtf8(this.scan.firstInvalid);
    }
    const utf16 = this.encoding.startsWith('utf-16');
    for (const piece of this.decoder.push(bytes, last)) {
      // Marked wide when it may be a two-byte string: when it holds a character above U+00FF,
      // or always for UTF-16, which may decode two-byte whatever the characters. Answered at
      // once for a one-byte piece; a two-byte one is read to its first wide character.
      const text = this.withoutNuls(piece.text);
      this.parser.feed({ ...piece, text, wide: utf16 || WIDE_CHARACTER.test(text) });
      if (this.parser.truncated) return;
      yield;
    }
  }

  /** The text without its NUL characters, counted (see `nulProblem`). */
  private withoutNuls(text: string): string {
    const count = countNuls(text);
    this.nuls += count;
    return count > 0 ? text.replaceAll('\0', '') : text;
  }

  /** Ends the reading; true when the result needs the whole file (for quote problems' lines). */
  end(): boolean {
    const { quoteErrors } = this.parser.finish();
    this.records.seal();
    this.quoteErrors = quoteErrors;
    this.lateMix = this.parser.lateMix;
    return quoteErrors > 0 || this.lateMix;
  }

  /**
   * The text parsed again with its broken quoted fields rewritten, into rows that replace those
   * read; undefined (the rows read kept) when there was nothing to rewrite or quotes are still
   * broken after.
   */
  private readRepaired(
    text: string,
  ): { problems: IntakeProblem[]; truncated: boolean } | undefined {
    const body = withoutBom(text);
    const repaired = repairQuotes(body, this.delimiter);
    if (!repaired) return undefined;
    const { problems, truncated } = this.readAgain(repaired.text);
    if (problems.length === 0) return { problems: repaired.problems, truncated };
    // Still broken: the rows as first read (the same, read whole), with PapaParse's problems.
    this.readAgain(body);
    return undefined;
  }

  /** The rows read again from a whole text, in place of those read (`lateMix`, quote repair). */
  private readAgain(source: string): { problems: IntakeProblem[]; truncated: boolean } {
    // The rows read are let go before the text is parsed again: the file's bytes and two texts
    // of it are held here already.
    this.records = new RowStore();
    const records = new RowStore();
    records.cellsMayBeWide(WIDE_CHARACTER.test(source));
    const options = {
      delimiter: this.delimiter,
      mixedLineBreaks: this.lateMix,
      ...(this.limits.maxRows !== undefined ? { maxRecords: this.limits.maxRows + 1000 } : {}),
    };
    const parsed = parseDelimitedInto(source, records, options);
    // A text whose quotes were mended may show lines ending another way that a broken quote
    // had hidden (read as one value to the end of the file).
    if (!this.lateMix && parsed.lateMix && mixesLineBreaks(source, this.delimiter, source.length)) {
      this.lateMix = true;
      return this.readAgain(source);
    }
    records.seal();
    this.records = records;
    return parsed;
  }

  /** The table read; `whole` is the file's bytes, when `end` asked for them. */
  result(whole?: Uint8Array): IntakeResult {
    const { overrides, limits, delimiter, sniffed } = this;
    const guess =
      this.guess ?? utf8Verdict(this.scan?.firstInvalid ?? -1, this.scan?.nonAscii ?? false);
    const { chip: encodingChip, problems } = chooseEncoding(this.head, guess, overrides);
    const delimiterChip: Detection = {
      kind: 'delimiter',
      label: `Separated by ${delimiterDisplay(delimiter)}`,
      value: delimiter,
      reason: overrides.delimiter !== undefined ? 'Chosen by you.' : sniffed.reason,
      chosen: overrides.delimiter !== undefined,
    };
    if (this.nuls > 0) problems.push(nulProblem(this.nuls));
    const again = this.quoteErrors > 0 || this.lateMix;
    const text = again && whole ? decodeBytes(whole, this.encoding).replaceAll('\0', '') : '';
    // Lines that end another way past the first megabyte: read again with every line break.
    this.lateMix &&= text !== '' && mixesLineBreaks(text, delimiter, text.length);
    const mixed = this.lateMix ? this.readAgain(withoutBom(text)) : undefined;
    // Broken quotes are read again as a spreadsheet program reads them (see repairQuotes).
    const quotesBroken = mixed ? mixed.problems.length > 0 : this.quoteErrors > 0;
    const repaired = text && quotesBroken ? this.readRepaired(text) : undefined;
    problems.push(
      ...(repaired?.problems ??
        mixed?.problems ??
        this.parser.quoteProblems(quotesBroken ? text : '')),
    );
    const truncated = repaired?.truncated ?? mixed?.truncated ?? this.parser.truncated;
    const records = this.records;
    const table = buildTable(records, (i) => i + 1, overrides, limits, delimiter);
    problems.push(...table.problems);
    if (truncated && !table.problems.some((p) => p.code === 'too-many-rows')) {
      problems.push(tooManyRows(limits.maxRows ?? 0));
    }
    let maxWidth = 0;
    for (let i = 0; i < Math.min(records.length, 50); i++) {
      maxWidth = Math.max(maxWidth, records.width(i));
    }
    const looksMerged =
      maxWidth <= 1 &&
      (sniffed.looksMerged || (overrides.delimiter !== undefined && sniffed.confidence > 0));
    return {
      format: 'delimited',
      encoding: this.encoding,
      delimiter,
      looksMerged,
      headerRow: table.headerRow,
      hasHeader: table.hasHeader,
      headers: table.headers,
      rows: table.rows,
      rowNumbers: table.rowNumbers,
      ...emptyColumnsOf(table),
      problems,
      detections: [this.formatChip, encodingChip, delimiterChip, table.chip],
    };
  }
}

/** NUL characters in a text (none in nearly every file: answered by one native search). */
function countNuls(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\0'); at >= 0; at = text.indexOf('\0', at + 1)) count++;
  return count;
}

/**
 * NUL characters are taken out of a text as it is read: byte 0 is no character of a name or a
 * number (a program that pads values with it, a damaged copy), and Whispir refuses it.
 */
function nulProblem(count: number): IntakeProblem {
  return problem(
    'nul-characters',
    'warning',
    `The file has ${count.toLocaleString('en')} NUL character${count === 1 ? '' : 's'} (byte 0, which is not text: some programs pad values with it). ${count === 1 ? 'It was' : 'They were'} taken out of the values.`,
  );
}

/**
 * Whether `trailing` rows ending in empty fields past the header's, among `rows`, are the file's
 * way of ending its lines (nine rows in ten or more), not a few rows' own problem.
 */
export function endsEveryLine(trailing: number, rows: number): boolean {
  return trailing > 0 && trailing >= rows * 0.9;
}

/** Whether record `at`'s fields past the first `width` are all empty. */
export function endsEmpty(records: Rows, at: number, width: number): boolean {
  for (let column = width; column < records.width(at); column++) {
    if ((records.cell(at, column) ?? '') !== '') return false;
  }
  return true;
}

/** What a value is, as far as telling columns apart goes. */
function kindOf(value: string): 'email' | 'number' | 'text' | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  if (isEmailAddress(text)) return 'email';
  if (/^\+?[\d\s().-]{6,}$/.test(text)) return 'number';
  return 'text';
}

/**
 * Whether record `b`'s values sit in other columns than record `a`'s: an email or a number
 * where the other has another kind of value. Two rows each missing their last values
 * (`Ann,a@x.com,0412` and `Bob,b@x.com,0413`) have theirs in the same columns; the second half
 * of a split row starts with the first row's last column.
 */
function shifted(records: Rows, a: number, b: number): boolean {
  const width = Math.min(records.width(a), records.width(b));
  for (let column = 0; column < width; column++) {
    const first = kindOf(records.cell(a, column) ?? '');
    const second = kindOf(records.cell(b, column) ?? '');
    if (first && second && first !== second && (first !== 'text' || second !== 'text')) return true;
  }
  return false;
}

/** Rows `above` and `below` (records `at - 1` and `at`) as one row split by a line break. */
function splitRowProblem(
  above: { rowNumber: number; width: number },
  below: { rowNumber: number; width: number },
  headerWidth: number,
  records: Rows,
  at: number,
): IntakeProblem {
  const end = records.cell(at - 1, above.width - 1) ?? '';
  const start = records.cell(at, 0) ?? '';
  return problem(
    'row-split',
    'warning',
    `Rows ${above.rowNumber} and ${below.rowNumber} look like one row split by a line break inside a value ("${quoteValue(end, 30)}" / "${quoteValue(start, 30)}"): their ${above.width} and ${below.width} fields make the header's ${headerWidth} with that value counted twice. In the file, put the value in quotes ("…") or join the two lines, then read it again; as it is, row ${above.rowNumber} lacks its last ${headerWidth - above.width} values and row ${below.rowNumber} has them in the wrong columns.`,
    { rows: [above.rowNumber, below.rowNumber], row: above.rowNumber },
  );
}

/** Thrown by `DelimitedReading.push` when a file taken for UTF-8 is not: read it whole. */
export class NotUtf8 extends Error {
  constructor(readonly offset: number) {
    super(`Byte ${offset + 1} is not valid UTF-8.`);
    this.name = 'NotUtf8';
  }
}

function readWorkbookTable(
  bytes: Uint8Array,
  format: IntakeFormat,
  formatChip: Detection,
  overrides: IntakeOverrides,
  limits: IntakeLimits,
): IntakeResult {
  // A workbook written as text is decoded here, as any text file is (SheetJS reads a web page's
  // bytes as UTF-8 or Latin-1 only; Excel on Windows saves one in Windows-1252).
  const written = format === 'html' || format === 'xml-spreadsheet';
  const decoded = written ? chooseEncoding(bytes, pageEncoding(bytes), overrides) : undefined;
  const workbook = readWorkbook(bytes, {
    ...(overrides.sheet !== undefined ? { sheet: overrides.sheet } : {}),
    ...(limits.workbook ? { limits: limits.workbook } : {}),
    ...(decoded ? { text: decodeBytes(bytes, decoded.encoding) } : {}),
  });
  const problems = [...(decoded?.problems ?? []), ...workbook.problems];
  const detections: Detection[] = [formatChip, ...(decoded ? [decoded.chip] : [])];
  if (workbook.sheet) {
    detections.push({
      kind: 'sheet',
      label: `Sheet "${workbook.sheet}"`,
      value: workbook.sheet,
      reason: workbook.sheetReason,
      chosen: overrides.sheet === workbook.sheet,
    });
  }
  const blocked = problems.some((p) => p.severity === 'error');
  const table = blocked
    ? undefined
    : buildTable(
        new ArrayRows(workbook.rows),
        (i) => i + 1,
        overrides,
        limits,
        null,
        new Set(workbook.hiddenRows),
      );
  if (table) {
    problems.push(...table.problems);
    detections.push(table.chip);
  }
  return {
    format,
    looksMerged: false,
    headerRow: table?.headerRow ?? 0,
    hasHeader: table?.hasHeader ?? true,
    sheets: workbook.sheets,
    sheet: workbook.sheet,
    headers: table?.headers ?? [],
    rows: table?.rows ?? NO_ROWS,
    rowNumbers: table?.rowNumbers ?? [],
    ...(table ? emptyColumnsOf(table) : {}),
    ...(table?.hiddenRows ? { hiddenRows: table.hiddenRows } : {}),
    problems,
    detections,
  };
}

function readRecordTable(
  bytes: Uint8Array,
  format: 'json' | 'xml',
  formatChip: Detection,
  overrides: IntakeOverrides,
  limits: IntakeLimits,
): IntakeResult {
  const {
    encoding,
    chip: encodingChip,
    problems,
  } = chooseEncoding(bytes, detectEncoding(bytes), overrides, format);
  const decoded = decodeBytes(bytes, encoding);
  const nuls = countNuls(decoded);
  if (nuls > 0) problems.push(nulProblem(nuls));
  const text = nuls > 0 ? decoded.replaceAll('\0', '') : decoded;
  const table: RecordTable = format === 'json' ? readJsonContacts(text) : readXmlContacts(text);
  problems.push(...table.problems);
  let { rows: records, rowNumbers } = table;
  if (limits.maxRows !== undefined && records.length > limits.maxRows) {
    problems.push(tooManyRows(limits.maxRows, records.length));
    records = records.slice(0, limits.maxRows);
    rowNumbers = rowNumbers.slice(0, limits.maxRows);
  }
  const rows = new ArrayRows(records);
  const detections = [formatChip, encodingChip];
  if (table.source) {
    detections.push({
      kind: 'records',
      label:
        table.source === '(one contact)'
          ? 'One contact: the whole file'
          : `${formatCount(table.rows.length)} ${table.rows.length === 1 ? 'record' : 'records'} from ${table.source}`,
      value: table.source,
      reason:
        table.source === '(one contact)'
          ? 'The file is one object that is a contact (it has an email or a phone); its keys are the columns.'
          : format === 'xml'
            ? `Each <${table.source.split('/').pop()}> element is one contact; its child elements are the columns.`
            : `Each object in "${table.source}" is one contact; its keys are the columns.`,
      chosen: false,
    });
  }
  return {
    format,
    encoding,
    looksMerged: false,
    headerRow: 0,
    hasHeader: true,
    headers: table.headers,
    rows,
    rowNumbers,
    problems,
    detections,
  };
}

interface BuiltTable {
  readonly headerRow: number;
  readonly hasHeader: boolean;
  readonly headers: string[];
  readonly rows: Rows;
  readonly rowNumbers: number[];
  readonly emptyColumns: number[];
  /** Data rows the workbook hides (skipped or kept). */
  readonly hiddenRows: number;
  readonly problems: IntakeProblem[];
  readonly chip: Detection;
}

/**
 * The part shared by text and workbooks: header row, unique names, skipped rows above the header,
 * empty rows, row shapes and the row cap. `delimiter` is null for workbooks (no shape hint).
 */
function buildTable(
  records: Rows,
  rowNumberOf: (index: number) => number,
  overrides: IntakeOverrides,
  limits: IntakeLimits,
  delimiter: string | null,
  /** Row numbers a workbook hides. */
  hiddenRows: ReadonlySet<number> = new Set(),
): BuiltTable {
  const problems: IntakeProblem[] = [];
  const detected = detectHeaderRow(rowsSlice(records, 0, 100));
  const chosenRow = overrides.headerRow !== undefined;
  const start = chosenRow
    ? Math.min(Math.max(0, (overrides.headerRow as number) - 1), Math.max(0, records.length - 1))
    : detected.index;
  const hasHeader = overrides.hasHeader ?? (chosenRow ? true : detected.hasHeader);

  const above: number[] = [];
  const titles: string[] = [];
  for (let i = 0; i < start; i++) {
    above.push(rowNumberOf(i));
    const text = records
      .row(i)
      .filter((c) => c.trim() !== '')
      .join(' ');
    if (text && titles.length < 3)
      titles.push(`"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`);
  }
  if (above.length > 0) {
    problems.push(
      problem(
        'rows-above-header-skipped',
        'info',
        `${capitalise(describeRows(above))} above the ${hasHeader ? 'header' : 'data'} ${above.length === 1 ? 'was' : 'were'} skipped${titles.length ? `: ${titles.join(', ')}` : ' (blank)'}.`,
        { rows: above },
      ),
    );
  }

  const counts = new Map<ProblemCode, number>();
  const push = (p: IntakeProblem): void => {
    const n = (counts.get(p.code) ?? 0) + 1;
    counts.set(p.code, n);
    if (n <= MAX_PROBLEMS_PER_CODE) problems.push(p);
  };

  const headerCells = hasHeader && start < records.length ? records.row(start) : [];
  const named = uniqueHeaders(headerCells);
  /** The notes on columns with no name, told again once the rows say which hold nothing. */
  const unnamedNotes = new Map<number, number>();
  for (const rename of named.renamed) {
    if (rename.to === rename.from.trim()) continue;
    const column = rename.index + 1;
    if (rename.from.trim() === '') unnamedNotes.set(rename.index, problems.length);
    push(
      problem(
        'header-renamed',
        'info',
        rename.from.trim() === ''
          ? `Column ${column} has no name in the header; it is shown as "${quoteValue(rename.to)}".`
          : `More than one column is named "${quoteValue(rename.from.trim())}"; column ${column} is shown as "${quoteValue(rename.to)}".`,
      ),
    );
  }

  const kept: number[] = [];
  const rowNumbers: number[] = [];
  const empty: number[] = [];
  const hidden: number[] = [];
  const includeHidden = overrides.hiddenRows === 'include';
  // Asked of every row only where the workbook hides some (a million lookups otherwise).
  const anyHidden = hiddenRows.size > 0;
  const headerWidth = headerCells.length;
  const footer = hasHeader ? footerOf(records, start + 1, headerWidth) : records.length;
  if (footer < records.length) {
    const below: number[] = [];
    const lines: string[] = [];
    for (let i = footer; i < records.length; i++) {
      const text = records
        .row(i)
        .map((cell) => cell.trim())
        .filter((cell) => cell !== '')
        .join(' ');
      if (text === '') continue;
      below.push(rowNumberOf(i));
      if (lines.length < 3) lines.push(`"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`);
    }
    problems.push(
      problem(
        'rows-below-table-skipped',
        'info',
        `${capitalise(describeRows(below))} below the table ${below.length === 1 ? 'was' : 'were'} skipped, as a report's footer or total: ${lines.join(', ')}${below.length > lines.length ? ' and more' : ''}.`,
        { rows: below },
      ),
    );
  }
  /** Rows whose fields past the header's are all empty (a separator ending each line). */
  const trailingSeparators: { rowNumber: number; problem: IntakeProblem }[] = [];
  /** The last row with too few fields, its problem held until the next row tells more. */
  let shortAbove:
    | { index: number; rowNumber: number; width: number; problem: IntakeProblem }
    | undefined;
  let maxWidth = 0;
  let overCap = false;
  for (let i = hasHeader ? start + 1 : start; i < footer; i++) {
    const rowNumber = rowNumberOf(i);
    if (isBlankRow(records, i)) {
      empty.push(rowNumber);
      continue;
    }
    if (anyHidden && hiddenRows.has(rowNumber)) {
      hidden.push(rowNumber);
      if (!includeHidden) continue;
    }
    if (limits.maxRows !== undefined && kept.length >= limits.maxRows) {
      overCap = true;
      break;
    }
    const width = records.width(i);
    if (hasHeader) {
      if (width !== headerWidth) {
        const shape = checkRowShape(records.row(i), headerWidth, rowNumber, delimiter);
        // Two short lines whose fields make the header's, one value counted twice: a row split
        // by an unquoted line break inside a value (an address on two lines).
        const above = shortAbove;
        const split =
          above !== undefined &&
          above.index === i - 1 &&
          width < headerWidth &&
          above.width + width - 1 === headerWidth &&
          shifted(records, i - 1, i);
        if (split && delimiter !== null) {
          push(splitRowProblem(above, { rowNumber, width }, headerWidth, records, i));
          shortAbove = undefined;
        } else {
          if (shortAbove) push(shortAbove.problem);
          shortAbove = undefined;
          if (shape?.code === 'row-too-few-fields')
            shortAbove = { index: i, rowNumber, width, problem: shape };
          else if (shape && delimiter !== null && endsEmpty(records, i, headerWidth))
            trailingSeparators.push({ rowNumber, problem: shape });
          else if (shape) push(shape);
        }
      }
    } else if (width > maxWidth) {
      maxWidth = width;
    }
    kept.push(i);
    rowNumbers.push(rowNumber);
  }
  if (shortAbove) push(shortAbove.problem);
  // Many exporters end every line with a separator: one note, not a warning a row. A few rows
  // so among others are each worth a look (an unquoted comma shifts the values to the right).
  if (endsEveryLine(trailingSeparators.length, kept.length)) {
    const rows = trailingSeparators.map((entry) => entry.rowNumber);
    const n = rows.length;
    problems.push(
      problem(
        'row-too-many-fields',
        'info',
        `${capitalise(describeRows(rows))} ${n === 1 ? 'ends' : 'end'} with ${n === 1 ? 'a field' : 'fields'} the header has no column for, all empty (a ${delimiterName(delimiter ?? ',')} at the end of each line): nothing is misplaced.`,
        { rows },
      ),
    );
  } else {
    for (const entry of trailingSeparators) push(entry.problem);
  }
  if (hidden.length > 0) {
    const rows = capitalise(describeRows(hidden));
    const are = hidden.length === 1 ? 'is' : 'are';
    problems.push(
      problem(
        'hidden-rows',
        'info',
        includeHidden
          ? `${rows} ${are} hidden in the workbook (filtered out, or hidden by hand); ${hidden.length === 1 ? 'it is' : 'they are'} imported, as you chose.`
          : `${rows} ${are} hidden in the workbook (filtered out, or hidden by hand) and ${hidden.length === 1 ? 'was' : 'were'} left out, as the sheet shows. Tick "Import hidden rows too" above to import ${hidden.length === 1 ? 'it' : 'them'}.`,
        { rows: hidden },
      ),
    );
  }
  if (empty.length > 0) {
    problems.push(
      problem(
        'empty-rows-skipped',
        'info',
        `${capitalise(describeRows(empty))} ${empty.length === 1 ? 'is' : 'are'} empty and ${empty.length === 1 ? 'was' : 'were'} skipped.`,
        { rows: empty },
      ),
    );
  }
  for (const [code, n] of counts) {
    if (n > MAX_PROBLEMS_PER_CODE) {
      problems.push(
        problem(
          'more-problems',
          'warning',
          `${formatCount(n - MAX_PROBLEMS_PER_CODE)} more rows have the same problem (${code}).`,
        ),
      );
    }
  }
  if (overCap) problems.push(tooManyRows(limits.maxRows as number));
  const rows = new RowsView(records, Int32Array.from(kept));
  if (rows.length === 0) {
    problems.push(
      problem(
        'no-data-rows',
        'error',
        hasHeader && headerWidth > 0
          ? 'The file has a header row but no contacts below it.'
          : 'The file has no rows with data.',
      ),
    );
  }

  const headerRow = records.length === 0 ? 0 : rowNumberOf(start);
  const headers = hasHeader ? named.headers : generatedHeaders(maxWidth);
  const emptyColumns = rows.length === 0 ? [] : unnamedEmptyColumns(headers, headerCells, rows);
  for (const column of emptyColumns) {
    const at = unnamedNotes.get(column);
    if (at === undefined || problems[at]?.code !== 'header-renamed') continue;
    problems[at] = problem(
      'header-renamed',
      'info',
      `Column ${column + 1} has no name in the header and no values; it is left out of the matching.`,
    );
  }
  const label = hasHeader ? `Header on row ${headerRow}` : 'No header row';
  return {
    headerRow,
    hasHeader,
    headers,
    rows,
    rowNumbers,
    emptyColumns,
    hiddenRows: hidden.length,
    problems,
    chip: {
      kind: 'header',
      label,
      value: String(hasHeader ? headerRow : 0),
      reason: chosenRow || overrides.hasHeader !== undefined ? 'Chosen by you.' : detected.reason,
      chosen: chosenRow || overrides.hasHeader !== undefined,
    },
  };
}

// What the lines under a report's table say (Salesforce, CRM and accounting exports).
const FOOTER_TEXT =
  /^(?:copyright\b|\(c\)\s*\d{4}|©|confidential information\b|(?:generated|exported|created)\s+(?:by|on|at)\b|report\s+(?:generated|run)\s+(?:by|on|at)\b|printed\s+(?:by|on)\b|page\s+\d+\s+of\s+\d+\b|[-*=#~\s]*end\s+of\s+(?:the\s+)?(?:report|file|list|export|data)\b)/i;
// A count of the rows alone in a line: "Total: 125", "Total records: 125", "Record count = 125",
// "125 records", "125 contacts exported".
const COUNT_LINE =
  /^(?:(?:(?:grand\s+)?totals?(?:\s+(?:number\s+of\s+)?(?:records?|rows?|contacts?|count))?|(?:records?|rows?|contacts?)(?:\s+count)?|count|number\s+of\s+(?:records?|rows?|contacts?))\s*[:=]?\s*\d[\d,]*|\d[\d,]*\s+(?:records?|rows?|contacts?)(?:\s+(?:found|returned|selected|exported|listed|in\s+total))?)\.?$/i;
// A total line: "Grand Totals (2 records)", or "Total" / "Grand Total" over numbers.
const TOTAL_WITH_RECORDS = /^(?:grand\s+)?(?:sub-?)?totals?\b.*\(\s*\d[\d,]*\s+records?\s*\)$/i;
const TOTAL_WORD = /^(?:grand\s+)?(?:sub-?)?totals?:?$/i;
const NUMBER_CELL = /^[-+]?[\d,. ]*\d[\d,. ]*%?$/;

/** What a row under the table is: blank, a footer's line, a total, or anything else. */
function footerLine(records: Rows, i: number): 'blank' | 'says' | 'quiet' | 'total' | 'other' {
  const cells: string[] = [];
  for (let column = 0; column < records.width(i); column++) {
    const cell = (records.cell(i, column) ?? '').trim();
    if (cell !== '') cells.push(cell);
  }
  if (cells.length === 0) return 'blank';
  // An email address or a phone-length number is a contact's, never a footer's.
  if (cells.some(isContactValue)) return 'other';
  const [first = '', ...rest] = cells;
  if (TOTAL_WITH_RECORDS.test(first) && rest.every((cell) => NUMBER_CELL.test(cell)))
    return 'total';
  if (TOTAL_WORD.test(first) && rest.length > 0 && rest.every((cell) => NUMBER_CELL.test(cell)))
    return 'total';
  if (cells.length > 1) return 'other';
  return FOOTER_TEXT.test(first) || COUNT_LINE.test(first) ? 'says' : 'quiet';
}

/**
 * Where a report's footer starts under its table ("Grand Totals (2 records)", "Copyright (c)
 * 2000-2026 salesforce.com", "Confidential Information - Do Not Distribute", "Generated By: …",
 * and the company name among them): the last rows after the table, each one cell of text (or
 * a total over numbers), none holding an email address or a phone-length number, at least one
 * of them saying what a footer or a total says. A lone name under the table is no footer: it
 * stays a row, with its problems for the person to see. `records.length` when there is none.
 */
function footerOf(records: Rows, from: number, width: number): number {
  const end = records.length;
  if (width < 3) return end;
  // Groups of lines between blank rows, from the end up: each taken only if one of its lines
  // says what a footer says (a name alone above a blank row stays a contact's row).
  let start = end;
  let groupStart = end;
  let groupSays = false;
  let lines = 0;
  for (let i = end - 1; i >= from - 1; i--) {
    const line = i < from ? 'other' : footerLine(records, i);
    if (line === 'blank' || line === 'other') {
      if (groupStart < end && groupSays) start = groupStart;
      else if (groupStart < end) break;
      groupStart = end;
      groupSays = false;
      if (line === 'other') break;
      continue;
    }
    if (++lines > 12) return end;
    if (line !== 'quiet') groupSays = true;
    groupStart = i;
  }
  return start <= from ? end : start;
}

/**
 * The columns with no name (`headerCells` blank there, or none given) whose every row is blank
 * there. Each is read until its first value: only a column that holds nothing is read whole.
 */
function unnamedEmptyColumns(
  headers: readonly string[],
  headerCells: readonly string[],
  rows: Rows,
): number[] {
  const empty: number[] = [];
  for (let column = 0; column < headers.length; column++) {
    if ((headerCells[column] ?? '').trim() !== '') continue;
    let blank = true;
    for (let i = 0; i < rows.length && blank; i++) {
      const cell = rows.cell(i, column);
      if (cell !== undefined && cell !== '' && cell.trim() !== '') blank = false;
    }
    if (blank) empty.push(column);
  }
  return empty;
}

const emptyColumnsOf = (table: BuiltTable): { emptyColumns?: number[] } =>
  table.emptyColumns.length > 0 ? { emptyColumns: table.emptyColumns } : {};

/** The format's chip of the preview. */
function formatChipOf(detected: { format: IntakeFormat; reason: string }): Detection {
  return {
    kind: 'format',
    label: FORMAT_LABELS[detected.format],
    value: detected.format,
    reason: detected.reason,
    chosen: false,
  };
}

/**
 * The encoding to read with: the person's choice, else the guess (or, for XML, what its
 * declaration says); `head` is the start of the file.
 */
function chooseEncoding(
  head: Uint8Array,
  guess: EncodingGuess,
  overrides: IntakeOverrides,
  format?: 'json' | 'xml',
): { encoding: EncodingId; chip: Detection; problems: IntakeProblem[] } {
  const problems: IntakeProblem[] = [];
  let encoding = guess.encoding;
  let reason = guess.reason;
  if (format === 'xml' && guess.bom === 0 && !guess.encoding.startsWith('utf-16')) {
    const declared = declaredXmlEncoding(head);
    if (
      declared &&
      declared !== encoding &&
      !(declared === 'utf-8' && guess.encoding !== 'utf-8')
    ) {
      encoding = declared;
      reason = `The XML declaration says encoding="${declared}".`;
    }
  }
  // The guess's warning is about the guess: not when the file's own declaration or the person
  // chose the encoding.
  if (guess.warning && overrides.encoding === undefined && encoding === guess.encoding) {
    problems.push(
      problem(
        guess.encoding === 'utf-8' ? 'encoding-replacement-characters' : 'encoding-doubtful',
        'warning',
        guess.warning,
      ),
    );
  }
  if (overrides.encoding !== undefined) {
    encoding = overrides.encoding;
    reason = 'Chosen by you.';
    if (encoding === 'utf-8' && guess.encoding !== 'utf-8') {
      problems.push(
        problem(
          'encoding-replacement-characters',
          'warning',
          `Some characters are not valid UTF-8 and show as �. ${encodingShortName(guess.encoding)} may read them correctly.`,
        ),
      );
    }
  }
  return {
    encoding,
    problems,
    chip: {
      kind: 'encoding',
      label: `Read as ${encodingShortName(encoding)}`,
      value: encoding,
      reason,
      chosen: overrides.encoding !== undefined,
    },
  };
}

/**
 * A web page's or XML spreadsheet's encoding: its byte-order mark, else the one it names
 * (`<meta charset>`, `<meta http-equiv … charset=…>`, `<?xml … encoding=…?>`), else the guess.
 */
function pageEncoding(bytes: Uint8Array): EncodingGuess {
  const guess = detectEncoding(bytes);
  if (guess.bom > 0 || guess.encoding.startsWith('utf-16')) return guess;
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const named =
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const encoding = named && namedEncoding(named);
  return encoding ? { encoding, bom: 0, reason: `The file says its encoding is ${named}.` } : guess;
}

/** The encoding named in `<?xml … encoding="…"?>`, when it is one the picker offers. */
function declaredXmlEncoding(bytes: Uint8Array): EncodingId | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return match ? namedEncoding(match[1] as string) : undefined;
}

/** An encoding as a file names it, when it is one the picker offers. */
function namedEncoding(label: string): EncodingId | undefined {
  const name = label.toLowerCase();
  // WHATWG decodes Latin-1 labels as Windows-1252, a superset for printable text.
  const normalised = ['iso-8859-1', 'latin1', 'latin-1', 'us-ascii', 'cp1252'].includes(name)
    ? 'windows-1252'
    : name === 'utf8'
      ? 'utf-8'
      : name;
  return isSupportedEncoding(normalised) ? normalised : undefined;
}

function tooManyRows(maxRows: number, total?: number): IntakeProblem {
  const size = total !== undefined ? formatCount(total) : `more than ${formatCount(maxRows)}`;
  return problem(
    'too-many-rows',
    'error',
    `This file has ${size} rows; the limit is ${formatCount(maxRows)}. Only the first ${formatCount(maxRows)} are shown. Split the file and import the parts one after another.`,
  );
}

function failed(p: IntakeProblem): IntakeResult {
  return {
    looksMerged: false,
    headerRow: 0,
    hasHeader: true,
    headers: [],
    rows: NO_ROWS,
    rowNumbers: [],
    problems: [p],
    detections: [],
  };
}

/** A row with nothing but spaces in it; most rows are told by their first cell. */
function isBlankRow(rows: Rows, index: number): boolean {
  if (rows instanceof RowStore) return rows.isBlank(index);
  const width = rows.width(index);
  for (let column = 0; column < width; column++)
    if ((rows.cell(index, column) as string).trim() !== '') return false;
  return true;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
