import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';
import { ArrayRows, RowStore, RowsView, narrowed, rowsSlice, rowsToArrays } from './row-store';

describe('RowStore', () => {
  it('gives back every row exactly as added, across blocks, whatever the rows hold', () => {
    const records = Array.from({ length: 20_000 }, (_, i) => {
      // Ragged rows, empty cells, accents and characters past Latin-1, a multi-line value.
      if (i % 997 === 0) return [''];
      if (i % 501 === 0) return [`Tāmati ${i}`, '', 'line one\nline two', 'extra', ''];
      return [`Zoë ${i}`, `Łucja`, `p${i}@example.com`];
    });
    const store = RowStore.from(records);
    store.seal();
    expect(store.length).toBe(records.length);
    expect(rowsToArrays(store)).toEqual(records);
    expect(store.cell(501, 2)).toBe('line one\nline two');
    expect(store.cell(501, 1)).toBe('');
    expect(store.cell(2, 3)).toBeUndefined();
    expect(store.width(997)).toBe(1);
    expect(store.cell(20_000, 0)).toBeUndefined();
  });

  it('gives back every cell exactly when its cells may be two-byte and blocks are repacked', () => {
    const nasty = [
      'Łucja "Lu" \\ O\'Brien',
      'tab\there\r\nnew line',
      '\u0000\u001f\u007f\u0080\u00ff',
      'lone \ud800 and \udfff surrogates',
      '😀 emoji',
      'plain@example.com',
      '',
    ];
    const records = Array.from({ length: 5_000 }, (_, i) => [
      `${nasty[i % nasty.length] as string}${i}`,
      `${i}`,
      nasty[(i * 3) % nasty.length] as string,
    ]);
    const store = new RowStore();
    store.cellsMayBeWide(true);
    for (const record of records) store.push(record);
    store.seal();
    expect(rowsToArrays(store)).toEqual(records);
    expect(narrowed('zoë, "x"\n')).toBe('zoë, "x"\n');
  });

  it('reads rows still waiting for their block, and rows of a very wide file', () => {
    const store = new RowStore();
    store.push(['a', 'b']);
    expect(store.row(0)).toEqual(['a', 'b']);
    const wide = Array.from({ length: 10_000 }, (_, c) => `c${c}`);
    for (let i = 0; i < 30; i++) store.push(wide);
    store.seal();
    expect(store.row(0)).toEqual(['a', 'b']);
    expect(store.row(30)).toEqual(wide);
    expect(store.cell(17, 9_999)).toBe('c9999');
  });
});

describe('RowStore.isBlank', () => {
  it('tells a row of nothing but spaces as trim() would, in a block and pending', () => {
    const space = fc.constantFrom(
      ' ',
      '\t',
      '\u00a0',
      '\u1680',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\r\n',
    );
    const other = fc.constantFrom('a', '\u0085', '\u180e', '\u200b', 'Ł', '0', '"');
    const cell = fc.array(fc.oneof(space, space, other), { maxLength: 4 }).map((c) => c.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 4 }), { minLength: 1, maxLength: 30 }),
        (records) => {
          const store = RowStore.from(records);
          const blank = (record: string[]) => record.every((c) => c.trim() === '');
          // Pending first, then sealed into a block.
          records.forEach((record, row) => expect(store.isBlank(row)).toBe(blank(record)));
          store.seal();
          records.forEach((record, row) => expect(store.isBlank(row)).toBe(blank(record)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('cellsOf', () => {
  it('gives the cells of the columns asked, as cell() does, with blanks for none', () => {
    const records = Array.from({ length: 40_000 }, (_, i) =>
      Array.from({ length: 1 + (i % 5) }, (_, c) => `r${i}c${c}${'é'.repeat(c)}`),
    );
    const store = new RowStore();
    for (const record of records) store.push(record);
    // The last rows stay pending (not yet in a block).
    const rows = [
      store,
      new RowsView(store, Int32Array.from([5, 39_999, 0])),
      new ArrayRows(records),
    ];
    const columns = [4, -1, 0, 2, 9];
    for (const table of rows) {
      for (const row of [0, 1, 2, 17_000, 39_998, 39_999, 40_000]) {
        const out = new Array<string>(columns.length);
        table.cellsOf(row, columns, out);
        expect(out).toEqual(columns.map((c) => (c < 0 ? '' : (table.cell(row, c) ?? ''))));
      }
    }
    const out: string[] = [];
    store.cellsOf(39_999, [4, 0], out);
    expect(out).toEqual(['r39999c4éééé', 'r39999c0']);
    store.seal();
    store.cellsOf(32_768, [1, 3], out);
    expect(out).toEqual(['r32768c1é', 'r32768c3ééé']);
  });
});

describe('RowsView and slices', () => {
  it('sees the store through its indexes', () => {
    const view = new RowsView(new ArrayRows([['h'], ['a'], [''], ['b']]), Int32Array.from([1, 3]));
    expect(view.length).toBe(2);
    expect(rowsToArrays(view)).toEqual([['a'], ['b']]);
    expect(view.cell(1, 0)).toBe('b');
    expect(view.width(5)).toBe(0);
    expect(rowsSlice(view, 1, 10)).toEqual([['b']]);
  });
});

describe('readTable keeps a large file compact and exact', () => {
  it('reads 30,000 rows with blank rows and a short row in between back as written', () => {
    const lines = ['first,last,email'];
    const expected: string[][] = [];
    for (let i = 0; i < 30_000; i++) {
      if (i === 100 || i === 25_000) lines.push('');
      const row =
        i === 12_345 ? [`"Ann, ${i}"`, 'Lee'] : [`Ann${i}`, `"Lee ""${i}"""`, `a${i}@x.com`];
      lines.push(row.join(','));
      expected.push(i === 12_345 ? [`Ann, ${i}`, 'Lee'] : [`Ann${i}`, `Lee "${i}"`, `a${i}@x.com`]);
    }
    const result = readTable(new TextEncoder().encode(lines.join('\n')), 'big.csv');
    expect(rowsToArrays(result.rows)).toEqual(expected);
    // The blank line is file row 102: the row after it keeps its own number.
    expect(result.rowNumbers.slice(99, 101)).toEqual([101, 103]);
    expect(result.problems.map((p) => p.code).sort()).toEqual([
      'empty-rows-skipped',
      'row-too-few-fields',
    ]);
  });
});

describe('readTable reads a large file a piece at a time', () => {
  it('keeps characters and quoted values that straddle the pieces, and numbers quote problems by line', () => {
    // Rows of varying length, so piece boundaries (every 1 MiB) fall inside characters and
    // inside a quoted value that spans lines.
    const lines = ['name,note'];
    const expected: string[][] = [];
    for (let i = 0; i < 60_000; i++) {
      const name = `Zoë Łucja ${'ā'.repeat(i % 7)}${i}`;
      const note = i % 3 === 0 ? `line one ${i}\nline "two"` : `n${i}`;
      lines.push(`${name},"${note.replace(/"/g, '""')}"`);
      expected.push([name, note]);
    }
    lines.push('Bad,"never closed');
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const result = readTable(bytes, 'pieces.csv');
    const rows = rowsToArrays(result.rows);
    expect(rows.slice(0, -1)).toEqual(expected);
    // The quote never closed is read as a plain character (see repairQuotes).
    expect(rows.at(-1)).toEqual(['Bad', '"never closed']);
    const unclosed = result.problems.find((p) => p.code === 'unclosed-quote');
    // File row 60,002 starts on text line 80,002 (every third row spans two lines).
    expect(unclosed?.row).toBe(60_002);
    expect(unclosed?.line).toBe(60_002 + 60_000 / 3);
  });

  it('reports no quote problem where a piece would end between CR and LF (UTF-8 and UTF-16)', () => {
    const header = 'id,note\r\n';
    for (const [encoding, unit] of [
      ['utf-8', 1],
      ['utf-16le', 2],
    ] as const) {
      // Lines of a length that puts a megabyte's end between a CR and its LF, just after a
      // quoted last value.
      const mib = (1024 * 1024) / unit;
      let length = 20;
      while ((mib - header.length) % length !== length - 1) length++;
      const lines = Array.from(
        { length: Math.ceil((2.5 * mib) / length) },
        (_, i) => `n${String(i).padStart(7, '0')},"${'x'.repeat(length - 13)}"\r\n`,
      );
      const text = header + lines.join('');
      const bytes =
        encoding === 'utf-8'
          ? new TextEncoder().encode(text)
          : Uint8Array.from({ length: text.length * 2 + 2 }, (_, b) =>
              b < 2 ? ([0xff, 0xfe][b] as number) : b % 2 === 0 ? text.charCodeAt(b / 2 - 1) : 0,
            );
      const result = readTable(bytes, `crlf-${encoding}.csv`);
      expect(result.encoding).toBe(encoding);
      expect(result.problems).toEqual([]);
      expect(result.rows.length).toBe(lines.length);
      expect(result.rows.row(lines.length - 1)).toEqual([
        `n${String(lines.length - 1).padStart(7, '0')}`,
        'x'.repeat(length - 13),
      ]);
    }
  });

  it('reads a large UTF-16 file with characters past Latin-1 back as written', () => {
    const lines = ['name,city'];
    for (let i = 0; i < 40_000; i++) lines.push(`${i % 9 === 0 ? 'Łucja' : 'Zoë'} ${i},Köln`);
    const text = lines.join('\r\n');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const result = readTable(bytes, 'unicode.txt');
    expect(result.encoding).toBe('utf-16le');
    expect(result.rows.length).toBe(40_000);
    expect(result.rows.row(0)).toEqual(['Łucja 0', 'Köln']);
    expect(result.rows.row(39_999)).toEqual(['Zoë 39999', 'Köln']);
  });

  it('reads a Windows-1252 file past a piece boundary as Windows-1252', () => {
    const line = 'Café “quoted” – naïve €5\r\n';
    const text = `name\r\n${line.repeat(60_000)}`;
    const bytes = Uint8Array.from(text, (ch) => WIN1252[ch] ?? ch.charCodeAt(0));
    const result = readTable(bytes, 'legacy.csv');
    expect(result.encoding).toBe('windows-1252');
    expect(result.rows.length).toBe(60_000);
    expect(result.rows.cell(59_999, 0)).toBe('Café “quoted” – naïve €5');
  });
});

const WIN1252: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80 };
