import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiLog } from './api-log';
import { MAX_LOGGED_BODY, whispirRequest } from './whispir-http';

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
    const entry = await send({ name: 'part-1.csv', derefUri: 'QUJD'.repeat(MAX_LOGGED_BODY) });
    expect(entry?.bodyComplete).toBe(false);
    expect(entry?.requestBody?.startsWith('{"name":"part-1.csv","derefUri":"QUJDQUJD')).toBe(true);
    expect(entry?.requestBody?.length).toBe(4098);
    expect(entry?.requestBody?.endsWith('"}')).toBe(true);
  });

  /** Sends a resource request whose file goes as a Blob; returns the log entry and what was sent. */
  const sendFile = async (base64: string) => {
    const fetched = vi.fn(
      async (_url: string, _init: RequestInit) =>
        new Response('{}', { status: 201, headers: { location: '/resources/1' } }),
    );
    vi.stubGlobal('fetch', fetched);
    await whispirRequest({
      method: 'POST',
      path: '/resources',
      mediaType: 'application/vnd.whispir.resource-v1+json',
      body: { name: 'part-1.csv', scope: 'private', mimeType: 'text/csv' },
      blobMember: { name: 'derefUri', value: new Blob([base64]) },
    });
    const sent = fetched.mock.calls[0]?.[1]?.body;
    return {
      entry: apiLog.snapshot().at(-1),
      sent: sent instanceof Blob ? await sent.text() : sent,
    };
  };

  it('sends a file from a Blob as the JSON member it would be as a string', async () => {
    const base64 = 'QUJD'.repeat(MAX_LOGGED_BODY);
    const { entry, sent } = await sendFile(base64);
    const whole = JSON.stringify({
      name: 'part-1.csv',
      scope: 'private',
      mimeType: 'text/csv',
      derefUri: base64,
    });
    expect(sent).toBe(whole);
    expect(JSON.parse(sent as string)).toMatchObject({ derefUri: base64 });
    // The log has the start of it, as for a body sent as a string.
    expect(entry?.bodyComplete).toBe(false);
    expect(entry?.requestBodyLength).toBe(whole.length);
    expect(entry?.requestBody).toBe(`${whole.slice(0, 4096)}"}`);
  });

  it('logs a small file sent from a Blob whole, so its curl can be copied', async () => {
    const { entry, sent } = await sendFile('Zmlyc3ROYW1l');
    expect(entry?.bodyComplete).toBe(true);
    expect(entry?.requestBody).toBe(sent);
    expect(entry?.requestBodyLength).toBeUndefined();
  });
});
