import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  LOCKOUT_MS,
  MAX_FAILURES,
  addressKey,
  callerAddress,
  signInFrom,
  signInMiddleware,
  type SignIn,
} from './sign-in';

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

  it('counts a password’s characters as a person does, and refuses one of only spaces', () => {
    // Six emoji are twelve UTF-16 units, but six characters.
    expect(() => signInFrom({ APP_PASSWORD: '😀😁😂🤣😃😄' })).toThrow(/at least 12/);
    expect(signInFrom({ APP_PASSWORD: 'ab😀cdefghijk' }).kind).toBe('password');
    for (const blank of [' '.repeat(12), '\t'.repeat(16), '\u00a0'.repeat(12)])
      expect(() => signInFrom({ APP_PASSWORD: blank }), JSON.stringify(blank)).toThrow(
        /only spaces/,
      );
  });

  it('does not repeat a password typed into APP_AUTH by mistake', () => {
    expect(() => signInFrom({ APP_AUTH: 'correct horse battery' })).toThrow(/APP_AUTH/);
    expect(() => signInFrom({ APP_AUTH: 'correct horse battery' })).not.toThrow(/horse/);
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

describe('a server with no sign-in of its own, reached through another server', () => {
  function appFor(signIn: SignIn) {
    const app = new Hono();
    const lines: string[] = [];
    app.use('*', signInMiddleware(signIn, { log: (line) => lines.push(line), now: () => 0 }));
    app.get('*', (c) => c.text('in'));
    return {
      lines,
      ask: (headers: Record<string, string> = {}, httpVersion = '1.1') =>
        app.request('http://127.0.0.1:8080/', { headers }, { incoming: { httpVersion } }),
    };
  }

  it.each([
    ['x-forwarded-for', '203.0.113.5'],
    ['x-forwarded-host', 'import.example.com'],
    ['x-forwarded-proto', 'https'],
    ['forwarded', 'for=203.0.113.5;proto=https'],
    ['via', '1.1 proxy'],
    ['x-real-ip', '203.0.113.5'],
    ['x-client-ip', '203.0.113.5'],
    ['x-original-forwarded-for', '203.0.113.5'],
    // nginx with its usual WebSocket lines: "Connection: upgrade" on every request.
    ['connection', 'upgrade'],
  ])('is refused with %s, and told what to set', async (name, value) => {
    const { ask } = appFor({ kind: 'none' });
    const answer = await ask({ [name]: value });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('x-proxy-refused')).toBe('sign-in');
    expect(await answer.text()).toMatch(/through another server.*APP_PASSWORD.*APP_AUTH=external/);
  });

  it('is refused through nginx’s plain proxy_pass, which adds no header but speaks HTTP/1.0', async () => {
    const { ask } = appFor({ kind: 'none' });
    expect((await ask({}, '1.0')).status).toBe(403);
  });

  it('is answered when reached directly, and logs the refusals it makes at a bounded rate', async () => {
    const { ask, lines } = appFor({ kind: 'none' });
    expect((await ask()).status).toBe(200);
    // A browser's own WebSocket upgrade is no sign of another server.
    expect((await ask({ connection: 'Upgrade', upgrade: 'websocket' })).status).toBe(200);
    for (let i = 0; i < 50; i++) await ask({ via: '1.1 proxy' });
    expect(lines.length).toBeLessThanOrEqual(10);
  });

  it('leaves forwarded requests to the sign-in when there is one', async () => {
    expect((await appFor({ kind: 'external' }).ask({ via: '1.1 sso' })).status).toBe(200);
    const own = appFor({ kind: 'password', username: 'admin', password: 'a long passphrase' });
    const answer = await own.ask({ 'x-forwarded-for': '203.0.113.5' });
    expect(answer.status).toBe(401);
  });
});

describe('addressKey', () => {
  it('counts an IPv6 address as its /64, and an IPv4 address written as IPv6 as itself', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0DB8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('[2001:db8:1:2::5]')).toBe('2001:db8:1:2::/64');
    // With a port, as IIS and Azure write X-Forwarded-For: the port is no part of the address.
    expect(addressKey('[2001:db8:1:2::5]:443')).toBe('2001:db8:1:2::/64');
    expect(addressKey('203.0.113.5:51234')).toBe('203.0.113.5');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('::ffff:cb00:7105')).toBe('203.0.113.5');
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('not an address')).toBe('not an address');
  });
});

describe('wrong sign-ins from many addresses', () => {
  const RIGHT = basic('admin', 'a long passphrase');
  function appWith(options: { maxTracked?: number; ceiling?: number } = {}) {
    let time = 1_000_000;
    const lines: string[] = [];
    const app = new Hono();
    let address = '203.0.113.5';
    app.use(
      '*',
      signInMiddleware(
        { kind: 'password', username: 'admin', password: 'a long passphrase' },
        {
          addressOf: () => address,
          now: () => time,
          log: (line) => lines.push(line),
          ...(options.maxTracked ? { maxTrackedAddresses: options.maxTracked } : {}),
          ...(options.ceiling ? { maxServerFailuresPerMinute: options.ceiling } : {}),
        },
      ),
    );
    app.get('*', (c) => c.text('in'));
    return {
      lines,
      as: async (from: string, authorization: string) => {
        address = from;
        return (await app.request('http://x/', { headers: { authorization } })).status;
      },
      later: (ms: number) => (time += ms),
    };
  }
  const wrong = (i: number) => basic('admin', `guess ${i}`);

  it('counts every address of one IPv6 /64 together', async () => {
    const { as } = appWith();
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(await as(`2001:db8:1:2::${i + 1}`, wrong(i))).toBe(401);
    expect(await as('2001:db8:1:2:ffff::9', RIGHT)).toBe(429);
    expect(await as('::ffff:203.0.113.5', RIGHT)).toBe(200);
  });

  it('never forgets a locked-out address to make room, and turns new guessers away instead', async () => {
    const { as } = appWith({ maxTracked: 3 });
    // The admin signs in once from home.
    expect(await as('198.51.100.1', RIGHT)).toBe(200);
    for (let i = 0; i < MAX_FAILURES; i++) await as('203.0.113.1', wrong(i));
    // Other guessers come and go; the oldest that is not locked out makes room.
    for (let i = 0; i < 20; i++) expect(await as(`203.0.113.${100 + i}`, wrong(i))).toBe(401);
    expect(await as('203.0.113.1', RIGHT)).toBe(429);
    // Every place taken by an address that is locked out: a new one is not heard at all.
    for (const locked of ['203.0.113.2', '203.0.113.3'])
      for (let i = 0; i < MAX_FAILURES; i++) await as(locked, wrong(i));
    expect(await as('203.0.113.50', RIGHT)).toBe(429);
    expect(await as('203.0.113.1', RIGHT)).toBe(429);
    // The admin, known to the server, still gets in.
    expect(await as('198.51.100.1', RIGHT)).toBe(200);
  });

  it('past the server-wide ceiling hears only addresses that signed in before, for a minute', async () => {
    const { as, later, lines } = appWith({ ceiling: 5 });
    expect(await as('198.51.100.1', RIGHT)).toBe(200);
    later(60_000);
    for (let i = 0; i < 5; i++) expect(await as(`2001:db8:${i}::1`, wrong(i))).toBe(401);
    // A new address is turned away unheard, even with the right password (its answer would be a guess).
    expect(await as('2001:db8:99::1', RIGHT)).toBe(429);
    expect(await as('2001:db8:98::1', wrong(9))).toBe(429);
    // The admin is not locked out by someone else's guessing.
    expect(await as('198.51.100.1', RIGHT)).toBe(200);
    expect(lines.some((line) => /5 wrong sign-ins within a minute/.test(line))).toBe(true);
    later(60_000);
    expect(await as('2001:db8:99::1', RIGHT)).toBe(200);
  });

  it('logs a bounded number of lines a minute, and says how many it held back', async () => {
    const { as, later, lines } = appWith();
    for (let i = 0; i < 60; i++) await as(`203.0.113.${i}`, wrong(i));
    expect(lines.length).toBeLessThanOrEqual(11);
    later(60_000);
    await as('198.51.100.1', wrong(0));
    expect(lines.some((line) => /50 more refusals/.test(line))).toBe(true);
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
