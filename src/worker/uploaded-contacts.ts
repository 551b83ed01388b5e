/**
 * Test support: the contacts a review would send, built through the real upload (CSV parts) and
 * read back through its fieldMapping, as the sandbox reads them. Nothing in the app imports it.
 */
import Papa from 'papaparse';
import { runSteps } from '../domain/progress/steps';
import { partFile, preparingUpload } from '../domain/resource/upload-plan';
import type { ReviewSession } from './review-session';

export function uploadedContacts(session: ReviewSession): Record<string, string>[] {
  const input = session.uploadInput();
  // As the worker prepares it: the parts' records are made again from the review's rows.
  const prepared = runSteps(
    preparingUpload({
      headers: input.headers,
      rows: input.rows,
      total: input.rowCount,
      mapping: input.mapping,
      format: 'csv',
      fileName: 'c.csv',
      rowAt: input.rowAt,
    }),
  );
  if (!prepared.ok) throw new Error(prepared.message);
  const text = prepared.upload.parts.map((part) => partFile(prepared.upload, part)).join('');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return parsed.data.map((record) =>
    Object.fromEntries(
      Object.entries(prepared.upload.fieldMapping).map(([field, column]) => [
        field,
        record[column] ?? '',
      ]),
    ),
  );
}
