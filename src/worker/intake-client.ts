/**
 * The only module that knows `Worker`: async functions over the intake worker's protocol.
 * Cancelling a read ends the worker (a parse in progress cannot be interrupted otherwise) and
 * starts a fresh one; checking rows and preparing the upload stop on their AbortSignal and keep
 * the file.
 */
import { mappingSignature, type ColumnMapping } from '../domain/mapping/mapping';
import type { ResourceFormat, ResourceMimeType } from '../domain/resource/formats';
import type { SentContact } from '../domain/submission/verification';
import {
  deliverAnswer,
  requestMessage,
  type AnswerHandlers,
  type CodedValues,
  type CommandName,
  type FileSummary,
  type FixKind,
  type IntakeOverrides,
  type PartBody,
  type ReadProgress,
  type RequestOf,
  type ResponseOf,
  type ReviewFilter,
  type ReviewSummary,
  type ReviewWindow,
  type SubmitPolicy,
  type UploadSummary,
  type WorkerInbound,
  type WorkerResponse,
} from './protocol';

interface Pending {
  /** The one command this request asked, with where its answer goes. */
  readonly answers: AnswerHandlers;
  readonly command: CommandName;
  readonly reject: (error: Error) => void;
  readonly onPreview?: (summary: FileSummary) => void;
  readonly onProgress?: (progress: ReadProgress) => void;
}

export interface ReadCallbacks {
  readonly onPreview?: (summary: FileSummary) => void;
  readonly onProgress?: (progress: ReadProgress) => void;
}

export interface TaskOptions {
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Aborting stops the work in the worker within a few tens of milliseconds. */
  readonly signal?: AbortSignal;
}

export class IntakeCancelled extends Error {
  constructor(message = 'Reading was cancelled.') {
    super(message);
    this.name = 'IntakeCancelled';
  }
}

/** One check of every row, shared by the callers that want the same mapping checked. */
interface SharedCheck {
  readonly signature: string;
  readonly controller: AbortController;
  readonly result: Promise<ReviewSummary>;
  readonly listeners: Set<(progress: ReadProgress) => void>;
  users: number;
}

const stoppedByCaller = () => new IntakeCancelled('Stopped at your request.');

export class IntakeClient {
  private worker: Worker;
  private closed = false;
  private check: SharedCheck | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./intake.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
    worker.onerror = (event) => {
      this.rejectAll(new Error(`The file reader stopped unexpectedly: ${event.message}`));
    };
    return worker;
  }

  private receive(message: WorkerResponse): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'preview':
        pending.onPreview?.(message.value);
        return;
      case 'progress':
        pending.onProgress?.(message.value);
        return;
      case 'result':
        this.pending.delete(message.id);
        if (!deliverAnswer(message, pending.answers))
          pending.reject(
            new Error(`The file reader answered “${message.command}” to “${pending.command}”.`),
          );
        return;
      case 'error':
        this.pending.delete(message.id);
        pending.reject(
          message.cancelled ? new IntakeCancelled(message.message) : new Error(message.message),
        );
    }
  }

  private rejectAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private request<K extends CommandName>(
    command: K,
    body: RequestOf<K>,
    callbacks: ReadCallbacks = {},
    signal?: AbortSignal,
  ): Promise<ResponseOf<K>> {
    const id = this.nextId++;
    if (this.closed) {
      this.worker = this.spawn();
      this.closed = false;
    }
    return new Promise<ResponseOf<K>>((resolve, reject) => {
      if (signal?.aborted) {
        reject(stoppedByCaller());
        return;
      }
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.worker.postMessage({ type: 'cancel', target: id } satisfies WorkerInbound);
        reject(stoppedByCaller());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settled = () => signal?.removeEventListener('abort', onAbort);
      const answers: AnswerHandlers = {};
      answers[command] = (value: ResponseOf<K>) => {
        settled();
        resolve(value);
      };
      this.pending.set(id, {
        answers,
        command,
        reject: (error) => {
          settled();
          reject(error);
        },
        ...callbacks,
      });
      this.worker.postMessage(requestMessage(command, id, body));
    });
  }

  /** Reads a file; large files report a first look and progress before the full summary. */
  open(file: File, callbacks?: ReadCallbacks): Promise<FileSummary> {
    this.dropCheck();
    return this.request('open', { file }, callbacks);
  }

  /** Reads the same file again with the user's choices (encoding, delimiter, header, sheet). */
  reread(overrides: IntakeOverrides, callbacks?: ReadCallbacks): Promise<FileSummary> {
    // The rows are about to change: a check of the old ones would only hold the read up.
    this.dropCheck();
    return this.request('reread', { overrides }, callbacks);
  }

  rows(start: number, count: number): Promise<{ rows: string[][]; rowNumbers: number[] }> {
    return this.request('rows', { start, count });
  }

  /** Builds the upload in the worker and plans its parts (progress as it goes). */
  prepareUpload(
    mapping: ColumnMapping,
    format: ResourceFormat,
    { onProgress, signal }: TaskOptions = {},
  ): Promise<UploadSummary> {
    return this.request('prepare-upload', { mapping, format }, { onProgress }, signal);
  }

  /** The file of one part (1-based) of the prepared upload, its base64 text in a Blob. */
  partBody(part: number): Promise<PartBody> {
    return this.request('part-body', { part });
  }

  /** Up to `size` rows spread through a sent part's file, read in the worker (`samplePart`). */
  partSample(
    base64: Blob,
    mimeType: ResourceMimeType,
    fieldMapping: Readonly<Record<string, string>>,
    size: number,
  ): Promise<SentContact[]> {
    return this.request('part-sample', { base64, mimeType, fieldMapping, size });
  }

  /**
   * Checks every row against the mapping (progress as it goes). Keeps the edits and skips made
   * so far when the mapping is the one already under review. Callers asking for the same
   * mapping while its check runs share it: the mapping step starts it ahead, the review joins
   * it. A check stops when its last caller stops, or when another mapping is asked for.
   */
  validate(
    mapping: ColumnMapping,
    { onProgress, signal }: TaskOptions = {},
  ): Promise<ReviewSummary> {
    if (signal?.aborted) return Promise.reject(stoppedByCaller());
    const signature = mappingSignature(mapping);
    let check = this.check;
    if (!check || check.signature !== signature) {
      check?.controller.abort();
      check = this.startCheck(mapping, signature);
    }
    return this.joinCheck(check, onProgress, signal);
  }

  private dropCheck(): void {
    this.check?.controller.abort();
    this.check = undefined;
  }

  private startCheck(mapping: ColumnMapping, signature: string): SharedCheck {
    const controller = new AbortController();
    const listeners = new Set<(progress: ReadProgress) => void>();
    const result = this.request(
      'validate',
      { mapping },
      { onProgress: (progress) => listeners.forEach((listener) => listener(progress)) },
      controller.signal,
    );
    const check: SharedCheck = { signature, controller, result, listeners, users: 0 };
    this.check = check;
    const forget = () => {
      if (this.check === check) this.check = undefined;
    };
    result.then(forget, forget);
    return check;
  }

  private joinCheck(
    check: SharedCheck,
    onProgress: ((progress: ReadProgress) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<ReviewSummary> {
    if (signal?.aborted) return Promise.reject(stoppedByCaller());
    check.users++;
    if (onProgress) check.listeners.add(onProgress);
    return new Promise<ReviewSummary>((resolve, reject) => {
      let joined = true;
      const leave = () => {
        if (!joined) return false;
        joined = false;
        check.users--;
        if (onProgress) check.listeners.delete(onProgress);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        reject(stoppedByCaller());
        // A step handing over to the next leaves and joins in the same moment: stop the check
        // only if nobody joined meanwhile.
        setTimeout(() => {
          if (check.users === 0) check.controller.abort();
        }, 0);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      check.result.then(
        (summary) => {
          if (leave()) resolve(summary);
        },
        (error: unknown) => {
          if (leave()) reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  reviewSummary(): Promise<ReviewSummary> {
    return this.request('review-summary', {});
  }

  /** The rows from position `start` of the filtered list, with their problems. */
  reviewWindow(start: number, count: number, filter: ReviewFilter): Promise<ReviewWindow> {
    return this.request('review-window', { start, count, filter });
  }

  /** Position of the next (or previous) row still in error in the filtered list; -1 if none. */
  nextError(filter: ReviewFilter, after: number, backwards = false): Promise<number> {
    return this.request('next-error', { filter, after, backwards });
  }

  applyFix(kind: FixKind, field: string | 'all'): Promise<ReviewSummary> {
    return this.request('apply-fix', { kind, field });
  }

  /** Sets one Whispir field of one row (by its data-row index); the row is checked again. */
  editCell(index: number, field: string, value: string): Promise<ReviewSummary> {
    return this.request('edit-cell', { index, field, value });
  }

  setSkipped(
    rows: readonly number[] | 'all-with-errors',
    skipped: boolean,
  ): Promise<ReviewSummary> {
    return this.request('set-skipped', { rows, skipped });
  }

  /** Forgets the edits set aside because their column is not imported any more. */
  dropSetAside(): Promise<ReviewSummary> {
    return this.request('drop-set-aside', {});
  }

  /** Up to `size` rows that will be sent, spread through them, as Whispir fields. */
  uploadSample(size: number): Promise<Record<string, string>[]> {
    return this.request('upload-sample', { size });
  }

  /** Every suggested fix, as one step (one undo). */
  applyAllFixes(): Promise<ReviewSummary> {
    return this.request('apply-all-fixes', {});
  }

  /** "Send one of each": each person on several rows becomes their fullest row (one undo). */
  mergeDuplicates(): Promise<ReviewSummary> {
    return this.request('merge-duplicates', {});
  }

  /** One value for a whole column, in the rows the filter shows. */
  setColumn(field: string, value: string, filter: ReviewFilter): Promise<ReviewSummary> {
    return this.request('set-column', { field, value, filter });
  }

  /** Find and replace in one column, in the rows the filter shows. */
  replaceInColumn(
    field: string,
    find: string,
    replacement: string,
    filter: ReviewFilter,
    wholeCell = false,
  ): Promise<ReviewSummary> {
    return this.request('replace-in-column', { field, find, replacement, filter, wholeCell });
  }

  /** A column's distinct values with proposals; null when it has too many to list. */
  codedValues(field: string): Promise<CodedValues | null> {
    return this.request('coded-values', { field });
  }

  /** Rewrites a column's values by the map (value → new value), as one step. */
  applyValueMap(field: string, map: Readonly<Record<string, string>>): Promise<ReviewSummary> {
    return this.request('apply-value-map', { field, map });
  }

  undo(): Promise<ReviewSummary> {
    return this.request('undo', {});
  }

  redo(): Promise<ReviewSummary> {
    return this.request('redo', {});
  }

  setPolicy(policy: SubmitPolicy): Promise<ReviewSummary> {
    return this.request('set-policy', { policy });
  }

  /** The rejected-rows report (rows skipped or still in error) as CSV text. */
  rejectedReport(): Promise<string> {
    return this.request('rejected-report', {});
  }

  /** Stops whatever the worker is doing; its file is forgotten. */
  cancel(): void {
    this.worker.terminate();
    this.rejectAll(new IntakeCancelled());
    this.worker = this.spawn();
  }

  /**
   * Ends the worker; a later request starts a fresh one (React's development mode unmounts and
   * mounts every component once more at the start, which must not leave a dead worker).
   */
  terminate(): void {
    this.worker.terminate();
    this.dropCheck();
    this.rejectAll(new IntakeCancelled('The file reader was closed.'));
    this.closed = true;
  }
}
