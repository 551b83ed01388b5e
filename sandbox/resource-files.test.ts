import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeText,
  decodeTextSliced,
  readRowTable,
  readRowTableSliced,
  resourceFileProblem,
  resourceFileProblemSliced,
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
  ])('decodes %j', async (text, expected) => {
    expect((await decodeBase64(text, 20))?.toString()).toBe(expected);
  });

  it.each(['aGk', 'a$k=', 'not base64!'])('refuses %j', async (text) => {
    expect(await decodeBase64(text, 20)).toBeUndefined();
  });

  // Over 1 MiB, it is checked and decoded a chunk at a time: the chunks must not show.
  const big = Buffer.from(Array.from({ length: 300_000 }, (_, i) => `row ${i} Zoë,`).join(''));
  const encoded = big.toString('base64');
  it('decodes a file of several chunks, line breaks and all', async () => {
    expect((await decodeBase64(encoded, 0))?.equals(big)).toBe(true);
    const wrapped = encoded.replace(/.{76}/g, '$&\r\n');
    expect((await decodeBase64(wrapped, 0))?.equals(big)).toBe(true);
  });

  it.each([
    [
      'a bad character in a middle chunk',
      `${encoded.slice(0, 1_500_000)}$${encoded.slice(1_500_001)}`,
    ],
    ['padding before the end', `${encoded.slice(0, 1_048_572)}aa==${encoded.slice(1_048_576)}`],
  ])('refuses %s', async (_, text) => {
    expect(await decodeBase64(text, 0)).toBeUndefined();
  });
});

describe('decodeTextSliced', () => {
  // 3 bytes per character: a chunk boundary falls inside one.
  const text = `\uFEFF${'€'.repeat(500_000)}end`;
  it('decodes UTF-8 across chunks, without the BOM, as decodeText does', async () => {
    const bytes = Buffer.from(text);
    expect(await decodeTextSliced(bytes, 0)).toBe(decodeText(bytes));
    expect((await decodeTextSliced(bytes, 0))?.startsWith('€')).toBe(true);
  });
  it.each([
    ['a byte that is not UTF-8', Buffer.concat([Buffer.from(text), Buffer.from([0xff])])],
    ['a character cut at the end', Buffer.from(text).subarray(0, 1_500_001)],
    ['a NUL', Buffer.from(`${'x'.repeat(1_200_000)}\u0000`)],
  ])('refuses %s', async (_, bytes) => {
    expect(await decodeTextSliced(bytes, 0)).toBeUndefined();
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

describe('the sliced forms, which hand the event loop back while parsing CSV', () => {
  const tableOf = (read: ReturnType<typeof readRowTable>) => {
    if ('error' in read) return read;
    const { table } = read;
    const columns = ['firstName', 'note', 'x'].map((name) => table.column(name));
    return Array.from({ length: table.rowCount }, (_, row) => [
      ...columns.map((read) => read(row)),
      table.problem(row),
    ]);
  };
  // Large enough for many slices of 0 ms; quoted newlines and commas, blank lines, CRLF, ragged rows.
  const tricky = [
    'firstName,note,x',
    ...Array.from({ length: 3000 }, (_, i) =>
      i % 7 === 0
        ? `F${i},"line one\r\nline, two",${i}\r\n`
        : i % 11 === 0
          ? `F${i},${i}`
          : `F${i},n,${i}`,
    ),
  ].join('\n');

  it.each([
    ['tricky rows', tricky],
    ['no data rows', 'firstName,note,x\n'],
  ])('read %s exactly as the one-go parse does', async (_, csv) => {
    const content = Buffer.from(`\uFEFF${csv}`);
    const sliced = await readRowTableSliced(content, 'text/csv', 0);
    expect(tableOf(sliced)).toEqual(tableOf(readRowTable(content, 'text/csv')));
    expect(await resourceFileProblemSliced(content, 'text/csv', 0)).toBeUndefined();
  });

  it('report a quote error with the data row it is in (blank lines not counted)', async () => {
    const content = Buffer.from(`${tricky}\nF,"unclosed,1`);
    const problem = 'not valid CSV: Quoted field unterminated (row 3001)';
    expect(await resourceFileProblemSliced(content, 'text/csv', 0)).toContain(problem);
    expect(await readRowTableSliced(content, 'text/csv', 0)).toEqual({
      error: expect.stringContaining(problem),
    });
  });

  it('give other work a turn while a large CSV is parsed', async () => {
    let turns = 0;
    const counting = setInterval(() => (turns += 1), 0);
    const big = Buffer.from(tricky.repeat(10));
    await resourceFileProblemSliced(big, 'text/csv', 0);
    clearInterval(counting);
    expect(turns).toBeGreaterThan(0);
  });
});
