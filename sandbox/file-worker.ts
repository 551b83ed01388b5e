/**
 * The slow part of resource files, off the server's thread. Reading an upload's body (10 MB of
 * JSON or XML around the base64 of the file), decoding and checking the file (UTF-8, a CSV,
 * JSON or XML parse), and reading a resource's rows when its import starts take hundreds of
 * milliseconds each; on the thread that answers requests they held every other request up, in
 * slices or in one go. A worker thread (`file-worker-thread.ts`) does them and sends back only
 * the decoded file, or the columns an import reads, packed (`packRows`).
 *
 * SQLite stays on the server's thread (an in-memory database cannot be shared with a second
 * connection): the worker never sees the store, only bytes.
 */
import { Worker } from 'node:worker_threads';
import type { Format } from './request-env.ts';
import { checkResourceRequest, type Checked, type ResourceRequest } from './requests.ts';
import {
  packRows,
  readRowTable,
  unpackRows,
  type PackedRows,
  type RowTableRead,
} from './resource-files.ts';
import { readRequestBody } from './wire.ts';

/**
 * A `POST`/`PUT /resources` body, read: malformed (the 400's `errorDetail`), or checked (the
 * 422's `errorText`, or the resource to store).
 */
export type ResourceBodyRead =
  | { ok: false; errorDetail: string }
  | { ok: true; checked: Checked<ResourceRequest> };

/**
 * What the server needs done with resource files. Each call takes the bytes it is given: the
 * worker may take their memory (a transfer rather than a copy of up to 10 MB on the server's
 * thread), so the caller must not read them afterwards.
 */
export interface ResourceFiles {
  /** `readRequestBody` then `checkResourceRequest`, as a `/resources` route would. */
  readResourceBody(bytes: Buffer, format: Format, maxFileBytes: number): Promise<ResourceBodyRead>;
  /** `readRowTable`, keeping only `columns` (the ones the import maps). */
  readRows(content: Buffer, mimeType: string, columns: readonly string[]): Promise<RowTableRead>;
  close(): Promise<void>;
}

/** A job for the worker thread; `id` pairs it with its reply. */
export type FileJob =
  | { id: number; kind: 'resource'; bytes: Uint8Array; format: Format; maxFileBytes: number }
  | { id: number; kind: 'rows'; content: Uint8Array; mimeType: string; columns: string[] };

export type FileJobResult =
  | { kind: 'resource'; read: ResourceBodyRead }
  | { kind: 'rows'; read: { error: string } | { packed: PackedRows } };

export type FileReply =
  | { id: number; ok: true; result: FileJobResult }
  | { id: number; ok: false; message: string };

const asBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The memory `bytes` can give away in a transfer: all of its buffer, or nothing. A small Buffer
 * shares Node's pool with others, and a view of part of a buffer may not be the only one.
 */
export function ownMemory(bytes: ArrayBufferView | false | undefined): ArrayBuffer[] {
  return bytes &&
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
    ? [bytes.buffer]
    : [];
}

function readResourceBody(bytes: Buffer, format: Format, maxFileBytes: number): ResourceBodyRead {
  const parsed = readRequestBody(bytes, format, 'resource');
  return parsed.ok
    ? { ok: true, checked: checkResourceRequest(parsed.body, maxFileBytes) }
    : parsed;
}

/** Does one job: the worker thread's side. */
export function runFileJob(job: FileJob): FileJobResult {
  if (job.kind === 'resource')
    return {
      kind: 'resource',
      read: readResourceBody(asBuffer(job.bytes), job.format, job.maxFileBytes),
    };
  const read = readRowTable(asBuffer(job.content), job.mimeType);
  return {
    kind: 'rows',
    read: 'error' in read ? read : { packed: packRows(read.table, job.columns) },
  };
}

/**
 * The same work on the calling thread, synchronously: for an `ImportRunner` built by a test
 * without a server, and the reference the worker's results are checked against.
 */
export const inThreadFiles: ResourceFiles = {
  readResourceBody: async (bytes, format, maxFileBytes) =>
    readResourceBody(bytes, format, maxFileBytes),
  readRows: async (content, mimeType) => readRowTable(content, mimeType),
  close: async () => undefined,
};

/**
 * The worker's entry point: a `.mjs` file that loads the TypeScript worker through tsx's API,
 * so the worker starts the same way under `tsx` or `node --import tsx` (how `sandbox/main.ts`
 * runs, from `npm run sandbox`, `npm start` and `npm run serve`) and under Vitest, whose own
 * TypeScript loading does not reach worker threads.
 */
const ENTRY = new URL('./file-worker-thread.mjs', import.meta.url);

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Job = WithoutId<FileJob>;

/**
 * One worker thread, started on first use and kept; jobs queue on it in order. If it dies, the
 * jobs in flight fail (an upload answers 500, an import fails) and the next job starts another.
 * A job's bytes and its result's large arrays are transferred, not copied, when they are the
 * whole of their own memory (a copy of 10 MB takes the server's thread 5 to 20 ms);
 * arrays are transferred back.
 */
export class FileWorker implements ResourceFiles {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (result: FileJobResult) => void; reject: (error: Error) => void }
  >();

  async readResourceBody(
    bytes: Buffer,
    format: Format,
    maxFileBytes: number,
  ): Promise<ResourceBodyRead> {
    const result = await this.run({ kind: 'resource', bytes, format, maxFileBytes }, bytes);
    if (result.kind !== 'resource') throw new Error('the file worker answered another job');
    const { read } = result;
    if (!read.ok || !read.checked.ok) return read;
    const request = read.checked.value;
    return {
      ok: true,
      checked: { ok: true, value: { ...request, content: asBuffer(request.content) } },
    };
  }

  async readRows(
    content: Buffer,
    mimeType: string,
    columns: readonly string[],
  ): Promise<RowTableRead> {
    const result = await this.run(
      { kind: 'rows', content, mimeType, columns: [...columns] },
      content,
    );
    if (result.kind !== 'rows') throw new Error('the file worker answered another job');
    const { read } = result;
    return 'error' in read ? read : { table: unpackRows(read.packed) };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the sandbox is closing'));
    await worker?.terminate();
  }

  /** Posts a job; `bytes`, when they are the whole of their own memory, move to the worker. */
  private run(job: Job, bytes: Uint8Array): Promise<FileJobResult> {
    const id = this.nextId++;
    const worker = this.started();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id }, ownMemory(bytes));
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY);
    // An idle worker does not keep the process alive; a server with jobs in flight is alive anyway.
    worker.unref();
    worker.on('message', (reply: FileReply) => {
      const job = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) job?.resolve(reply.result);
      else job?.reject(new Error(reply.message));
    });
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the file worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
