import { decodeBytes, detectEncoding } from './encoding';
import { type IntakeProblem, problem } from './problems';

export type IntakeFormat =
  | 'delimited'
  | 'xlsx'
  | 'xls'
  | 'ods'
  | 'json'
  | 'xml'
  /** Excel 2003 XML Spreadsheet, and a web page's tables (Excel's "web page" .xls): workbooks. */
  | 'xml-spreadsheet'
  | 'html';

export type FormatDetection =
  | { readonly format: IntakeFormat; readonly reason: string }
  | { readonly problem: IntakeProblem };

const SAMPLE_BYTES = 8192;
/** ZIP central directories sit at the end; names of the parts appear in head and tail. */
const ZIP_SCAN_BYTES = 65536;

const EXTENSION_FORMATS: Record<string, IntakeFormat> = {
  csv: 'delimited',
  tsv: 'delimited',
  tab: 'delimited',
  txt: 'delimited',
  psv: 'delimited',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xlsb: 'xlsx',
  xls: 'xls',
  ods: 'ods',
  json: 'json',
  xml: 'xml',
};

/** Magic numbers of files people drop by mistake, so the message can say what the file is. */
const KNOWN_BINARIES: readonly { readonly magic: readonly number[]; readonly what: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

/** Lower-case extension without the dot ('' when none). */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Decides how to read a file from its content first (ZIP + the workbook part inside, OLE2,
 * `{`/`[`, `<`, NUL bytes), and uses the extension only where content cannot tell (plain text is
 * delimited whatever its name). Empty, blank-only and binary files give specific problems.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): FormatDetection {
  const ext = fileExtension(fileName);
  const named = ext ? `.${ext} ` : '';
  if (bytes.length === 0) {
    return {
      problem: problem('empty-file', 'error', `The ${named}file is empty (0 bytes). Was it saved?`),
    };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectZip(bytes, ext);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      format: 'xls',
      reason: 'The file is an OLE2 compound document, the container of Excel 97–2003 workbooks.',
    };
  }
  for (const known of KNOWN_BINARIES) {
    if (startsWith(bytes, known.magic)) {
      return {
        problem: problem(
          'binary-file',
          'error',
          `This ${named}file is ${known.what}, not a contact list. Export the contacts as CSV or Excel and try again.`,
        ),
      };
    }
  }

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const guess = detectEncoding(sample);
  if (!guess.encoding.startsWith('utf-16') && looksBinary(sample)) {
    return {
      problem: problem(
        'binary-file',
        'error',
        `This ${named}file contains binary data, not text, so it is not a CSV, JSON or XML file. Export the contacts again as CSV or Excel.`,
      ),
    };
  }
  const text = decodeBytes(sample, guess.encoding);
  const start = text.search(/\S/);
  if (start < 0) {
    return {
      problem: problem(
        'empty-file',
        'error',
        `The ${named}file contains only blank space, no contacts.`,
      ),
    };
  }
  const first = text[start];
  const rest = text.slice(start + 1, start + 200);
  // MYOB's card file exports start with a line "{}" over tab-separated text.
  if (first === '{' && /^\}[ \t]*\r?\n[^{[\s]/.test(rest)) {
    return {
      format: 'delimited',
      reason: 'The first line is "{}", as MYOB starts its exports, over lines of text.',
    };
  }
  // `[[` opens a list of rows; `[ //` a list with a comment (not JSON, but meant as JSON).
  if (first === '{' || (first === '[' && /^\s*([{["\]/]|$)/.test(rest))) {
    return { format: 'json', reason: `The text starts with "${first}", so it is read as JSON.` };
  }
  if (first === '<' && /^[?!A-Za-z_]/.test(rest)) {
    if (text.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      return {
        format: 'xml-spreadsheet',
        reason: 'The file is an Excel 2003 XML spreadsheet, read as a workbook.',
      };
    }
    // A web page: its doctype or <html>/<head>/<body>/<meta> first (after an XML prolog
    // perhaps), or a bare <table> of <tr> rows; an XML root named <table> is XML.
    const page = text.slice(start);
    if (
      /^(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body|meta)[\s>]/i.test(page) ||
      (/^<table[\s>]/i.test(page) && /<tr[\s>]/i.test(page))
    ) {
      return {
        format: 'html',
        reason: `The file is a web page (HTML)${ext ? ` named .${ext}` : ''}, as Excel saves a sheet "as a web page"; its table is read as a sheet.`,
      };
    }
    return { format: 'xml', reason: 'The text starts with "<", so it is read as XML.' };
  }
  if (/^BEGIN:VCARD\r?\n/i.test(text.slice(start, start + 20))) {
    return {
      problem: problem(
        'unsupported-format',
        'error',
        `This ${named}file is a vCard address book (as Apple Contacts, iCloud, Android and Outlook export contacts), not a spreadsheet. Export the contacts as CSV or Excel instead: Google Contacts and Outlook can read a vCard and export it as CSV.`,
      ),
    };
  }
  const byExt = EXTENSION_FORMATS[ext];
  const reason =
    byExt && byExt !== 'delimited'
      ? `The file is named .${ext} but contains plain text, so it is read as delimited text.`
      : 'The file is plain text, read as delimited values (CSV, TSV or similar).';
  return { format: 'delimited', reason };
}

function detectZip(bytes: Uint8Array, ext: string): FormatDetection {
  const named = ext ? `.${ext} ` : '';
  // A ZIP ends with its directory, whose last record starts "PK\x05\x06" within the last
  // 22 bytes plus a comment of up to 65,535: a file without it was cut short (an unfinished
  // download or copy), whatever its parts say.
  if (!containsAscii(bytes.subarray(Math.max(0, bytes.length - 22 - 0xffff)), 'PK\x05\x06')) {
    return {
      problem: problem(
        'file-cut-short',
        'error',
        `This ${named}file is cut short: it is a ZIP archive (as .xlsx and .ods workbooks are) with its end missing, as after an unfinished download or copy. Download or export it again.`,
      ),
    };
  }
  const head = bytes.subarray(0, ZIP_SCAN_BYTES);
  const tail = bytes.subarray(Math.max(0, bytes.length - ZIP_SCAN_BYTES));
  const has = (name: string): boolean => containsAscii(head, name) || containsAscii(tail, name);
  if (has('application/vnd.oasis.opendocument.spreadsheet')) {
    return {
      format: 'ods',
      reason: 'The file is an OpenDocument spreadsheet (ZIP with content.xml).',
    };
  }
  if (has('content.xml') && has('META-INF/manifest.xml') && !has('xl/')) {
    return {
      format: 'ods',
      reason: 'The file is an OpenDocument spreadsheet (ZIP with content.xml).',
    };
  }
  if (has('xl/workbook.xml')) {
    return { format: 'xlsx', reason: 'The file is an Excel workbook (ZIP with xl/workbook.xml).' };
  }
  if (has('xl/workbook.bin')) {
    return { format: 'xlsx', reason: 'The file is an Excel binary workbook (.xlsb).' };
  }
  const what = has('word/')
    ? 'a Word document'
    : has('ppt/')
      ? 'a PowerPoint presentation'
      : 'a ZIP archive';
  return {
    problem: problem(
      'unsupported-format',
      'error',
      `This ${named}file is ${what}, not a spreadsheet. If it is a ZIP of exports, unzip it and drop the CSV or Excel file itself.`,
    ),
  };
}

/**
 * Binary data has many control characters. NUL bytes alone do not tell: an export can leave a
 * few in text, or pad its end with them (they are taken out as it is read), and UTF-16 is told
 * before this; over a quarter NULs before the run that ends the sample is binary.
 */
function looksBinary(sample: Uint8Array): boolean {
  let end = sample.length;
  while (end > 0 && sample[end - 1] === 0) end--;
  let control = 0;
  let nul = 0;
  for (let i = 0; i < end; i++) {
    const b = sample[i] as number;
    if (b === 0) nul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return end === 0 || control > end * 0.05 || nul > end * 0.25;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) {
      if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    }
    return true;
  }
  return false;
}
