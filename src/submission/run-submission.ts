/**
 * The submission engine: sends each part as `POST /resources` then `POST /imports`, one request
 * at a time, paced, retrying what is safe to retry (see `classifyFailure`), and reporting every
 * state change so that the UI can show it and the journal can keep it.
 *
 * The one promise it keeps above all: an import that may have reached Whispir is never sent
 * again unless the caller names its part in `options.parts` (the user's decision), so
 * `duplicate` mode never doubles contacts behind the user's back.
 */
import type { PartBody } from '../domain/submission/job-schema';
import {
  describeBodyUnavailable,
  describeCancelled,
  describeImportGaveUp,
  describeImportRefused,
  isResourceGone,
  describeImportUnknown,
  describeRetrying,
  describeUploadGaveUp,
  describeUploadRefused,
  type FailureDetail,
} from '../domain/submission/part-messages';
import {
  backoffDelay,
  classifyFailure,
  isRateLimited,
  type RequestKind,
} from '../domain/submission/retry-policy';
import {
  freezeJob,
  isResumable,
  recoverInterruptedJob,
  updatePart,
  type PartState,
  type SubmissionJob,
} from '../domain/submission/submission-job';

export interface SubmissionDeps {
  /** The part's file, from the worker or the journal. */
  getPartBody(part: number): Promise<PartBody>;
  /** `createResource` from src/api/create-resource.ts. */
  createResource(input: {
    workspaceId?: string;
    name: string;
    mimeType: SubmissionJob['mimeType'];
    /** The file's base64 text. */
    base64: Blob;
    signal?: AbortSignal;
  }): Promise<{ id: string; location: string }>;
  /** `createImport` from src/api/create-import.ts. */
  createImport(input: {
    workspaceId?: string;
    resourceId: string;
    fieldMapping: Record<string, string>;
    importMode: SubmissionJob['importMode'];
    signal?: AbortSignal;
  }): Promise<{ id: string | undefined; location: string }>;
  pacer: { wait(signal?: AbortSignal): Promise<void> };
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  /**
   * Called after every state change with a fresh, frozen job. If it returns a promise (the
   * journal write), the engine waits for it, so that "importing" is on disk before the import
   * is sent and a reload can tell that the import may have run. It must not throw.
   */
  onChange(job: SubmissionJob): void | Promise<void>;
  /** Tries per request, the first included. Default 6. */
  maxAttempts?: number;
  /**
   * Settles when imports may leave (a new import's part files all stored; ./hold-journal.ts
   * holds the import itself back too). Until then the run uploads the parts ahead, in order,
   * one request at a time, and then waits; then it sends the imports. If it rejects, the caller
   * stops the run (its signal). Absent: imports may leave at once.
   */
  importsAllowed?: Promise<void>;
  /**
   * Settles when the browser has a network connection (`waitUntilOnline`). An import is sent
   * only then: one that cannot leave the browser would otherwise count as "may have run", and
   * the person would have to decide what is certain (it was not sent).
   */
  online?: (signal?: AbortSignal) => Promise<void>;
}

export interface RunOptions {
  /**
   * Send only these parts. Naming an "unknown" part here is the user's decision to send it
   * again; without this option unknown and failed parts are left alone.
   */
  parts?: readonly number[];
  signal?: AbortSignal;
}

export const DEFAULT_MAX_ATTEMPTS = 6;

/**
 * The per-second limit is counted over a second (Part B §6.3); a retry sooner than that after
 * being rate-limited would most likely be rate-limited again.
 */
export const RATE_LIMIT_MIN_DELAY_MS = 1_000;

type AttemptResult<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | {
      readonly kind: 'fail' | 'unknown' | 'exhausted';
      readonly failure: FailureDetail;
      readonly attempts: number;
    }
  | { readonly kind: 'cancelled'; readonly inFlight: boolean };

/** Reads any thrown value as the `WhispirApiError` shape; anything else is a network failure. */
export function toFailure(error: unknown): FailureDetail {
  if (typeof error === 'object' && error !== null) {
    const record = error as { status?: unknown; errorCode?: unknown; message?: unknown };
    const message = typeof record.message === 'string' ? record.message : undefined;
    if (typeof record.status === 'number' && Number.isFinite(record.status))
      return {
        status: record.status,
        errorCode: typeof record.errorCode === 'string' ? record.errorCode : undefined,
        message,
      };
    return { status: 0, message };
  }
  return { status: 0 };
}

function withoutMessage(part: PartState): PartState {
  const { message: _message, ...rest } = part;
  return rest;
}

/**
 * Sends the job's parts in order and resolves with the job as it ended. Never rejects for a
 * Whispir or network failure (those end up in the parts); a cancel resolves too, leaving the
 * current part resumable or, if its import was on its way, unknown. One run per job at a time:
 * do not start a second run of the same job before the first resolves.
 */
export async function runSubmission(
  job: SubmissionJob,
  deps: SubmissionDeps,
  options: RunOptions = {},
): Promise<SubmissionJob> {
  const { signal } = options;
  const maxAttempts = Math.max(1, Math.floor(deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const workspaceId = job.workspaceId || undefined;
  let current = freezeJob(job);

  const change = async (partNumber: number, update: (part: PartState) => PartState) => {
    current = freezeJob(updatePart(current, partNumber, update));
    await deps.onChange(current);
  };
  const partOf = (partNumber: number) => {
    const part = current.parts.find((candidate) => candidate.part === partNumber);
    if (!part) throw new Error(`No part ${partNumber} in job ${current.id}`);
    return part;
  };

  /** One request with its retries. The in-flight status is recorded before each send. */
  async function attempt<T>(
    partNumber: number,
    kind: RequestKind,
    send: (signal?: AbortSignal) => Promise<T>,
  ): Promise<AttemptResult<T>> {
    const inFlight = kind === 'resource' ? 'uploading' : 'importing';
    const waiting = kind === 'resource' ? 'uploading' : 'resource-created';
    for (let attemptNumber = 1; ; attemptNumber++) {
      try {
        await deps.pacer.wait(signal);
      } catch (error) {
        if (signal?.aborted) return { kind: 'cancelled', inFlight: false };
        throw error;
      }
      if (signal?.aborted) return { kind: 'cancelled', inFlight: false };
      await change(partNumber, (part) => ({
        ...part,
        status: inFlight,
        attempts: part.attempts + 1,
      }));
      // A cancel during the journal write: the request has not left, so nothing can have run.
      if (signal?.aborted) return { kind: 'cancelled', inFlight: false };
      let failure: FailureDetail;
      try {
        return { kind: 'ok', value: await send(signal) };
      } catch (error) {
        if (signal?.aborted) return { kind: 'cancelled', inFlight: true };
        failure = toFailure(error);
      }
      const decision = classifyFailure(failure, kind);
      if (decision !== 'retry') return { kind: decision, failure, attempts: attemptNumber };
      if (attemptNumber >= maxAttempts)
        return { kind: 'exhausted', failure, attempts: attemptNumber };
      const jittered = backoffDelay(attemptNumber, deps.random);
      const delay = isRateLimited(failure) ? Math.max(jittered, RATE_LIMIT_MIN_DELAY_MS) : jittered;
      await change(partNumber, (part) => ({
        ...part,
        status: waiting,
        message: describeRetrying(partNumber, kind, failure, delay, attemptNumber + 1, maxAttempts),
      }));
      try {
        await deps.sleep(delay, signal);
      } catch (error) {
        if (signal?.aborted) return { kind: 'cancelled', inFlight: false };
        throw error;
      }
    }
  }

  const cancel = (partNumber: number) =>
    change(partNumber, (part) => ({
      ...part,
      status: 'cancelled',
      message: describeCancelled(partNumber, part.resourceId !== undefined),
    }));

  /**
   * Uploads one part's file: 'uploaded' (its resource is created), 'ended' (the part failed and
   * this run is done with it) or 'cancelled'.
   */
  async function uploadPart(partNumber: number): Promise<'uploaded' | 'ended' | 'cancelled'> {
    await change(partNumber, (part) => ({ ...withoutMessage(part), status: 'uploading' }));
    let body: PartBody;
    try {
      body = await deps.getPartBody(partNumber);
    } catch (error) {
      if (signal?.aborted) {
        await cancel(partNumber);
        return 'cancelled';
      }
      const detail = toFailure(error).message ?? 'unknown reason';
      await change(partNumber, (part) => ({
        ...part,
        status: 'failed',
        message: describeBodyUnavailable(partNumber, detail),
      }));
      return 'ended';
    }
    const uploaded = await attempt(partNumber, 'resource', (requestSignal) =>
      deps.createResource({
        workspaceId,
        name: body.name,
        mimeType: current.mimeType,
        base64: body.base64,
        signal: requestSignal,
      }),
    );
    if (uploaded.kind === 'cancelled') {
      // A resource that may have been created is harmless: resuming uploads the part again.
      await cancel(partNumber);
      return 'cancelled';
    }
    if (uploaded.kind !== 'ok') {
      const message =
        uploaded.kind === 'fail'
          ? describeUploadRefused(partNumber, uploaded.failure)
          : describeUploadGaveUp(partNumber, uploaded.failure, uploaded.attempts);
      await change(partNumber, (part) => ({ ...part, status: 'failed', message }));
      return 'ended';
    }
    await change(partNumber, (part) => ({
      ...withoutMessage(part),
      status: 'resource-created',
      resourceId: uploaded.value.id,
      ...(uploaded.value.location && { resourceLocation: uploaded.value.location }),
    }));
    return 'uploaded';
  }

  /** Sends one part; resolves false when the run was cancelled. */
  async function sendPart(partNumber: number): Promise<boolean> {
    if (!partOf(partNumber).resourceId) {
      const uploaded = await uploadPart(partNumber);
      if (uploaded !== 'uploaded') return uploaded === 'ended';
    } else {
      await change(partNumber, (part) => ({ ...withoutMessage(part), status: 'resource-created' }));
    }

    const resourceId = partOf(partNumber).resourceId ?? '';
    if (deps.online) {
      try {
        await deps.online(signal);
      } catch {
        await cancel(partNumber);
        return false;
      }
    }
    const imported = await attempt(partNumber, 'import', (requestSignal) =>
      deps.createImport({
        workspaceId,
        resourceId,
        fieldMapping: { ...current.fieldMapping },
        importMode: current.importMode,
        signal: requestSignal,
      }),
    );
    switch (imported.kind) {
      case 'ok':
        await change(partNumber, (part) => ({
          ...withoutMessage(part),
          status: 'accepted',
          ...(imported.value.id && { importId: imported.value.id }),
          ...(imported.value.location && { importLocation: imported.value.location }),
        }));
        return true;
      case 'cancelled':
        if (imported.inFlight) {
          await change(partNumber, (part) => ({
            ...part,
            status: 'unknown',
            message: describeImportUnknown(partNumber, 'cancelled', current.importMode),
          }));
        } else {
          await cancel(partNumber);
        }
        return false;
      case 'unknown':
        await change(partNumber, (part) => ({
          ...part,
          status: 'unknown',
          message: describeImportUnknown(
            partNumber,
            imported.failure.status === 0 ? 'network' : 'server',
            current.importMode,
            imported.failure.status,
          ),
        }));
        return true;
      case 'exhausted':
        // Only rate-limit answers are retried, and those certainly did not start the import.
        await change(partNumber, (part) => ({
          ...part,
          status: 'failed',
          message: describeImportGaveUp(partNumber, imported.attempts),
        }));
        return true;
      case 'fail': {
        // The resource has most likely expired: forget it so a retry uploads again.
        const forgetResource = isResourceGone(imported.failure);
        await change(partNumber, (part) => {
          const { resourceId: _id, resourceLocation: _location, ...rest } = part;
          return {
            ...(forgetResource ? rest : part),
            status: 'failed',
            message: describeImportRefused(partNumber, imported.failure),
          };
        });
        return true;
      }
    }
  }

  const recovered = recoverInterruptedJob(current);
  if (recovered !== current) {
    current = freezeJob(recovered);
    await deps.onChange(current);
  }

  const chosen = options.parts ? new Set(options.parts) : undefined;
  const selected = current.parts
    .filter((part) => part.status !== 'accepted')
    .filter((part) => (chosen ? chosen.has(part.part) : isResumable(part)))
    .map((part) => part.part)
    .sort((a, b) => a - b);

  // While imports may not leave yet, the parts' files are uploaded ahead, in order (a resource
  // no import uses is harmless, ADR 005): the request slots are not left idle meanwhile. Parts
  // that failed here are done with for this run.
  const ended = new Set<number>();
  if (deps.importsAllowed) {
    let allowed = false;
    const whenAllowed = new Promise<void>((resolve) => {
      const settle = () => {
        allowed = true;
        resolve();
      };
      deps.importsAllowed?.then(settle, settle);
      // A cancel ends the wait too; the loop below then stops.
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    for (const [index, partNumber] of selected.entries()) {
      if (allowed || signal?.aborted) break;
      if (partOf(partNumber).resourceId) continue;
      const uploaded = await uploadPart(partNumber);
      if (uploaded === 'ended') ended.add(partNumber);
      if (uploaded === 'cancelled') {
        for (const other of selected.slice(index + 1)) await releaseUntouched(other);
        return current;
      }
    }
    await whenAllowed;
  }

  for (const [index, partNumber] of selected.entries()) {
    if (signal?.aborted) {
      for (const other of selected.slice(index)) await releaseUntouched(other);
      break;
    }
    if (ended.has(partNumber)) continue;
    const finished = await sendPart(partNumber);
    if (!finished) {
      for (const other of selected.slice(index + 1)) await releaseUntouched(other);
      break;
    }
  }
  return current;

  /** A part this run meant to send but did not reach: back to a plain resumable state. */
  async function releaseUntouched(partNumber: number) {
    const part = partOf(partNumber);
    // An unknown part stays unknown: the user's choice to resend it applied to this run only.
    // One that failed in this run keeps its failure.
    if (ended.has(partNumber)) return;
    if (part.status !== 'failed' && part.status !== 'cancelled') return;
    await change(partNumber, (before) => ({
      ...withoutMessage(before),
      status: before.resourceId ? 'resource-created' : 'pending',
    }));
  }
}
