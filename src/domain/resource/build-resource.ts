/**
 * Builds the file the wizard uploads as a Whispir resource: only the mapped columns, under the
 * user's own column names (so fieldMapping reads naturally), plus one column per constant value.
 */
import Papa from 'papaparse';
import { constantColumnName, toFieldMapping, type ColumnMapping } from '../mapping/mapping';

export type ResourceColumn =
  | { readonly name: string; readonly kind: 'column'; readonly index: number }
  | { readonly name: string; readonly kind: 'constant'; readonly value: string };

export interface ResourcePlan {
  readonly columns: readonly ResourceColumn[];
  /** Whispir field → column of the generated file. */
  readonly fieldMapping: Readonly<Record<string, string>>;
}

/** Which columns the generated file has, in a stable order, and the fieldMapping that names them. */
export function planResource(headers: readonly string[], mapping: ColumnMapping): ResourcePlan {
  const columns: ResourceColumn[] = [];
  const seen = new Set<string>();
  for (const [field, source] of Object.entries(mapping)) {
    if (source.kind === 'column') {
      if (seen.has(source.column)) continue;
      const index = headers.indexOf(source.column);
      if (index < 0) continue;
      seen.add(source.column);
      columns.push({ name: source.column, kind: 'column', index });
    } else {
      // An empty source is a column of blanks: Whispir requires the key to be mapped.
      const name = constantColumnName(field);
      columns.push({
        name,
        kind: 'constant',
        value: source.kind === 'constant' ? source.value : '',
      });
    }
  }
  return { columns, fieldMapping: toFieldMapping(mapping) };
}

/** The values one input row contributes to the generated file. */
export function resourceRow(plan: ResourcePlan, row: readonly string[]): string[] {
  return plan.columns.map((column) =>
    column.kind === 'column' ? (row[column.index] ?? '') : column.value,
  );
}

/** CSV text of the generated resource (RFC 4180, CRLF, header row first). */
export function buildResourceCsv(plan: ResourcePlan, rows: Iterable<readonly string[]>): string {
  const data: string[][] = [];
  for (const row of rows) data.push(resourceRow(plan, row));
  return Papa.unparse(
    { fields: plan.columns.map((column) => column.name), data },
    { newline: '\r\n', quotes: false },
  );
}

// Papa.unparse's rule: delimiter, quote, CR, LF or BOM anywhere, or a space at either end.
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;

/**
 * One CSV line with its CRLF, quoted as Papa.unparse quotes (RFC 4180). Used per row when the
 * upload is split into parts, where each line's size must be known; a test pins it to
 * Papa.unparse's output.
 */
export function csvLine(values: readonly string[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }
  return `${line}\r\n`;
}

const BASE64_CODES = Uint8Array.from(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  (char) => char.charCodeAt(0),
);
const PAD = 0x3d; // '='

/**
 * Base64 of the UTF-8 bytes of `text`, as Whispir's `derefUri` wants it: the platform's own
 * `Uint8Array.prototype.toBase64` where there is one (Chromium: ~10 ms for 10 MB), else written
 * byte by byte into one buffer and read as one ASCII string (~40 ms), where a binary string for
 * `btoa` took ~400 ms (a 1,000,000-row upload's first request waited on 13 of them).
 */
export function encodeBase64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const length = bytes.length;
  const out = new Uint8Array(Math.ceil(length / 3) * 4);
  let o = 0;
  let i = 0;
  for (const whole = length - (length % 3); i < whole; i += 3) {
    const triple = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = BASE64_CODES[triple >>> 18]!;
    out[o++] = BASE64_CODES[(triple >>> 12) & 63]!;
    out[o++] = BASE64_CODES[(triple >>> 6) & 63]!;
    out[o++] = BASE64_CODES[triple & 63]!;
  }
  if (i < length) {
    const triple = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out[o++] = BASE64_CODES[triple >>> 18]!;
    out[o++] = BASE64_CODES[(triple >>> 12) & 63]!;
    out[o++] = i + 1 < length ? BASE64_CODES[(triple >>> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return new TextDecoder().decode(out);
}

/** Decodes what `encodeBase64Utf8` produced (used by tests and the API inspector). */
export function decodeBase64Utf8(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}
