/** Contract: `/contacts` at the root and under a workspace (Part B §5). */
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SALES_TEAM,
  authHeaders,
  idOf,
  jsonHeaders,
  resetSandbox,
  startTestSandbox,
  xml,
} from './test-client.ts';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox.url));

const person = (firstName: string, lastName: string, extra: Record<string, string> = {}) => ({
  firstName,
  lastName,
  workEmailAddress1: `${firstName.toLowerCase()}@example.com`,
  workMobilePhone1: '61400000000',
  workCountry: 'Australia',
  timezone: 'Australia/Melbourne',
  ...extra,
});

const create = (body: unknown, prefix = '') =>
  fetch(`${sandbox.url}${prefix}/contacts`, {
    method: 'POST',
    headers: jsonHeaders('contact'),
    body: JSON.stringify(body),
  });

const list = async (query: string, prefix = '') =>
  (
    await fetch(`${sandbox.url}${prefix}/contacts${query}`, { headers: jsonHeaders('contact') })
  ).json();

describe('create and read', () => {
  it('creates a contact: 201, Location, 32-hex id, links, then GET returns it', async () => {
    const response = await create(person('Fred', 'Smith', { jobTitle: 'Chef' }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.id).toMatch(/^[0-9A-F]{32}$/);
    expect(response.headers.get('location')).toBe(`${sandbox.url}/contacts/${body.id}`);
    expect(body.link.map((l: { rel: string }) => l.rel)).toEqual([
      'self',
      'updateContact',
      'deleteContact',
    ]);

    const fetched = await fetch(response.headers.get('location')!, {
      headers: jsonHeaders('contact'),
    });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({
      ...person('Fred', 'Smith', { jobTitle: 'Chef' }),
      id: body.id,
      status: 'A',
      type: 'COMPANY',
    });
  });

  it('answers 422 naming every missing mandatory field', async () => {
    const response = await create({ firstName: 'Fred', workCountry: 'Australia' });
    expect(response.status).toBe(422);
    const { errorText } = await response.json();
    for (const field of ['lastName', 'workEmailAddress1', 'workMobilePhone1', 'timezone'])
      expect(errorText).toContain(field);
    expect(errorText).not.toContain('firstName');
  });

  it('creates from an XML body and answers XML', async () => {
    const body = `<ns2:contact xmlns:ns2="http://schemas.api.whispir.com">${Object.entries(
      person('Xena', 'Ml'),
    )
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('')}</ns2:contact>`;
    const response = await fetch(`${sandbox.url}/workspaces/${SALES_TEAM}/contacts`, {
      method: 'POST',
      headers: { ...authHeaders(), 'content-type': xml('contact') },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe(xml('contact'));
    const root = new DOMParser().parseFromString(
      await response.text(),
      'application/xml',
    ).documentElement!;
    expect(root.localName).toBe('contact');
    expect(root.getElementsByTagName('firstName')[0]?.textContent).toBe('Xena');
    expect(root.getElementsByTagName('type')[0]?.textContent).toBe('PROJECT');
  });
});

describe('list', () => {
  it('pages at most 20 with a "1 to N of M" status and next/prev links', async () => {
    for (let i = 0; i < 25; i++) await create(person(`P${String(i).padStart(2, '0')}`, 'Page'));
    const first = await list('?limit=50');
    expect(first.status).toBe('1 to 20 of 25');
    expect(first.contacts).toHaveLength(20);
    expect(first.link).toContainEqual({
      uri: `${sandbox.url}/contacts?limit=20&offset=20`,
      rel: 'next',
      method: 'GET',
    });
    const second = await list('?limit=20&offset=20');
    expect(second.status).toBe('21 to 25 of 25');
    expect(second.link.map((l: { rel: string }) => l.rel)).toEqual(['prev']);
    expect((await list('?offset=100')).status).toBe('No records found');
  });

  it('answers 400 to a malformed limit', async () => {
    const response = await fetch(`${sandbox.url}/contacts?limit=ten`, {
      headers: jsonHeaders('contact'),
    });
    expect(response.status).toBe(400);
  });

  it('searches by any field with "contains", case-insensitive', async () => {
    await create(person('Sam', 'Gamgee'));
    await create(person('Samantha', 'Jones', { department: 'Staff 98123456' }));
    await create(person('Frodo', 'Baggins', { department: 'Staff 1234' }));
    const sams = await list('?firstName=sam');
    expect(sams.contacts.map((c: { firstName: string }) => c.firstName)).toEqual([
      'Sam',
      'Samantha',
    ]);
    expect((await list('?firstName=Sam&lastName=gamgee')).contacts).toHaveLength(1);
    expect((await list('?department=1234')).contacts).toHaveLength(2);
    expect((await list('?firstName=100%25')).status).toBe('No records found');
  });

  it('sorts by sortFields and sortOrder', async () => {
    await create(person('B', 'Beta'));
    await create(person('A', 'Alpha'));
    await create(person('C', 'Gamma'));
    const asc = await list('?sortFields=lastName&sortOrder=asc');
    expect(asc.contacts.map((c: { lastName: string }) => c.lastName)).toEqual([
      'Alpha',
      'Beta',
      'Gamma',
    ]);
    const desc = await list('?sortFields=lastName&sortOrder=desc');
    expect(desc.contacts.map((c: { lastName: string }) => c.lastName)).toEqual([
      'Gamma',
      'Beta',
      'Alpha',
    ]);
  });

  it('adds blank requested fields with fields=, and keeps workspaces apart', async () => {
    await create(person('Ws', 'Scoped'), `/workspaces/${SALES_TEAM}`);
    expect((await list('')).status).toBe('No records found');
    const scoped = await list('?fields=workPostCode', `/workspaces/${SALES_TEAM}`);
    expect(scoped.contacts).toHaveLength(1);
    expect(scoped.contacts[0]).toMatchObject({ firstName: 'Ws', workPostCode: '' });
  });
});

describe('update and delete', () => {
  it('PUT is a full replacement (204): missing fields are removed', async () => {
    const url = `${sandbox.url}/contacts/${idOf(await create(person('Fred', 'Smith', { jobTitle: 'Chef' })))}`;
    const put = await fetch(url, {
      method: 'PUT',
      headers: jsonHeaders('contact'),
      body: JSON.stringify(person('Frederick', 'Smith')),
    });
    expect(put.status).toBe(204);
    const after = await (await fetch(url, { headers: jsonHeaders('contact') })).json();
    expect(after.firstName).toBe('Frederick');
    expect(after).not.toHaveProperty('jobTitle');

    const invalid = await fetch(url, {
      method: 'PUT',
      headers: jsonHeaders('contact'),
      body: JSON.stringify({ firstName: 'Only' }),
    });
    expect(invalid.status).toBe(422);
  });

  it('DELETE answers 204, then 404', async () => {
    const url = `${sandbox.url}/contacts/${idOf(await create(person('Gone', 'Soon')))}`;
    expect((await fetch(url, { method: 'DELETE', headers: authHeaders() })).status).toBe(204);
    expect((await fetch(url, { headers: jsonHeaders('contact') })).status).toBe(404);
    expect((await fetch(url, { method: 'DELETE', headers: authHeaders() })).status).toBe(404);
  });

  it('a contact of one workspace is not found under another', async () => {
    const id = idOf(await create(person('Here', 'Only'), `/workspaces/${SALES_TEAM}`));
    expect(
      (await fetch(`${sandbox.url}/contacts/${id}`, { headers: jsonHeaders('contact') })).status,
    ).toBe(404);
  });
});
