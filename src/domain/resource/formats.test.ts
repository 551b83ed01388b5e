import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMAT_WRITERS, writeFile, xmlElementNames } from './formats';

const columns = ['Given name', 'Surname', 'E-mail'];
const rows = [
  ['Zoë', 'Núñez <x> & "y"', 'zoe@example.com'],
  ['Sam', 'Lee, Jr', ''],
];

describe('resource formats', () => {
  it('CSV round-trips through papaparse', () => {
    const writer = FORMAT_WRITERS.csv;
    const file = writeFile(
      writer,
      columns,
      rows.map((row) => writer.record(columns, row)),
    );
    const parsed = Papa.parse<string[]>(file.trim(), {});
    expect(parsed.data).toEqual([columns, ...rows]);
  });

  it("JSON is Whispir's {contacts: [...]} with the user's column names", () => {
    const writer = FORMAT_WRITERS.json;
    const file = writeFile(
      writer,
      columns,
      rows.map((row) => writer.record(columns, row)),
    );
    expect(JSON.parse(file)).toEqual({
      contacts: [
        { 'Given name': 'Zoë', Surname: 'Núñez <x> & "y"', 'E-mail': 'zoe@example.com' },
        { 'Given name': 'Sam', Surname: 'Lee, Jr', 'E-mail': '' },
      ],
    });
    expect(JSON.parse(writeFile(writer, columns, []))).toEqual({ contacts: [] });
  });

  it("XML is Whispir's ns2:import shape, escaped, with valid element names", () => {
    const writer = FORMAT_WRITERS.xml;
    const names = xmlElementNames(columns);
    expect(names).toEqual(['Given_name', 'Surname', 'E-mail']);
    const file = writeFile(
      writer,
      names,
      rows.map((row) => writer.record(names, row)),
    );
    const doc = new DOMParser().parseFromString(file, 'application/xml');
    const contacts = doc.getElementsByTagNameNS('http://schemas.api.whispir.com', 'contact');
    expect(contacts.length).toBe(2);
    expect(contacts[0]?.getElementsByTagName('Surname')[0]?.textContent).toBe('Núñez <x> & "y"');
  });

  it.each([
    {
      input: ['1st', 'a b', 'a b', 'xmlThing', 'ok'],
      expected: ['_1st', 'a_b', 'a_b_2', '_xmlThing', 'ok'],
    },
    { input: ['Prénom'], expected: ['Prenom'] },
  ])('xmlElementNames($input)', ({ input, expected }) => {
    expect(xmlElementNames(input)).toEqual(expected);
  });
});
