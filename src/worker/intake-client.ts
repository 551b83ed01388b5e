/**
 * The only module that knows `Worker`: async functions over the intake worker's protocol.
 */
import type { ColumnMapping } from '../domain/mapping/mapping';
import type { ResourceFormat } from '../domain/resource/formats';
import type {
  FileSummary,
  PartBody,
  UploadSummary,
  WorkerRequest,
  WorkerResponse,
} from './protocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type RequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

export class IntakeClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./intake.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.type === 'result') pending.resolve(message.value);
      else pending.reject(new Error(message.message));
    };
    this.worker.onerror = (event) => {
      const error = new Error(`The file reader stopped unexpectedly: ${event.message}`);
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
  }

  private request<T>(body: RequestBody): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...body, id });
    });
  }

  open(file: File): Promise<FileSummary> {
    return this.request({ type: 'open', file });
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

  terminate(): void {
    this.worker.terminate();
  }
}
