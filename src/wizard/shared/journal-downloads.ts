/**
 * Files made from the part files kept in this browser's journal, written as one spreadsheet-safe
 * CSV by the one writer (src/domain/export/rows-not-sent.ts): the rows not sent (parts not
 * accepted), and the rows sent (parts accepted), exactly as they went to Whispir; and the
 * rejected-rows report kept beside them when the import started.
 */
import { rejectedReportFileName } from '../../domain/export/rejected-report';
import { buildPartRowsCsv, rowsNotSentFileName } from '../../domain/export/rows-not-sent';
import { SPREADSHEET_CSV_TYPE } from '../../domain/export/spreadsheet-file';
import { decodeBase64Utf8 } from '../../domain/resource/build-resource';
import {
  unsentParts,
  type SubmissionMimeType,
  type SubmissionJob,
} from '../../domain/submission/submission-job';
import type { Journal } from '../../submission/journal';
import { downloadFile } from '../download';

async function partTexts(journal: Journal, jobId: string, parts: readonly number[]) {
  const files: string[] = [];
  for (const part of parts) {
    const body = await journal.loadPartBody(jobId, part);
    if (body) files.push(decodeBase64Utf8(await body.base64.text()));
  }
  return files;
}

export async function downloadRowsNotSent(journal: Journal, job: SubmissionJob): Promise<void> {
  const files = await partTexts(
    journal,
    job.id,
    unsentParts(job).map((part) => part.part),
  );
  downloadFile(
    rowsNotSentFileName(job.fileName),
    buildPartRowsCsv(job.mimeType, files, job.reportDelimiter),
    SPREADSHEET_CSV_TYPE,
  );
}

/** The rows of the accepted parts, as they were sent. */
export async function downloadRowsSent(
  journal: Journal,
  sent: {
    readonly jobId: string;
    readonly fileName: string;
    readonly mimeType: SubmissionMimeType;
    readonly reportDelimiter?: SubmissionJob['reportDelimiter'];
    readonly parts: readonly number[];
  },
): Promise<void> {
  const files = await partTexts(journal, sent.jobId, sent.parts);
  const base = sent.fileName.replace(/\.[^.]+$/, '') || 'contacts';
  downloadFile(
    `${base}-sent.csv`,
    buildPartRowsCsv(sent.mimeType, files, sent.reportDelimiter),
    SPREADSHEET_CSV_TYPE,
  );
}

/** The rows no part holds (skipped, rejected) with their reasons, as kept with the job. */
export async function downloadRejectedReport(journal: Journal, job: SubmissionJob): Promise<void> {
  const csv = await journal.loadReport(job.id);
  if (csv === undefined)
    throw new Error('this browser did not keep the report of the rows not sent.');
  downloadFile(rejectedReportFileName(job.fileName), csv, SPREADSHEET_CSV_TYPE);
}
