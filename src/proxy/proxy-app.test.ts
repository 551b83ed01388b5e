/**
 * The proxy, exercised through a real Vite server in front of a recording upstream: it forwards
 * only the wizard's own calls from the app's own page, with the server's credentials and never
 * the browser's, and gives the browser nothing it could leak.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Hono } from 'hono';
import { APP_REQUEST_HEADER, APP_REQUEST_HEADER_VALUE } from '../config/proxy-contract';
import { MEDIA_TYPES } from '../domain/whispir/media-types';
import { createProxyApp, MAX_ANSWER_BYTES } from './proxy-app';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

const API_KEY = 'server-side-key-0123';
const PASSWORD = 'server-password-4567';
const seen: Seen[] = [];
let upstream: http.Server;
let upstreamUrl: string;
let vite: ViteDevServer;
let appPort: number;
const saved = { ...process.env };

beforeAll(async () => {
  upstream = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url?.includes('firstName=huge')) {
        // An endless answer: only a proxy that stops reading gets past it.
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 97);
        const write = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', write);
        };
        write();
        return;
      }
      const status = /firstName=status(\d+)/.exec(request.url ?? '')?.[1];
      if (status) {
        // A status HTTP does not have (Node's socket writes what it is told).
        response.socket?.end(`HTTP/1.1 ${status} Odd\r\ncontent-length: 0\r\n\r\n`);
        return;
      }
      if (request.url?.includes('firstName=headers')) {
        response.writeHead(200, {
          'content-type': 'application/json',
          'x-error-code': 'E1',
          refresh: '0; url=https://attacker.example',
          'clear-site-data': '"*"',
          'strict-transport-security': 'max-age=63072000',
          link: '<https://attacker.example/x.js>; rel=preload',
        });
        response.end('{}');
        return;
      }
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      });
      // Whispir answers CORS for everyone and, in its legacy docs, echoes the key in links.
      response.writeHead(request.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'access-control-allow-credentials': 'true',
        'set-cookie': 'upstream=1',
        'cache-control': 'public, max-age=3600',
        expires: 'Thu, 01 Dec 2099 16:00:00 GMT',
        location: `${upstreamUrl}/resources/ABC?apikey=${API_KEY}`,
      });
      response.end(
        JSON.stringify({
          workspaces: [],
          link: [{ uri: `${upstreamUrl}/workspaces?apikey=${API_KEY}&x=1`, rel: 'self' }],
          echoed: `key ${API_KEY} and password ${PASSWORD}`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    WHISPIR_API_URL: upstreamUrl,
    WHISPIR_API_KEY: API_KEY,
    WHISPIR_USERNAME: 'server-user',
    WHISPIR_PASSWORD: PASSWORD,
  });
  vite = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    server: { port: 0, strictPort: false },
  });
  await vite.listen();
  appPort = (vite.httpServer?.address() as AddressInfo).port;
});

afterAll(async () => {
  await vite?.close();
  await new Promise((resolve) => upstream?.close(resolve));
  process.env = saved;
});

beforeEach(() => {
  seen.length = 0;
});

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A raw HTTP request, so Host, Origin and Sec-Fetch-Site are exactly what a test says. */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: appPort,
        method,
        path,
        headers: { host: `127.0.0.1:${appPort}`, ...headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The body type the wizard sends to create a resource or an import. */
const typeOf = (path: string) =>
  path.includes('/imports') ? MEDIA_TYPES.importContact : MEDIA_TYPES.resource;

/** What the wizard's own page sends with every call. */
const own = () => ({
  [APP_REQUEST_HEADER]: APP_REQUEST_HEADER_VALUE,
  origin: `http://127.0.0.1:${appPort}`,
  'sec-fetch-site': 'same-origin',
});

describe('the proxy forwards the wizard’s calls', () => {
  it.each([
    ['GET', '/workspaces'],
    ['GET', '/workspaces?limit=5'],
    ['POST', '/resources'],
    ['POST', '/workspaces/AB12CD34EF56AB78/resources'],
    ['POST', '/imports'],
    ['POST', '/workspaces/AB12CD34EF56AB78/imports'],
    ['GET', '/workspaces/AB12CD34EF56AB78/contacts?firstName=Jo&lastName=Li'],
    ['GET', '/contacts?firstName=Jo&workMobilePhone1=61412345678'],
  ])('%s %s reaches the target', async (method, path) => {
    const answer = await send(
      method,
      `/api/whispir${path}`,
      method === 'POST' ? { ...own(), 'content-type': typeOf(path) } : own(),
      method === 'POST' ? '{}' : undefined,
    );
    expect(answer.status).toBeLessThan(300);
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      `${method} ${path}`,
    ]);
  });

  it('sends the server’s credentials and none of the browser’s', async () => {
    const answer = await send('GET', '/api/whispir/workspaces?limit=5', {
      ...own(),
      accept: 'application/vnd.whispir.workspace-v1+json',
      'x-api-key': 'browser-key',
      'X-API-KEY': 'browser-key-2',
      x_api_key: 'browser-key-3',
      'x-apikey': 'browser-key-4',
      authorization: 'Basic YnJvd3Nlcjpicm93c2Vy',
      'proxy-authorization': 'Basic YnJvd3Nlcg==',
      cookie: 'session=1',
    });
    expect(answer.status).toBe(200);
    const [request] = seen;
    expect(request?.url).toBe('/workspaces?limit=5');
    expect(request?.headers['x-api-key']).toBe(API_KEY);
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`server-user:${PASSWORD}`).toString('base64')}`,
    );
    for (const name of [
      'proxy-authorization',
      'cookie',
      'x_api_key',
      'x-apikey',
      APP_REQUEST_HEADER,
    ])
      expect(request?.headers[name], name).toBeUndefined();
    expect(request?.headers.accept).toBe('application/vnd.whispir.workspace-v1+json');
  });

  it.each([
    ['a key of its own', '/api/whispir/workspaces?limit=5&apikey=browser'],
    ['a key in another spelling', '/api/whispir/workspaces?api.key=b&limit=5'],
    ['a method override', '/api/whispir/contacts?firstName=Ann&_method=DELETE'],
    ['a parameter twice', '/api/whispir/contacts?firstName=Ann&firstName=Bob'],
    ['a query on a call that sends none', '/api/whispir/resources?url=http://x'],
  ])('refuses a query the wizard never sends: %s', async (_what, path) => {
    const post = path.includes('resources');
    const answer = await send(post ? 'POST' : 'GET', path, own(), post ? '{}' : undefined);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ rule: 'query' });
    expect(seen).toEqual([]);
  });

  it('passes only the answer headers the wizard reads', async () => {
    const answer = await send('GET', '/api/whispir/contacts?firstName=headers', own());
    expect(answer.status).toBe(200);
    expect(answer.headers['x-error-code']).toBe('E1');
    for (const name of [
      'refresh',
      'clear-site-data',
      'strict-transport-security',
      'link',
      'set-cookie',
    ])
      expect(answer.headers[name], name).toBeUndefined();
  });

  it('answers 502 for a status HTTP does not have, instead of passing it on', async () => {
    for (const status of [199, 600]) {
      const answer = await send('GET', `/api/whispir/contacts?firstName=status${status}`, own());
      expect(answer.status).toBe(502);
    }
  });

  it('passes the body through unchanged', async () => {
    const body = JSON.stringify({ name: 'contacts.csv', derefUri: 'Zmlyc3ROYW1l' });
    await send(
      'POST',
      '/api/whispir/resources',
      { ...own(), 'content-type': `${MEDIA_TYPES.resource}; charset=utf-8` },
      body,
    );
    expect(seen[0]?.body).toBe(body);
  });

  it.each([
    ['/resources', 'application/json'],
    ['/resources', 'application/x-www-form-urlencoded'],
    ['/resources', 'text/plain'],
    ['/resources', MEDIA_TYPES.importContact],
    ['/workspaces/AB12CD34EF56AB78/imports', MEDIA_TYPES.resource],
    ['/imports', 'application/xml'],
    ['/imports', undefined],
  ])('refuses POST %s with a body of type %s, which the wizard never sends', async (path, type) => {
    const answer = await send(
      'POST',
      `/api/whispir${path}`,
      type ? { ...own(), 'content-type': type } : own(),
      '{}',
    );
    expect(answer.status).toBe(415);
    expect(answer.headers['x-proxy-refused']).toBe('content-type');
    expect(JSON.parse(answer.body)).toMatchObject({ rule: 'content-type' });
    expect(seen).toEqual([]);
  });

  it('gives the browser no CORS header, no cookie and no secret', async () => {
    const answer = await send('GET', '/api/whispir/workspaces', own());
    expect(
      Object.keys(answer.headers).filter((name) => name.startsWith('access-control-')),
    ).toEqual([]);
    expect(answer.headers['set-cookie']).toBeUndefined();
    // Contacts are personal data: no cache between here and the browser may keep an answer.
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers.expires).toBeUndefined();
    expect(answer.body).not.toContain(API_KEY);
    expect(answer.body).not.toContain(PASSWORD);
    expect(answer.headers.location).not.toContain(API_KEY);
    // Redacted in place: the answer is still the JSON it was, with the links' other parts kept.
    const json = JSON.parse(answer.body) as { link: { uri: string }[] };
    expect(json.link[0]?.uri).toBe(`${upstreamUrl}/workspaces?apikey=‹redacted›&x=1`);
  });
});

describe('the proxy refuses anything else', () => {
  it.each([
    ['DELETE', '/workspaces/AB12CD34EF56AB78/contacts/0123456789ABCDEF0123456789ABCDEF'],
    ['POST', '/messages'],
    ['POST', '/workspaces/AB12CD34EF56AB78/messages'],
    ['TRACE', '/workspaces'],
    ['PUT', '/resources'],
    ['GET', '/contacts/0123456789ABCDEF0123456789ABCDEF'],
    ['GET', '/resources/0123456789ABCDEF0123456789ABCDEF'],
    ['POST', '/workspaces'],
    ['POST', '/workspaces/..%2Fmessages/resources'],
    ['POST', '/workspaces/AB12/../../messages/resources'],
    ['GET', '//evil.example/workspaces'],
  ])('%s %s → 403 naming the allow-list, nothing forwarded', async (method, path) => {
    const answer = await send(
      method,
      `/api/whispir${path}`,
      own(),
      method === 'POST' ? '{}' : undefined,
    );
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ rule: 'allow-list' });
    expect(answer.headers['x-proxy-refused']).toBe('allow-list');
    expect(seen).toEqual([]);
  });

  it.each([
    ['a page on another port', { origin: 'http://127.0.0.1:1234' }, 'origin'],
    ['a page on another host', { origin: 'http://attacker.test:5173' }, 'origin'],
    ['an opaque origin', { origin: 'null' }, 'origin'],
    ['a cross-site request', { 'sec-fetch-site': 'cross-site', origin: undefined }, 'fetch-site'],
    ['a same-site request', { 'sec-fetch-site': 'same-site', origin: undefined }, 'fetch-site'],
    ['a request without the app’s header', { [APP_REQUEST_HEADER]: undefined }, 'app-header'],
    [
      'a rebound host name',
      { host: 'attacker.test:5173', origin: 'http://attacker.test:5173' },
      'host',
    ],
  ])('%s is refused (rule %s)', async (_what, change, rule) => {
    const headers = Object.fromEntries(
      Object.entries({ ...own(), ...change }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    );
    const answer = await send('POST', '/api/whispir/resources', headers, '{}');
    expect(answer.status).toBe(403);
    // Vite's own host check answers a foreign Host first, in plain text; `npm run serve`'s is ours.
    if (rule !== 'host') expect(JSON.parse(answer.body)).toMatchObject({ rule });
    expect(seen).toEqual([]);
  });

  it('refuses preflights, so a foreign page cannot send the app’s header', async () => {
    const answer = await send('OPTIONS', '/api/whispir/resources', {
      origin: 'http://127.0.0.1:1234',
      'access-control-request-method': 'POST',
      'access-control-request-headers': APP_REQUEST_HEADER,
    });
    expect(answer.status).toBe(403);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('does not expose the sandbox-only routes when the target is a real Whispir', async () => {
    const answer = await send('GET', '/api/sandbox/imports/ABC', own());
    expect(answer.status).toBe(404);
    expect(seen).toEqual([]);
  });

  it('still serves the app’s page', async () => {
    const answer = await send('GET', '/');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<div id="root">');
  });
});

describe('the proxy holds no more than one request body in memory', () => {
  it('stops reading an answer past its cap and says why, instead of holding it all', async () => {
    const answer = await send('GET', '/api/whispir/contacts?firstName=huge', own());
    expect(answer.status).toBe(502);
    const { message } = JSON.parse(answer.body) as { message: string };
    expect(message).toContain(`over ${MAX_ANSWER_BYTES.toLocaleString('en')} bytes`);
  });

  it('refuses a chunked body over the limit as it streams, before reading it all', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: appPort,
          method: 'POST',
          path: '/api/whispir/resources',
          headers: {
            host: `127.0.0.1:${appPort}`,
            ...own(),
            'content-type': MEDIA_TYPES.resource,
            'transfer-encoding': 'chunked',
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
          );
        },
      );
      request.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 97);
      // 12 MB with no Content-Length: only counting the bytes as they come can refuse it.
      let sent = 0;
      const write = () => {
        while (sent < 12 && request.write(chunk)) sent++;
        if (sent < 12) request.once('drain', write);
        else request.end();
      };
      write();
    });
    expect(answer.status).toBe(413);
    expect(seen).toEqual([]);
  });
});

describe('the proxy stops waiting for an upstream that does not answer', () => {
  let hanging: http.Server;
  let hangingUrl: string;
  const held: http.ServerResponse[] = [];

  beforeAll(async () => {
    hanging = http.createServer((request, response) => {
      held.push(response);
      // One answer starts and never ends; the other never starts.
      if (request.url?.includes('firstName=half')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"contacts": [');
      }
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const response of held) response.destroy();
    await new Promise((resolve) => hanging?.close(resolve));
  });

  function proxyTo(url: string, timeoutMs: number): Hono {
    return createProxyApp({
      target: { url, isSandbox: false, label: 'Whispir AU', headers: {}, secrets: [] },
      allowedHosts: ['127.0.0.1'],
      upstreamTimeoutMs: timeoutMs,
    });
  }

  it.each([
    ['no answer at all', 'GET', '/api/whispir/workspaces'],
    ['an answer that never ends', 'GET', '/api/whispir/contacts?firstName=half'],
    ['a write', 'POST', '/api/whispir/resources'],
  ])('answers 502 in plain words after its timeout: %s', async (_what, method, path) => {
    const started = Date.now();
    const answer = await proxyTo(hangingUrl, 200).request(`http://127.0.0.1${path}`, {
      method,
      headers: {
        host: '127.0.0.1',
        [APP_REQUEST_HEADER]: APP_REQUEST_HEADER_VALUE,
        ...(method === 'POST' ? { 'content-type': MEDIA_TYPES.resource } : {}),
      },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
    expect(answer.status).toBe(502);
    const { message } = (await answer.json()) as { message: string };
    expect(message).toMatch(/^Whispir AU did not answer within 0\.2 seconds/);
    if (method === 'POST') expect(message).toMatch(/check in Whispir before trying again/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('forwards as before when the upstream answers in time', async () => {
    const answer = await proxyTo(upstreamUrl, 5_000).request(
      'http://127.0.0.1/api/whispir/workspaces',
      {
        headers: { host: '127.0.0.1', [APP_REQUEST_HEADER]: APP_REQUEST_HEADER_VALUE },
      },
    );
    expect(answer.status).toBe(200);
  });
});
