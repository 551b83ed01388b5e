import { describe, expect, it } from 'vitest';
import { readTable } from '../intake/read-table';
import { contactsJson, contactsXml, csvLine } from './contact-files';
import { rowsToArrays } from '../intake/row-store';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('contact file writers', () => {
  const columns = ['firstName', 'lastName', 'department'];
  const rows = [
    ['Zoë', "O'Brien", 'R&D <lab>'],
    ['Łucja', 'Said "hi"', 'Sales, APAC'],
    ['Tāmati', 'Ngata', 'Line one\nline two'],
  ];

  it('CSV quotes only what needs it, and reads back as written', () => {
    expect(csvLine(rows[0]!)).toBe("Zoë,O'Brien,R&D <lab>");
    const text = `${[columns, ...rows].map(csvLine).join('\r\n')}\r\n`;
    const table = readTable(bytes(text), 'contacts.csv');
    expect(rowsToArrays(table.rows)).toEqual(rows);
  });

  it.each([
    ['JSON', () => contactsJson(columns, rows), 'contacts.json'],
    ['XML on one line per contact', () => contactsXml(columns, rows, 'one-line'), 'contacts.xml'],
    ['XML with a line per field', () => contactsXml(columns, rows, 'indented'), 'contacts.xml'],
  ] as const)('%s reads back with every value intact', (_name, write, file) => {
    const table = readTable(bytes(write()), file);
    expect(table.headers).toEqual(columns);
    expect(rowsToArrays(table.rows)).toEqual(rows);
  });
});
