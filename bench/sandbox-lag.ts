/**
 * How long the sandbox takes to answer a cheap request while the app imports into it: a
 * `GET /workspaces` (the sandbox's own credentials, JSON, as `sandbox/test-client.ts` sends it)
 * straight to the sandbox's port, due every 100 ms. Each answer time is counted from when the
 * request was due, not when it was sent, and requests do not wait for each other, so a stalled
 * server shows as every request that fell in the stall (as `sandbox/measure-import.ts` does).
 *
 * The requests are made from a worker thread of the bench process: the bench's own event loop
 * (Playwright, heap sampling) then never delays them, and the times are the server's. The
 * sandbox runs in a process of its own, started by the app's server (`npm run serve`), on the
 * same machine as the browser and the server, as a person's demo would.
 */
import { Worker } from 'node:worker_threads';

/** The sandbox's default credentials (sandbox/README.md, `SANDBOX_API_KEY`, `SANDBOX_USERNAME`…). */
const HEADERS = {
  'x-api-key': process.env.SANDBOX_API_KEY ?? 'sandbox-key',
  authorization: `Basic ${Buffer.from(
    `${process.env.SANDBOX_USERNAME ?? 'sandbox'}:${process.env.SANDBOX_PASSWORD ?? 'sandbox'}`,
  ).toString('base64')}`,
  accept: 'application/vnd.whispir.workspace-v1+json',
};

export interface SandboxLag {
  readonly url: string;
  readonly everyMs: number;
  /** Requests answered (2xx or not). */
  readonly answers: number;
  /** Answers other than 200, and requests that failed outright. */
  readonly errors: number;
  /** Requests still unanswered when the window closed (their wait so far counts in `maxMs`). */
  readonly unanswered: number;
  readonly medianMs: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  /** The five slowest answers: when each was due (ms after the probing began) and its time. */
  readonly slowest: readonly { readonly dueMs: number; readonly ms: number }[];
}

// Plain JavaScript: the worker is evaluated as a script, not through tsx.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, headers, everyMs } = workerData;
const times = [];
const pending = new Set();
let errors = 0;
let t0 = 0;
let due = 0;
let timer;
const tick = () => {
  const dueAt = t0 + due * everyMs;
  due += 1;
  pending.add(dueAt);
  fetch(url, { headers, signal: AbortSignal.timeout(120000) })
    .then(async (response) => {
      await response.arrayBuffer();
      if (response.status !== 200) errors += 1;
    })
    .catch(() => (errors += 1))
    .finally(() => {
      pending.delete(dueAt);
      times.push([dueAt - t0, performance.now() - dueAt]);
    });
  timer = setTimeout(tick, Math.max(0, t0 + due * everyMs - performance.now()));
};
// One request first, not timed: a thread's first fetch loads Node's HTTP client and opens the
// connection, which is the probe's time, not the server's.
fetch(url, { headers, signal: AbortSignal.timeout(120000) })
  .then((response) => response.arrayBuffer())
  .catch(() => undefined)
  .then(() => {
    t0 = performance.now();
    tick();
    parentPort.postMessage('probing');
  });
parentPort.on('message', () => {
  clearTimeout(timer);
  const now = performance.now();
  const waiting = [...pending].map((dueAt) => [dueAt - t0, now - dueAt]);
  parentPort.postMessage({ times, waiting, errors });
});
`;

/**
 * Starts probing `${sandboxUrl}/workspaces`, once a first request (not timed) is answered; the
 * function it resolves to stops and summarises.
 */
export async function probeSandbox(
  sandboxUrl: string,
  everyMs = 100,
): Promise<() => Promise<SandboxLag>> {
  const url = `${sandboxUrl}/workspaces`;
  const worker = new Worker(PROBE, { eval: true, workerData: { url, headers: HEADERS, everyMs } });
  worker.unref(); // Never what keeps the bench alive.
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return async () => {
    type Timed = [dueMs: number, ms: number];
    const result = await new Promise<{ times: Timed[]; waiting: Timed[]; errors: number }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage('stop');
      },
    );
    await worker.terminate();
    const sorted = result.times.map(([, ms]) => ms).sort((a, b) => a - b);
    const at = (q: number) =>
      sorted.length === 0 ? null : sorted[Math.floor(q * (sorted.length - 1))]!;
    const worstWaiting = Math.max(0, ...result.waiting.map(([, ms]) => ms));
    const slowest = [...result.times, ...result.waiting]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([dueMs, ms]) => ({ dueMs: Math.round(dueMs), ms: Math.round(ms) }));
    const max =
      sorted.length === 0 && result.waiting.length === 0
        ? null
        : Math.max(at(1) ?? 0, worstWaiting);
    return {
      url,
      everyMs,
      answers: sorted.length,
      errors: result.errors,
      unanswered: result.waiting.length,
      medianMs: at(0.5),
      p99Ms: at(0.99),
      maxMs: max,
      slowest,
    };
  };
}
