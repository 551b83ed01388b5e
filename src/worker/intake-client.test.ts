import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ColumnMapping } from '../domain/mapping/mapping';
import { IntakeCancelled, IntakeClient } from './intake-client';
import type { ReviewSummary, WorkerInbound, WorkerResponse } from './protocol';

/** Stands in for the module worker: records what the client posts, answers when told. */
class FakeWorker {
  static last: FakeWorker | undefined;
  readonly posted: WorkerInbound[] = [];
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: WorkerInbound) {
    this.posted.push(message);
  }
  terminate() {}
  answer(message: WorkerResponse) {
    this.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
  }
  requests(type: string) {
    return this.posted.filter((m) => m.type === type) as (WorkerInbound & { id: number })[];
  }
}

const mapping: ColumnMapping = { firstName: { kind: 'column', column: 'First' } };
const other: ColumnMapping = { firstName: { kind: 'column', column: 'Given' } };
const summary = { totalRows: 3 } as ReviewSummary;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('IntakeClient.validate', () => {
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shares one check between callers of the same mapping, progress included', async () => {
    const client = new IntakeClient();
    const worker = FakeWorker.last!;
    const seen: number[] = [];
    const ahead = client.validate(mapping);
    const review = client.validate({ ...mapping }, { onProgress: (p) => seen.push(p.rows) });
    const [request] = worker.requests('validate');
    expect(worker.requests('validate')).toHaveLength(1);
    worker.answer({ id: request!.id, type: 'progress', value: { fraction: 0.5, rows: 2 } });
    worker.answer({ id: request!.id, type: 'result', command: 'validate', value: summary });
    await expect(ahead).resolves.toBe(summary);
    await expect(review).resolves.toBe(summary);
    expect(seen).toEqual([2]);
  });

  it('keeps the check running when one step leaves as the next joins', async () => {
    const client = new IntakeClient();
    const worker = FakeWorker.last!;
    const leaving = new AbortController();
    const ahead = client.validate(mapping, { signal: leaving.signal });
    leaving.abort();
    const review = client.validate(mapping);
    await expect(ahead).rejects.toBeInstanceOf(IntakeCancelled);
    await tick();
    expect(worker.requests('cancel')).toEqual([]);
    worker.answer({
      id: worker.requests('validate')[0]!.id,
      type: 'result',
      command: 'validate',
      value: summary,
    });
    await expect(review).resolves.toBe(summary);
    expect(worker.requests('validate')).toHaveLength(1);
  });

  it('stops the check in the worker when its last caller stops', async () => {
    const client = new IntakeClient();
    const worker = FakeWorker.last!;
    const first = new AbortController();
    const second = new AbortController();
    const a = client.validate(mapping, { signal: first.signal }).catch((error: unknown) => error);
    const b = client.validate(mapping, { signal: second.signal }).catch((error: unknown) => error);
    first.abort();
    await tick();
    expect(worker.requests('cancel')).toEqual([]);
    second.abort();
    await tick();
    const [request] = worker.requests('validate');
    expect(worker.requests('cancel')).toEqual([{ type: 'cancel', target: request!.id }]);
    expect(await a).toBeInstanceOf(IntakeCancelled);
    expect(await b).toBeInstanceOf(IntakeCancelled);
  });

  it('drops the check of a mapping no longer wanted and checks the new one', async () => {
    const client = new IntakeClient();
    const worker = FakeWorker.last!;
    const old = client.validate(mapping);
    const fresh = client.validate(other);
    const [first, second] = worker.requests('validate');
    expect(worker.requests('cancel')).toEqual([{ type: 'cancel', target: first!.id }]);
    await expect(old).rejects.toBeInstanceOf(IntakeCancelled);
    worker.answer({ id: second!.id, type: 'result', command: 'validate', value: summary });
    await expect(fresh).resolves.toBe(summary);
  });

  it('asks the worker again once a check has ended (it answers from the review it holds)', async () => {
    const client = new IntakeClient();
    const worker = FakeWorker.last!;
    const first = client.validate(mapping);
    worker.answer({
      id: worker.requests('validate')[0]!.id,
      type: 'result',
      command: 'validate',
      value: summary,
    });
    await first;
    void client.validate(mapping);
    expect(worker.requests('validate')).toHaveLength(2);
  });

  it('drops a running check when the file is read again', async () => {
    const client = new IntakeClient();
    const worker = FakeWorker.last!;
    const check = client.validate(mapping).catch((error: unknown) => error);
    void client.reread({ delimiter: ';' });
    const [request] = worker.requests('validate');
    // The cancel goes first, so the worker stops checking before it reads.
    expect(worker.posted.map((m) => m.type)).toEqual(['validate', 'cancel', 'reread']);
    expect(worker.requests('cancel')).toEqual([{ type: 'cancel', target: request!.id }]);
    expect(await check).toBeInstanceOf(IntakeCancelled);
  });

  it('starts nothing for a caller that has already stopped', async () => {
    const client = new IntakeClient();
    const worker = FakeWorker.last!;
    const stopped = new AbortController();
    stopped.abort();
    await expect(client.validate(mapping, { signal: stopped.signal })).rejects.toBeInstanceOf(
      IntakeCancelled,
    );
    expect(worker.posted).toEqual([]);
  });

  it('starts a fresh worker for a request after being closed (development mode remounts)', () => {
    const client = new IntakeClient();
    const first = FakeWorker.last!;
    client.terminate();
    void client.reviewSummary().catch(() => undefined);
    const second = FakeWorker.last!;
    expect(second).not.toBe(first);
    expect(first.posted).toEqual([]);
    expect(second.requests('review-summary')).toHaveLength(1);
  });
});
