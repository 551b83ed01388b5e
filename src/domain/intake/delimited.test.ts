import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import {
  checkRowShape,
  guessLineBreak,
  parseDelimited,
  parseDelimitedInto,
  parseDelimitedText,
  type TextPiece,
} from './delimited';
import { RowStore, rowsToArrays } from './row-store';

describe('guessLineBreak', () => {
  const papasGuess = (text: string) => Papa.parse(text, { delimiter: ',' }).meta.linebreak;

  it('guesses the line break PapaParse would, quotes and mixed breaks included', () => {
    const char = fc.constantFrom('\r', '\n', '\r\n', '"', '""', 'a', ',');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(guessLineBreak(text)).toBe(papasGuess(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the first megabyte only, as PapaParse does', () => {
    const mb = 1024 * 1024;
    // Line feeds in the first megabyte, carriage returns after it.
    const feeds = `${'a,b\n'.repeat(mb / 4)}${'c,d\r'.repeat(1000)}`;
    expect(guessLineBreak(feeds)).toBe('\n');
    // A quote opened just before the megabyte ends and closed after it: the rest is read.
    const open = `${'x'.repeat(mb - 5)}"ab\r\ncd\r\n"\r\n`;
    expect(guessLineBreak(open)).toBe(papasGuess(open));
    expect(guessLineBreak(open)).toBe('\r\n');
    const returns = `${'e,f\r'.repeat(mb / 4)}\ng`;
    expect(guessLineBreak(returns)).toBe(papasGuess(returns));
    expect(guessLineBreak(returns)).toBe('\r');
  });
});

describe('line breaks mixed in one file, read in pieces', () => {
  it('a carriage return alone that ends a piece still ends its line', () => {
    const store = new RowStore();
    const pieces: TextPiece[] = ['a,b\r\nc,d\ne,f\r', 'g,h\r\ni,j\r', '\nk,l\r'].map((text, i) => ({
      text,
      fraction: (i + 1) / 3,
    }));
    parseDelimitedInto({ pieces, whole: () => pieces.map((p) => p.text).join('') }, store, {
      delimiter: ',',
    });
    store.seal();
    expect(rowsToArrays(store)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
      ['k', 'l'],
    ]);
  });
});

describe('parseDelimitedText', () => {
  const cases: { description: string; input: [string, string]; expected: string[][] }[] = [
    {
      description: 'values stay text, leading zeros and + kept',
      input: ['a,b,c\n0412,007,+10\n', ','],
      expected: [
        ['a', 'b', 'c'],
        ['0412', '007', '+10'],
      ],
    },
    { description: 'no trimming of spaces', input: [' a , b \n', ','], expected: [[' a ', ' b ']] },
    {
      description: 'trailing newline adds no row',
      input: ['a\r\n1\r\n', ','],
      expected: [['a'], ['1']],
    },
    { description: 'no trailing newline', input: ['a\n1', ','], expected: [['a'], ['1']] },
    {
      description: 'blank lines stay as rows so numbering matches the file',
      input: ['a\n\n1\n', ','],
      expected: [['a'], [''], ['1']],
    },
    {
      description: 'quoted delimiter and doubled quotes',
      input: ['"x; y";"say ""hi"""\n', ';'],
      expected: [['x; y', 'say "hi"']],
    },
    {
      description: 'quoted newline stays in one record',
      input: ['a,b\n"1\n2",3\n', ','],
      expected: [
        ['a', 'b'],
        ['1\n2', '3'],
      ],
    },
    {
      description: 'BOM left in the text is dropped',
      input: ['\ufeffa,b\n', ','],
      expected: [['a', 'b']],
    },
    {
      description: 'tab delimiter',
      input: ['a\tb\n1\t2\n', '\t'],
      expected: [
        ['a', 'b'],
        ['1', '2'],
      ],
    },
    { description: 'empty text', input: ['', ','], expected: [] },
  ];
  it.each(cases)('$description', ({ input: [text, delimiter], expected }) => {
    expect(parseDelimitedText(text, { delimiter })).toEqual(expected);
  });
});

describe('parseDelimited problems', () => {
  const cases: {
    description: string;
    input: string;
    expected: { code: string; row: number; line: number }[];
  }[] = [
    { description: 'clean file', input: 'a,b\n1,2\n', expected: [] },
    {
      description: 'unclosed quote in row 3',
      input: 'a,b\n1,2\n"3,4\n5,6\n',
      expected: [{ code: 'unclosed-quote', row: 3, line: 3 }],
    },
    {
      description: 'unclosed quote after a multi-line record: row and line differ',
      input: 'a,b\n"x\ny",1\n2,"oops\n',
      expected: [{ code: 'unclosed-quote', row: 3, line: 4 }],
    },
    {
      description: 'text after a closing quote (the value then runs on to the end)',
      input: 'a,b\n"x"y,2\n',
      expected: [
        { code: 'malformed-quote', row: 2, line: 2 },
        { code: 'unclosed-quote', row: 2, line: 2 },
      ],
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const { problems } = parseDelimited(input, { delimiter: ',' });
    expect(problems.map((p) => ({ code: p.code, row: p.row, line: p.line }))).toEqual(expected);
  });

  it('says where the quote opened in plain words', () => {
    const { problems } = parseDelimited('a,b\n1,2\n"3,4\n', { delimiter: ',' });
    expect(problems[0]?.message).toBe(
      'Row 3 opens a quote (") that is never closed, so everything after it was read as one value. Look for a stray " in row 3.',
    );
  });

  it('reads lines ending another way past the first megabyte as lines', () => {
    const start = 'a,b\r\n' + 'x,"1"\r\n'.repeat(200_000); // 1.4 MB of CR LF
    expect(parseDelimited(`${start}y,2\nz,3\n`, { delimiter: ',' }).records.slice(-3)).toEqual([
      ['x', '1'],
      ['y', '2'],
      ['z', '3'],
    ]);
    // A line break inside a quoted value of a wide row is a value's, not a mix: the text is
    // not read again as mixed (which would make the value's lone CR a line feed).
    const quoted = `${start}y,"2\rmore",extra\r\n`;
    expect(parseDelimited(quoted, { delimiter: ',' }).records.at(-1)).toEqual([
      'y',
      '2\rmore',
      'extra',
    ]);
  });

  it('stops at maxRecords and says so', () => {
    const result = parseDelimited('a\n1\n2\n3\n4\n', { delimiter: ',', maxRecords: 3 });
    expect(result.records).toEqual([['a'], ['1'], ['2']]);
    expect(result.truncated).toBe(true);
    expect(parseDelimited('a\n1\n2\n', { delimiter: ',', maxRecords: 3 }).truncated).toBe(false);
  });
});

describe('checkRowShape', () => {
  const cases: {
    description: string;
    input: [string[], number, number, (string | null)?];
    expected: { code: string; message: string } | undefined;
  }[] = [
    { description: 'same width', input: [['a', 'b'], 2, 2], expected: undefined },
    {
      description: 'the Imports page sample: one field too many',
      input: [
        ['Jane', 'Smith', 'jane.smith@testcompany', 'com', '61498765432', 'Australia', '+10'],
        6,
        3,
      ],
      expected: {
        code: 'row-too-many-fields',
        message: 'Row 3 has 7 fields, the header has 6 — is there an unquoted comma?',
      },
    },
    {
      description: 'semicolon file names the semicolon',
      input: [['a', 'b', 'c'], 2, 9, ';'],
      expected: {
        code: 'row-too-many-fields',
        message: 'Row 9 has 3 fields, the header has 2 — is there an unquoted semicolon?',
      },
    },
    {
      description: 'extra fields that are all empty point at a trailing separator',
      input: [['a', 'b', ''], 2, 7],
      expected: {
        code: 'row-too-many-fields',
        message:
          'Row 7 has 3 fields, the header has 2 — the extra field is empty (a comma at the end of the line?).',
      },
    },
    {
      description: 'too few fields',
      input: [['a'], 3, 4],
      expected: {
        code: 'row-too-few-fields',
        message:
          'Row 4 has 1 field, the header has 3 — are values missing at the end of the row, or was the row split across lines?',
      },
    },
    {
      description: 'workbook rows have no separator to blame',
      input: [['a', 'b', 'c'], 2, 5, null],
      expected: {
        code: 'row-too-many-fields',
        message: 'Row 5 has 3 fields, the header has 2 — the extra values have no column name.',
      },
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const result = checkRowShape(...input);
    expect(result && { code: result.code, message: result.message }).toEqual(expected);
    if (result) expect(result.row).toBe(input[2]);
  });
});

describe('parseDelimitedText properties', () => {
  const nasty = fc.string({
    unit: fc.constantFrom('a', 'Z', '0', ',', ';', '|', '\t', '"', '\n', '\r', ' ', 'ë', '€'),
    maxLength: 8,
  });
  const quote = (value: string): string => `"${value.replace(/"/g, '""')}"`;

  it('reads back any table written with full quoting, for every delimiter and line ending', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.array(fc.array(nasty, { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 8,
          }),
        ),
        fc.boolean(),
        (delimiter, newline, table, finalNewline) => {
          const text =
            table.map((row) => row.map(quote).join(delimiter)).join(newline) +
            (finalNewline ? newline : '');
          expect(parseDelimitedText(text, { delimiter })).toEqual(table);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseDelimited with progress', () => {
  const row = (i: number) => `name ${i},"quoted, ${i}","multi\nline ${i}"\n`;
  const text =
    'a,b,c\n' + Array.from({ length: 40_000 }, (_, i) => row(i)).join('') + 'x,"never closed\n';

  it('reads the same records and problems as one pass, and reports growing progress', () => {
    const calls: [number, number][] = [];
    const chunked = parseDelimited(text, {
      delimiter: ',',
      onProgress: (f, r) => calls.push([f, r]),
    });
    const whole = parseDelimited(text, { delimiter: ',' });
    expect(chunked.records).toEqual(whole.records);
    expect(chunked.problems).toEqual(whole.problems);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.at(-1)?.[0]).toBe(1);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
      expect(calls[i]![1]).toBeGreaterThanOrEqual(calls[i - 1]![1]);
    }
  });
});

describe('parseDelimited with progress and a record cap', () => {
  it('stops near the cap and says the file was truncated', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `a${i},b${i}`).join('\n');
    const capped = parseDelimited(text, {
      delimiter: ',',
      maxRecords: 1000,
      onProgress: () => undefined,
    });
    expect(capped.truncated).toBe(true);
    expect(capped.records).toHaveLength(1000);
    expect(capped.records[999]).toEqual(['a999', 'b999']);
  });
});

describe('parseDelimitedInto tells the sink which records may hold two-byte values', () => {
  const parse = (pieces: { text: string; wide?: boolean }[]) => {
    const calls: { wide: boolean; before: number }[] = [];
    const records: string[][] = [];
    parseDelimitedInto(
      {
        pieces: pieces.map((piece, i) => ({ ...piece, fraction: (i + 1) / pieces.length })),
        whole: () => pieces.map((piece) => piece.text).join(''),
      },
      {
        push: (record) => records.push(record),
        cellsMayBeWide: (wide) => calls.push({ wide, before: records.length }),
      },
      { delimiter: ',' },
    );
    return { calls: calls.map((call) => call.wide), records };
  };

  it('marks a wide piece, the next (its last record comes with it), and no other', () => {
    const { calls, records } = parse([
      { text: 'a,b\nc,d\n' },
      { text: 'Łu,x\ne,f\n', wide: true },
      { text: 'g,h\n' },
      { text: 'i,j\n' },
    ]);
    expect(calls).toEqual([false, true, true, false]);
    expect(records).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['Łu', 'x'],
      ['e', 'f'],
      ['g', 'h'],
      ['i', 'j'],
    ]);
  });

  it('keeps marking while text from a wide piece is carried over (a value spanning lines)', () => {
    const { calls, records } = parse([
      { text: 'a,"Ł\n', wide: true },
      { text: 'still\n', wide: false },
      { text: 'open",b\nc,d\n' },
      { text: 'e,f\n' },
      { text: 'g,h\n' },
    ]);
    expect(calls).toEqual([true, true, true, true, false]);
    expect(records).toEqual([
      ['a', 'Ł\nstill\nopen', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });
});

describe('parseDelimitedInto over pieces into a RowStore (property)', () => {
  const value = fc.string({
    unit: fc.constantFrom('a', 'Z', '0', ',', '"', '\n', '\r', ' ', 'ë', 'Ł', '😀', '\\'),
    maxLength: 6,
  });
  const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

  it('reads the same table whatever the pieces and whichever are marked wide', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.array(fc.array(value, { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 30,
          }),
        ),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (newline, table, cuts, finalNewline) => {
          // Lines of a header first: PapaParse tells the line ending from the first piece, which
          // in a real read is a megabyte of whole lines (a few lines of values holding line
          // breaks could make it guess wrong).
          const head = `h${newline}`.repeat(50);
          const body =
            table.map((row) => row.map(quote).join(',')).join(newline) +
            (finalNewline ? newline : '');
          const text = head + body;
          const pieces: TextPiece[] = [];
          let at = 0;
          for (let i = 0; at < text.length; i++) {
            const end = Math.min(
              text.length,
              i === 0 ? head.length + (cuts[0] as number) : at + (cuts[i % cuts.length] as number),
            );
            const piece = text.slice(at, end);
            pieces.push({
              text: piece,
              fraction: end / text.length,
              wide: /[\u0100-\uffff]/.test(piece),
            });
            at = end;
          }
          const store = new RowStore();
          parseDelimitedInto({ pieces, whole: () => text }, store, { delimiter: ',' });
          store.seal();
          expect(rowsToArrays(store)).toEqual([
            ...Array.from({ length: 50 }, () => ['h']),
            ...table,
          ]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
