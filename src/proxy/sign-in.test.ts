import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_FAILURES, callerAddress, signInFrom, signInMiddleware } from './sign-in';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('signInFrom', () => {
  it('needs nothing on loopback, and a sign-in anywhere else', () => {
    expect(signInFrom({}).kind).toBe('none');
    expect(signInFrom({ HOST: '127.0.0.1' }).kind).toBe('none');
    expect(signInFrom({ HOST: '::1' }).kind).toBe('none');
    expect(() => signInFrom({ HOST: '0.0.0.0' })).toThrow(/APP_PASSWORD/);
    expect(() => signInFrom({ APP_ALLOWED_HOSTS: 'import.example.com' })).toThrow(/APP_PASSWORD/);
    expect(signInFrom({ HOST: '0.0.0.0', APP_AUTH: 'external' }).kind).toBe('external');
    expect(signInFrom({ HOST: '0.0.0.0', APP_PASSWORD: 'a long passphrase' })).toEqual({
      kind: 'password',
      username: 'admin',
      password: 'a long passphrase',
    });
  });

  it('refuses settings that would be weaker than they look', () => {
    expect(() => signInFrom({ APP_PASSWORD: 'password1' })).toThrow(/at least 12/);
    expect(() => signInFrom({ APP_AUTH: 'password' })).toThrow(/APP_PASSWORD is not set/);
    expect(() => signInFrom({ APP_AUTH: 'none' })).toThrow(/takes "password".*"external"/);
    expect(() => signInFrom({ APP_PASSWORD: 'a long passphrase', APP_USERNAME: 'a:b' })).toThrow(
      /cannot contain/,
    );
  });
});

describe('signInMiddleware', () => {
  function appWith(now: () => number) {
    const app = new Hono();
    let address = '203.0.113.5';
    app.use(
      '*',
      signInMiddleware(
        { kind: 'password', username: 'admin', password: 'a long passphrase' },
        { addressOf: () => address, now },
      ),
    );
    app.get('*', (c) => c.text('in'));
    return {
      ask: (authorization?: string) =>
        app.request('http://x/', { headers: authorization ? { authorization } : {} }),
      from: (next: string) => (address = next),
    };
  }

  it('makes an address that keeps guessing wait, and lets it try again later', async () => {
    let time = 1_000_000;
    const { ask, from } = appWith(() => time);
    // Asking without a password (the browser's first request) is not a wrong guess.
    for (let i = 0; i < 20; i++) expect((await ask()).status).toBe(401);
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await ask(basic('admin', `guess ${i}`))).status).toBe(401);
    // Now even the right password waits.
    const waiting = await ask(basic('admin', 'a long passphrase'));
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held up.
    from('198.51.100.7');
    expect((await ask(basic('admin', 'a long passphrase'))).status).toBe(200);
    from('203.0.113.5');
    time += LOCKOUT_MS + 1;
    expect((await ask(basic('admin', 'a long passphrase'))).status).toBe(200);
  });

  it('counts a forwarded address only when told the proxy in front adds it', async () => {
    for (const forwardedFor of [false, true]) {
      const app = new Hono();
      app.use(
        '*',
        signInMiddleware(
          { kind: 'password', username: 'admin', password: 'a long passphrase', forwardedFor },
          { now: () => 0 },
        ),
      );
      app.get('*', (c) => c.text('in'));
      // Every guess from loopback claims another address.
      for (let i = 0; i < MAX_FAILURES; i++)
        await app.request(
          'http://x/',
          {
            headers: {
              authorization: basic('admin', `guess ${i}`),
              'x-forwarded-for': `10.0.0.${i}`,
            },
          },
          { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
        );
      const next = await app.request(
        'http://x/',
        {
          headers: {
            authorization: basic('admin', 'a long passphrase'),
            'x-forwarded-for': '10.0.0.99',
          },
        },
        { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
      );
      // Not told: the claims count for nothing and loopback is locked. Told: each claim is
      // a caller of its own, as nginx would have said.
      expect(next.status, String(forwardedFor)).toBe(forwardedFor ? 200 : 429);
    }
    expect(
      signInFrom({ APP_PASSWORD: 'a long passphrase', APP_TRUST_FORWARDED_FOR: '1' }),
    ).toMatchObject({
      forwardedFor: true,
    });
  });

  it('lets every request through when the sign-in is elsewhere', async () => {
    const app = new Hono();
    app.use('*', signInMiddleware({ kind: 'external' }));
    app.get('*', (c) => c.text('in'));
    expect((await app.request('http://x/')).status).toBe(200);
  });
});

describe('callerAddress', () => {
  it("takes the proxy's last X-Forwarded-For entry only from a proxy on this machine", () => {
    expect(callerAddress('127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    // A client's own entry comes first; the proxy adds the address it saw last.
    expect(callerAddress('::1', '10.0.0.1, 203.0.113.5')).toBe('203.0.113.5');
    expect(callerAddress('127.0.0.1', undefined)).toBe('127.0.0.1');
    // Anyone else's header is only their word.
    expect(callerAddress('203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
  });
});
