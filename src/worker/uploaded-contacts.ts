/**
 * Test support: the contacts a review would send, built through the real upload (CSV parts) and
 * read back through its fieldMapping, as the sandbox reads them. Nothing in the app imports it.
 */
import Papa from 'papaparse';
import { partFile, prepareUpload } from '../domain/resource/upload-plan';
import type { ReviewSession } from './review-session';

export function uploadedContacts(session: ReviewSession): Record<string, string>[] {
  const input = session.uploadInput();
  const prepared = prepareUpload(input.headers, input.rows, input.mapping, 'csv', 'c.csv');
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
