import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './format';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const workbook = (bookType: XLSX.BookType): Uint8Array => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a'], ['1']]), 'S');
  return new Uint8Array(XLSX.write(book, { bookType, type: 'array' }) as ArrayBuffer);
};
/** A minimal ZIP local header naming one entry, enough for content sniffing. */
/** The end of a ZIP's directory: "PK\x05\x06" and 18 bytes. */
const ZIP_END = [0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)];
const zipNaming = (name: string, end = ZIP_END): Uint8Array =>
  new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(26).fill(0), ...utf8(name), ...end]);

describe('detectFormat', () => {
  const cases: { description: string; input: [Uint8Array, string]; expected: string }[] = [
    {
      description: 'xlsx by content',
      input: [workbook('xlsx'), 'contacts.xlsx'],
      expected: 'xlsx',
    },
    {
      description: 'xlsx even when named .csv',
      input: [workbook('xlsx'), 'contacts.csv'],
      expected: 'xlsx',
    },
    { description: 'xls (OLE2)', input: [workbook('biff8'), 'contacts.xls'], expected: 'xls' },
    {
      description: 'ods (OpenDocument mimetype)',
      input: [workbook('ods'), 'contacts.ods'],
      expected: 'ods',
    },
    {
      description: 'xlsb by its workbook.bin part',
      input: [zipNaming('xl/workbook.bin'), 'c.xlsb'],
      expected: 'xlsx',
    },
    {
      description: 'JSON object',
      input: [utf8('  {"contacts": []}'), 'contacts.txt'],
      expected: 'json',
    },
    {
      description: 'JSON array of objects',
      input: [utf8('[\n  {"a": 1}\n]'), 'export'],
      expected: 'json',
    },
    {
      description: 'XML with prolog',
      input: [utf8('<?xml version="1.0"?><a/>'), 'contacts.dat'],
      expected: 'xml',
    },
    {
      description: 'XML without prolog',
      input: [utf8('<contacts><contact/></contacts>'), 'c.txt'],
      expected: 'xml',
    },
    { description: 'CSV', input: [utf8('a,b\n1,2\n'), 'contacts.csv'], expected: 'delimited' },
    {
      description: 'text named .xlsx is still text',
      input: [utf8('a;b\n1;2\n'), 'contacts.xlsx'],
      expected: 'delimited',
    },
    {
      description: 'XML whose root is named table is XML',
      input: [
        utf8('<table><row><name>Ann</name></row><row><name>Bob</name></row></table>'),
        'c.xml',
      ],
      expected: 'xml',
    },
    {
      description: 'a web page after an XML prolog',
      input: [
        utf8('<?xml version="1.0"?>\n<html><body><table><tr><td>a</td></tr></table></body></html>'),
        'c.xls',
      ],
      expected: 'html',
    },
    {
      description: 'a bare HTML table',
      input: [
        utf8('<table border="1"><tr><td>Name</td></tr><tr><td>Ann</td></tr></table>'),
        'c.xls',
      ],
      expected: 'html',
    },
    {
      description: 'JSON rows (a list of lists)',
      input: [utf8('[["Name","Email"],["Ann","a@x.com"]]'), 'c.json'],
      expected: 'json',
    },
    {
      description: 'JSON with a comment, meant as JSON',
      input: [utf8('[ // exported\n{"name":"Ann"}]'), 'c.json'],
      expected: 'json',
    },
    {
      description: 'JSON Lines',
      input: [utf8('{"name":"Ann"}\n{"name":"Bob"}\n'), 'c.jsonl'],
      expected: 'json',
    },
    {
      description: 'CSV whose first value starts with "["',
      input: [utf8('[Draft] name,email\n'), 'c.csv'],
      expected: 'delimited',
    },
    {
      description: 'UTF-16LE text with BOM',
      input: [bytes(0xff, 0xfe, 0x61, 0, 0x09, 0, 0x62, 0), 'u.txt'],
      expected: 'delimited',
    },
    {
      description: 'UTF-16LE JSON with BOM',
      input: [bytes(0xff, 0xfe, 0x7b, 0, 0x7d, 0), 'u.json'],
      expected: 'json',
    },
    { description: 'empty file', input: [bytes(), 'contacts.csv'], expected: 'empty-file' },
    {
      description: 'only blank space',
      input: [utf8(' \r\n\r\n  '), 'contacts.csv'],
      expected: 'empty-file',
    },
    {
      description: 'PDF named .csv',
      input: [utf8('%PDF-1.7\n...'), 'contacts.csv'],
      expected: 'binary-file',
    },
    {
      description: 'PNG',
      input: [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), 'contacts.csv'],
      expected: 'binary-file',
    },
    {
      description: 'a workbook cut short (no end of its ZIP directory)',
      input: [zipNaming('xl/workbook.xml', []), 'contacts.xlsx'],
      expected: 'file-cut-short',
    },
    {
      description: 'text with a few NUL bytes is text',
      input: [utf8('name,email\nJo\0hn,jo@example.com\n'), 'contacts.csv'],
      expected: 'delimited',
    },
    {
      description: 'NUL bytes named .csv',
      input: [bytes(0x01, 0x00, 0x02, 0x41, 0x00, 0x00, 0x07, 0x10), 'contacts.csv'],
      expected: 'binary-file',
    },
    {
      description: 'a Word document',
      input: [zipNaming('word/document.xml'), 'contacts.xlsx'],
      expected: 'unsupported-format',
    },
    {
      description: 'any other ZIP',
      input: [zipNaming('contacts.csv'), 'export.zip'],
      expected: 'unsupported-format',
    },
  ];
  it.each(cases)('$description → $expected', ({ input, expected }) => {
    const result = detectFormat(...input);
    const actual = 'problem' in result ? result.problem.code : result.format;
    expect(actual).toBe(expected);
    if ('problem' in result) expect(result.problem.severity).toBe('error');
  });

  it('names the extension and what the file really is', () => {
    const result = detectFormat(utf8('%PDF-1.4'), 'contacts.csv');
    expect('problem' in result && result.problem.message).toMatch(/\.csv file is a PDF document/);
  });
});
