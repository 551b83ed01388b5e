/**
 * The only module that knows `Worker`: async functions over the intake worker's protocol.
 * Cancelling a read ends the worker (a parse in progress cannot be interrupted otherwise) and
 * starts a fresh one.
 */
import type { ColumnMapping } from '../domain/mapping/mapping';
import type { ResourceFormat } from '../domain/resource/formats';
import type {
  FileSummary,
  IntakeOverrides,
  PartBody,
  ReadProgress,
  UploadSummary,
  WorkerRequest,
  WorkerResponse,
} from './protocol';

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onPreview?: (summary: FileSummary) => void;
  readonly onProgress?: (progress: ReadProgress) => void;
}
type RequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

export interface ReadCallbacks {
  readonly onPreview?: (summary: FileSummary) => void;
  readonly onProgress?: (progress: ReadProgress) => void;
}

export class IntakeCancelled extends Error {
  constructor() {
    super('Reading was cancelled.');
    this.name = 'IntakeCancelled';
  }
}

export class IntakeClient {
  private worker: Worker;
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
        pending.resolve(message.value);
        return;
      case 'error':
        this.pending.delete(message.id);
        pending.reject(new Error(message.message));
    }
  }

  private rejectAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private request<T>(body: RequestBody, callbacks: ReadCallbacks = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, ...callbacks });
      this.worker.postMessage({ ...body, id });
    });
  }

  /** Reads a file; large files report a first look and progress before the full summary. */
  open(file: File, callbacks?: ReadCallbacks): Promise<FileSummary> {
    return this.request({ type: 'open', file }, callbacks);
  }

  /** Reads the same file again with the user's choices (encoding, delimiter, header, sheet). */
  reread(overrides: IntakeOverrides, callbacks?: ReadCallbacks): Promise<FileSummary> {
    return this.request({ type: 'reread', overrides }, callbacks);
  }

  rows(start: number, count: number): Promise<{ rows: string[][]; rowNumbers: number[] }> {
    return this.request({ type: 'rows', start, count });
  }

  /** Builds the upload in the worker and plans its parts. */
  prepareUpload(mapping: ColumnMapping, format: ResourceFormat): Promise<UploadSummary> {
    return this.request({ type: 'prepare-upload', mapping, format });
  }

  /** The base64 file of one part (1-based) of the prepared upload. */
  partBody(part: number): Promise<PartBody> {
    return this.request({ type: 'part-body', part });
  }

  /** Stops whatever the worker is doing; its file is forgotten. */
  cancel(): void {
    this.worker.terminate();
    this.rejectAll(new IntakeCancelled());
    this.worker = this.spawn();
  }

  terminate(): void {
    this.worker.terminate();
  }
}
