/**
 * Reads every generated fixture in e2e/fixtures (written by e2e/fixtures/make-fixtures.ts) through
 * readTable, the one call the worker makes, and checks values, columns and detections.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type IntakeResult, readTable } from './read-table';
import { rowsToArrays } from './row-store';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../e2e/fixtures/${name}`, import.meta.url)));
const read = (name: string): IntakeResult => readTable(fixture(name), name);
const column = (result: IntakeResult, header: string): string[] => {
  const index = result.headers.indexOf(header);
  expect(index, `column "${header}" in ${JSON.stringify(result.headers)}`).toBeGreaterThanOrEqual(
    0,
  );
  return rowsToArrays(result.rows).map((row) => row[index] ?? '');
};
const labels = (result: IntakeResult): string[] => result.detections.map((d) => d.label);
const errorsAndWarnings = (result: IntakeResult): string[] =>
  result.problems.filter((p) => p.severity !== 'info').map((p) => p.code);

const WHISPIR_HEADERS = [
  'firstName',
  'lastName',
  'workEmailAddress1',
  'workMobilePhone1',
  'workCountry',
  'timezone',
];
const HUMAN_HEADERS = ['Given name', 'Surname', 'E-mail', 'Mobile', 'Country', 'Timezone'];
const FIRST_NAMES = ['Zoë', 'François', 'Jürgen', 'Aroha', 'José', 'Søren', 'Siobhán', 'Liam'];
const MOBILES = [
  '0412345678',
  '0612345678',
  '01701234567',
  '0211234567',
  '0612987654',
  '0020123456',
  '0871234567',
  '0498765432',
];

describe('e2e fixtures through readTable', () => {
  it('imports-page-sample.csv is the Imports page sample, byte for byte', () => {
    expect(new TextDecoder().decode(fixture('imports-page-sample.csv'))).toBe(
      'firstName,lastName,workEmailAddress1,workMobilePhone1,workCountry,timezone\n' +
        'John,Smith,john.smith@testcompany.com,61423456789,Australia,+10\n' +
        'Jane,Smith,jane.smith@testcompany,com,61498765432,Australia,+10\n',
    );
  });

  it('imports-page-sample.csv: the stray comma is reported on row 3, the row is kept', () => {
    const result = read('imports-page-sample.csv');
    expect(result.headers).toEqual(WHISPIR_HEADERS);
    expect(rowsToArrays(result.rows).map((r) => r.length)).toEqual([6, 7]);
    expect(result.rowNumbers).toEqual([2, 3]);
    expect(result.problems.map((p) => [p.code, p.row, p.message])).toEqual([
      [
        'row-too-many-fields',
        3,
        'Row 3 has 7 fields, the header has 6 — is there an unquoted comma?',
      ],
    ]);
    expect(labels(result)).toEqual([
      'Delimited text',
      'Read as UTF-8',
      'Separated by ,',
      'Header on row 1',
    ]);
  });

  it('semicolon-decimal.csv: ; wins over decimal commas, decimals and quoted ; intact', () => {
    const result = read('semicolon-decimal.csv');
    expect(result.delimiter).toBe(';');
    expect(result.headers).toEqual([
      'Given name',
      'Surname',
      'E-mail',
      'Mobile',
      'Country',
      'Credit (EUR)',
      'Notes',
    ]);
    expect(rowsToArrays(result.rows)).toHaveLength(10);
    expect(rowsToArrays(result.rows).every((r) => r.length === 7)).toBe(true);
    expect(column(result, 'Credit (EUR)').slice(0, 3)).toEqual(['12,50', '0,75', '100,00']);
    expect(column(result, 'Notes')[2]).toBe('Call after 17:00; not on Fridays');
    expect(column(result, 'Mobile').slice(0, 8)).toEqual(MOBILES);
    expect(errorsAndWarnings(result)).toEqual([]);
    expect(labels(result)).toContain('Separated by ;');
  });

  it('windows-1252.csv: read as Windows-1252 with accents and € intact', () => {
    const result = read('windows-1252.csv');
    expect(result.encoding).toBe('windows-1252');
    expect(labels(result)).toContain('Read as Windows-1252');
    expect(result.headers).toEqual([
      'First name',
      'Last name',
      'Email',
      'Mobile',
      'Country',
      'Notes',
    ]);
    expect(column(result, 'First name')).toEqual([...FIRST_NAMES, 'Renée']);
    expect(column(result, 'Last name')).toContain('Müller');
    expect(column(result, 'Last name')).toContain('Østergaard');
    expect(column(result, 'Notes').at(-1)).toBe('Owes €12 – “urgent”');
    expect(column(result, 'Mobile').slice(0, 8)).toEqual(MOBILES);
    expect(errorsAndWarnings(result)).toEqual([]);
  });

  it('utf16le-bom.txt: Excel "Unicode text" is UTF-16LE, tab separated', () => {
    const result = read('utf16le-bom.txt');
    expect(result.encoding).toBe('utf-16le');
    expect(result.delimiter).toBe('\t');
    expect(labels(result)).toEqual([
      'Delimited text',
      'Read as UTF-16 LE',
      'Separated by tab',
      'Header on row 1',
    ]);
    expect(result.headers).toEqual(HUMAN_HEADERS);
    expect(column(result, 'Given name')).toEqual([...FIRST_NAMES, 'Tāmati', 'Łucja']);
    expect(column(result, 'Surname').slice(-2)).toEqual(['Ngāta', 'Wąsowska']);
    expect(column(result, 'Mobile').slice(0, 8)).toEqual(MOBILES);
    expect(errorsAndWarnings(result)).toEqual([]);
  });

  it('header-on-row-3.csv: two title lines skipped, header on row 3', () => {
    const result = read('header-on-row-3.csv');
    expect(result.headerRow).toBe(3);
    expect(labels(result)).toContain('Header on row 3');
    expect(result.headers).toEqual(HUMAN_HEADERS);
    expect(result.rowNumbers).toEqual([4, 5, 6, 7, 8]);
    expect(column(result, 'Given name')).toEqual(FIRST_NAMES.slice(0, 5));
    expect(result.problems.map((p) => [p.code, p.rows])).toEqual([
      ['rows-above-header-skipped', [1, 2]],
    ]);
  });

  it('two-sheets.xlsx: Contacts sheet picked, leading-zero numbers kept, E+ flagged', () => {
    const result = read('two-sheets.xlsx');
    expect(result.format).toBe('xlsx');
    expect(result.sheets).toEqual([
      { name: 'Notes', rowCount: 2, hidden: false },
      { name: 'Contacts', rowCount: 10, hidden: false },
    ]);
    expect(result.sheet).toBe('Contacts');
    expect(labels(result)).toEqual(['Excel workbook', 'Sheet "Contacts"', 'Header on row 1']);
    expect(result.headers).toEqual(WHISPIR_HEADERS);
    expect(rowsToArrays(result.rows).every((r) => r.length === 6)).toBe(true);
    expect(column(result, 'workMobilePhone1')).toEqual([...MOBILES, '614123987654']);
    expect(column(result, 'firstName').slice(0, 8)).toEqual(FIRST_NAMES);
    expect(result.problems.map((p) => [p.code, p.severity, p.cell, p.row])).toEqual([
      ['excel-scientific', 'info', 'D10', 10],
    ]);
  });

  it('two-sheets.xlsx: the other sheet can be chosen', () => {
    const result = readTable(fixture('two-sheets.xlsx'), 'two-sheets.xlsx', {
      sheet: 'Notes',
      hasHeader: false,
    });
    expect(rowsToArrays(result.rows)).toEqual([
      ['Contact list for the Sydney office'],
      ['Mobiles are in column D of the Contacts sheet.'],
    ]);
  });

  it('contacts.xls: Excel 97–2003 with the same displayed values', () => {
    const result = read('contacts.xls');
    expect(result.format).toBe('xls');
    expect(result.headers).toEqual(WHISPIR_HEADERS);
    expect(column(result, 'workMobilePhone1')).toEqual([...MOBILES, '614123987654']);
    expect(column(result, 'lastName')).toContain('Østergaard');
    expect(errorsAndWarnings(result)).toEqual([]);
  });

  it('contacts.ods: OpenDocument spreadsheet', () => {
    const result = read('contacts.ods');
    expect(result.format).toBe('ods');
    expect(labels(result)[0]).toBe('OpenDocument spreadsheet');
    expect(result.headers).toEqual(WHISPIR_HEADERS);
    expect(column(result, 'workMobilePhone1')).toEqual(MOBILES);
    expect(column(result, 'firstName')).toEqual(FIRST_NAMES);
    expect(result.problems).toEqual([]);
  });

  it('whispir.json: {"contacts": [...]}', () => {
    const result = read('whispir.json');
    expect(result.format).toBe('json');
    expect(result.headers).toEqual(WHISPIR_HEADERS);
    expect(result.rowNumbers).toEqual([1, 2, 3, 4, 5, 6]);
    expect(column(result, 'firstName')).toEqual(FIRST_NAMES.slice(0, 6));
    expect(column(result, 'workMobilePhone1')).toEqual(MOBILES.slice(0, 6));
    expect(labels(result)).toEqual(['JSON', 'Read as UTF-8', '6 records from contacts']);
    expect(result.problems).toEqual([]);
  });

  it('whispir.xml: ns2:import/ns2:contacts/ns2:contact', () => {
    const result = read('whispir.xml');
    expect(result.format).toBe('xml');
    expect(result.headers).toEqual(WHISPIR_HEADERS);
    expect(column(result, 'firstName')).toEqual(FIRST_NAMES.slice(0, 6));
    expect(column(result, 'lastName')).toContain('Müller');
    expect(column(result, 'workMobilePhone1')).toEqual(MOBILES.slice(0, 6));
    expect(labels(result)).toEqual([
      'XML',
      'Read as UTF-8',
      '6 records from ns2:import/ns2:contacts/ns2:contact',
    ]);
    expect(result.problems).toEqual([]);
  });
});
