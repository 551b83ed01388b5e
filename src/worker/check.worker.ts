/// <reference lib="webworker" />
/**
 * The intake worker's helper: checks the runs of rows it is sent (see check-helper.ts), one at a
 * time, and keeps nothing between them.
 */
import { checkRun } from '../domain/validation/check-rows';
import { createCheckContext } from '../domain/validation/validate-contact';
import type { FromCheckWorker, ToCheckWorker } from './check-helper';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const context = createCheckContext();

scope.onmessage = ({ data }: MessageEvent<ToCheckWorker>) => {
  let reply: FromCheckWorker;
  try {
    const checked = checkRun(data.run, data.rowNumbers, data.plan, context);
    reply = { id: data.id, checked };
    scope.postMessage(reply, [
      ...checked.hashes.map((hashes) => hashes.buffer),
      ...checked.places.map((places) => places.buffer),
    ]);
  } catch (error) {
    reply = { id: data.id, failed: error instanceof Error ? error.message : String(error) };
    scope.postMessage(reply);
  }
};
