/**
 * `npm run serve`: the built page and the proxy from one server, with the same rules as the
 * development server and headers that keep the page to itself.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_REQUEST_HEADER, APP_REQUEST_HEADER_VALUE } from '../config/proxy-contract';
import { createServerApp } from './serve';

const dir = mkdtempSync(path.join(tmpdir(), 'serve-'));
mkdirSync(path.join(dir, 'assets'));
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = createServerApp({
  dir,
  // A target nothing listens on: these tests must never need it.
  env: {
    WHISPIR_API_URL: 'http://127.0.0.1:9',
    WHISPIR_API_KEY: 'k',
    APP_ALLOWED_HOSTS: 'import.example.com',
    // A sign-in in front of it (the cases below are the proxy's own rules).
    APP_AUTH: 'external',
  },
});
const get = (url: string, headers: Record<string, string> = {}) =>
  app.request(url, { headers: { host: 'import.example.com', ...headers } });

describe('npm run serve', () => {
  it('serves the page, its assets, and the page again for any app path', async () => {
    const page = await get('http://127.0.0.1:8080/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await get('http://127.0.0.1:8080/assets/app.js')).text()).toBe('console.log(1)');
    expect(await (await get('http://127.0.0.1:8080/some/step')).text()).toContain('id="root"');
  });

  it('serves its page under one loopback name, so one browser holds one lock and one journal', async () => {
    const local = createServerApp({
      dir,
      env: { WHISPIR_API_URL: 'http://127.0.0.1:9', WHISPIR_API_KEY: 'k' },
      listenHost: '127.0.0.1',
    });
    const at = (host: string, url: string) => local.request(url, { headers: { host } });
    const moved = await at('localhost:8080', 'http://localhost:8080/some/step?x=1');
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe('http://127.0.0.1:8080/some/step?x=1');
    expect((await at('[::1]:8080', 'http://[::1]:8080/')).headers.get('location')).toBe(
      'http://127.0.0.1:8080/',
    );
    expect((await at('127.0.0.1:8080', 'http://127.0.0.1:8080/')).status).toBe(200);
    // Served under its own names (APP_ALLOWED_HOSTS), a server redirects nothing.
    expect((await get('http://import.example.com/')).status).toBe(200);
  });

  it('tells the page where its calls go, whatever the build saw', async () => {
    // The build in `dir` was made with no target (the sandbox's); this server sends to Whispir.
    for (const url of ['/', '/index.html', '/some/step']) {
      const html = await (await get(`http://127.0.0.1:8080${url}`)).text();
      const meta = /<meta name="whispir-target" content="([^"]*)"/.exec(html)?.[1] ?? '';
      expect(JSON.parse(meta.replace(/&quot;/g, '"').replace(/&amp;/g, '&')), url).toEqual({
        label: '127.0.0.1:9',
        isSandbox: false,
        url: 'http://127.0.0.1:9',
      });
    }
  });

  it('serves no dotfile and nothing a link in the build points to outside it', async () => {
    writeFileSync(path.join(dir, '.env'), 'WHISPIR_API_KEY=secret');
    const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'assets', 'link.txt'));
    try {
      for (const url of ['/.env', '/assets/link.txt', '/%2eenv', '/assets/..%2f.env']) {
        const answer = await get(`http://x${url}`);
        expect(await answer.text(), url).not.toContain('secret');
      }
      expect((await get('http://x/.env')).status).toBe(404);
      expect((await get('http://x/assets/link.txt')).status).toBe(404);
    } finally {
      rmSync(outside, { recursive: true, force: true });
      rmSync(path.join(dir, 'assets', 'link.txt'));
      rmSync(path.join(dir, '.env'));
    }
  });

  it('answers the host names it is told of, and refuses any other', async () => {
    expect((await get('http://x/', { host: 'import.example.com' })).status).toBe(200);
    // Served under its own name, loopback is not one: behind a proxy that forwards Host as
    // 127.0.0.1, a rebound DNS name would otherwise pass.
    expect((await get('http://x/', { host: '127.0.0.1:8080' })).status).toBe(403);
    const rebound = await get('http://x/', { host: 'attacker.test:8080' });
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ rule: 'host' });
  });

  it('puts the proxy’s rules in front of /api', async () => {
    const noHeader = await get('http://127.0.0.1:8080/api/whispir/workspaces');
    expect(await noHeader.json()).toMatchObject({ rule: 'app-header' });
    const messages = await app.request('http://127.0.0.1:8080/api/whispir/messages', {
      method: 'POST',
      headers: { host: 'import.example.com', [APP_REQUEST_HEADER]: APP_REQUEST_HEADER_VALUE },
      body: '{}',
    });
    expect(messages.status).toBe(403);
    expect(await messages.json()).toMatchObject({ rule: 'allow-list' });
    // The sandbox's own routes do not exist for a real target.
    expect((await get('http://127.0.0.1:8080/api/sandbox/imports/ABC')).status).toBe(404);
  });

  const postFrom = (host: string, origin: string) =>
    app.request('http://x/api/whispir/messages', {
      method: 'POST',
      headers: {
        host,
        origin,
        'sec-fetch-site': 'same-origin',
        [APP_REQUEST_HEADER]: APP_REQUEST_HEADER_VALUE,
      },
      body: '{}',
    });

  it.each([
    ['its own host and port', 'import.example.com:8443', 'https://import.example.com:8443'],
    ['its own name, no port', 'import.example.com', 'https://import.example.com'],
    // A TLS proxy on 443 that forwards the Host with the app server's port.
    ['https on 443, Host with a port', 'import.example.com:8080', 'https://import.example.com'],
  ])('accepts its own page: %s', async (_what, host, origin) => {
    // Past the page checks; refused only by the allow-list (not a call the wizard makes).
    expect(await (await postFrom(host, origin)).json()).toMatchObject({ rule: 'allow-list' });
  });

  it.each([
    ['another site', 'import.example.com', 'https://attacker.example'],
    // Another service on the same machine: same name, another port or scheme.
    ['another port, Host without one', 'import.example.com', 'https://import.example.com:8443'],
    ['another port', 'import.example.com:8443', 'http://import.example.com:9000'],
    ['http on 80, Host with a port', 'import.example.com:8080', 'http://import.example.com'],
    // No browser sends a user name or a path in an Origin.
    ['a user name in it', 'import.example.com', 'https://x@import.example.com'],
    ['a path in it', 'import.example.com', 'https://import.example.com/'],
  ])('refuses a page from %s', async (_what, host, origin) => {
    const body = (await (await postFrom(host, origin)).json()) as { rule: string; message: string };
    expect(body.rule).toBe('origin');
    expect(body.message).toContain(`answers pages from ${host}`);
  });

  it('says where Whispir could not be reached, without the key', async () => {
    const answer = await get('http://127.0.0.1:8080/api/whispir/workspaces', {
      [APP_REQUEST_HEADER]: APP_REQUEST_HEADER_VALUE,
    });
    expect(answer.status).toBe(502);
    const body = (await answer.json()) as { message: string };
    expect(body.message).toMatch(/could not be reached through the proxy/);
  });
});

describe('npm run serve: who may use it', () => {
  const env = {
    WHISPIR_API_URL: 'http://127.0.0.1:9',
    WHISPIR_API_KEY: 'key-0123456789',
    APP_ALLOWED_HOSTS: 'import.example.com',
  };
  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('will not start reachable beyond this machine with no sign-in', () => {
    expect(() => createServerApp({ dir, env })).toThrow(
      /anyone who reaches import\.example\.com use the Whispir credentials.*APP_PASSWORD.*APP_AUTH=external/,
    );
    expect(() =>
      createServerApp({ dir, env: { ...env, APP_ALLOWED_HOSTS: '', HOST: '0.0.0.0' } }),
    ).toThrow(/anyone who reaches this machine on the network \(HOST=0\.0\.0\.0\)/);
    expect(() => createServerApp({ dir, env: { ...env, APP_PASSWORD: 'short' } })).toThrow(
      /at least 12 characters/,
    );
    // On loopback only, as `npm run serve` starts by default.
    expect(() => createServerApp({ dir, env: { ...env, APP_ALLOWED_HOSTS: '' } })).not.toThrow();
  });

  it('asks for its password for the page and the proxy, and forwards none of it', async () => {
    const lines: string[] = [];
    const guarded = createServerApp({
      dir,
      env: { ...env, APP_PASSWORD: 'correct horse battery', APP_USERNAME: 'ops' },
      log: (line) => lines.push(line),
    });
    const ask = (url: string, authorization?: string) =>
      guarded.request(url, {
        headers: {
          host: 'import.example.com',
          [APP_REQUEST_HEADER]: APP_REQUEST_HEADER_VALUE,
          ...(authorization ? { authorization } : {}),
        },
      });
    const page = await ask('http://x/');
    expect(page.status).toBe(401);
    // Marked as the app's own refusal, so the wizard never takes it for Whispir's.
    expect(page.headers.get('x-proxy-refused')).toBe('sign-in');
    expect(page.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(await page.text()).not.toContain('id="root"');
    expect((await ask('http://x/assets/app.js')).status).toBe(401);
    expect((await ask('http://x/api/whispir/workspaces')).status).toBe(401);
    expect((await ask('http://x/', basic('ops', 'wrong password!!'))).status).toBe(401);
    expect((await ask('http://x/', basic('admin', 'correct horse battery'))).status).toBe(401);
    const signedIn = await ask('http://x/', basic('ops', 'correct horse battery'));
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toContain('id="root"');
    // Signed in, the call reaches the proxy, which tries Whispir (nothing listens there).
    const call = await ask(
      'http://x/api/whispir/workspaces',
      basic('ops', 'correct horse battery'),
    );
    expect(call.status).toBe(502);
    expect(lines.join('\n')).not.toContain('correct horse battery');
  });
});
