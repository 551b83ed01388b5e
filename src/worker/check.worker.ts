/// <reference lib="webworker" />
/**
 * The intake worker's helper: checks the runs of rows it is sent (see check-helper.ts), one at a
 * time, taking its messages between two runs, so a job that ends drops the runs still queued at
 * once. It keeps nothing but the plans of the jobs under way and the runs not yet checked.
 */
import type { CheckPlan } from '../domain/validation/check-rows';
import { createCheckContext } from '../domain/validation/validate-contact';
import { checkSentRun, shareOut, type FromCheckWorker, type ToCheckWorker } from './check-helper';

type CheckMessage = Extract<ToCheckWorker, { type: 'check' }>;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const context = createCheckContext();
const plans = new Map<number, CheckPlan>();
let queue: CheckMessage[] = [];
let scheduled = false;

// A message to itself is a turn of the event loop with no timer clamp (setTimeout's 4 ms).
const turns = new MessageChannel();
turns.port1.onmessage = () => {
  scheduled = false;
  const next = queue.shift();
  if (next) checkOne(next);
  schedule();
};

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  turns.port2.postMessage(null);
}

function checkOne(message: CheckMessage): void {
  const plan = plans.get(message.job);
  if (!plan) return;
  let reply: FromCheckWorker;
  try {
    const checked = checkSentRun(message, plan, context);
    reply = { type: 'checked', job: message.job, id: message.id, checked };
    scope.postMessage(reply, [
      ...checked.matchEnds.map((ends) => ends.buffer),
      checked.problemRows.buffer,
    ]);
  } catch (error) {
    reply = {
      type: 'failed',
      job: message.job,
      id: message.id,
      message: error instanceof Error ? error.message : String(error),
    };
    scope.postMessage(reply);
  }
}

scope.onmessage = ({ data }: MessageEvent<ToCheckWorker>) => {
  switch (data.type) {
    case 'begin':
      plans.set(data.job, data.plan);
      return;
    case 'end':
      // The review stopped or moved on: its runs still queued are not worth checking.
      plans.delete(data.job);
      queue = queue.filter((message) => message.job !== data.job);
      return;
    case 'check':
      queue.push(data);
      schedule();
      return;
    case 'share': {
      const { kept, handedBack } = shareOut(queue, data.job);
      queue = kept;
      const reply: FromCheckWorker = {
        type: 'handed-back',
        job: data.job,
        ids: handedBack.map((message) => message.id),
      };
      scope.postMessage(reply);
    }
  }
};
