/**
 * Splitting an upload into parts whose request stays under Whispir's 10,485,760-byte limit
 * (Part A §9): each part is its own resource and its own import. Sizes are computed exactly —
 * the request is JSON whose only large member is the base64 of the part's CSV.
 */
import { MAX_REQUEST_BYTES } from '../whispir/media-types';

export interface PartPlan {
  /** 1-based, as shown to the user. */
  readonly part: number;
  /** Index of the first row (into the rows being sent) and one past the last. */
  readonly start: number;
  readonly end: number;
  /** UTF-8 bytes of the part's file (header line included). */
  readonly fileBytes: number;
  /** Bytes of the whole `POST /resources` request body. */
  readonly requestBytes: number;
}

export interface SplitOptions {
  /** Largest request body allowed, margin included. */
  readonly maxRequestBytes: number;
  /** Bytes of the JSON request body with an empty `derefUri`. */
  readonly envelopeBytes: number;
  /** The number the user knows a row by, for a message (default: its position + 1). */
  readonly rowNumberOf?: (position: number) => number;
}

/** 10,485,760 less a margin for headers that proxies may count and for rounding. */
export const DEFAULT_MAX_REQUEST_BYTES = MAX_REQUEST_BYTES - 64 * 1024;

export const base64Length = (bytes: number) => 4 * Math.ceil(bytes / 3);

/** UTF-8 byte length of a string, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of the resource request body around the base64 payload. */
export function envelopeBytes(name: string, mimeType: string): number {
  return utf8Length(JSON.stringify({ name, scope: 'private', mimeType, derefUri: '' }));
}

export type SplitResult =
  | { readonly ok: true; readonly parts: readonly PartPlan[] }
  | { readonly ok: false; readonly row: number; readonly message: string };

/**
 * Greedy split, keeping row order: a part takes rows while its request stays within the limit.
 * `lineBytes[i]` is the UTF-8 length of row i's CSV line including its line break; every part
 * repeats the header line (`headerBytes`, line break included).
 */
export function splitIntoParts(
  lineBytes: ArrayLike<number>,
  headerBytes: number,
  options: SplitOptions,
): SplitResult {
  const maxFileBytes = Math.floor((options.maxRequestBytes - options.envelopeBytes) / 4) * 3;
  const parts: PartPlan[] = [];
  let start = 0;
  let fileBytes = headerBytes;
  const close = (end: number) => {
    parts.push({
      part: parts.length + 1,
      start,
      end,
      fileBytes,
      requestBytes: options.envelopeBytes + base64Length(fileBytes),
    });
  };
  for (let i = 0; i < lineBytes.length; i++) {
    const bytes = lineBytes[i] ?? 0;
    if (headerBytes + bytes > maxFileBytes) {
      return {
        ok: false,
        row: i,
        message: `Row ${options.rowNumberOf?.(i) ?? i + 1} alone is larger than Whispir accepts in one request (${bytes.toLocaleString()} bytes).`,
      };
    }
    if (fileBytes + bytes > maxFileBytes) {
      close(i);
      start = i;
      fileBytes = headerBytes;
    }
    fileBytes += bytes;
  }
  if (lineBytes.length > 0 || parts.length === 0) close(lineBytes.length);
  return { ok: true, parts };
}
