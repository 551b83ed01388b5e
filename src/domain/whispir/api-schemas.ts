/**
 * zod schemas of the Whispir responses the wizard reads. Parsed at the boundary so nothing
 * unchecked reaches a component. Unknown fields pass through untouched.
 */
import { z } from 'zod';

export const linkSchema = z.object({
  uri: z.string(),
  rel: z.string(),
  method: z.string(),
});

export const workspaceSchema = z.object({
  id: z.string(),
  projectName: z.string(),
  projectNumber: z.string().optional(),
  status: z.string().optional(),
  link: z.array(linkSchema).optional(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const workspaceListSchema = z.object({
  workspaces: z.array(workspaceSchema).default([]),
  status: z.string().optional(),
  /** The list's own links: `next` and `prev` when it is paged. */
  link: z.array(linkSchema).optional(),
});

export const resourceCreatedSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  link: z.array(linkSchema).optional(),
});

/** Whispir's standard error body (Part B §6.1); gateway errors carry only `message`. */
export const apiErrorSchema = z.union([
  z.object({
    errorSummary: z.string().optional(),
    errorText: z.string(),
    errorDetail: z.unknown().optional(),
  }),
  z.object({ message: z.string() }),
]);
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** The sandbox-only import outcome (not part of Whispir's API). */
export const sandboxImportSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string().optional(),
  state: z.enum(['queued', 'processing', 'done', 'failed']),
  rows: z.object({
    total: z.number(),
    created: z.number(),
    updated: z.number(),
    skipped: z.number(),
    failed: z.number(),
  }),
  failures: z.array(z.object({ row: z.number(), reason: z.string() })).default([]),
});
export type SandboxImport = z.infer<typeof sandboxImportSchema>;
