/**
 * The file worker's thread (see `file-worker.ts`): runs each job as it comes and replies with
 * its result, transferring the large typed arrays instead of copying them.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import {
  ownMemory,
  runFileJob,
  type FileJob,
  type FileJobResult,
  type FileReply,
} from './file-worker.ts';

/** The large arrays of a result, transferred rather than copied when they can be. */
const transferable = (result: FileJobResult): ArrayBuffer[] =>
  ownMemory(
    result.kind === 'resource'
      ? result.read.ok && result.read.checked.ok && result.read.checked.value.content
      : 'packed' in result.read && result.read.packed.ends,
  );

/**
 * The worker's work can wait; the server's answers cannot. On a busy machine the two threads
 * queue for the same cores, and at the same priority a request waited behind a file's parse
 * (the server's thread runnable but not running, 100 to 250 ms at a time on two shared cores).
 * So the worker runs at a lower priority: on Linux `setpriority` on a thread id acts on that
 * thread alone. Elsewhere it keeps the process's priority.
 */
const WORKER_NICENESS = 10;
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, WORKER_NICENESS);
} catch {
  // Not Linux, or not allowed: the worker keeps the process's priority.
}

const port = parentPort;
if (!port) throw new Error('file-worker-thread.ts runs as a worker thread');
port.on('message', (job: FileJob) => {
  let reply: FileReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const result = runFileJob(job);
    reply = { id: job.id, ok: true, result };
    transfer = transferable(result);
  } catch (error) {
    reply = { id: job.id, ok: false, message: (error as Error).message };
  }
  port.postMessage(reply, transfer);
});
