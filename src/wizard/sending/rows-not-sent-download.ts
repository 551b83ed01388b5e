/**
 * "Download the rows not sent": the files of the parts not accepted, read back from this
 * browser's journal and written as one spreadsheet-safe CSV (src/domain/export/rows-not-sent.ts).
 */
import { buildRowsNotSentCsv, rowsNotSentFileName } from '../../domain/export/rows-not-sent';
import { SPREADSHEET_CSV_TYPE } from '../../domain/export/spreadsheet-file';
import { decodeBase64Utf8 } from '../../domain/resource/build-resource';
import { unsentParts, type SubmissionJob } from '../../domain/submit/submission-job';
import type { Journal } from '../../submit/journal';
import { downloadFile } from '../download';

export async function downloadRowsNotSent(journal: Journal, job: SubmissionJob): Promise<void> {
  const files: string[] = [];
  for (const part of unsentParts(job)) {
    const body = await journal.loadPartBody(job.id, part.part);
    if (body) files.push(decodeBase64Utf8(body.base64));
  }
  downloadFile(
    rowsNotSentFileName(job.fileName),
    buildRowsNotSentCsv(job.mimeType, files),
    SPREADSHEET_CSV_TYPE,
  );
}
