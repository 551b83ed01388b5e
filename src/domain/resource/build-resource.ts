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

/** Base64 of the UTF-8 bytes of `text`, as Whispir's `derefUri` wants it. */
export function encodeBase64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Decodes what `encodeBase64Utf8` produced (used by tests and the API inspector). */
export function decodeBase64Utf8(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}
