import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  SPREADSHEET_BOM,
  isLiveFormula,
  neutraliseCell,
  reportDelimiterFor,
  writeSpreadsheetCsv,
} from './spreadsheet-file';

/** Parses the file back the way a spreadsheet would split it into cells. */
function cells(csv: string): string[][] {
  expect(csv.startsWith(SPREADSHEET_BOM)).toBe(true);
  return Papa.parse<string[]>(csv.slice(SPREADSHEET_BOM.length), { skipEmptyLines: true }).data;
}

describe('neutraliseCell', () => {
  const cases = [
    {
      description: 'formula',
      input: '=HYPERLINK("http://x","y")',
      expected: '\'=HYPERLINK("http://x","y")',
    },
    { description: 'DDE command', input: "=cmd|' /C calc'!A0", expected: "'=cmd|' /C calc'!A0" },
    { description: 'time zone +10', input: '+10', expected: "'+10" },
    { description: 'plus', input: '+61 412 345 678', expected: "'+61 412 345 678" },
    { description: 'minus', input: '-2+3', expected: "'-2+3" },
    { description: 'at', input: '@SUM(A1)', expected: "'@SUM(A1)" },
    { description: 'tab', input: '\t=1', expected: "'\t=1" },
    { description: 'carriage return', input: '\r=1', expected: "'\r=1" },
    { description: 'plain text', input: 'Zoë', expected: 'Zoë' },
    { description: 'formula later in the text', input: 'a=b', expected: 'a=b' },
    { description: 'empty', input: '', expected: '' },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(neutraliseCell(input)).toBe(expected);
    expect(isLiveFormula(neutraliseCell(input))).toBe(false);
  });
});

describe('writeSpreadsheetCsv', () => {
  it('writes no cell a spreadsheet would run, header included', () => {
    const csv = writeSpreadsheetCsv(
      ['=Name', 'timezone'],
      [
        ['=HYPERLINK("http://evil.example","click")', '+10'],
        ["=cmd|' /C calc'!A0", '-5'],
        ['@SUM(A1:A2)', 'Australia/Sydney'],
      ],
    );
    const read = cells(csv);
    expect(read.flat().filter(isLiveFormula)).toEqual([]);
    expect(read).toEqual([
      ["'=Name", 'timezone'],
      ['\'=HYPERLINK("http://evil.example","click")', "'+10"],
      ["'=cmd|' /C calc'!A0", "'-5"],
      ["'@SUM(A1:A2)", 'Australia/Sydney'],
    ]);
  });

  it('keeps commas, quotes, line breaks and accents in one cell each, with CRLF rows', () => {
    const csv = writeSpreadsheetCsv(['a', 'b'], [['Zoë, "Z"', 'two\nlines']]);
    expect(csv).toContain('\r\n');
    expect(cells(csv)).toEqual([
      ['a', 'b'],
      ['Zoë, "Z"', 'two\nlines'],
    ]);
  });

  it('writes with semicolons for a file that came with them, as European Excel reads it', () => {
    const csv = writeSpreadsheetCsv(['Name', 'Betrag'], [['Müller; Hans', '1,5']], ';');
    expect(csv).toBe('\uFEFFName;Betrag\r\n"Müller; Hans";1,5');
    expect(reportDelimiterFor(';')).toBe(';');
    expect(reportDelimiterFor('\t')).toBe(',');
    expect(reportDelimiterFor(undefined)).toBe(',');
  });

  it('names extra cells rather than losing them, and pads short rows', () => {
    expect(cells(writeSpreadsheetCsv(['a'], [['1', '2'], []]))).toEqual([
      ['a', 'Column 2'],
      ['1', '2'],
      ['', ''],
    ]);
  });

  it('writes just the header when there are no rows', () => {
    expect(cells(writeSpreadsheetCsv(['a', 'b'], []))).toEqual([['a', 'b']]);
  });
});
