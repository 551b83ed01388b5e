import type { FileSummary } from '../../worker/protocol';

/** Up to `limit` distinct non-empty sample values per column, from the preview rows. */
export function columnSamples(file: FileSummary, limit = 3): Map<string, string[]> {
  const samples = new Map<string, string[]>();
  file.headers.forEach((header, index) => {
    const values: string[] = [];
    for (const row of file.previewRows) {
      const value = row[index]?.trim();
      if (value && !values.includes(value)) values.push(value);
      if (values.length >= limit) break;
    }
    samples.set(header, values);
  });
  return samples;
}
