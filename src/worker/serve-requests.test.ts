import { describe, expect, it } from 'vitest';
import { progressOf, type Steps } from '../domain/progress/steps';
import { runCooperatively } from './cooperative';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { serveRequests } from './serve-requests';

function* slowCheck(slices: number): Steps<string> {
  for (let i = 1; i <= slices; i++) {
    const until = performance.now() + 5;
    while (performance.now() < until) {
      // busy
    }
    yield progressOf(i, slices);
  }
  return 'checked';
}

/** A check of 20 slices (about 0.1 s), or of 400 when it is meant to be stopped. */
const validate = (id: number, long = false): WorkerRequest => ({
  id,
  type: 'validate',
  mapping: long ? { long: { kind: 'empty' } } : {},
});
const summary = (id: number): WorkerRequest => ({ id, type: 'review-summary' });

function harness() {
  const posted: WorkerResponse[] = [];
  const started: number[] = [];
  const receive = serveRequests(
    async (request, isCancelled): Promise<WorkerResponse> => {
      started.push(request.id);
      // The queue carries any answer; the report command's string stands for all of them.
      const answer = (value: string): WorkerResponse => ({
        id: request.id,
        type: 'result',
        command: 'rejected-report',
        value,
      });
      if (request.type === 'validate') {
        const slices = Object.keys(request.mapping).length > 0 ? 400 : 20;
        return answer(await runCooperatively(slowCheck(slices), { isCancelled, sliceMs: 10 }));
      }
      return answer(`answer ${request.id}`);
    },
    (message) => posted.push(message),
  );
  const answered = (id: number) =>
    new Promise<WorkerResponse>((resolve) => {
      const poll = () => {
        const found = posted.find((m) => m.id === id && m.type !== 'progress');
        if (found) resolve(found);
        else setTimeout(poll, 1);
      };
      poll();
    });
  return { receive, posted, started, answered };
}

describe('serveRequests', () => {
  it('answers requests one at a time, in the order they came', async () => {
    const { receive, started, answered } = harness();
    receive(validate(1));
    receive(summary(2));
    expect(await answered(2)).toEqual({
      id: 2,
      type: 'result',
      command: 'rejected-report',
      value: 'answer 2',
    });
    expect(await answered(1)).toEqual({
      id: 1,
      type: 'result',
      command: 'rejected-report',
      value: 'checked',
    });
    expect(started).toEqual([1, 2]);
  });

  it('stops a running check on cancel and goes on with the next request', async () => {
    const { receive, posted, answered } = harness();
    receive(validate(1, true));
    receive(summary(2));
    setTimeout(() => receive({ type: 'cancel', target: 1 }), 20);
    expect(await answered(1)).toMatchObject({ id: 1, type: 'error', cancelled: true });
    expect(await answered(2)).toEqual({
      id: 2,
      type: 'result',
      command: 'rejected-report',
      value: 'answer 2',
    });
    expect(posted.filter((m) => m.id === 1)).toHaveLength(1);
  });

  it('never starts a request cancelled while it waited its turn', async () => {
    const { receive, started, answered } = harness();
    receive(validate(1));
    receive(validate(2));
    receive({ type: 'cancel', target: 2 });
    expect(await answered(2)).toMatchObject({ type: 'error', cancelled: true });
    expect(await answered(1)).toMatchObject({
      type: 'result',
      command: 'rejected-report',
      value: 'checked',
    });
    expect(started).toEqual([1]);
  });

  it('ignores a cancel for a request already answered, so a later one is not stopped', async () => {
    const { receive, posted, answered } = harness();
    receive(summary(1));
    expect(await answered(1)).toMatchObject({ type: 'result', value: 'answer 1' });
    posted.length = 0;
    receive({ type: 'cancel', target: 1 });
    // The id is reused on purpose: the stale cancel must not reach the new request.
    receive(validate(1));
    expect(await answered(1)).toMatchObject({
      type: 'result',
      command: 'rejected-report',
      value: 'checked',
    });
  });

  it('reports a failure of the work as an error, not a cancel', async () => {
    const posted: WorkerResponse[] = [];
    const receive = serveRequests(
      () => {
        throw new Error('No file has been read in this worker.');
      },
      (message) => posted.push(message),
    );
    receive(summary(7));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(posted).toEqual([
      { id: 7, type: 'error', message: 'No file has been read in this worker.' },
    ]);
  });
});
