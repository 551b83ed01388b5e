import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { bombXlsx, smallXlsx, understate } from '../../../e2e/fixtures/zip-bombs';
import {
  MAX_WORKBOOK_COMPRESSION_RATIO,
  MAX_WORKBOOK_PART_BYTES,
  MAX_WORKBOOK_UNPACKED_BYTES,
  MAX_XLS_BYTES,
  WORKBOOK_RATIO_FROM_BYTES,
} from '../../config/limits';
import { readTable } from './read-table';
import { readWorkbook, type WorkbookLimits } from './workbook';
import { checkZipSizes, zipDirectory } from './zip-guard';
import { rowsToArrays } from './row-store';

const MB = 1024 * 1024;
/** The wizard's own limits. */
const REAL: WorkbookLimits = {
  maxUnpackedBytes: MAX_WORKBOOK_UNPACKED_BYTES,
  maxPartBytes: MAX_WORKBOOK_PART_BYTES,
  maxCompressionRatio: MAX_WORKBOOK_COMPRESSION_RATIO,
  ratioFromBytes: WORKBOOK_RATIO_FROM_BYTES,
  maxXlsBytes: MAX_XLS_BYTES,
};
/** Small limits, so bombs that trip them are built in milliseconds. */
const SMALL: WorkbookLimits = {
  maxUnpackedBytes: 8 * MB,
  maxPartBytes: 6 * MB,
  maxCompressionRatio: 100,
  ratioFromBytes: MB,
  maxXlsBytes: 64 * 1024,
};

function sheetJsXlsx(rows: number): Uint8Array {
  const aoa: string[][] = [['firstName', 'lastName', 'workEmailAddress1', 'workMobilePhone1']];
  for (let i = 0; i < rows; i++) aoa.push([`First${i}`, `Last${i}`, `p${i}@example.com`, '0412']);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Contacts');
  return new Uint8Array(
    XLSX.write(wb, { bookType: 'xlsx', type: 'array', compression: true }) as ArrayBuffer,
  );
}

describe('zipDirectory', () => {
  it("lists each part with its stored and declared size, from the ZIP's directory", () => {
    const entries = zipDirectory(bombXlsx(3 * MB));
    const sheet = entries?.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    expect(sheet?.originalSize).toBeGreaterThan(3 * MB);
    expect(sheet?.size).toBeLessThan(10_000);
  });

  it('is undefined for bytes that are not a readable ZIP', () => {
    expect(zipDirectory(new TextEncoder().encode('PK\u0003\u0004 not really a zip'))).toBe(
      undefined,
    );
  });
});

describe('checkZipSizes', () => {
  it('lets a genuine workbook through, which then reads as usual', () => {
    const bytes = sheetJsXlsx(20_000);
    expect(checkZipSizes(bytes, SMALL)).toBeUndefined();
    expect(checkZipSizes(bytes, REAL)).toBeUndefined();
    const table = readWorkbook(bytes, { limits: REAL });
    expect(table.problems).toEqual([]);
    expect(table.rows).toHaveLength(20_001);
  });

  it('the test bomb is a real workbook: read without limits, it unpacks and has its contact', () => {
    const table = readWorkbook(bombXlsx(2 * MB));
    expect(table.rows).toEqual([['firstName'], ['Ann']]);
  });

  it('refuses a workbook that declares more than the unpacked limit, naming both limits', () => {
    const problem = checkZipSizes(bombXlsx(9 * MB), SMALL);
    expect(problem?.code).toBe('workbook-too-large-unpacked');
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toMatch(/would unpack from \d+\.\d KB to 9\.0 MB/);
    expect(problem?.message).toContain('8.0 MB unpacked in all');
    expect(problem?.message).toContain('100 times the stored size');
  });

  it('refuses a part that claims to pack far better than a spreadsheet does, and names it', () => {
    // 4 MB is within the 8 MB total; it packs some 1,000 to 1.
    const problem = checkZipSizes(bombXlsx(4 * MB), SMALL);
    expect(problem?.code).toBe('workbook-too-large-unpacked');
    expect(problem?.message).toMatch(
      /part "xl\/worksheets\/sheet1\.xml" would unpack from .* to 4\.0 MB, [\d,]+ times its stored size/,
    );
  });

  it('refuses one part larger than a browser holds as text, within the total', () => {
    const problem = checkZipSizes(bombXlsx(7 * MB), SMALL);
    expect(problem?.message).toContain(
      'its part "xl/worksheets/sheet1.xml" would unpack to 7.0 MB. The limit for one part is 6.0 MB',
    );
  });

  it('lets small parts pack as well as they like (short repetitive XML is harmless)', () => {
    // The sheet (1 MB) packs ~1,000:1 but is under the 2 MB from which the ratio counts here.
    expect(checkZipSizes(bombXlsx(MB), { ...SMALL, ratioFromBytes: 2 * MB })).toBeUndefined();
  });

  it('refuses a part whose declared size lies, stopping once it outgrows its word', () => {
    const honest = smallXlsx([
      ['firstName', 'lastName'],
      ['Ann', 'Lee'],
    ]);
    expect(checkZipSizes(honest, SMALL)).toBeUndefined();
    const liar = understate(honest, 'xl/worksheets/sheet1.xml', 10);
    const problem = checkZipSizes(liar, SMALL);
    expect(problem?.code).toBe('workbook-too-large-unpacked');
    expect(problem?.message).toContain(
      'its part "xl/worksheets/sheet1.xml" unpacks to more than its ZIP directory declares',
    );
  });

  it('a bomb that hides its size (declared small, 5 MB real) is stopped at its declared size', () => {
    // Declared 100 bytes and ratio-exempt, so only inflating tells; the check stops there.
    const liar = understate(bombXlsx(5 * MB), 'xl/worksheets/sheet1.xml', 100);
    expect(checkZipSizes(liar, SMALL)?.message).toContain('cannot be trusted');
  });

  it('with the real limits: the testers’ bombs (2 GB and 500 MB) are refused', () => {
    expect(checkZipSizes(bombXlsx(2048 * MB), REAL)?.message).toContain(
      'would unpack from 2.0 MB to 2.0 GB. The limits are 1.0 GB unpacked in all and 100 times the stored size for any part larger than 1.0 MB',
    );
    // 600 MB: within 1 GB in all, over 512 MB for one part.
    expect(checkZipSizes(bombXlsx(600 * MB), REAL)?.message).toContain(
      'would unpack to 600.0 MB. The limit for one part is 512.0 MB',
    );
    expect(checkZipSizes(bombXlsx(500 * MB), REAL)?.message).toMatch(
      /part "xl\/worksheets\/sheet1\.xml" would unpack from .* to 500\.0 MB/,
    );
  });
});

describe('readTable with workbook limits', () => {
  it('says "zip bomb" with the limits, not "no data in any of them"', () => {
    const result = readTable(bombXlsx(9 * MB), 'contacts.xlsx', {}, { workbook: SMALL });
    expect(result.problems.map((p) => p.code)).toEqual(['workbook-too-large-unpacked']);
    expect(rowsToArrays(result.rows)).toEqual([]);
  });

  it('refuses an Excel 97–2003 file over its size limit, naming the limit', () => {
    const wb = XLSX.utils.book_new();
    const rows = Array.from({ length: 3000 }, (_, i) => [`First${i}`, `Last${i}`, `p${i}@x.com`]);
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Contacts');
    const xls = new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
    expect(xls.length).toBeGreaterThan(SMALL.maxXlsBytes);
    const refused = readTable(xls, 'old.xls', {}, { workbook: SMALL });
    expect(refused.problems.map((p) => p.code)).toEqual(['workbook-too-large']);
    expect(refused.problems[0]?.message).toMatch(
      /This Excel 97–2003 workbook is [\d.]+ KB; the limit for \.xls files is 64\.0 KB/,
    );
    const read = readTable(xls, 'old.xls', {}, { workbook: REAL });
    // No header: the first contact (with its email) is a row, not the column names.
    expect(read.hasHeader).toBe(false);
    expect(read.rows).toHaveLength(3000);
  });
});
