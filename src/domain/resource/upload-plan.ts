/**
 * Everything an upload needs, computed once in the worker: the generated file's columns in the
 * chosen format, the fieldMapping naming them, every record, and the parts.
 */
import type { ColumnMapping } from '../mapping/mapping';
import { planResource, resourceRow } from './build-resource';
import {
  FORMAT_WRITERS,
  writeFile,
  xmlElementNames,
  type ResourceFormat,
  type ResourceMimeType,
} from './formats';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  envelopeBytes,
  splitIntoParts,
  utf8Length,
  type PartPlan,
} from './parts';
import { resourceName } from './resource-name';
import { pauseAt, progressOf, runSteps, type Steps } from '../progress/steps';

export interface PreparedUpload {
  readonly format: ResourceFormat;
  readonly mimeType: ResourceMimeType;
  readonly columns: readonly string[];
  readonly fieldMapping: Readonly<Record<string, string>>;
  /** The records (one line or element each, in `format`) of rows `start` to `end` of those sent. */
  readonly records: (start: number, end: number) => readonly string[];
  readonly parts: readonly PartPlan[];
  readonly rowCount: number;
}

export type PrepareResult =
  | { readonly ok: true; readonly upload: PreparedUpload }
  | { readonly ok: false; readonly message: string };

/** Builds the records of `rows` and splits them into parts under Whispir's request limit. */
export function prepareUpload(
  headers: readonly string[],
  rows: Iterable<readonly string[]>,
  mapping: ColumnMapping,
  format: ResourceFormat,
  fileName: string,
  maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
): PrepareResult {
  return runSteps(
    preparingUpload({ headers, rows, total: 0, mapping, format, fileName, maxRequestBytes }),
  );
}

export interface UploadInput {
  readonly headers: readonly string[];
  readonly rows: Iterable<readonly string[]>;
  /** How many rows `rows` gives, for the progress; 0 when not known. */
  readonly total: number;
  readonly mapping: ColumnMapping;
  readonly format: ResourceFormat;
  readonly fileName: string;
  readonly maxRequestBytes?: number;
  /**
   * The row at a position of `rows`, for a caller that can give it again (the review): the
   * records are then made again part by part as each part's file is built, not held. At a
   * million rows the record strings held were ~200 MB of the worker while the file was sent.
   * Must give what `rows` gives.
   */
  readonly rowAt?: (position: number) => readonly string[];
  /** The number the user knows the row at a position by (its file row), for messages. */
  readonly rowNumberOf?: (position: number) => number;
}

/** prepareUpload as steps: pauses every few thousand rows with its progress. */
export function* preparingUpload(input: UploadInput): Steps<PrepareResult> {
  const { headers, rows, total, mapping, format, fileName } = input;
  const maxRequestBytes = input.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const plan = planResource(headers, mapping);
  const names = plan.columns.map((column) => column.name);
  const columns = format === 'xml' ? xmlElementNames(names) : names;
  const rename = new Map(names.map((name, i) => [name, columns[i] ?? name]));
  const fieldMapping = Object.fromEntries(
    Object.entries(plan.fieldMapping).map(([field, column]) => [
      field,
      rename.get(column) ?? column,
    ]),
  );
  const writer = FORMAT_WRITERS[format];
  const { rowAt } = input;
  const held: string[] = [];
  const lineBytes: number[] = [];
  for (const row of rows) {
    if (pauseAt(lineBytes.length)) yield progressOf(lineBytes.length, total);
    const record = writer.record(columns, resourceRow(plan, row));
    if (!rowAt) held.push(record);
    lineBytes.push(utf8Length(record));
  }
  const records = rowAt
    ? (start: number, end: number) => {
        const part: string[] = [];
        for (let position = start; position < end; position++)
          part.push(writer.record(columns, resourceRow(plan, rowAt(position))));
        return part;
      }
    : (start: number, end: number) => held.slice(start, end);
  const fixedBytes = utf8Length(writer.head(columns)) + utf8Length(writer.tail());
  // The longest part name bounds the envelope of every part.
  const envelope = envelopeBytes(resourceName(fileName, format, 9999), writer.mimeType);
  const split = splitIntoParts(lineBytes, fixedBytes, {
    maxRequestBytes,
    envelopeBytes: envelope,
    ...(input.rowNumberOf ? { rowNumberOf: input.rowNumberOf } : {}),
  });
  if (!split.ok) return { ok: false, message: split.message };
  return {
    ok: true,
    upload: {
      format,
      mimeType: writer.mimeType,
      columns,
      fieldMapping,
      records,
      parts: split.parts,
      rowCount: lineBytes.length,
    },
  };
}

/**
 * The file of one part, ready to encode. Throws if it came out larger than planned: its rows
 * changed since (they are made again from the review), and the request could pass Whispir's limit.
 */
export function partFile(upload: PreparedUpload, part: PartPlan): string {
  const file = writeFile(
    FORMAT_WRITERS[upload.format],
    upload.columns,
    upload.records(part.start, part.end),
  );
  if (utf8Length(file) > part.fileBytes)
    throw new Error(
      `Part ${part.part} came out larger than planned: its rows changed after the upload was planned. Go back to the import settings to plan it again.`,
    );
  return file;
}
