import { describe, expect, it } from 'vitest';
import { sandboxOptionsFromEnv } from './server.ts';

describe('sandboxOptionsFromEnv', () => {
  it('has the documented defaults, everything off', () => {
    expect(sandboxOptionsFromEnv({})).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      apiKey: 'sandbox-key',
      username: 'sandbox',
      password: 'sandbox',
      db: '.sandbox/whispir.db',
      importDelayMs: 200,
      rowsPerSecond: 0,
      qps: 0,
      qpsStatus: 403,
      qpd: 0,
      faults: '',
    });
  });

  it('reads the SANDBOX_* variables (blank means default)', () => {
    const options = sandboxOptionsFromEnv({
      SANDBOX_PORT: '9999',
      SANDBOX_API_KEY: 'k',
      SANDBOX_USERNAME: '',
      SANDBOX_DB: ':memory:',
      SANDBOX_QPS: '5',
      SANDBOX_QPS_STATUS: '429',
      SANDBOX_QPD: '10000',
      SANDBOX_FAULTS: 'status:503:0.2,latency:200,drop:imports:0.1',
      SANDBOX_IMPORT_DELAY_MS: '0',
      SANDBOX_ROWS_PER_SECOND: '500',
    });
    expect(options).toMatchObject({
      port: 9999,
      apiKey: 'k',
      username: 'sandbox',
      db: ':memory:',
      qps: 5,
      qpsStatus: 429,
      qpd: 10000,
      importDelayMs: 0,
      rowsPerSecond: 500,
    });
  });

  it.each([
    [{ SANDBOX_PORT: 'eighty' }, 'SANDBOX_PORT'],
    [{ SANDBOX_QPS_STATUS: '500' }, 'SANDBOX_QPS_STATUS'],
    [{ SANDBOX_FAULTS: 'status:200' }, 'SANDBOX_FAULTS'],
  ])('refuses %j', (env, name) => {
    expect(() => sandboxOptionsFromEnv(env)).toThrow(name);
  });
});
