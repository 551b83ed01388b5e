/**
 * Schemas for what the journal reads back from IndexedDB. A record written by an older version
 * of the app, or damaged, fails to parse and is skipped rather than crashing the start-up.
 */
import { z } from 'zod';
import { IMPORT_MODES } from '../whispir/import-modes';
import type { PartState, SubmissionJob } from './submission-job';

const count = z.number().int().nonnegative();

export const partStateSchema = z.object({
  part: z.number().int().positive(),
  start: count,
  end: count,
  rowCount: count,
  requestBytes: count,
  status: z.enum([
    'pending',
    'uploading',
    'resource-created',
    'importing',
    'accepted',
    'unknown',
    'failed',
    'cancelled',
  ]),
  resourceId: z.string().min(1).optional(),
  resourceLocation: z.string().optional(),
  importId: z.string().min(1).optional(),
  importLocation: z.string().optional(),
  attempts: count,
  message: z.string().optional(),
}) satisfies z.ZodType<PartState>;

export const submissionJobSchema = z.object({
  id: z.string().min(1),
  createdAt: z.string(),
  fileName: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  importMode: z.enum(IMPORT_MODES),
  fieldMapping: z.record(z.string(), z.string()),
  mimeType: z.enum(['text/csv', 'application/json', 'application/xml']),
  resourceNameBase: z.string(),
  parts: z.array(partStateSchema).min(1),
  notSent: z
    .object({ skipped: z.number().int().min(0), rejected: z.number().int().min(0) })
    .optional(),
  reportDelimiter: z.enum([',', ';']).optional(),
}) satisfies z.ZodType<SubmissionJob>;

/**
 * A part's file as it is sent and kept: its name and its base64 text, in a `Blob`, a handle the
 * page passes on to the journal and the upload without ever making a string of a 13 MB file
 * (docs/decisions/005-submission-retries-and-journal.md, "Part files as Blobs"). Records kept
 * before that hold the base64 as a string; they are read into a Blob.
 */
export const partBodySchema = z.object({
  name: z.string().min(1),
  base64: z.union([
    z.instanceof(Blob),
    z.string().transform((text) => new Blob([text], { type: 'text/plain' })),
  ]),
});
export type PartBody = z.output<typeof partBodySchema>;
