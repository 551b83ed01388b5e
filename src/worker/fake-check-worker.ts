/**
 * Test support: a stand-in for check.worker.ts that runs its code (`checkSentRun`) in the same
 * thread. Messages cross as structured clones, as between workers, and answers arrive only when
 * the test says, in any order.
 */
import { createCheckContext } from '../domain/validation/validate-contact';
import type { CheckPlan } from '../domain/validation/check-rows';
import {
  checkSentRun,
  shareOut,
  type CheckWorkerPort,
  type FromCheckWorker,
  type ToCheckWorker,
} from './check-helper';

export class FakeCheckWorker implements CheckWorkerPort {
  onmessage: ((event: MessageEvent<FromCheckWorker>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  readonly received: ToCheckWorker[] = [];
  private plan: { job: number; plan: CheckPlan } | undefined;
  private readonly context = createCheckContext();
  private pending: Extract<ToCheckWorker, { type: 'check' }>[] = [];
  private replies: FromCheckWorker[] = [];
  /** Runs it checked and answered. */
  answered = 0;

  postMessage(message: ToCheckWorker): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    if (copy.type === 'begin') this.plan = { job: copy.job, plan: copy.plan };
    else if (copy.type === 'check') this.pending.push(copy);
    else if (copy.type === 'share') {
      // As the worker does: the later half of the job's runs not begun go back, and it says so
      // with its next answers.
      const { kept, handedBack } = shareOut(this.pending, copy.job);
      this.pending = kept;
      this.replies.push({
        type: 'handed-back',
        job: copy.job,
        ids: handedBack.map((message) => message.id),
      });
    }
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Answers the runs in hand (the last first when `reversed`), `fail` failing one. */
  answer({ reversed = false, fail }: { reversed?: boolean; fail?: number } = {}): number {
    for (const reply of this.replies.splice(0))
      this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<FromCheckWorker>);
    const runs = reversed ? this.pending.reverse() : this.pending;
    this.pending = [];
    for (const message of runs) {
      if (message.type !== 'check' || !this.plan || this.plan.job !== message.job) continue;
      const reply: FromCheckWorker =
        message.id === fail
          ? { type: 'failed', job: message.job, id: message.id, message: 'out of memory' }
          : {
              type: 'checked',
              job: message.job,
              id: message.id,
              checked: checkSentRun(message, this.plan.plan, this.context),
            };
      if (reply.type === 'checked') this.answered++;
      this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<FromCheckWorker>);
    }
    return runs.length;
  }

  crash(): void {
    this.onerror?.(new Event('error'));
  }

  get runsChecked(): number {
    return this.received.filter((message) => message.type === 'check').length;
  }
}
