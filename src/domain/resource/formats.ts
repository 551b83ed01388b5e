/**
 * The three file formats Whispir imports (Part B §3.6), written record by record so an upload
 * can be split into parts of known size. CSV is the default; JSON and XML are for demos.
 */
import { csvLine } from './build-resource';

export const RESOURCE_FORMATS = ['csv', 'json', 'xml'] as const;
export type ResourceFormat = (typeof RESOURCE_FORMATS)[number];

export const MIME_TYPES = {
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
} as const satisfies Record<ResourceFormat, string>;
export type ResourceMimeType = (typeof MIME_TYPES)[ResourceFormat];

export interface FormatWriter {
  readonly format: ResourceFormat;
  readonly mimeType: ResourceMimeType;
  /** What comes before the first record (e.g. the CSV header line). */
  head(columns: readonly string[]): string;
  /** One record, including whatever separates it from the next. */
  record(columns: readonly string[], values: readonly string[]): string;
  /** What closes the file, after the last record (its separator is dropped). */
  tail(): string;
  /** Bytes of separator the last record carries that the file does not. */
  readonly trailingSeparator: string;
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c,
  );

/**
 * An XML element name for a column header: XML names cannot hold spaces or start with a digit,
 * so "Given name" becomes "Given_name". Names stay unique.
 */
export function xmlElementNames(columns: readonly string[]): string[] {
  const used = new Set<string>();
  return columns.map((column) => {
    let name = column
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_.-]/g, '_');
    if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
    if (/^xml/i.test(name)) name = `_${name}`;
    let unique = name;
    for (let n = 2; used.has(unique); n++) unique = `${name}_${n}`;
    used.add(unique);
    return unique;
  });
}

export const FORMAT_WRITERS: Readonly<Record<ResourceFormat, FormatWriter>> = {
  csv: {
    format: 'csv',
    mimeType: 'text/csv',
    head: (columns) => csvLine(columns),
    record: (_columns, values) => csvLine(values),
    tail: () => '',
    trailingSeparator: '',
  },
  json: {
    format: 'json',
    mimeType: 'application/json',
    head: () => '{"contacts":[\n',
    record: (columns, values) => {
      const contact: Record<string, string> = {};
      columns.forEach((column, i) => (contact[column] = values[i] ?? ''));
      return `${JSON.stringify(contact)},\n`;
    },
    tail: () => ']}\n',
    trailingSeparator: ',\n',
  },
  xml: {
    format: 'xml',
    mimeType: 'application/xml',
    head: () =>
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<ns2:import xmlns:ns2="http://schemas.api.whispir.com" xmlns:ns3="http://schemas.api.whispir.com/dap">\n' +
      '<ns2:contacts>\n',
    record: (columns, values) =>
      `<ns2:contact>${columns
        .map((column, i) => `<${column}>${escapeXml(values[i] ?? '')}</${column}>`)
        .join('')}</ns2:contact>\n`,
    tail: () => '</ns2:contacts>\n</ns2:import>\n',
    trailingSeparator: '',
  },
};

/** The whole file for a set of records (used per part). */
export function writeFile(
  writer: FormatWriter,
  columns: readonly string[],
  records: readonly string[],
): string {
  let body = records.join('');
  if (writer.trailingSeparator && body.endsWith(writer.trailingSeparator))
    body = body.slice(0, -writer.trailingSeparator.length) + '\n';
  return writer.head(columns) + body + writer.tail();
}
