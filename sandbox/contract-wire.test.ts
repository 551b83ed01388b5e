/**
 * Contract: auth, media types, XML/JSON negotiation, error bodies, CORS, workspaces. Plain HTTP
 * against a started sandbox.
 */
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  API_KEY,
  BASIC,
  MY_COMPANY,
  SALES_TEAM,
  SUPPORT_DESK,
  authHeaders,
  json,
  jsonHeaders,
  resetSandbox,
  startTestSandbox,
  xml,
} from './test-client.ts';

const NS = 'http://schemas.api.whispir.com';
const DAP = 'http://schemas.api.whispir.com/dap';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox.url));

const errorShape = {
  errorSummary: expect.any(String),
  errorText: expect.any(String),
  errorDetail: expect.any(String),
};

describe('auth', () => {
  it('answers 403 {"message":"Forbidden"} without an API key', async () => {
    const response = await fetch(`${sandbox.url}/workspaces`, {
      headers: { authorization: BASIC, accept: json('workspace') },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
  });

  it('answers 403 for a wrong API key', async () => {
    const response = await fetch(`${sandbox.url}/workspaces`, {
      headers: { 'x-api-key': 'nope', authorization: BASIC, accept: json('workspace') },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
  });

  it('accepts the key as the legacy apikey query parameter', async () => {
    const response = await fetch(`${sandbox.url}/workspaces?apikey=${API_KEY}`, {
      headers: { authorization: BASIC, accept: json('workspace') },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['a wrong password', `Basic ${Buffer.from('sandbox:wrong').toString('base64')}`],
    ['a wrong user', `Basic ${Buffer.from('someone:sandbox').toString('base64')}`],
    ['no Authorization', undefined],
    ['a wrong bearer token', 'Bearer nope'],
  ])('answers 401 with the standard error body for %s', async (_, authorization) => {
    const headers: Record<string, string> = { 'x-api-key': API_KEY, accept: json('contact') };
    if (authorization) headers.authorization = authorization;
    const response = await fetch(`${sandbox.url}/contacts`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe(json('contact'));
    expect(await response.json()).toEqual({
      ...errorShape,
      errorText: 'Unauthorized',
      errorSummary: expect.stringContaining('username and password'),
    });
  });

  it('accepts a Bearer token', async () => {
    const response = await fetch(`${sandbox.url}/workspaces`, {
      headers: {
        'x-api-key': API_KEY,
        authorization: 'Bearer sandbox-token',
        accept: json('workspace'),
      },
    });
    expect(response.status).toBe(200);
  });
});

describe('media types', () => {
  it('answers XML with the vendor xml type when there is no Accept header', async () => {
    const response = await fetch(`${sandbox.url}/workspaces`, { headers: authHeaders() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(xml('workspace'));
    const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
    const root = doc.documentElement!;
    expect(root.localName).toBe('return');
    expect(root.namespaceURI).toBe(DAP);
    expect(root.getElementsByTagNameNS(DAP, 'workspace').length).toBe(3);
    expect(root.getElementsByTagName('status')[0]?.textContent).toBe('1 to 3 of 3');
    expect(root.getElementsByTagNameNS(DAP, 'link').length).toBeGreaterThan(0);
  });

  it('answers 415 to an Accept of another entity, in the standard shape', async () => {
    const response = await fetch(`${sandbox.url}/workspaces`, {
      headers: { ...authHeaders(), accept: json('contact') },
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      ...errorShape,
      errorText: 'Unsupported Media Type',
    });
  });

  it('answers 415 to a POST with a missing or plain JSON Content-Type', async () => {
    for (const contentType of [undefined, 'application/json', json('contact')]) {
      const headers: Record<string, string> = { ...authHeaders(), accept: json('resource') };
      if (contentType) headers['content-type'] = contentType;
      const response = await fetch(`${sandbox.url}/resources`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      expect(response.status, String(contentType)).toBe(415);
      expect((await response.json()).errorText).toBe('Unsupported Media Type');
    }
  });

  it('accepts an XML body and answers an XML error with the Whispir namespaces', async () => {
    const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ws:workspace xmlns:ws="${NS}"><projectNumber>9</projectNumber></ws:workspace>`;
    const response = await fetch(`${sandbox.url}/workspaces`, {
      method: 'POST',
      headers: { ...authHeaders(), 'content-type': xml('workspace'), accept: xml('workspace') },
      body,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe(xml('workspace'));
    const root = new DOMParser().parseFromString(
      await response.text(),
      'application/xml',
    ).documentElement!;
    expect(root.localName).toBe('error');
    expect(root.namespaceURI).toBe(NS);
    expect(root.getElementsByTagName('errorText')[0]?.textContent).toContain('projectName');
  });
});

describe('standard errors', () => {
  it('answers 400 to a malformed JSON body', async () => {
    const response = await fetch(`${sandbox.url}/contacts`, {
      method: 'POST',
      headers: jsonHeaders('contact'),
      body: '{"firstName": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ...errorShape, errorText: 'Bad Request' });
  });

  it('answers 400 to malformed XML', async () => {
    const response = await fetch(`${sandbox.url}/contacts`, {
      method: 'POST',
      headers: { ...authHeaders(), 'content-type': xml('contact'), accept: json('contact') },
      body: '<ns2:contact xmlns:ns2="http://schemas.api.whispir.com"><firstName>x</ns2:contact>',
    });
    expect(response.status).toBe(400);
  });

  it('answers 404 to an unknown workspace, contact and path', async () => {
    const urls = [
      [`${sandbox.url}/workspaces/ABCDEF0123456789`, 'workspace'],
      [`${sandbox.url}/workspaces/ABCDEF0123456789/contacts`, 'contact'],
      [`${sandbox.url}/contacts/00000000000000000000000000000000`, 'contact'],
      [`${sandbox.url}/resources/00000000000000000000000000000000`, 'resource'],
      [`${sandbox.url}/no-such-thing`, 'contact'],
    ] as const;
    for (const [url, entity] of urls) {
      const response = await fetch(url, { headers: jsonHeaders(entity) });
      expect(response.status, url).toBe(404);
      const body = await response.json();
      expect(body).toEqual({ ...errorShape, errorText: 'Not Found' });
    }
  });

  it('answers 405 to verbs an endpoint does not support', async () => {
    const cases: [string, string][] = [
      ['GET', '/imports'],
      ['PUT', '/imports'],
      ['DELETE', '/imports'],
      ['GET', '/imports/ABC'],
      ['DELETE', `/workspaces/${SALES_TEAM}/imports/ABC`],
      ['GET', `/workspaces/${SALES_TEAM}/imports`],
      ['DELETE', '/workspaces'],
      ['PUT', '/resources'],
      ['POST', '/resources/ABC'],
    ];
    for (const [method, path] of cases) {
      const response = await fetch(`${sandbox.url}${path}`, {
        method,
        headers: jsonHeaders('importcontact'),
        body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(await response.json()).toEqual({ ...errorShape, errorText: 'Method Not Allowed' });
    }
  });

  it('answers 413 with the gateway string when the declared body is over 10,485,760 bytes', async () => {
    const response = await fetch(`${sandbox.url}/resources`, {
      method: 'POST',
      headers: jsonHeaders('resource'),
      body: 'x'.repeat(10_485_761),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toBe('HTTP content length exceeded 10485760 bytes.');
  });

  it('answers 413 to a chunked body once its streamed size passes the limit', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${sandbox.url}/resources`, {
      method: 'POST',
      headers: jsonHeaders('resource'),
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toBe('HTTP content length exceeded 10485760 bytes.');
  });
});

describe('CORS', () => {
  it('answers a preflight without credentials and exposes Location', async () => {
    const response = await fetch(`${sandbox.url}/resources`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,x-api-key,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'x-api-key',
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('sends Access-Control-Allow-Origin, Expose-Headers and no-cache headers on answers and errors', async () => {
    for (const headers of [jsonHeaders('workspace'), { accept: json('workspace') }]) {
      const response = await fetch(`${sandbox.url}/workspaces`, { headers });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-expose-headers')).toContain('Location');
      expect(response.headers.get('cache-control')).toBe('max-age=0');
      expect(response.headers.get('expires')).toBeTruthy();
    }
  });
});

describe('workspaces', () => {
  it('lists the seeded workspaces, "My Company" first, with 16-hex ids and self links', async () => {
    const response = await fetch(`${sandbox.url}/workspaces`, {
      headers: jsonHeaders('workspace'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(json('workspace'));
    const body = await response.json();
    expect(body.status).toBe('1 to 3 of 3');
    expect(body.workspaces.map((w: { projectName: string }) => w.projectName)).toEqual([
      'My Company',
      'Sales Team',
      'Support Desk',
    ]);
    expect(body.workspaces.map((w: { id: string }) => w.id)).toEqual([
      MY_COMPANY,
      SALES_TEAM,
      SUPPORT_DESK,
    ]);
    for (const workspace of body.workspaces) {
      expect(workspace.id).toMatch(/^[0-9A-F]{16}$/);
      expect(workspace.link).toContainEqual({
        uri: `${sandbox.url}/workspaces/${workspace.id}`,
        rel: 'self',
        method: 'GET',
      });
    }
  });

  it('creates a workspace (201 + Location) that can then be retrieved and listed', async () => {
    const created = await fetch(`${sandbox.url}/workspaces`, {
      method: 'POST',
      headers: jsonHeaders('workspace'),
      body: JSON.stringify({ projectName: 'Field Ops', projectNumber: 'F-7', status: 'A' }),
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.id).toMatch(/^[0-9A-F]{16}$/);
    expect(created.headers.get('location')).toBe(`${sandbox.url}/workspaces/${body.id}`);

    const fetched = await fetch(created.headers.get('location')!, {
      headers: jsonHeaders('workspace'),
    });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({
      id: body.id,
      projectName: 'Field Ops',
      projectNumber: 'F-7',
    });
    const list = await (
      await fetch(`${sandbox.url}/workspaces`, { headers: jsonHeaders('workspace') })
    ).json();
    expect(list.status).toBe('1 to 4 of 4');
  });

  it('answers 422 naming projectName when it is missing', async () => {
    const response = await fetch(`${sandbox.url}/workspaces`, {
      method: 'POST',
      headers: jsonHeaders('workspace'),
      body: JSON.stringify({ projectNumber: '1' }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      ...errorShape,
      errorText: expect.stringContaining('projectName'),
    });
  });

  it('resets to the same seed: created workspaces disappear', async () => {
    await fetch(`${sandbox.url}/workspaces`, {
      method: 'POST',
      headers: jsonHeaders('workspace'),
      body: JSON.stringify({ projectName: 'Temp' }),
    });
    await resetSandbox(sandbox.url);
    const list = await (
      await fetch(`${sandbox.url}/workspaces`, { headers: jsonHeaders('workspace') })
    ).json();
    expect(list.workspaces.map((w: { id: string }) => w.id)).toEqual([
      MY_COMPANY,
      SALES_TEAM,
      SUPPORT_DESK,
    ]);
  });

  it('offers the sandbox-only health endpoint without credentials', async () => {
    const response = await fetch(`${sandbox.url}/__sandbox/health`);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('lets no web page use its sandbox-only routes (they need no credentials)', async () => {
    const evil = 'http://evil.example';
    const preflight = await fetch(`${sandbox.url}/__sandbox/reset`, {
      method: 'OPTIONS',
      headers: { origin: evil, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${sandbox.url}/__sandbox/imports`, { headers: { origin: evil } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    // A form or no-cors post from a page needs no preflight: a browser's request is refused.
    const reset = await fetch(`${sandbox.url}/__sandbox/reset`, {
      method: 'POST',
      headers: { origin: evil },
    });
    expect(reset.status).toBe(403);
    const config = await fetch(`${sandbox.url}/__sandbox/config`, {
      method: 'PUT',
      headers: { origin: 'null', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(config.status).toBe(403);
    // Whispir's own routes still answer a browser's preflight, as Whispir does.
    const whispir = await fetch(`${sandbox.url}/workspaces`, {
      method: 'OPTIONS',
      headers: { origin: evil, 'access-control-request-method': 'GET' },
    });
    expect(whispir.headers.get('access-control-allow-origin')).toBe('*');
  });
});
