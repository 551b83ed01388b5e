/**
 * Reading a file inside the worker: a quick first look at the start of a large file, then the
 * whole file with progress. All detection and parsing is the domain's (`readTable`, and
 * `DelimitedReading` for text read a piece at a time).
 */
import {
  DelimitedReading,
  HEAD_BYTES,
  NotUtf8,
  overTheSizeLimit,
  readTable,
  type IntakeLimits,
  type IntakeOverrides,
  type IntakeResult,
} from '../domain/intake/read-table';
import {
  MAX_CELL_CHARS_SHOWN,
  MAX_FILE_BYTES,
  MAX_ROWS,
  MAX_WORKBOOK_COMPRESSION_RATIO,
  MAX_WORKBOOK_PART_BYTES,
  MAX_WORKBOOK_UNPACKED_BYTES,
  MAX_XLS_BYTES,
  WORKBOOK_RATIO_FROM_BYTES,
} from '../config/limits';
import { detectFormat } from '../domain/intake/format';
import { rowsSlice } from '../domain/intake/row-store';
import { sampleCsv } from '../domain/samples/sample-contacts';
import { TaskCancelled, yieldToEvents } from './cooperative';
import type { FileSummary, ReadProgress, ShortenedCell } from './protocol';

const PREVIEW_ROWS = 20;
const MAX_PROBLEMS_SENT = 200;
/** Files larger than this get a first look at their start before the whole is read. */
export const QUICK_LOOK_BYTES = 256 * 1024;
/** Lines the first look reads at most: its rows, and enough to tell the header and separator. */
const QUICK_LOOK_LINES = PREVIEW_ROWS * 10;
const LOOK_LIMITS: IntakeLimits = { maxRows: PREVIEW_ROWS * 5 };

export function summarise(
  fileName: string,
  byteLength: number,
  result: IntakeResult,
  overrides: IntakeOverrides,
  complete: boolean,
): FileSummary {
  const preview = shortenCells(rowsSlice(result.rows, 0, PREVIEW_ROWS), MAX_CELL_CHARS_SHOWN);
  return {
    fileName,
    byteLength,
    complete,
    format: result.format,
    encoding: result.encoding,
    delimiter: result.delimiter,
    looksMerged: result.looksMerged,
    headerRow: result.headerRow,
    hasHeader: result.hasHeader,
    sheets: result.sheets,
    sheet: result.sheet,
    headers: result.headers,
    // Told by every row: a first look has not seen them all.
    ...(complete && result.emptyColumns
      ? { emptyColumns: result.emptyColumns.map((column) => result.headers[column] as string) }
      : {}),
    rowCount: result.rows.length,
    ...(result.hiddenRows ? { hiddenRows: result.hiddenRows } : {}),
    previewRows: preview.rows,
    previewRowNumbers: result.rowNumbers.slice(0, PREVIEW_ROWS),
    ...(preview.shortened.length > 0 ? { shortenedCells: preview.shortened } : {}),
    problems: result.problems.slice(0, MAX_PROBLEMS_SENT),
    problemCount: result.problems.length,
    detections: result.detections,
    overrides,
  };
}

/**
 * Cells longer than the screens show are cut to `max` characters before they are posted to the
 * page (a 5 MB cell would otherwise be copied and laid out whole), each noted with its length.
 */
export function shortenCells(
  rows: readonly (readonly string[])[],
  max: number,
): { rows: string[][]; shortened: ShortenedCell[] } {
  const shortened: ShortenedCell[] = [];
  const cut = rows.map((row, r) =>
    row.map((cell, c) => {
      if (cell.length <= max) return cell;
      shortened.push({ row: r, column: c, length: cell.length });
      return cell.slice(0, max);
    }),
  );
  return { rows: cut, shortened };
}

/**
 * A first look at the start of a large delimited file, cut at its last line break, so the
 * preview shows before the whole file is parsed. Undefined for small files and workbooks.
 */
export function quickLook(
  bytes: Uint8Array,
  fileName: string,
  overrides: IntakeOverrides,
): IntakeResult | undefined {
  if (bytes.length <= QUICK_LOOK_BYTES) return undefined;
  // Only text has a start worth reading on its own; a workbook's start is half a ZIP.
  const detected = detectFormat(bytes.subarray(0, QUICK_LOOK_BYTES), fileName);
  if (!('format' in detected) || detected.format !== 'delimited') return undefined;
  // The look ends after its last whole line, and after QUICK_LOOK_LINES of them: parsing the
  // whole 256 KiB (~2,700 rows of the bench file, as yet unoptimised code) took ~35 ms of the
  // ~50 before the first rows showed.
  let end = 0;
  for (let line = 0; line < QUICK_LOOK_LINES; line++) {
    const feed = bytes.indexOf(0x0a, end);
    if (feed < 0 || feed >= QUICK_LOOK_BYTES) break;
    end = feed + 1;
  }
  if (end === 0) return undefined;
  const result = readTable(bytes.subarray(0, end), fileName, overrides, LOOK_LIMITS);
  if (result.format !== 'delimited' && result.format !== undefined) return undefined;
  if (result.headers.length === 0) return undefined;
  // The look stops after a few rows on purpose: that is no "too many rows" of the file, and a
  // quoted value it cuts short (one that spans lines) is no quote left open.
  const cut = new Set(['too-many-rows', 'unclosed-quote']);
  return { ...result, problems: result.problems.filter((p) => !cut.has(p.code)) };
}

/**
 * Reads the sample contacts as the first look at a file does, once, when the worker starts: a
 * new worker's code is compiled on first use, and the first look at a dropped file otherwise paid
 * for it (see the note at `quickLook`).
 */
export function warmUp(): void {
  const [header = '', ...rows] = sampleCsv().split('\r\n');
  const lines = [header];
  while (lines.length < QUICK_LOOK_LINES) lines.push(...rows.filter((row) => row !== ''));
  const bytes = new TextEncoder().encode(lines.join('\r\n'));
  summarise('sample.csv', bytes.length, readTable(bytes, 'sample.csv', {}, LOOK_LIMITS), {}, false);
}

/** Bytes read from the file at a time, while the piece before is decoded and parsed. */
export const READ_PIECE_BYTES = 8 * 1024 * 1024;
/** Pieces read ahead of the one being parsed. */
const READ_AHEAD = 2;

/**
 * Reads a whole file. Delimited text is read a piece at a time, each piece decoded and parsed
 * while the next is read from disk, so its bytes are never held whole beside its rows (91 MiB
 * at 1,000,000 rows); the rest (workbooks, JSON, XML, text that turns out not to be UTF-8) is
 * read whole.
 */
export async function readFile(
  file: Blob,
  fileName: string,
  overrides: IntakeOverrides,
  onProgress: (progress: ReadProgress) => void,
  isCancelled: () => boolean = () => false,
  pieceBytes = READ_PIECE_BYTES,
): Promise<IntakeResult> {
  const limits = readLimits(onProgress);
  const tooLarge = overTheSizeLimit(file.size, limits);
  if (tooLarge) return tooLarge;
  const head = await bytesOf(file.slice(0, HEAD_BYTES));
  const reading = DelimitedReading.start(head, file.size, fileName, overrides, limits);
  const inPieces = reading && (await readInPieces(reading, file, isCancelled, pieceBytes));
  // Not UTF-8 after all (Windows-1252, most likely), or no delimited text: read whole.
  return inPieces ?? readWhole(await bytesOf(file), fileName, overrides, onProgress);
}

/**
 * The file read through `reading`, each piece read from disk while the one before is parsed;
 * undefined when a byte past the start turned out not to be UTF-8 (the rows read so far are
 * let go with this call).
 */
async function readInPieces(
  reading: DelimitedReading,
  file: Blob,
  isCancelled: () => boolean,
  pieceBytes: number,
): Promise<IntakeResult | undefined> {
  const size = file.size;
  // Pieces asked for and not yet parsed. The browser hands a piece to the worker only while
  // the worker takes its events, so it does so after each megabyte it parses (`pushing`); with
  // that, and two pieces asked ahead, the parse waits for no piece but the first.
  const ahead: Promise<Uint8Array>[] = [];
  let asked = 0;
  const askNext = () => {
    while (ahead.length < READ_AHEAD && asked < size) {
      ahead.push(bytesOf(file.slice(asked, asked + pieceBytes)));
      asked += pieceBytes;
    }
  };
  try {
    askNext();
    for (let start = 0; ahead.length > 0 && !reading.done; start += pieceBytes) {
      const bytes = await (ahead.shift() as Promise<Uint8Array>);
      askNext();
      if (isCancelled()) throw new TaskCancelled();
      for (const _ of reading.pushing(bytes, start + pieceBytes >= size)) await yieldToEvents();
    }
  } catch (error) {
    if (error instanceof NotUtf8) return undefined;
    throw error;
  } finally {
    // A read given up (the row limit, an error) leaves no rejection unheard.
    for (const piece of ahead) piece.catch(() => undefined);
  }
  return reading.result(reading.end() ? await bytesOf(file) : undefined);
}

export function readWhole(
  bytes: Uint8Array,
  fileName: string,
  overrides: IntakeOverrides,
  onProgress: (progress: ReadProgress) => void,
): IntakeResult {
  return readTable(bytes, fileName, overrides, readLimits(onProgress));
}

function readLimits(onProgress: (progress: ReadProgress) => void): IntakeLimits {
  return {
    maxBytes: MAX_FILE_BYTES,
    maxRows: MAX_ROWS,
    workbook: {
      maxUnpackedBytes: MAX_WORKBOOK_UNPACKED_BYTES,
      maxPartBytes: MAX_WORKBOOK_PART_BYTES,
      maxCompressionRatio: MAX_WORKBOOK_COMPRESSION_RATIO,
      ratioFromBytes: WORKBOOK_RATIO_FROM_BYTES,
      maxXlsBytes: MAX_XLS_BYTES,
    },
    onProgress: (fraction, rows) => onProgress({ fraction, rows }),
  };
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}
