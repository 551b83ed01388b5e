/**
 * The proxy holds the server's Whispir credentials: pages on other origins — another port, or a
 * host name that resolves to this machine — try to read, write and delete through it, and
 * nothing reaches the sandbox. The app's own page is refused anything but the wizard's calls.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { expect, SANDBOX_URL, test } from './support';

// attacker.test resolves to this machine, as a DNS name an attacker controls would.
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP attacker.test 127.0.0.1'],
  },
});

const AUTH = {
  'x-api-key': 'sandbox-key',
  authorization: `Basic ${Buffer.from('sandbox:sandbox').toString('base64')}`,
};
const RESOURCE = 'application/vnd.whispir.resource-v1+json';
const CONTACT = 'application/vnd.whispir.contact-v1+json';

/** What the sandbox holds, asked directly (not through the proxy). */
async function sandboxState() {
  const get = async (path: string, accept: string) => {
    const response = await fetch(`${SANDBOX_URL}${path}`, { headers: { ...AUTH, accept } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as {
      status?: string;
      resources?: unknown[];
      contacts?: unknown[];
    };
  };
  const resources = await get('/resources?limit=100', RESOURCE);
  const contacts = await get('/contacts?limit=100', CONTACT);
  return { resources: resources.resources?.length ?? 0, contacts: contacts.contacts?.length ?? 0 };
}

async function createContact(): Promise<string> {
  const response = await fetch(`${SANDBOX_URL}/contacts`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': CONTACT, accept: CONTACT },
    body: JSON.stringify({
      firstName: 'Victim',
      lastName: 'Contact',
      workEmailAddress1: 'victim@example.com',
      workMobilePhone1: '61400000001',
      workCountry: 'Australia',
      timezone: 'Australia/Sydney',
    }),
  });
  expect(response.status).toBe(201);
  return (response.headers.get('location') ?? '').split('/').pop() ?? '';
}

/** A page on another origin: serves a blank page; the test runs the attack in it. */
async function attackerSite(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>Another site</title><p>Nothing to see.</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Attempt {
  readonly what: string;
  /** "read" when the page could read the answer, "blind" when the request left but its answer is
   * hidden (no-cors), "blocked" when the browser did not send it or refused the answer. */
  readonly outcome: string;
  readonly status?: number;
}

/** Run in the attacker's page: every way a page may try to use the proxy. */
function attack(appOrigin: string, contactId: string): Promise<Attempt[]> {
  const resource = JSON.stringify({
    name: 'evil.csv',
    scope: 'private',
    mimeType: 'text/csv',
    derefUri: btoa('firstName,lastName\nEve,Hacker\n'),
  });
  const tries: [string, string, RequestInit][] = [
    ['read workspaces', '/workspaces', {}],
    ['read contacts', '/contacts', {}],
    ['read with the app’s header', '/workspaces', { headers: { 'x-whispir-import': 'wizard' } }],
    [
      'upload a resource (no-cors)',
      '/resources',
      { method: 'POST', mode: 'no-cors', body: resource },
    ],
    [
      'upload a resource with the app’s header',
      '/resources',
      {
        method: 'POST',
        body: resource,
        headers: {
          'x-whispir-import': 'wizard',
          'content-type': 'application/vnd.whispir.resource-v1+json',
        },
      },
    ],
    ['delete a contact', `/contacts/${contactId}`, { method: 'DELETE' }],
    [
      'send a message (no-cors)',
      '/messages',
      { method: 'POST', mode: 'no-cors', body: '{"to":"x"}' },
    ],
    ['create a contact (no-cors)', '/contacts', { method: 'POST', mode: 'no-cors', body: '{}' }],
  ];
  return Promise.all(
    tries.map(async ([what, path, init]): Promise<Attempt> => {
      try {
        const response = await fetch(`${appOrigin}/api/whispir${path}`, init);
        if (response.type === 'opaque') return { what, outcome: 'blind' };
        return { what, outcome: 'read', status: response.status };
      } catch {
        return { what, outcome: 'blocked' };
      }
    }),
  );
}

async function expectNothingReached(page: Page, appOrigin: string): Promise<void> {
  const contactId = await createContact();
  const before = await sandboxState();
  const attempts = await page.evaluate(([origin, id]) => attack(origin, id), [
    appOrigin,
    contactId,
  ] as const);
  // Nothing the page could read but a refusal, and what it sent blind changed nothing.
  expect(
    attempts.filter((attempt) => attempt.outcome === 'read' && attempt.status !== 403),
  ).toEqual([]);
  expect(attempts).toHaveLength(8);
  expect(await sandboxState()).toEqual(before);
  const victim = await fetch(`${SANDBOX_URL}/contacts/${contactId}`, {
    headers: { ...AUTH, accept: CONTACT },
  });
  expect(victim.status, 'the contact was not deleted').toBe(200);
}

test.describe('a page on another origin', () => {
  test('on another port cannot read, write or delete through the proxy', async ({
    page,
    baseURL,
  }) => {
    const site = await attackerSite();
    try {
      await page.goto(`http://127.0.0.1:${site.port}/`);
      await page.addScriptTag({ content: `window.attack = ${attack.toString()};` });
      await expectNothingReached(page, baseURL ?? '');
    } finally {
      await site.close();
    }
  });
});

test.describe('a host name that resolves to this machine', () => {
  test('on another port cannot use the proxy', async ({ page, baseURL }) => {
    const site = await attackerSite();
    try {
      await page.goto(`http://attacker.test:${site.port}/`);
      await page.addScriptTag({ content: `window.attack = ${attack.toString()};` });
      await expectNothingReached(page, baseURL ?? '');
    } finally {
      await site.close();
    }
  });

  test('on the app’s own port (DNS rebinding) gets neither the page nor the proxy', async ({
    page,
    baseURL,
  }) => {
    const port = new URL(baseURL ?? '').port;
    const rebound = `http://attacker.test:${port}`;
    const response = await page.goto(`${rebound}/`);
    expect(response?.status()).toBe(403);
    await page.addScriptTag({ content: `window.attack = ${attack.toString()};` });
    // Same-origin to the browser now, so only the Host check stands between it and the key.
    await expectNothingReached(page, rebound);
  });
});

test.describe('the app’s own page', () => {
  test('is refused every call the wizard does not make', async ({ page, request, baseURL }) => {
    await page.goto('/');
    const answers = await page.evaluate(async () => {
      const call = async (method: string, path: string) => {
        const response = await fetch(`/api/whispir${path}`, {
          method,
          headers: { 'x-whispir-import': 'wizard' },
          body: method === 'POST' || method === 'PUT' ? '{}' : undefined,
        });
        return {
          call: `${method} ${path}`,
          status: response.status,
          rule: ((await response.json()) as { rule?: string }).rule,
        };
      };
      return Promise.all([
        call('DELETE', '/contacts/0123456789ABCDEF0123456789ABCDEF'),
        call('POST', '/messages'),
        call('POST', '/workspaces/5A17B0C0FFEE0001/messages'),
        call('PUT', '/resources/0123456789ABCDEF0123456789ABCDEF'),
        call('GET', '/contacts/0123456789ABCDEF0123456789ABCDEF'),
      ]);
    });
    for (const answer of answers)
      expect(answer, answer.call).toMatchObject({ status: 403, rule: 'allow-list' });
    // Browsers refuse to send TRACE at all; a client outside one is refused by the proxy.
    const trace = await request.fetch(`${baseURL}/api/whispir/workspaces`, {
      method: 'TRACE',
      headers: { 'x-whispir-import': 'wizard' },
    });
    expect(trace.status()).toBe(403);
  });

  test('never sees a Whispir CORS header or a credential', async ({ page }) => {
    await page.goto('/');
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/whispir/workspaces', {
        headers: {
          'x-whispir-import': 'wizard',
          accept: 'application/vnd.whispir.workspace-v1+json',
        },
      });
      return {
        status: response.status,
        headers: [...response.headers.keys()],
        body: await response.text(),
      };
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(answer.body).not.toContain('sandbox-key');
  });
});
