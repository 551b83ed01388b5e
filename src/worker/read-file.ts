/**
 * Reads a dropped file into a table of text cells. Runs inside the worker.
 */
import Papa from 'papaparse';
import type { Detection, IntakeProblemView } from './protocol';

export interface ContactTable {
  readonly headers: string[];
  readonly rows: string[][];
  readonly rowNumbers: number[];
  readonly problems: IntakeProblemView[];
  readonly detections: Detection[];
}

export async function readContactFile(file: File): Promise<ContactTable> {
  const text = (await file.text()).replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const records = parsed.data;
  const problems: IntakeProblemView[] = [];
  const headerRecord = records[0] ?? [];
  const headers = headerRecord.map((name, index) => name.trim() || `Column ${index + 1}`);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i] ?? [];
    const rowNumber = i + 1;
    if (record.length === 1 && record[0] === '') continue;
    if (record.length !== headers.length) {
      problems.push({
        code: 'row-width',
        row: rowNumber,
        severity: 'error',
        message: `Row ${rowNumber} has ${record.length} fields, the header has ${headers.length}${
          record.length > headers.length ? ' — is there an unquoted comma?' : '.'
        }`,
      });
    }
    rows.push(record);
    rowNumbers.push(rowNumber);
  }
  return {
    headers,
    rows,
    rowNumbers,
    problems,
    detections: [{ label: 'Format', value: 'CSV' }],
  };
}
