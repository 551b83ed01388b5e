import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../mapping/mapping';
import fc from 'fast-check';
import {
  buildResourceCsv,
  csvLine,
  decodeBase64Utf8,
  encodeBase64Utf8,
  planResource,
} from './build-resource';

const headers = ['Given name', 'Surname', 'E-mail', 'Mobile', 'Notes'];
const rows = [
  ['Zoë', 'Núñez', 'zoe@example.com', '61412345678', 'ignored'],
  ['Sam', 'Lee, Jr', 'sam@example.com', '', 'x'],
];

describe('planResource', () => {
  it('keeps only mapped columns, under the user names, and adds constant columns', () => {
    const mapping: ColumnMapping = {
      firstName: { kind: 'column', column: 'Given name' },
      lastName: { kind: 'column', column: 'Surname' },
      workEmailAddress1: { kind: 'column', column: 'E-mail' },
      workMobilePhone1: { kind: 'empty' },
      workCountry: { kind: 'constant', value: 'Australia' },
      timezone: { kind: 'constant', value: 'Australia/Sydney' },
    };
    const plan = planResource(headers, mapping);
    expect(plan.fieldMapping).toEqual({
      firstName: 'Given name',
      lastName: 'Surname',
      workEmailAddress1: 'E-mail',
      workMobilePhone1: 'workMobilePhone1 (set for every row)',
      workCountry: 'workCountry (set for every row)',
      timezone: 'timezone (set for every row)',
    });
    const csv = buildResourceCsv(plan, rows);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      'Given name',
      'Surname',
      'E-mail',
      'workMobilePhone1 (set for every row)',
      'workCountry (set for every row)',
      'timezone (set for every row)',
    ]);
    expect(parsed.data[1]).toMatchObject({
      Surname: 'Lee, Jr',
      'workCountry (set for every row)': 'Australia',
      'workMobilePhone1 (set for every row)': '',
    });
  });

  it('writes a column mapped to two fields once', () => {
    const plan = planResource(headers, {
      workEmailAddress1: { kind: 'column', column: 'E-mail' },
      personalEmailAddress1: { kind: 'column', column: 'E-mail' },
    });
    expect(plan.columns.map((c) => c.name)).toEqual(['E-mail']);
    expect(plan.fieldMapping).toEqual({
      workEmailAddress1: 'E-mail',
      personalEmailAddress1: 'E-mail',
    });
  });
});

describe('base64', () => {
  it.each(['', 'plain', 'Zoë Núñez, François Müller', 'x'.repeat(100_000) + 'é'])(
    'round-trips UTF-8 text %#',
    (text) => {
      expect(decodeBase64Utf8(encodeBase64Utf8(text))).toBe(text);
      expect(Buffer.from(encodeBase64Utf8(text), 'base64').toString('utf8')).toBe(text);
    },
  );

  it('writes what Node writes, padding included, whatever the length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(encodeBase64Utf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      }),
    );
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'é', 'Zoë', '😀'])
      expect(encodeBase64Utf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });
});

describe('csvLine', () => {
  it('writes what Papa.unparse writes, and parses back to the same cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
          const ours = table.map(csvLine).join('');
          expect(ours).toBe(Papa.unparse(table, { newline: '\r\n', quotes: false }) + '\r\n');
        },
      ),
    );
  });
});
