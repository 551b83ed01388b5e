import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table';
import { repairQuotes } from './quote-repair';
import { rowsToArrays } from './row-store';

const read = (text: string) => readTable(new TextEncoder().encode(text), 'contacts.csv');

describe('broken quotes, read as a spreadsheet program reads them', () => {
  it('a value with text after its closing quote keeps it, and takes no other line with it', () => {
    const table = read(
      'Name,Email,Notes\r\n' +
        'Ann,ann@x.com,"VIP" customer\r\n' +
        'Bob,bob@x.com,"call later"\r\n' +
        'Cat,cat@x.com,ok\r\n',
    );
    expect(rowsToArrays(table.rows)).toEqual([
      ['Ann', 'ann@x.com', 'VIP customer'],
      ['Bob', 'bob@x.com', 'call later'],
      ['Cat', 'cat@x.com', 'ok'],
    ]);
    expect(table.problems.map((p) => [p.code, p.severity, p.row, p.message])).toEqual([
      [
        'malformed-quote',
        'warning',
        2,
        'Row 2 has text after a closing quote: ""VIP" customer" was read as "VIP customer", as a spreadsheet program reads it.',
      ],
    ]);
  });

  it('a quote never closed is a plain character, and every line after it is still a row', () => {
    const table = read('Name,Email\r\nAnn,"open\r\nBob,bob@x.com\r\nCat,cat@x.com\r\n');
    expect(rowsToArrays(table.rows)).toEqual([
      ['Ann', '"open'],
      ['Bob', 'bob@x.com'],
      ['Cat', 'cat@x.com'],
    ]);
    expect(table.problems).toMatchObject([{ code: 'unclosed-quote', severity: 'warning', row: 2 }]);
    expect(table.problems[0]?.message).toMatch(/never closed.*""open"/);
  });

  it("a stray quote does not run on to a later value's quote and take the lines between", () => {
    const table = read(
      'Name,Email,Notes\r\n' +
        'Ann,ann@x.com,"open note\r\n' +
        'Bob,bob@x.com,ok\r\n' +
        'Cat,cat@x.com,"Smith, J"\r\n' +
        'Dan,dan@x.com,x\r\n',
    );
    expect(rowsToArrays(table.rows)).toEqual([
      ['Ann', 'ann@x.com', '"open note'],
      ['Bob', 'bob@x.com', 'ok'],
      ['Cat', 'cat@x.com', 'Smith, J'],
      ['Dan', 'dan@x.com', 'x'],
    ]);
    expect(table.problems).toMatchObject([{ code: 'unclosed-quote', row: 2 }]);
  });

  it('counts the lines of a broken value that spans lines, for the warnings after it', () => {
    const table = read('Name,Notes\nAnn,"a\nb" c\nBob,"d" e\nCat,"f\n');
    expect(rowsToArrays(table.rows)).toEqual([
      ['Ann', 'a\nb c'],
      ['Bob', 'd e'],
      ['Cat', '"f'],
    ]);
    expect(table.problems).toMatchObject([
      { code: 'malformed-quote', row: 2 },
      { code: 'malformed-quote', row: 3, line: 4 },
      { code: 'unclosed-quote', row: 4, line: 5 },
    ]);
  });

  it('names the line too where values spanning lines make it differ from the row', () => {
    const table = read('Name,Notes\n"Ann","two\nlines"\nBob,"x" y\n');
    expect(rowsToArrays(table.rows)).toEqual([
      ['Ann', 'two\nlines'],
      ['Bob', 'x y'],
    ]);
    expect(table.problems).toMatchObject([{ code: 'malformed-quote', row: 3, line: 4 }]);
  });

  it('where the rewrite cannot mend the text, keeps the rows as first read and says so', () => {
    // Quotes tangled with every kind of line break: PapaParse still finds a quote error after.
    const table = read('"",a""\n,"\r');
    expect(table.problems[0]).toMatchObject({ code: 'unclosed-quote', severity: 'error' });
    expect(table.problems[0]?.message).toMatch(/read as one value/);
  });

  it('changes nothing in a text PapaParse reads without a quote error', () => {
    const cell = fc.array(fc.constantFrom('a', ' ', ',', '"', '""', '\n', '\r\n'), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (parts) => {
        const text = parts.map((p) => p.join('')).join('');
        const parsed = Papa.parse(text, { delimiter: ',', newline: '\n' });
        if (parsed.errors.some((e) => e.type === 'Quotes')) return;
        expect(repairQuotes(text, ',')).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves PapaParse no broken quote to find in what it rewrote', () => {
    const cell = fc.array(fc.constantFrom('a', ' ', '"', '""', ';'), { maxLength: 5 });
    const line = fc.array(
      cell.map((c) => c.join('')),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const text = lines.map((cells) => cells.join(';')).join('\r\n');
        const repaired = repairQuotes(text, ';');
        const parsed = Papa.parse(repaired?.text ?? text, { delimiter: ';', newline: '\r\n' });
        expect(parsed.errors.filter((e) => e.type === 'Quotes')).toEqual([]);
        // No line is lost: as many records as lines when no value was a quoted one across lines.
        expect(parsed.data.length).toBeLessThanOrEqual(lines.length);
      }),
      { numRuns: 2000 },
    );
  });
});
