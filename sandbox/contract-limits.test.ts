/**
 * Contract: rate limits and fault injection are off by default, and when switched on (at start
 * or through `PUT /__sandbox/config`) answer as Whispir's gateway does.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jsonHeaders, resetSandbox, startTestSandbox } from './test-client.ts';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox.url));

const configure = async (config: Record<string, unknown>) => {
  const response = await fetch(`${sandbox.url}/__sandbox/config`, {
    method: 'PUT',
    body: JSON.stringify(config),
  });
  expect(response.status).toBe(200);
};

const workspaces = () => fetch(`${sandbox.url}/workspaces`, { headers: jsonHeaders('workspace') });
const burst = (n: number) => Promise.all(Array.from({ length: n }, workspaces));

describe('defaults', () => {
  it('has every limit and fault off', async () => {
    const config = await (await fetch(`${sandbox.url}/__sandbox/config`)).json();
    expect(config).toMatchObject({ qps: 0, qpd: 0, faults: '', qpsStatus: 403 });
    const answers = await burst(40);
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(200));
  });
});

describe('QPS', () => {
  it('answers 403 with X-Error-Code ERR_403_DEVELOPER_OVER_QPS over the limit', async () => {
    await configure({ qps: 3 });
    const statuses: number[] = [];
    let limited: Response | undefined;
    // Stay inside one clock second: retry the burst if it straddled a second boundary.
    for (let attempt = 0; attempt < 3 && !limited; attempt++) {
      const answers = await burst(8);
      statuses.push(...answers.map((r) => r.status));
      limited = answers.find((r) => r.status === 403);
    }
    expect(limited).toBeDefined();
    expect(limited!.headers.get('x-error-code')).toBe('ERR_403_DEVELOPER_OVER_QPS');
    expect(limited!.headers.get('x-error-detail')).toBe('Account Over Queries Per Second Limit');
    expect(limited!.headers.get('access-control-expose-headers')).toContain('X-Error-Code');
    expect(await limited!.json()).toEqual({
      errorSummary: '',
      errorText: 'Forbidden',
      errorDetail: 'Account Over Queries Per Second Limit',
    });
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
  });

  it('answers 429 instead when qpsStatus is 429', async () => {
    await configure({ qps: 1, qpsStatus: 429 });
    const answers = await burst(6);
    const limited = answers.find((r) => r.status === 429);
    expect(limited?.headers.get('x-error-code')).toBe('ERR_403_DEVELOPER_OVER_QPS');
    expect((await limited!.json()).errorText).toBe('Too Many Requests');
  });

  it('lets requests through again in the next second', async () => {
    await configure({ qps: 2 });
    await burst(5);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await workspaces()).status).toBe(200);
  });
});

describe('QPD', () => {
  it('answers 403 ERR_403_DEVELOPER_OVER_QPD once the daily quota is spent', async () => {
    await configure({ qpd: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await workspaces()).status);
    expect(statuses).toEqual([200, 200, 200, 403, 403]);
    const over = await workspaces();
    expect(over.headers.get('x-error-code')).toBe('ERR_403_DEVELOPER_OVER_QPD');
    expect(over.headers.get('x-error-detail')).toBe('Account Over Queries Per Day Limit');
  });
});

describe('faults', () => {
  it.each([500, 502, 503])(
    'answers %i in the standard shape when every request is hit',
    async (status) => {
      await configure({ faults: `status:${status}:1` });
      const response = await workspaces();
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({
        errorSummary: '',
        errorText: expect.any(String),
        errorDetail: 'injected fault',
      });
    },
  );

  it('hits roughly the configured share of requests', async () => {
    await configure({ faults: 'status:503:0.5' });
    const answers = await burst(100);
    const hit = answers.filter((r) => r.status === 503).length;
    expect(hit).toBeGreaterThan(20);
    expect(hit).toBeLessThan(80);
  });

  it('limits a rule to one path kind', async () => {
    await configure({ faults: 'status:500:imports' });
    expect((await workspaces()).status).toBe(200);
    const response = await fetch(`${sandbox.url}/imports`, {
      method: 'POST',
      headers: jsonHeaders('importcontact'),
      body: '{}',
    });
    expect(response.status).toBe(500);
  });

  it('drops the connection', async () => {
    await configure({ faults: 'drop:workspaces:1' });
    await expect(workspaces()).rejects.toThrow(TypeError);
    await configure({ faults: '' });
    expect((await workspaces()).status).toBe(200);
  });

  it('adds latency', async () => {
    await configure({ faults: 'latency:250' });
    const started = Date.now();
    expect((await workspaces()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('refuses a malformed fault spec with 400 and keeps the old config', async () => {
    const response = await fetch(`${sandbox.url}/__sandbox/config`, {
      method: 'PUT',
      body: JSON.stringify({ faults: 'status:200' }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain('500 to 599');
    expect((await workspaces()).status).toBe(200);
  });

  it('is switched off again by a reset', async () => {
    await configure({ faults: 'status:503', qps: 1 });
    await resetSandbox(sandbox.url);
    expect((await burst(5)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('start-up settings', () => {
  it('takes qps and faults as options too (SANDBOX_QPS, SANDBOX_FAULTS)', async () => {
    const limited = await startTestSandbox({ faults: 'status:502:contacts' });
    try {
      const response = await fetch(`${limited.url}/contacts`, { headers: jsonHeaders('contact') });
      expect(response.status).toBe(502);
    } finally {
      await limited.close();
    }
  });
});
