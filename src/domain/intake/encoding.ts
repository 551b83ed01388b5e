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
] as const;

export type EncodingId = (typeof SUPPORTED_ENCODINGS)[number]['id'];

export interface EncodingGuess {
  readonly encoding: EncodingId;
  /** Bytes of byte-order mark at the start of the file, to skip before decoding. */
  readonly bom: number;
  readonly reason: string;
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
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
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
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return utf16;

  const firstInvalid = findInvalidUtf8(bytes);
  if (firstInvalid === -1) {
    return {
      encoding: 'utf-8',
      bom: 0,
      reason: hasNonAscii(bytes)
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

/**
 * The text of `bytes` in pieces of about `chunkBytes` bytes, decoded as one stream (a character
 * split between pieces comes whole in the next), so a large file is never one string; each with
 * the share of the bytes read once it is through.
 */
export function* decodeInChunks(
  bytes: Uint8Array,
  encoding: EncodingId,
  chunkBytes: number,
): Generator<{ text: string; fraction: number }> {
  const decoder = new TextDecoder(encoding);
  // A piece ends just after its last line feed, so the parser carries no part of a line into
  // the next piece. Text carried over is joined to that piece as a copy on V8's heap (a
  // megabyte or two a piece that only a full collection frees); a wide character in it makes
  // every later piece's cells two-byte; and a CR LF split between two pieces made PapaParse
  // report a quote problem that is not there, after a quoted last value.
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(bytes.length, start + chunkBytes);
    if (end < bytes.length) end = afterLastLineFeed(bytes, start, end, encoding) ?? end;
    const text = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    yield { text: asDecoded(text, encoding), fraction: end / bytes.length };
    start = end;
  }
}

/**
 * The offset just after the last line feed in `bytes[start, end)`, or undefined when there is
 * none: a byte of its own in UTF-8 and Windows-1252, a whole code unit in UTF-16 (at an even
 * offset from the start of the file, which may begin with a byte-order mark of two bytes).
 */
function afterLastLineFeed(
  bytes: Uint8Array,
  start: number,
  end: number,
  encoding: EncodingId,
): number | undefined {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const [high, low] = encoding === 'utf-16le' ? [1, 0] : [0, 1];
    for (let at = (end - 2) & ~1; at >= start; at -= 2)
      if (bytes[at + low] === 0x0a && bytes[at + high] === 0) return at + 2;
    return undefined;
  }
  const feed = bytes.subarray(start, end).lastIndexOf(0x0a);
  return feed < 0 ? undefined : start + feed + 1;
}

/** Windows-1252 characters for bytes 0x80–0x9F; the five undefined ones stay as they are. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function fromC1(ch: string): string {
  return WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return true;
  return false;
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

/** Index of the first byte that breaks UTF-8, or -1. A sequence truncated by the end is valid. */
function findInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  // ASCII is passed over four bytes at a time, in the aligned words from byte `head` on (a
  // million-row file is ~90 MB, nearly all of it ASCII).
  const head = (4 - (bytes.byteOffset & 3)) & 3;
  const words =
    n > head
      ? new Uint32Array(bytes.buffer, bytes.byteOffset + head, (n - head) >> 2)
      : new Uint32Array(0);
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
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1; // cut off by the end of the sample
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}
