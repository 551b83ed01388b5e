import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readTable } from '../intake/read-table';
import { CONTACT_COLUMNS_WITH_DEPARTMENT, csvLine } from './contact-files';
import {
  PROBLEM_KINDS,
  SEEDED_CONTACTS_VERSION,
  createRandom,
  seededContact,
  seededContactCsvLine,
  type SeededContact,
} from './seeded-contacts';
import { rowsToArrays } from '../intake/row-store';

const bytes = (text: string) => new TextEncoder().encode(text);

function contacts(seed: number, count: number, problemRate?: number): SeededContact[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) =>
    seededContact(random, index, problemRate === undefined ? {} : { problemRate }),
  );
}

const csvFile = (rows: readonly SeededContact[]) =>
  [csvLine(CONTACT_COLUMNS_WITH_DEPARTMENT), ...rows.map(seededContactCsvLine), ''].join('\r\n');

describe('seeded contacts', () => {
  it('the same seed gives the same contacts, another seed others', () => {
    expect(contacts(7, 50)).toEqual(contacts(7, 50));
    expect(contacts(8, 50)).not.toEqual(contacts(7, 50));
  });

  it(`seed 42 still gives the bench's version ${SEEDED_CONTACTS_VERSION} file`, () => {
    // The bench caches its files by version: a change here must bump SEEDED_CONTACTS_VERSION
    // (and then this digest), or a cached file would no longer be what the generator writes.
    const digest = createHash('sha256');
    for (const contact of contacts(42, 10_000))
      digest.update(`${seededContactCsvLine(contact)}\r\n`);
    expect(digest.digest('hex')).toBe(
      'ce720e2d81adb1c8bdb3197f060573c4c31cb59f8541e582dd9ebf125b8ac6b1',
    );
  });

  it('a clean file reads back whole: every field filled, emails and mobiles unique', () => {
    const rows = contacts(3, 2_000, 0);
    const table = readTable(bytes(csvFile(rows)), 'contacts.csv');
    expect(table.headers).toEqual([...CONTACT_COLUMNS_WITH_DEPARTMENT]);
    expect(table.problems).toEqual([]);
    expect(rowsToArrays(table.rows)).toEqual(rows.map((row) => row.values));
    for (const column of [0, 1, 2, 3, 4, 5])
      expect(rowsToArrays(table.rows).every((row) => row[column] !== '')).toBe(true);
    expect(new Set(rowsToArrays(table.rows).map((row) => row[2])).size).toBe(rows.length);
    expect(new Set(rowsToArrays(table.rows).map((row) => row[3])).size).toBe(rows.length);
  });

  it('about 2% of rows carry one problem each, of every kind', () => {
    const rows = contacts(42, 20_000);
    const withProblem = rows.filter((row) => row.problem);
    expect(withProblem.length / rows.length).toBeGreaterThan(0.015);
    expect(withProblem.length / rows.length).toBeLessThan(0.025);
    expect(new Set(withProblem.map((row) => row.problem))).toEqual(new Set(PROBLEM_KINDS));
  });

  it('a stray-comma row has one field more than the header, as when quotes are forgotten', () => {
    const stray = contacts(42, 20_000).filter((row) => row.problem === 'stray-comma');
    const table = readTable(bytes(csvFile(stray)), 'contacts.csv');
    expect(
      rowsToArrays(table.rows).every(
        (row) => row.length === CONTACT_COLUMNS_WITH_DEPARTMENT.length + 1,
      ),
    ).toBe(true);
  });
});
