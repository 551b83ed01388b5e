import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../mapping/mapping';
import { FORMAT_WRITERS, writeFile } from './formats';
import { mergePartFiles } from './merge-parts';
import { partFile, prepareUpload } from './upload-plan';

const headers = ['First', 'Last', 'Mobile'];
const rows = Array.from({ length: 300 }, (_, i) => [
  `Zoë ${i}`,
  `Lee, ${i}`,
  `6141234${String(i).padStart(4, '0')}`,
]);
const mapping: ColumnMapping = {
  firstName: { kind: 'column', column: 'First' },
  lastName: { kind: 'column', column: 'Last' },
  workMobilePhone1: { kind: 'column', column: 'Mobile' },
};

describe('mergePartFiles', () => {
  for (const format of ['csv', 'json', 'xml'] as const) {
    it(`joins ${format} parts back into one file with every record once, in order`, () => {
      const result = prepareUpload(headers, rows, mapping, format, 'x.csv', 6_000);
      if (!result.ok) throw new Error(result.message);
      const files = result.upload.parts.map((part) => partFile(result.upload, part));
      expect(files.length).toBeGreaterThan(2);
      const merged = mergePartFiles(result.upload.mimeType, files);
      const whole = writeFile(
        FORMAT_WRITERS[format],
        result.upload.columns,
        result.upload.records(0, rows.length),
      );
      if (format === 'csv')
        expect(Papa.parse(merged.trim()).data).toEqual(Papa.parse(whole.trim()).data);
      if (format === 'json') expect(JSON.parse(merged)).toEqual(JSON.parse(whole));
      if (format === 'xml') expect(merged.replace(/\s+/g, '')).toBe(whole.replace(/\s+/g, ''));
    });
  }
});
