/** Contract: `/resources` at the root and under a workspace, with every documented 422. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SALES_TEAM,
  base64,
  idOf,
  jsonHeaders,
  resetSandbox,
  startTestSandbox,
  xml,
} from './test-client.ts';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  // A small file limit so the decoded-size 422 is reachable under the 413 request limit.
  sandbox = await startTestSandbox({ maxFileBytes: 1000 });
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox.url));

const CSV = 'firstName,lastName\nJohn,Smith\n';

const post = (path: string, body: unknown) =>
  fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: jsonHeaders('resource'),
    body: JSON.stringify(body),
  });

const valid = {
  name: 'contacts.csv',
  scope: 'private',
  mimeType: 'text/csv',
  derefUri: base64(CSV),
};

describe('create', () => {
  it('answers 201 with a Location, a 32-hex id and HATEOAS links', async () => {
    const response = await post('/resources', valid);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/vnd.whispir.resource-v1+json');
    const body = await response.json();
    expect(body.id).toMatch(/^[0-9A-F]{32}$/);
    expect(response.headers.get('location')).toBe(`${sandbox.url}/resources/${body.id}`);
    expect(body).toMatchObject({ name: 'contacts.csv', scope: 'private', mimeType: 'text/csv' });
    expect(body).not.toHaveProperty('derefUri');
    expect(body.link.map((l: { rel: string }) => l.rel)).toEqual([
      'self',
      'updateResource',
      'deleteResource',
    ]);
  });

  it('takes an XML request and answers XML', async () => {
    const response = await fetch(`${sandbox.url}/workspaces/${SALES_TEAM}/resources`, {
      method: 'POST',
      headers: {
        ...jsonHeaders('resource'),
        'content-type': xml('resource'),
        accept: xml('resource'),
      },
      body: `<?xml version="1.0" encoding="UTF-8"?><ns3:resource xmlns:ns2="http://schemas.api.whispir.com/dap" xmlns:ns3="http://schemas.api.whispir.com"><name>a.csv</name><scope>private</scope><mimeType>text/csv</mimeType><derefUri>${base64(CSV)}</derefUri></ns3:resource>`,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toMatch(
      new RegExp(`/workspaces/${SALES_TEAM}/resources/[0-9A-F]{32}$`),
    );
    expect(await response.text()).toMatch(
      /^<\?xml[^>]*\?><ns2:resource xmlns:ns2="http:\/\/schemas.api.whispir.com"/,
    );
  });

  it.each([
    ['a missing field', { ...valid, name: undefined }, 'name'],
    ['all fields missing', {}, 'derefUri'],
    ['an unknown scope', { ...valid, scope: 'secret' }, 'scope'],
    [
      'a private mime type that is not csv/json/xml',
      { ...valid, mimeType: 'text/html' },
      'mimeType',
    ],
    ['invalid base64', { ...valid, derefUri: 'not base64!' }, 'derefUri'],
    [
      'a decoded file over the size limit',
      { ...valid, derefUri: base64('a,b\n'.repeat(300)) },
      'derefUri',
    ],
    [
      'a CSV file with an unclosed quote',
      { ...valid, derefUri: base64('a,b\n"x,y\n') },
      'derefUri',
    ],
    [
      'a JSON file that is not JSON',
      { ...valid, mimeType: 'application/json', derefUri: base64('{"contacts": [') },
      'derefUri',
    ],
    [
      'an XML file that is not well-formed',
      { ...valid, mimeType: 'application/xml', derefUri: base64('<a><b></a>') },
      'derefUri',
    ],
    [
      'a file that is not text',
      { ...valid, derefUri: Buffer.from([0xff, 0xfe, 0, 1]).toString('base64') },
      'derefUri',
    ],
  ])('answers 422 naming the field for %s', async (_, body, field) => {
    const response = await post('/resources', body);
    expect(response.status).toBe(422);
    const error = await response.json();
    expect(error).toEqual({
      errorSummary: expect.stringContaining('did not contain all of the information'),
      errorText: expect.stringContaining(field),
      errorDetail: expect.any(String),
    });
  });

  it('accepts a public resource of any mime type and gives it a url', async () => {
    const response = await post('/resources', {
      name: 'page.html',
      scope: 'public',
      mimeType: 'text/html',
      derefUri: base64('<p>hi</p>'),
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    const download = await fetch(body.url);
    expect(await download.text()).toBe('<p>hi</p>');
  });
});

describe('list, get, put, delete', () => {
  it('lists most recently updated first, filters by scope and by name (contains)', async () => {
    await post('/resources', { ...valid, name: 'India.csv' });
    await post('/resources', { ...valid, name: 'Argentina.csv' });
    await post('/resources', { ...valid, name: 'Peru.csv' });
    await post('/resources', {
      name: 'p.txt',
      scope: 'public',
      mimeType: 'text/plain',
      derefUri: base64('x'),
    });

    const all = await (
      await fetch(`${sandbox.url}/resources`, { headers: jsonHeaders('resource') })
    ).json();
    expect(all.status).toBe('1 to 4 of 4');
    expect(all.resources[0].name).toBe('p.txt');
    const named = await (
      await fetch(`${sandbox.url}/resources?name=in`, { headers: jsonHeaders('resource') })
    ).json();
    expect(named.resources.map((r: { name: string }) => r.name).sort()).toEqual([
      'Argentina.csv',
      'India.csv',
    ]);
    const priv = await (
      await fetch(`${sandbox.url}/resources?scope=private`, { headers: jsonHeaders('resource') })
    ).json();
    expect(priv.resources).toHaveLength(3);
    const none = await (
      await fetch(`${sandbox.url}/resources?name=zzz`, { headers: jsonHeaders('resource') })
    ).json();
    expect(none).toEqual({ status: 'No records found', resources: [], link: [] });
  });

  it('keeps workspaces apart', async () => {
    const created = await post(`/workspaces/${SALES_TEAM}/resources`, valid);
    const id = idOf(created);
    const root = await fetch(`${sandbox.url}/resources/${id}`, {
      headers: jsonHeaders('resource'),
    });
    expect(root.status).toBe(404);
    const scoped = await fetch(`${sandbox.url}/workspaces/${SALES_TEAM}/resources/${id}`, {
      headers: jsonHeaders('resource'),
    });
    expect(scoped.status).toBe(200);
    expect(await scoped.json()).toMatchObject({ id, name: 'contacts.csv' });
  });

  it('replaces with PUT (204, same validation) and deletes (204, then 404)', async () => {
    const url = `${sandbox.url}/resources/${idOf(await post('/resources', valid))}`;
    const put = (body: unknown) =>
      fetch(url, { method: 'PUT', headers: jsonHeaders('resource'), body: JSON.stringify(body) });

    expect((await put({ ...valid, mimeType: 'image/png' })).status).toBe(422);
    const replaced = await put({
      ...valid,
      name: 'renamed.json',
      mimeType: 'application/json',
      derefUri: base64('[]'),
    });
    expect(replaced.status).toBe(204);
    const meta = await (await fetch(url, { headers: jsonHeaders('resource') })).json();
    expect(meta).toMatchObject({ name: 'renamed.json', mimeType: 'application/json' });

    expect((await fetch(url, { method: 'DELETE', headers: jsonHeaders('resource') })).status).toBe(
      204,
    );
    expect((await fetch(url, { headers: jsonHeaders('resource') })).status).toBe(404);
    expect((await fetch(url, { method: 'DELETE', headers: jsonHeaders('resource') })).status).toBe(
      404,
    );
    expect((await put(valid)).status).toBe(404);
  });
});
