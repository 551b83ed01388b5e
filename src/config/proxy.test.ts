/**
 * The same-origin proxy, exercised through a real Vite server: it forwards only to the
 * configured origin and sends the server's credentials, never the browser's.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';

interface Seen {
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
}

const seen: Seen[] = [];
let upstream: http.Server;
let vite: ViteDevServer;
let appUrl: string;
const saved = { ...process.env };

beforeAll(async () => {
  upstream = http.createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"workspaces":[]}');
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  Object.assign(process.env, {
    WHISPIR_API_URL: `http://127.0.0.1:${port}`,
    WHISPIR_API_KEY: 'server-side-key',
    WHISPIR_USERNAME: 'server-user',
    WHISPIR_PASSWORD: 'server-pass',
  });
  vite = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    server: { port: 0, strictPort: false },
  });
  await vite.listen();
  const address = vite.httpServer?.address() as AddressInfo;
  appUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await vite?.close();
  await new Promise((resolve) => upstream?.close(resolve));
  process.env = saved;
});

describe('the Whispir proxy', () => {
  it('adds the server-side credentials and drops the browser ones', async () => {
    const response = await fetch(`${appUrl}/api/whispir/workspaces?limit=5`, {
      headers: {
        accept: 'application/vnd.whispir.workspace-v1+json',
        'x-api-key': 'browser-key',
        authorization: 'Basic YnJvd3Nlcjpicm93c2Vy',
        cookie: 'session=1',
      },
    });
    expect(response.status).toBe(200);
    const request = seen.at(-1);
    expect(request?.url).toBe('/workspaces?limit=5');
    expect(request?.headers['x-api-key']).toBe('server-side-key');
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('server-user:server-pass').toString('base64')}`,
    );
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.accept).toBe('application/vnd.whispir.workspace-v1+json');
  });

  it('cannot be steered to another host by the path or the Host header', async () => {
    const before = seen.length;
    for (const path of [
      '//evil.example/workspaces',
      '/http://evil.example/workspaces',
      '/@evil.example/x',
    ]) {
      const response = await fetch(`${appUrl}/api/whispir${path}`, {
        headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
      });
      expect(response.status).toBe(200);
    }
    // Every one of them reached our one upstream, as a path on it.
    expect(seen.length - before).toBe(3);
    for (const request of seen.slice(before)) {
      expect(request.url.startsWith('/')).toBe(true);
      expect(request.headers.host).toMatch(/^127\.0\.0\.1:\d+$/);
    }
  });

  it('does not expose the sandbox-only routes when the target is a real Whispir', async () => {
    const before = seen.length;
    const response = await fetch(`${appUrl}/api/sandbox/imports/ABC`);
    expect(seen.length).toBe(before);
    expect(response.headers.get('content-type') ?? '').not.toContain('application/json');
  });
});
