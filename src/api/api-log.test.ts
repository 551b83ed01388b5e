import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_KEPT_BODY, apiLog } from './api-log';
import { whispirRequest } from './whispir-http';

describe('apiLog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    apiLog.clear();
  });

  const send = async (body: object) => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 201, headers: { location: '/resources/1' } })),
    );
    await whispirRequest({
      method: 'POST',
      path: '/resources',
      mediaType: 'application/vnd.whispir.resource-v1+json',
      body,
    });
    return apiLog.snapshot().at(-1);
  };

  it('keeps a small request body whole, so its curl can be copied', async () => {
    const body = { name: 'part-1.csv', scope: 'private', derefUri: 'Zmlyc3ROYW1l' };
    const entry = await send(body);
    expect(entry?.requestBody).toBe(JSON.stringify(body));
    expect(entry?.bodyComplete).toBe(true);
  });

  it('keeps only the start of an upload, as its own short text', async () => {
    const entry = await send({ name: 'part-1.csv', derefUri: 'QUJD'.repeat(MAX_KEPT_BODY) });
    expect(entry?.bodyComplete).toBe(false);
    expect(entry?.requestBody?.startsWith('{"name":"part-1.csv","derefUri":"QUJDQUJD')).toBe(true);
    expect(entry?.requestBody?.length).toBe(4098);
    expect(entry?.requestBody?.endsWith('"}')).toBe(true);
  });
});
