/// <reference lib="webworker" />
/**
 * The intake worker's helper: checks the runs of rows it is sent (see check-helper.ts). It keeps
 * nothing but the plan of the job under way; each run's rows are dropped once answered.
 */
import { BlockRows } from '../domain/intake/row-store';
import type { CheckPlan } from '../domain/validation/check-rows';
import { checkRows } from '../domain/validation/check-rows';
import { createCheckContext } from '../domain/validation/validate-contact';
import type { FromCheckWorker, ToCheckWorker } from './check-helper';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const context = createCheckContext();
let job: { readonly id: number; readonly plan: CheckPlan } | undefined;

const post = (message: FromCheckWorker) => {
  if (message.type === 'checked')
    scope.postMessage(message, [
      ...message.checked.matchEnds.map((ends) => ends.buffer),
      message.checked.problemRows.buffer,
    ]);
  else scope.postMessage(message);
};

scope.onmessage = ({ data }: MessageEvent<ToCheckWorker>) => {
  switch (data.type) {
    case 'begin':
      job = { id: data.job, plan: data.plan };
      return;
    case 'end':
      if (job?.id === data.job) job = undefined;
      return;
    case 'check': {
      // A run of a job that has ended (the review stopped, or moved on) is not worth checking.
      if (job?.id !== data.job) return;
      const { rowNumbers } = data;
      try {
        const rows = new BlockRows(data.block, data.places);
        const checked = checkRows(
          rows,
          (i) => rowNumbers[i] ?? i + 1,
          job.plan,
          0,
          rows.length,
          context,
        );
        post({ type: 'checked', job: data.job, id: data.id, checked });
      } catch (error) {
        post({
          type: 'failed',
          job: data.job,
          id: data.id,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
};
