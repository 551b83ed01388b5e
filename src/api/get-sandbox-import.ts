import { PROXY_HEADERS } from './whispir-http';
import { sandboxImportSchema, type SandboxImport } from '../domain/whispir/api-schemas';

/**
 * The sandbox-only import outcome. Whispir itself has no such endpoint (Part A §10); the UI
 * labels what it shows from here as sandbox-only.
 */
export async function getSandboxImport(
  importId: string,
  signal?: AbortSignal,
): Promise<SandboxImport> {
  const response = await fetch(`/api/sandbox/imports/${encodeURIComponent(importId)}`, {
    signal,
    headers: PROXY_HEADERS,
  });
  if (!response.ok)
    throw new Error(`The sandbox has no record of import ${importId} (${response.status}).`);
  return sandboxImportSchema.parse(await response.json());
}

/** Polls until the sandbox has finished the import, or the signal aborts. */
export async function waitForSandboxImport(
  importId: string,
  signal?: AbortSignal,
  intervalMs = 250,
): Promise<SandboxImport> {
  for (;;) {
    const outcome = await getSandboxImport(importId, signal);
    if (outcome.state === 'done' || outcome.state === 'failed') return outcome;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    signal?.throwIfAborted();
  }
}
