import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../mapping/mapping';
import { base64Length, utf8Length } from './parts';
import { ROWS_PER_STEP, progressOf, runSteps, type StepProgress } from '../progress/steps';
import { partFile, prepareUpload, preparingUpload } from './upload-plan';

const headers = ['Given name', 'Surname', 'Mobile'];
const rows = Array.from({ length: 500 }, (_, i) => [
  `Zoë ${i}`,
  `Núñez, ${i}`,
  `6141234${String(i).padStart(4, '0')}`,
]);
const mapping: ColumnMapping = {
  firstName: { kind: 'column', column: 'Given name' },
  lastName: { kind: 'column', column: 'Surname' },
  workMobilePhone1: { kind: 'column', column: 'Mobile' },
  workCountry: { kind: 'constant', value: 'Australia' },
  timezone: { kind: 'constant', value: '+10' },
};

describe('prepareUpload', () => {
  it('splits into parts whose requests fit, and together hold every row once, in order', () => {
    const limit = 12_000;
    const result = prepareUpload(headers, rows, mapping, 'csv', 'contacts.csv', limit);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { upload } = result;
    expect(upload.parts.length).toBeGreaterThanOrEqual(3);
    const seen: string[][] = [];
    for (const part of upload.parts) {
      const file = partFile(upload, part);
      expect(utf8Length(file)).toBe(part.fileBytes);
      const request = JSON.stringify({
        name: `contacts-part-${part.part}.csv`,
        scope: 'private',
        mimeType: 'text/csv',
        derefUri: 'x'.repeat(base64Length(utf8Length(file))),
      });
      expect(request.length).toBeLessThanOrEqual(limit);
      const parsed = Papa.parse<string[]>(file.trim());
      expect(parsed.data[0]).toEqual([
        'Given name',
        'Surname',
        'Mobile',
        'workCountry (set for every row)',
        'timezone (set for every row)',
      ]);
      seen.push(...parsed.data.slice(1));
    }
    expect(seen.map((row) => row.slice(0, 3))).toEqual(rows);
  });

  it('made again from the rows when each part is built, gives the same files and holds no record', () => {
    let asked = 0;
    const rowAt = (position: number) => {
      asked++;
      return rows[position] as string[];
    };
    for (const format of ['csv', 'json', 'xml'] as const) {
      const held = prepareUpload(headers, rows, mapping, format, 'contacts.csv', 12_000);
      const again = runSteps(
        preparingUpload({
          headers,
          rows,
          total: rows.length,
          mapping,
          format,
          fileName: 'contacts.csv',
          maxRequestBytes: 12_000,
          rowAt,
        }),
      );
      if (!held.ok || !again.ok) throw new Error('not prepared');
      expect(again.upload.parts).toEqual(held.upload.parts);
      asked = 0;
      const files = again.upload.parts.map((part) => partFile(again.upload, part));
      expect(files).toEqual(held.upload.parts.map((part) => partFile(held.upload, part)));
      expect(asked).toBe(rows.length);
    }
  });

  it('refuses a part that came out larger than planned (its rows changed since)', () => {
    const changed = rows.map((row) => [...row]);
    const result = runSteps(
      preparingUpload({
        headers,
        rows,
        total: rows.length,
        mapping,
        format: 'csv',
        fileName: 'contacts.csv',
        maxRequestBytes: 12_000,
        rowAt: (position) => changed[position] as string[],
      }),
    );
    if (!result.ok) throw new Error(result.message);
    const [first, second] = result.upload.parts;
    if (!first || !second) throw new Error('expected two parts or more');
    (changed[second.start] as string[])[1] = 'A much longer surname than the file had';
    expect(() => partFile(result.upload, first)).not.toThrow();
    expect(() => partFile(result.upload, second)).toThrow(/Part 2 came out larger than planned/);
  });

  it('renames columns to valid XML names and maps to them', () => {
    const result = prepareUpload(headers, rows.slice(0, 2), mapping, 'xml', 'contacts.csv');
    expect(result.ok && result.upload.fieldMapping).toMatchObject({
      firstName: 'Given_name',
      lastName: 'Surname',
    });
  });

  it('JSON parts parse as Whispir JSON', () => {
    const result = prepareUpload(headers, rows, mapping, 'json', 'contacts.csv', 12_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const total = result.upload.parts
      .map((part) => JSON.parse(partFile(result.upload, part)) as { contacts: unknown[] })
      .reduce((sum, file) => sum + file.contacts.length, 0);
    expect(total).toBe(rows.length);
  });

  it('builds in steps that report the rows done of the rows to send', () => {
    const many = Array.from({ length: ROWS_PER_STEP * 2 + 1 }, (_, i) => rows[i % rows.length]!);
    const seen: StepProgress[] = [];
    const result = runSteps(
      preparingUpload({
        headers,
        rows: many,
        total: many.length,
        mapping,
        format: 'csv',
        fileName: 'contacts.csv',
      }),
      (p) => seen.push(p),
    );
    expect(result.ok && result.upload.rowCount).toBe(many.length);
    expect(seen).toEqual([
      progressOf(ROWS_PER_STEP, many.length),
      progressOf(ROWS_PER_STEP * 2, many.length),
    ]);
  });
});
