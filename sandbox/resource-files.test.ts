import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeText,
  packRows,
  readRowTable,
  resourceFileProblem,
  unpackRows,
  type RowTableRead,
} from './resource-files.ts';

const rows = (content: string, mimeType: string) => {
  const read = readRowTable(Buffer.from(content), mimeType);
  if ('error' in read) throw new Error(read.error);
  const { table } = read;
  const first = table.column('firstName');
  return Array.from({ length: table.rowCount }, (_, i) => [first(i), table.problem(i)]);
};

describe('decodeBase64', () => {
  it.each([
    ['aGk=', 'hi'],
    ['aG\r\nk=', 'hi'],
    ['', ''],
  ])('decodes %j', (text, expected) => {
    expect(decodeBase64(text)?.toString()).toBe(expected);
  });

  it.each(['aGk', 'a$k=', 'not base64!'])('refuses %j', (text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });

  // Over 1 MiB, it is checked and decoded a chunk at a time: the chunks must not show.
  const big = Buffer.from(Array.from({ length: 300_000 }, (_, i) => `row ${i} Zoë,`).join(''));
  const encoded = big.toString('base64');
  it('decodes a file of several chunks, line breaks and all', () => {
    expect(decodeBase64(encoded)?.equals(big)).toBe(true);
    const wrapped = encoded.replace(/.{76}/g, '$&\r\n');
    expect(decodeBase64(wrapped)?.equals(big)).toBe(true);
  });

  it.each([
    [
      'a bad character in a middle chunk',
      `${encoded.slice(0, 1_500_000)}$${encoded.slice(1_500_001)}`,
    ],
    ['padding before the end', `${encoded.slice(0, 1_048_572)}aa==${encoded.slice(1_048_576)}`],
  ])('refuses %s', (_, text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });
});

describe('decodeText', () => {
  const text = `\uFEFF${'€'.repeat(500_000)}end`;
  it('decodes UTF-8 without the BOM', () => {
    expect(decodeText(Buffer.from(text))).toBe(text.slice(1));
  });
  it.each([
    ['a byte that is not UTF-8', Buffer.concat([Buffer.from(text), Buffer.from([0xff])])],
    ['a character cut at the end', Buffer.from(text).subarray(0, 1_500_001)],
    ['a NUL', Buffer.from(`${'x'.repeat(1_200_000)}\u0000`)],
  ])('refuses %s', (_, bytes) => {
    expect(decodeText(bytes)).toBeUndefined();
  });
});

describe('resourceFileProblem', () => {
  it.each([
    ['a,b\n1,2\n', 'text/csv', undefined],
    ['a,b\n"1,2\n', 'text/csv', 'not valid CSV'],
    ['', 'text/csv', 'empty'],
    ['{"contacts":[]}', 'application/json', undefined],
    ['{"contacts":', 'application/json', 'not valid JSON'],
    ['<a/>', 'application/xml', undefined],
    ['<a>', 'application/xml', 'not well-formed'],
    [`${'<a>'.repeat(65)}${'</a>'.repeat(65)}`, 'application/xml', 'deeper than 64 levels'],
  ] as const)('%j as %s', (content, mimeType, problem) => {
    const found = resourceFileProblem(Buffer.from(content), mimeType);
    if (problem) expect(found).toContain(problem);
    else expect(found).toBeUndefined();
  });
});

describe('readRowTable', () => {
  it('reads CSV by header name, strips a BOM, skips blank lines, flags a wrong field count', () => {
    expect(rows('\uFEFFfirstName,x\r\nAda,1\r\n\r\nBob,2,3\r\n', 'text/csv')).toEqual([
      ['Ada', undefined],
      ['Bob', 'the row has 3 fields but the header has 2'],
    ]);
  });

  it('reads a missing column as blank', () => {
    const read = readRowTable(Buffer.from('a\n1\n'), 'text/csv');
    expect('table' in read && read.table.column('nope')(0)).toBe('');
  });

  it('reads JSON wrapped or bare, stringifying numbers', () => {
    expect(
      rows('{"contacts":[{"firstName":"Ada"},{"firstName":7},"x"]}', 'application/json'),
    ).toEqual([
      ['Ada', undefined],
      ['7', undefined],
      ['', 'the row is not an object'],
    ]);
    expect(rows('[{"firstName":"Bo"}]', 'application/json')).toEqual([['Bo', undefined]]);
  });

  it('reads XML contacts in the Whispir namespace only', () => {
    const xml = `<x:import xmlns:x="http://schemas.api.whispir.com"><x:contacts>
      <x:contact><firstName>Ada</firstName></x:contact><contact><firstName>No</firstName></contact>
      <y:contact xmlns:y="http://schemas.api.whispir.com"><firstName>Yes</firstName></y:contact>
    </x:contacts></x:import>`;
    expect(rows(xml, 'application/xml')).toEqual([
      ['Ada', undefined],
      ['Yes', undefined],
    ]);
  });

  it('reports a JSON resource without a contacts array', () => {
    expect(readRowTable(Buffer.from('{"people":[]}'), 'application/json')).toEqual({
      error: 'the JSON resource has no "contacts" array',
    });
  });
});

/** Every row of a read table: the given columns' cells, then the row's problem. */
const cellsOf = (read: RowTableRead, columns: readonly string[]) => {
  if ('error' in read) return read;
  const { table } = read;
  const readers = columns.map((name) => table.column(name));
  return Array.from({ length: table.rowCount }, (_, row) => [
    ...readers.map((cell) => cell(row)),
    table.problem(row),
  ]);
};

/** Quoted newlines and commas, blank lines, CRLF, ragged rows, a BOM. */
const TRICKY_CSV = `\uFEFF${[
  'firstName,note,x',
  ...Array.from({ length: 3000 }, (_, i) =>
    i % 7 === 0
      ? `F${i},"line one\r\nline, two",${i}\r\n`
      : i % 11 === 0
        ? `F${i},${i}`
        : `F${i},n,${i}`,
  ),
].join('\n')}`;

describe('packed rows, as the file worker sends them', () => {
  const columns = ['firstName', 'note', 'x', 'missing'];

  it.each([
    ['tricky CSV', TRICKY_CSV, 'text/csv'],
    ['CSV without data rows', 'firstName,note,x\n', 'text/csv'],
    [
      'JSON with a row that is not an object',
      '[{"firstName":"Ada","x":7},"x",{}]',
      'application/json',
    ],
    [
      'XML',
      `<x:import xmlns:x="http://schemas.api.whispir.com"><x:contacts><x:contact><firstName>Zoë</firstName><note>a\nb</note></x:contact></x:contacts></x:import>`,
      'application/xml',
    ],
  ])('read %s as the table they were packed from', (_, content, mimeType) => {
    const read = readRowTable(Buffer.from(content), mimeType);
    if ('error' in read) throw new Error(read.error);
    const unpacked = { table: unpackRows(packRows(read.table, columns)) };
    expect(cellsOf(unpacked, columns)).toEqual(cellsOf(read, columns));
    expect(unpacked.table.rowCount).toBe(read.table.rowCount);
  });

  it('read a column that was not packed as blank', () => {
    const read = readRowTable(Buffer.from('a,b\n1,2\n'), 'text/csv');
    if ('error' in read) throw new Error(read.error);
    const unpacked = unpackRows(packRows(read.table, ['a']));
    expect([unpacked.column('a')(0), unpacked.column('b')(0)]).toEqual(['1', '']);
  });
});

describe('a CSV quote error', () => {
  it('names the data row it is in (blank lines not counted), on upload and at import', () => {
    const content = Buffer.from(`${TRICKY_CSV}\nF,"unclosed,1`);
    const problem = 'not valid CSV: Quoted field unterminated (row 3001)';
    expect(resourceFileProblem(content, 'text/csv')).toContain(problem);
    expect(readRowTable(content, 'text/csv')).toEqual({
      error: expect.stringContaining(problem),
    });
  });
});
