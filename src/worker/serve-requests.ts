/**
 * The worker's message loop: requests run one at a time, in the order they came; a cancel is
 * taken at once, and the request it names stops at its next pause (or never starts).
 */
import { TaskCancelled } from './cooperative';
import type { WorkerInbound, WorkerRequest, WorkerResponse } from './protocol';

/** Answers one request with its result message (see `answerRequest` in the protocol). */
export type RequestHandler = (
  request: WorkerRequest,
  isCancelled: () => boolean,
) => Promise<WorkerResponse>;

export function serveRequests(
  handle: RequestHandler,
  post: (message: WorkerResponse) => void,
): (message: WorkerInbound) => void {
  const open = new Set<number>();
  const cancelled = new Set<number>();
  let queue: Promise<void> = Promise.resolve();

  const run = async (request: WorkerRequest) => {
    const isCancelled = () => cancelled.has(request.id);
    try {
      if (isCancelled()) throw new TaskCancelled();
      post(await handle(request, isCancelled));
    } catch (error) {
      post({
        id: request.id,
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof TaskCancelled && { cancelled: true }),
      });
    } finally {
      open.delete(request.id);
      cancelled.delete(request.id);
    }
  };

  return (message) => {
    if (message.type === 'cancel') {
      if (open.has(message.target)) cancelled.add(message.target);
      return;
    }
    open.add(message.id);
    queue = queue.then(() => run(message));
  };
}
