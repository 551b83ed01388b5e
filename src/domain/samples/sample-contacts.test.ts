import { describe, expect, it } from 'vitest';
import { readTable } from '../intake/read-table';
import { SAMPLE_ROWS, sampleCsv, sampleJson, sampleXml } from './sample-contacts';
import { rowsToArrays } from '../intake/row-store';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sample files', () => {
  it('the CSV reads back with every row, and reports its stray comma', () => {
    const table = readTable(bytes(sampleCsv()), 'sample.csv');
    expect(rowsToArrays(table.rows)).toHaveLength(SAMPLE_ROWS.length + 1);
    expect(rowsToArrays(table.rows)[1]?.[3]).toBe('0412 345 002');
    expect(table.problems.map((p) => p.message)).toContain(
      `Row ${SAMPLE_ROWS.length + 2} has 8 fields, the header has 7 — is there an unquoted comma?`,
    );
  });

  it.each([
    ['JSON', sampleJson, 'sample.json'],
    ['XML', sampleXml, 'sample.xml'],
  ] as const)('the %s sample reads back with every row and accents intact', (_name, make, file) => {
    const table = readTable(bytes(make()), file);
    expect(rowsToArrays(table.rows)).toHaveLength(SAMPLE_ROWS.length);
    expect(rowsToArrays(table.rows).map((row) => row[0])).toContain('François');
  });
});
