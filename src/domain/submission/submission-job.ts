/**
 * The submission job: what is being sent, part by part, and how far each part got. It is the
 * record the engine updates, the UI shows and the journal keeps across reloads, so it holds only
 * plain data, and no secret: credentials live in the proxy, ids are not secrets, and `Location`
 * URLs are stored without their `apikey` query parameter.
 */
import type { ReportDelimiter } from '../export/spreadsheet-file';
import type { PartPlan } from '../resource/parts';
import type { ImportMode } from '../whispir/import-modes';
import { describeInterruptedImport, describeMarkedDone } from './part-messages';
import { removeUrlSecrets } from '../whispir/url-secrets';

export type PartStatus =
  | 'pending'
  | 'uploading'
  | 'resource-created'
  | 'importing'
  | 'accepted'
  | 'unknown'
  | 'failed'
  | 'cancelled';

export interface PartState {
  /** 1-based, as shown to the user. */
  readonly part: number;
  /** Rows `start` (inclusive) to `end` (exclusive) of the rows being sent. */
  readonly start: number;
  readonly end: number;
  readonly rowCount: number;
  readonly requestBytes: number;
  readonly status: PartStatus;
  readonly resourceId?: string;
  readonly resourceLocation?: string;
  readonly importId?: string;
  readonly importLocation?: string;
  /** Requests sent for this part so far, uploads and imports, over every run. */
  readonly attempts: number;
  /** Plain words: what happened and what the user can do. */
  readonly message?: string;
}

export type SubmissionMimeType = 'text/csv' | 'application/json' | 'application/xml';

export interface SubmissionJob {
  readonly id: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly fileName: string;
  /** '' = the default workspace (root paths). */
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly importMode: ImportMode;
  readonly fieldMapping: Readonly<Record<string, string>>;
  readonly mimeType: SubmissionMimeType;
  readonly resourceNameBase: string;
  readonly parts: readonly PartState[];
  /**
   * The file's rows that are in no part: skipped by the person, or rejected with a reason. Kept
   * with the job so that after a reload every row of the file is still accounted for.
   */
  readonly notSent?: NotSentCounts;
  /**
   * The delimiter the downloads of this job's rows are written with: the one the person's file
   * came with (absent in jobs kept before 1 Dec 2026: a comma).
   */
  readonly reportDelimiter?: ReportDelimiter;
}

export interface NotSentCounts {
  readonly skipped: number;
  readonly rejected: number;
}

/** The engine leaves every part in one of these when it is finished or cancelled. */
export const TERMINAL_STATUSES: readonly PartStatus[] = ['accepted', 'unknown', 'failed'];
/** A part in one of these is sent by a plain resume, without asking the user. */
export const RESUMABLE_STATUSES: readonly PartStatus[] = [
  'pending',
  'resource-created',
  'cancelled',
];

export const isTerminal = (part: PartState) => TERMINAL_STATUSES.includes(part.status);
export const isResumable = (part: PartState) => RESUMABLE_STATUSES.includes(part.status);

export interface CreateJobInput {
  readonly fileName: string;
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly importMode: ImportMode;
  readonly fieldMapping: Readonly<Record<string, string>>;
  readonly mimeType: SubmissionMimeType;
  readonly resourceNameBase: string;
  readonly plan: readonly PartPlan[];
  readonly notSent?: NotSentCounts;
  readonly reportDelimiter?: ReportDelimiter;
  /** Defaults to a random UUID. */
  readonly id?: string;
  /** Defaults to now. */
  readonly createdAt?: string;
}

/** A new job with every part of the plan pending. */
export function createJob(input: CreateJobInput): SubmissionJob {
  const { plan, id, createdAt, fieldMapping, ...rest } = input;
  return {
    id: id ?? crypto.randomUUID(),
    createdAt: createdAt ?? new Date().toISOString(),
    ...rest,
    fieldMapping: { ...fieldMapping },
    parts: plan.map((part) => ({
      part: part.part,
      start: part.start,
      end: part.end,
      rowCount: part.end - part.start,
      requestBytes: part.requestBytes,
      status: 'pending',
      attempts: 0,
    })),
  };
}

/** The job with one part replaced by `update(part)`; locations are stripped of secrets. */
export function updatePart(
  job: SubmissionJob,
  partNumber: number,
  update: (part: PartState) => PartState,
): SubmissionJob {
  return {
    ...job,
    parts: job.parts.map((part) => (part.part === partNumber ? sanitisePart(update(part)) : part)),
  };
}

/** The job with every `Location` stripped of secret query parameters, ready to be kept. */
export function sanitiseJob(job: SubmissionJob): SubmissionJob {
  return { ...job, parts: job.parts.map(sanitisePart) };
}

function sanitisePart(part: PartState): PartState {
  return {
    ...part,
    ...(part.resourceLocation !== undefined && {
      resourceLocation: removeUrlSecrets(part.resourceLocation),
    }),
    ...(part.importLocation !== undefined && {
      importLocation: removeUrlSecrets(part.importLocation),
    }),
  };
}

/**
 * The user checked Whispir and says an "unknown" part did arrive. Only an unknown part can be
 * marked; any other part is returned unchanged (its state is known).
 */
export function markPartDone(job: SubmissionJob, partNumber: number): SubmissionJob {
  const target = job.parts.find((part) => part.part === partNumber);
  if (target?.status !== 'unknown') return job;
  return updatePart(job, partNumber, (part) => ({
    ...part,
    status: 'accepted',
    message: describeMarkedDone(part.part),
  }));
}

/**
 * A job read back after the page was closed mid-run. A part caught in `importing` may have
 * reached Whispir, so it becomes `unknown` (the user decides); one caught in `uploading` only
 * loses an upload, which is safe to repeat.
 */
export function recoverInterruptedJob(job: SubmissionJob): SubmissionJob {
  if (!job.parts.some((part) => part.status === 'importing' || part.status === 'uploading'))
    return job;
  return {
    ...job,
    parts: job.parts.map((part) => {
      if (part.status === 'importing')
        return {
          ...part,
          status: 'unknown',
          message: describeInterruptedImport(part.part, job.importMode),
        };
      if (part.status === 'uploading')
        return { ...part, status: part.resourceId ? 'resource-created' : 'pending' };
      return part;
    }),
  };
}

/** Parts whose rows Whispir has not confirmed: what "download what was not sent" offers. */
export function unsentParts(job: SubmissionJob): PartState[] {
  return job.parts.filter((part) => part.status !== 'accepted');
}

export interface JobSummary {
  readonly parts: number;
  readonly accepted: number;
  readonly unknown: number;
  readonly failed: number;
  /** Parts still to send: pending, resource created, cancelled or in flight. */
  readonly pending: number;
  readonly rowsAccepted: number;
  /** Rows of every part not accepted, unknown ones included (Whispir has not confirmed them). */
  readonly rowsNotSent: number;
  /** Every part accepted: nothing is left for the user to do. */
  readonly done: boolean;
}

export function summariseJob(job: SubmissionJob): JobSummary {
  const count = (status: PartStatus) => job.parts.filter((part) => part.status === status).length;
  const accepted = count('accepted');
  const unknown = count('unknown');
  const failed = count('failed');
  const rowsAccepted = job.parts
    .filter((part) => part.status === 'accepted')
    .reduce((sum, part) => sum + part.rowCount, 0);
  const rowsTotal = job.parts.reduce((sum, part) => sum + part.rowCount, 0);
  return {
    parts: job.parts.length,
    accepted,
    unknown,
    failed,
    pending: job.parts.length - accepted - unknown - failed,
    rowsAccepted,
    rowsNotSent: rowsTotal - rowsAccepted,
    done: accepted === job.parts.length,
  };
}

/** A deep-frozen copy, so a listener can keep it and nobody can change it under the engine. */
export function freezeJob(job: SubmissionJob): SubmissionJob {
  return Object.freeze({
    ...job,
    fieldMapping: Object.freeze({ ...job.fieldMapping }),
    parts: Object.freeze(job.parts.map((part) => Object.freeze({ ...part }))),
  });
}
