import { waitForSandboxImport } from '../../api/get-sandbox-import';
import { IS_SANDBOX } from '../../config/build-info';
import type { SubmissionJob } from '../../domain/submission/submission-job';
import type { SubmitOutcome } from '../wizard-state';

/**
 * The sandbox's own report of an import, or none when it cannot give one (restarted, or slower
 * than the wait): the report only adds to the result, so its absence never holds the result up.
 */
async function sandboxReport(importId: string, signal?: AbortSignal) {
  try {
    return await waitForSandboxImport(importId, signal);
  } catch {
    return undefined;
  }
}

/** The result of a job: its accepted parts, with the sandbox's report of each when there is one. */
export async function outcomeOf(
  job: SubmissionJob,
  accounting?: SubmitOutcome['accounting'],
  signal?: AbortSignal,
): Promise<SubmitOutcome> {
  const accepted = job.parts.filter((part) => part.status === 'accepted');
  const parts = await Promise.all(
    accepted.map(async (part) => ({
      part: part.part,
      rows: part.rowCount,
      resourceId: part.resourceId ?? '',
      importId: part.importId,
      importLocation: part.importLocation ?? '',
      sandbox: IS_SANDBOX && part.importId ? await sandboxReport(part.importId, signal) : undefined,
    })),
  );
  const rowsSent = accepted.reduce((sum, part) => sum + part.rowCount, 0);
  return {
    rowsSent,
    // Rows of parts not accepted were not sent: they count as rejected, with the rest.
    accounting: accounting && {
      ...accounting,
      sent: rowsSent,
      rejected: accounting.rejected + (accounting.sent - rowsSent),
    },
    fieldMapping: job.fieldMapping,
    parts,
  };
}
