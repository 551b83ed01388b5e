/**
 * Character-encoding detection and decoding. TextDecoder is a standard of the Encoding spec,
 * available in workers and Node, so this stays pure.
 */

export const SUPPORTED_ENCODINGS = [
  { id: 'utf-8', label: 'UTF-8 (Unicode)' },
  { id: 'utf-16le', label: 'UTF-16 LE (Excel "Unicode text")' },
  { id: 'utf-16be', label: 'UTF-16 BE' },
  { id: 'windows-1252', label: 'Windows-1252 (Western European)' },
  { id: 'iso-8859-15', label: 'ISO-8859-15 (Western European with €)' },
  { id: 'windows-1250', label: 'Windows-1250 (Central European)' },
  { id: 'iso-8859-2', label: 'ISO-8859-2 (Central European)' },
  { id: 'windows-1257', label: 'Windows-1257 (Baltic)' },
  { id: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
  { id: 'windows-1253', label: 'Windows-1253 (Greek)' },
  { id: 'windows-1254', label: 'Windows-1254 (Turkish)' },
  { id: 'macintosh', label: 'Mac OS Roman' },
  { id: 'shift_jis', label: 'Shift-JIS (Japanese)' },
  { id: 'gbk', label: 'GBK (Simplified Chinese)' },
  { id: 'big5', label: 'Big5 (Traditional Chinese)' },
  { id: 'euc-kr', label: 'EUC-KR (Korean)' },
] as const;

/** The two-byte encodings of East Asian exports, told by their byte pairs (`guessNotUtf8`). */
const DOUBLE_BYTE_ENCODINGS = ['shift_jis', 'gbk', 'big5', 'euc-kr'] as const;

export type EncodingId = (typeof SUPPORTED_ENCODINGS)[number]['id'];

export interface EncodingGuess {
  readonly encoding: EncodingId;
  /** Bytes of byte-order mark at the start of the file, to skip before decoding. */
  readonly bom: number;
  readonly reason: string;
  /** What the person should know of the guess: bytes it cannot read, another likely reading. */
  readonly warning?: string;
  /** For a guess other than UTF-8 made from the bytes: how many of them broke UTF-8. */
  readonly badBytes?: number;
}

/** The picker label of an encoding, e.g. "Windows-1252 (Western European)". */
export function encodingLabel(encoding: EncodingId): string {
  return SUPPORTED_ENCODINGS.find((e) => e.id === encoding)?.label ?? encoding;
}

/** Short name for chips: "Windows-1252", "UTF-8". */
export function encodingShortName(encoding: EncodingId): string {
  return encodingLabel(encoding).replace(/ \(.*\)$/, '');
}

/** True for an id of SUPPORTED_ENCODINGS (for values arriving from the UI or an XML prolog). */
export function isSupportedEncoding(value: string): value is EncodingId {
  return SUPPORTED_ENCODINGS.some((e) => e.id === value);
}

/**
 * Guesses the encoding: a byte-order mark wins; then UTF-16 without BOM (NUL bytes in every other
 * position); then UTF-8 if every byte sequence is valid UTF-8 (pure ASCII counts); otherwise
 * Windows-1252, which is what Excel on Windows writes for "CSV" in Western locales.
 *
 * Scans the whole array once without allocating, so a 100 MB file costs tens of milliseconds. A
 * multi-byte sequence cut off at the very end is tolerated, so the first chunk of a stream can be
 * passed too.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const marked = markedEncoding(bytes);
  if (marked) return marked;
  const scan = scanUtf8(bytes);
  if (scan.invalid < 0) return utf8Verdict(scan.invalid, scan.nonAscii);
  return guessNotUtf8(bytes, scan.invalid);
}

/** Bytes read for the two-byte encodings' test: their names and bytes come in the first lines. */
const DOUBLE_BYTE_SAMPLE = 65536;

/**
 * A file some byte of which breaks UTF-8 (the first at `firstInvalid`):
 * - UTF-8 with a few bad bytes (a row pasted from another file): many characters read as UTF-8
 *   and at most one bad byte for every eight of them. Read as UTF-8, the bad bytes shown as �,
 *   with a warning; read as Windows-1252, every other name would be garbled.
 * - A two-byte East Asian encoding: the bytes above 0x7F come in runs (a name is several
 *   two-byte characters) and the readings tell one encoding (`twoByteReading`).
 * - Otherwise Windows-1252, with a warning when it does not read cleanly: bytes it leaves
 *   undefined (Mac OS Roman's ç and è are two), or runs of letters above ASCII (Cyrillic,
 *   Greek, or a two-byte encoding not told). Curly quotes, dashes, € and accents side by side
 *   ("ção", "ää") are Windows-1252's own and give no warning.
 */
export function guessNotUtf8(bytes: Uint8Array, firstInvalid: number): EncodingGuess {
  const counts = countUtf8(bytes);
  if (counts.characters >= 8 && counts.characters >= 8 * counts.invalid) {
    return {
      encoding: 'utf-8',
      bom: 0,
      reason: `The file is UTF-8 but for ${counts.invalid === 1 ? 'one byte' : `${counts.invalid} bytes`} (the first is byte ${firstInvalid + 1}).`,
      warning: `${counts.invalid === 1 ? 'One byte' : `${counts.invalid} bytes`} of this UTF-8 file ${counts.invalid === 1 ? 'is' : 'are'} not UTF-8 (the first is byte ${firstInvalid + 1}) and ${counts.invalid === 1 ? 'shows' : 'show'} as �: ${counts.invalid === 1 ? 'a value' : 'values'} pasted from a file in another encoding? Correct them in the review, or in the file.`,
    };
  }
  const sample = bytes.subarray(0, DOUBLE_BYTE_SAMPLE);
  const shape = highByteShape(sample);
  let readable: EncodingId[] = [];
  if (shape.runs && !shape.alphabet) {
    const texts = new Map<EncodingId, string>();
    for (const encoding of DOUBLE_BYTE_ENCODINGS) {
      const text = readCleanly(sample, encoding);
      if (text !== undefined) texts.set(encoding, text);
    }
    readable = [...texts.keys()];
    const encoding = twoByteReading(texts, sample);
    if (encoding) {
      return {
        encoding,
        bom: 0,
        reason: `Byte ${firstInvalid + 1} is not valid UTF-8, and the bytes come in pairs that read as ${encodingLabel(encoding)}.`,
      };
    }
  }
  if (shape.returnsOnly && shape.macLetters >= 2) {
    return {
      encoding: 'macintosh',
      bom: 0,
      reason: `Byte ${firstInvalid + 1} is not valid UTF-8; the lines end with a carriage return alone and letters such as é and ü are written as Mac OS Roman writes them, as Excel for Mac saves "CSV (Macintosh)".`,
      warning:
        'Read as Mac OS Roman, as Excel for Mac saves "CSV (Macintosh)": check the names in the preview, and choose Windows-1252 above if they look wrong.',
    };
  }
  const doubt =
    shape.returnsOnly && shape.lowTouching > 0 && !shape.alphabet && !shape.runs
      ? 'its lines end with a carriage return alone, as a Mac writes them, and letters such as é may be written as Mac OS Roman writes them'
      : shape.alphabet
        ? 'whole words are letters above ASCII, as Cyrillic (Windows-1251) and Greek (Windows-1253) are written'
        : shape.runs
          ? `whole words are pairs of bytes, as Japanese, Chinese and Korean encodings write them${readable.length > 0 ? `; it reads without error as ${readable.map(encodingShortName).join(' or ')}` : ''}`
          : shape.undefinedIn1252 > 0
            ? 'some of its bytes are no Windows-1252 character; Mac OS Roman writes ç and è so'
            : shape.centralEuropean >= 2
              ? 'signs such as ³, ¹ or ì stand inside words, where Windows-1250 has the Polish and Czech letters ł, ą and ě'
              : shape.turkish >= 2
                ? 'þ stands inside words, where Windows-1254 has the Turkish ş'
                : undefined;
  return {
    ...utf8Verdict(firstInvalid, true),
    badBytes: counts.invalid,
    ...(doubt
      ? {
          warning: `Names may be garbled: this file is not UTF-8 and does not read cleanly as Windows-1252 (${doubt}). Choose its encoding above and check the names in the preview.`,
        }
      : {}),
  };
}

/** Characters that read as UTF-8 (above ASCII) and bytes that break it, over all the bytes. */
function countUtf8(bytes: Uint8Array): { characters: number; invalid: number } {
  let characters = 0;
  let invalid = 0;
  let at = 0;
  while (at < bytes.length) {
    const scan = scanUtf8(bytes.subarray(at));
    const end = scan.invalid >= 0 ? scan.invalid : bytes.length - at;
    for (let i = at; i < at + end; i++) if (((bytes[i] as number) & 0xc0) === 0xc0) characters++;
    if (scan.invalid < 0) break;
    invalid++;
    at += scan.invalid + 1;
    // Past 64 bad bytes with fewer than eight characters each, it is no UTF-8 file.
    if (invalid >= 64 && characters < 8 * invalid) break;
  }
  return { characters, invalid };
}

/**
 * How the bytes above 0x7F lie: in runs of three or more (whole words written with them, as
 * two-byte encodings and Cyrillic or Greek code pages write names; Western text has an accent
 * or two side by side), from 0xC0 up (the letters of Cyrillic and Greek code pages), and on
 * bytes Windows-1252 leaves undefined.
 */
function highByteShape(sample: Uint8Array): {
  runs: boolean;
  alphabet: boolean;
  undefinedIn1252: number;
  centralEuropean: number;
  turkish: number;
  /** Lines end with CR alone (a classic Mac file): no line feed, some carriage return. */
  returnsOnly: boolean;
  /**
   * Bytes 0x80–0x9F inside words that Windows-1252 writes no letter or quote with: Mac OS
   * Roman's accented letters (é 0x8E, ç 0x8D, ñ 0x96), where Windows-1252 has signs.
   */
  macLetters: number;
  /** Bytes 0x80–0x9F next to a letter, whichever encoding they are letters of. */
  lowTouching: number;
} {
  let returns = 0;
  let feeds = 0;
  let macLetters = 0;
  let lowTouching = 0;
  let high = 0;
  let inLongRuns = 0;
  let letters = 0;
  let undefinedIn1252 = 0;
  let centralEuropean = 0;
  let turkish = 0;
  let run = 0;
  for (let i = 0; i <= sample.length; i++) {
    const b = i < sample.length ? (sample[i] as number) : 0;
    if (b === 13) returns++;
    else if (b === 10) feeds++;
    if (b >= 0x80) {
      run++;
      high++;
      if (b >= 0xc0) letters++;
      if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) undefinedIn1252++;
      // ł ą ż ź Ł Ą in Windows-1250 are ³ ¹ ¿ Ÿ £ ¥ in Windows-1252: signs no word holds.
      // Czech ě and ů are ì and ù there, which Italian and French write only at a word's end;
      // Turkish ş is þ, which Icelandic writes at a word's start.
      const inWord = isLetter(sample[i - 1]) && isLetter(sample[i + 1]);
      if (inWord && (CENTRAL_EUROPEAN.has(b) || b === 0xec || b === 0xf9)) centralEuropean++;
      if (inWord && b === 0xfe) turkish++;
      // A letter at a word's end counts (José's é), not one between spaces; the bytes that
      // are quotes and dashes in Windows-1252 (“Jack”, Mary–Jane) only inside a word (Muñoz).
      const touching = isLetter(sample[i - 1]) || isLetter(sample[i + 1]);
      if (b <= 0x9f && touching) {
        lowTouching++;
        if (WINDOWS_LETTERS_BELOW_A0.has(b)) continue;
        if (IN_WORD_ONLY.has(b) ? inWord : true) macLetters++;
      }
      continue;
    }
    if (run >= 3) inLongRuns += run;
    run = 0;
  }
  const runs = high >= 6 && inLongRuns >= high * 0.6;
  return {
    runs,
    alphabet: runs && letters >= high * 0.9,
    undefinedIn1252,
    centralEuropean,
    turkish,
    returnsOnly: returns > 0 && feeds === 0,
    macLetters,
    lowTouching,
  };
}

/**
 * The bytes 0x80–0x9F that Windows-1252 writes inside words: Š Œ š œ ž Ÿ (Czech, Slovak,
 * French names), the quotes ‘ ’ ("O’Brien") and the dashes – — ("Mary–Jane"). Mac OS Roman
 * has letters there too, so they tell nothing. (Ž, 0x8E, is Mac OS Roman's é, its most common
 * letter, and stands inside a word only in a name written in capitals: it counts, and two
 * such bytes are asked for.)
 */
const WINDOWS_LETTERS_BELOW_A0: ReadonlySet<number> = new Set([
  0x8a, 0x8c, 0x91, 0x92, 0x9a, 0x9c, 0x9e, 0x9f,
]);

/** Windows-1252's “ ” – — (Mac OS Roman's ì î ñ ó): a Mac letter only inside a word. */
const IN_WORD_ONLY: ReadonlySet<number> = new Set([0x93, 0x94, 0x96, 0x97]);

// Not œ (0x9C, ś in Windows-1250): French writes it inside words ("Sœurs", "Bœuf").
const CENTRAL_EUROPEAN = new Set([0xb3, 0xb9, 0xbf, 0x9f, 0xa3, 0xa5]);

/** An ASCII letter or a byte above ASCII (a letter in any of the code pages). */
function isLetter(b: number | undefined): boolean {
  return b !== undefined && (b >= 0x80 || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a));
}

/** The bytes read in `encoding`, or undefined when a byte is not of it. */
function readCleanly(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    // `stream`: a character cut by the end of the sample is not an error.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
}

const KANA = /[\u3040-\u30ff]/;
const HALF_WIDTH_KANA = /[\uff61-\uff9f]/;
const HANGUL = /[\uac00-\ud7af]/g;

/**
 * Which of the two-byte encodings that read the bytes without error they are in: GBK reads
 * nearly any pair, so the others are told by their own letters first. Shift-JIS when its
 * reading has kana (Japanese writes them in most lines); EUC-KR when most of its reading is
 * Hangul; else the one of GBK and Big5 whose reading has no kana (a Chinese name has none),
 * told apart by their second bytes when both read it. Undefined when none is left.
 */
function twoByteReading(
  texts: ReadonlyMap<EncodingId, string>,
  sample: Uint8Array,
): EncodingId | undefined {
  const japanese = texts.get('shift_jis');
  if (japanese !== undefined && KANA.test(japanese)) return 'shift_jis';
  // Kanji alone reads as Shift-JIS and as GBK; Chinese read as Shift-JIS is strewn with
  // half-width katakana (GBK's first bytes 0xB0–0xDF are those in Shift-JIS), Japanese is not.
  const chineseToo = texts.has('gbk') || texts.has('big5');
  if (japanese !== undefined && chineseToo && !HALF_WIDTH_KANA.test(japanese)) return 'shift_jis';
  const korean = texts.get('euc-kr');
  if (korean !== undefined) {
    let wide = 0;
    for (let i = 0; i < korean.length; i++) if (korean.charCodeAt(i) > 0x7f) wide++;
    if ((korean.match(HANGUL)?.length ?? 0) >= wide * 0.9) return 'euc-kr';
  }
  if (texts.size === 1) return [...texts.keys()][0];
  // Shift-JIS read as Chinese too, and with half-width katakana: the person chooses.
  if (japanese !== undefined) return undefined;
  const chinese = (['gbk', 'big5'] as const).filter((encoding) => {
    const text = texts.get(encoding);
    return text !== undefined && !KANA.test(text);
  });
  if (chinese.length < 2) return chinese[0];
  // Both read it: Big5 writes most characters with a second byte below 0x80, GBK's common
  // characters (GB2312) never do.
  return trailsBelow80(sample) > 0.1 ? 'big5' : 'gbk';
}

/** The share of two-byte characters whose second byte is below 0x80. */
function trailsBelow80(bytes: Uint8Array): number {
  let pairs = 0;
  let low = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if ((bytes[i] as number) < 0x81) continue;
    pairs++;
    if ((bytes[i + 1] as number) < 0x80) low++;
    i++;
  }
  return pairs === 0 ? 0 : low / pairs;
}

/**
 * The encoding the start of a file decides alone: a byte-order mark, or UTF-16's pattern of NUL
 * bytes. Undefined when only the whole file can tell (UTF-8 or not).
 */
function markedEncoding(head: Uint8Array): EncodingGuess | undefined {
  const b0 = head[0];
  const b1 = head[1];
  const b2 = head[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { encoding: 'utf-8', bom: 3, reason: 'The file starts with a UTF-8 byte-order mark.' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return {
      encoding: 'utf-16le',
      bom: 2,
      reason: 'The file starts with a UTF-16 little-endian byte-order mark (Excel "Unicode text").',
    };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return {
      encoding: 'utf-16be',
      bom: 2,
      reason: 'The file starts with a UTF-16 big-endian byte-order mark.',
    };
  }
  return guessUtf16WithoutBom(head);
}

/**
 * UTF-8 when no byte breaks it (`firstInvalid` -1), else Windows-1252: the guess for a file with
 * no byte-order mark, once all its bytes have been scanned.
 */
export function utf8Verdict(firstInvalid: number, nonAscii: boolean): EncodingGuess {
  if (firstInvalid === -1) {
    return {
      encoding: 'utf-8',
      bom: 0,
      reason: nonAscii
        ? 'Every character in the file is valid UTF-8.'
        : 'The file is plain ASCII, which reads the same in UTF-8.',
    };
  }
  return {
    encoding: 'windows-1252',
    bom: 0,
    reason: `Byte ${firstInvalid + 1} is not valid UTF-8, so the file was read as Windows-1252, the usual encoding of CSV files saved by Excel on Windows.`,
  };
}

/**
 * Whether a file is UTF-8, told from its bytes given a piece at a time, in order and split
 * anywhere (a character split between two pieces is judged whole). As `detectEncoding`, a
 * sequence cut off by the end of the file is no error.
 */
export class Utf8Scan {
  /** Offset in the file of the first byte that breaks UTF-8, or -1. */
  firstInvalid = -1;
  /** Whether any byte so far is above 0x7F. */
  nonAscii = false;
  /** Bytes scanned so far. */
  private offset = 0;
  /** The start of a sequence the last piece cut off. */
  private pending = new Uint8Array(0);

  /** Scans the next bytes of the file; false once a byte has broken UTF-8. */
  push(bytes: Uint8Array): boolean {
    if (this.firstInvalid >= 0) return false;
    const start = this.offset - this.pending.length;
    this.offset += bytes.length;
    let rest = bytes;
    if (this.pending.length > 0) {
      // The cut-off sequence, joined to as many bytes of this piece as it needs.
      const lead = this.pending[0] as number;
      const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      const taken = Math.min(length - this.pending.length, bytes.length);
      const joined = new Uint8Array(this.pending.length + taken);
      joined.set(this.pending);
      joined.set(bytes.subarray(0, taken), this.pending.length);
      const scan = scanUtf8(joined);
      if (scan.invalid >= 0) {
        this.firstInvalid = start + scan.invalid;
        return false;
      }
      if (joined.length < length) {
        // Still cut off: this piece was too short to end it.
        this.pending = joined;
        return true;
      }
      this.pending = new Uint8Array(0);
      rest = bytes.subarray(taken);
    }
    const scan = scanUtf8(rest);
    this.nonAscii ||= scan.nonAscii;
    if (scan.invalid >= 0) {
      this.firstInvalid = this.offset - rest.length + scan.invalid;
      return false;
    }
    if (scan.cutOff >= 0) this.pending = rest.slice(scan.cutOff);
    return true;
  }
}

/**
 * Decodes bytes as text, skipping a BOM that matches the encoding. Invalid sequences become
 * U+FFFD rather than throwing, so a wrong choice shows up in the preview for the user to change.
 */
export function decodeBytes(bytes: Uint8Array, encoding: EncodingId): string {
  // TextDecoder strips a matching BOM itself for UTF-8/16 (ignoreBOM defaults to false).
  return asDecoded(new TextDecoder(encoding).decode(bytes), encoding);
}

/**
 * Node (≤ 22) decodes "windows-1252" as ISO-8859-1, leaving 0x80–0x9F as C1 controls instead of
 * € „ “ ” – … ; browsers follow the Encoding spec. Mapping them makes both agree.
 */
function asDecoded(text: string, encoding: EncodingId): string {
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, fromC1) : text;
}

/** A piece of a file's text, and the share of the file's bytes read once it is through. */
export interface DecodedPiece {
  readonly text: string;
  readonly fraction: number;
}

/**
 * The text of `bytes` in pieces of about `chunkBytes` bytes, decoded as one stream (a character
 * split between pieces comes whole in the next), so a large file is never one string; each with
 * the share of the bytes read once it is through.
 */
export function* decodeInChunks(
  bytes: Uint8Array,
  encoding: EncodingId,
  chunkBytes: number,
): Generator<DecodedPiece> {
  yield* new PieceDecoder(encoding, bytes.length, chunkBytes).push(bytes, true);
}

/**
 * Decodes a file given a piece of its bytes at a time (a large file is read so, never held
 * whole), in order and split anywhere, into text pieces of about `chunkBytes` bytes.
 *
 * A text piece ends just after a line feed where it can, so the parser carries no part of a
 * line into the next piece. Text carried over is joined to that piece as a copy on V8's heap (a
 * megabyte or two a piece that only a full collection frees); a wide character in it makes
 * every later piece's cells two-byte; and a CR LF split between two pieces made PapaParse report
 * a quote problem that is not there, after a quoted last value. So the text after the last line
 * feed of a piece of bytes is kept here, and given out at the front of the next text piece.
 */
export class PieceDecoder {
  private readonly decoder: TextDecoder;
  /** Bytes of the file pushed so far. */
  private read = 0;
  /** Text after the last line feed of the bytes pushed so far, not yet given out. */
  private carried = '';

  constructor(
    private readonly encoding: EncodingId,
    /** The file's size in bytes, for the share read. */
    private readonly size: number,
    private readonly chunkBytes: number,
  ) {
    this.decoder = new TextDecoder(encoding);
  }

  /** The text pieces of the next bytes of the file; `last` when they end it. */
  *push(bytes: Uint8Array, last: boolean): Generator<DecodedPiece> {
    const offset = this.read;
    this.read += bytes.length;
    let start = 0;
    while (bytes.length - start > this.chunkBytes) {
      const end = start + this.chunkBytes;
      const cut = this.afterLastLineFeed(bytes, offset, start, end) ?? end;
      yield this.piece(bytes.subarray(start, cut), offset + cut, false);
      start = cut;
    }
    if (last) {
      if (start < bytes.length || this.carried.length > 0) {
        yield this.piece(bytes.subarray(start), offset + bytes.length, true);
      }
      return;
    }
    const cut = this.afterLastLineFeed(bytes, offset, start, bytes.length);
    if (cut !== undefined) yield this.piece(bytes.subarray(start, cut), offset + cut, false);
    this.carried += this.decoded(bytes.subarray(cut ?? start), false);
  }

  private piece(bytes: Uint8Array, end: number, last: boolean): DecodedPiece {
    const text = this.carried + this.decoded(bytes, last);
    this.carried = '';
    return { text, fraction: this.size === 0 ? 1 : end / this.size };
  }

  private decoded(bytes: Uint8Array, last: boolean): string {
    return asDecoded(this.decoder.decode(bytes, { stream: !last }), this.encoding);
  }

  /**
   * The offset just after the last line feed in `bytes[start, end)`, or undefined when there is
   * none: a byte of its own in UTF-8 and Windows-1252, a whole code unit in UTF-16 (at an even
   * offset in the file, `offset` being that of `bytes[0]`; a byte-order mark has two bytes).
   */
  private afterLastLineFeed(
    bytes: Uint8Array,
    offset: number,
    start: number,
    end: number,
  ): number | undefined {
    const encoding = this.encoding;
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      const [high, low] = encoding === 'utf-16le' ? [1, 0] : [0, 1];
      let at = end - 2;
      if (((offset + at) & 1) !== 0) at--;
      for (; at >= start; at -= 2)
        if (bytes[at + low] === 0x0a && bytes[at + high] === 0) return at + 2;
      return undefined;
    }
    const feed = bytes.subarray(start, end).lastIndexOf(0x0a);
    return feed < 0 ? undefined : start + feed + 1;
  }
}

/** Windows-1252 characters for bytes 0x80–0x9F; the five undefined ones stay as they are. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function fromC1(ch: string): string {
  return WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch;
}

/**
 * UTF-16 text of mostly Latin characters has a NUL in every other byte; a NUL-heavy file that
 * lacks this pattern is binary and is left to format detection.
 */
function guessUtf16WithoutBom(bytes: Uint8Array): EncodingGuess | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) {
    return {
      encoding: 'utf-16le',
      bom: 0,
      reason: 'Every other byte is zero, the pattern of UTF-16 little-endian text without a BOM.',
    };
  }
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) {
    return {
      encoding: 'utf-16be',
      bom: 0,
      reason: 'Every other byte is zero, the pattern of UTF-16 big-endian text without a BOM.',
    };
  }
  return undefined;
}

/** What a scan of bytes for UTF-8 found. */
interface Utf8Found {
  /** Index of the first byte that breaks UTF-8, or -1. */
  readonly invalid: number;
  /** Whether a byte above 0x7F came before the end of the scan. */
  readonly nonAscii: boolean;
  /** Index of a sequence cut off by the end of the bytes (judged valid so far), or -1. */
  readonly cutOff: number;
}

/** Scans bytes for the first that breaks UTF-8, allocating nothing but the answer. */
function scanUtf8(bytes: Uint8Array): Utf8Found {
  const n = bytes.length;
  // ASCII is passed over four bytes at a time, in the aligned words from byte `head` on (a
  // million-row file is ~90 MB, nearly all of it ASCII).
  const head = (4 - (bytes.byteOffset & 3)) & 3;
  const words =
    n > head
      ? new Uint32Array(bytes.buffer, bytes.byteOffset + head, (n - head) >> 2)
      : new Uint32Array(0);
  let nonAscii = false;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      if (i >= head && ((i - head) & 3) === 0) {
        let w = (i - head) >> 2;
        while (w < words.length && ((words[w] as number) & 0x80808080) === 0) w++;
        i = head + w * 4;
      }
      continue;
    }
    nonAscii = true;
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return { invalid: i, nonAscii, cutOff: -1 };
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return { invalid: -1, nonAscii, cutOff: i };
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return { invalid: i, nonAscii, cutOff: -1 };
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
      return { invalid: i, nonAscii, cutOff: -1 };
    }
    i += need + 1;
  }
  return { invalid: -1, nonAscii, cutOff: -1 };
}
