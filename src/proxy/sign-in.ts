/**
 * Who may use the server at all. The proxy's rules (proxy-rules.ts) keep other web pages out,
 * but a script sets Host, Origin and the app's header as it likes: whoever reaches the server
 * can use its Whispir credentials. So a server reachable beyond this machine must ask who is
 * there: its own password (`APP_PASSWORD`, HTTP Basic, which the browser asks for once), or a
 * sign-in in front of it that the operator vouches for (`APP_AUTH=external`: SSO, a VPN, an IP
 * allow-list). Served on loopback only, the machine's own user is the only one there.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { PROXY_REFUSED_HEADER } from '../config/proxy-contract.ts';

export type SignIn =
  | { readonly kind: 'none' }
  | { readonly kind: 'external' }
  | {
      readonly kind: 'password';
      readonly username: string;
      readonly password: string;
      /** Behind a TLS proxy on this machine that adds the caller to `X-Forwarded-For`. */
      readonly forwardedFor?: boolean;
    };

export class SignInConfigError extends Error {}

/** Shorter passwords fall to guessing over the network. */
export const MIN_APP_PASSWORD = 12;
/** Wrong sign-ins from one address before it waits (`LOCKOUT_MS` from its first). */
export const MAX_FAILURES = 10;
export const LOCKOUT_MS = 15 * 60_000;
/**
 * Wrong sign-ins from everywhere in one minute past which, for the rest of that minute, only
 * addresses that signed in before are heard: many addresses (an IPv6 range holds millions) would
 * otherwise each get their own `MAX_FAILURES` guesses.
 */
export const MAX_SERVER_FAILURES_PER_MINUTE = 100;
/** Addresses whose wrong sign-ins are counted at once (memory stays bounded). */
export const MAX_TRACKED_ADDRESSES = 10_000;
/** Addresses remembered as having signed in lately, heard even while the server is guessed at. */
const MAX_KNOWN_ADDRESSES = 1_000;
const KNOWN_FOR_MS = 24 * 60 * 60_000;
/** Refusal lines logged one by one each minute; beyond, one line says how many were not. */
const LOG_LINES_PER_MINUTE = 10;
const MINUTE_MS = 60_000;

const LOOPBACK_BINDS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The sign-in the environment asks for; throws when a reachable server would ask for none. */
export function signInFrom(env: Record<string, string | undefined>): SignIn {
  const password = env.APP_PASSWORD ?? '';
  const auth = (env.APP_AUTH ?? '').trim().toLowerCase();
  // The value is not repeated: a password typed into the wrong variable would end up in a log.
  if (auth !== '' && auth !== 'external' && auth !== 'password')
    throw new SignInConfigError(
      'APP_AUTH has a value it does not know: it takes "password" (with APP_PASSWORD) or "external".',
    );
  if (password !== '') {
    if (password.trim() === '')
      throw new SignInConfigError(
        'APP_PASSWORD is only spaces: give it a password of at least ' +
          `${MIN_APP_PASSWORD} characters, or leave it unset.`,
      );
    // Characters as a person counts them: an emoji is one, not the two halves JavaScript stores.
    if ([...password].length < MIN_APP_PASSWORD)
      throw new SignInConfigError(
        `APP_PASSWORD must be at least ${MIN_APP_PASSWORD} characters: whoever signs in can use the Whispir credentials.`,
      );
    const username = (env.APP_USERNAME ?? '').trim() || 'admin';
    if (username.includes(':')) throw new SignInConfigError('APP_USERNAME cannot contain ":".');
    const forwardedFor = /^(1|true|yes)$/i.test((env.APP_TRUST_FORWARDED_FOR ?? '').trim());
    return { kind: 'password', username, password, ...(forwardedFor ? { forwardedFor } : {}) };
  }
  if (auth === 'password')
    throw new SignInConfigError('APP_AUTH is "password", but APP_PASSWORD is not set.');
  if (auth === 'external') return { kind: 'external' };
  const host = (env.HOST ?? '').trim();
  const names = (env.APP_ALLOWED_HOSTS ?? '').trim();
  const exposed = (host !== '' && !LOOPBACK_BINDS.has(host.toLowerCase())) || names !== '';
  if (exposed)
    throw new SignInConfigError(
      `This server would let anyone who reaches ${names || (/^(0\.0\.0\.0|::|\[::\])$/.test(host) ? `this machine on the network (HOST=${host})` : host)} use the Whispir credentials: ` +
        'the proxy keeps other web pages out, not scripts. Set APP_PASSWORD (at least ' +
        `${MIN_APP_PASSWORD} characters; the browser asks for it once), or put a sign-in in ` +
        'front of the server (single sign-on, a VPN, an IP allow-list) and set APP_AUTH=external.',
    );
  return { kind: 'none' };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Whose sign-in this is, for counting wrong ones. Behind a TLS proxy on the same machine every
 * request comes from loopback, so one guesser would lock everyone out: there, told so
 * (`APP_TRUST_FORWARDED_FOR=1`), the address the proxy added last to `X-Forwarded-For` (nginx's
 * `$proxy_add_x_forwarded_for`, Caddy's default) is the caller's. Not told, or from anywhere
 * else, the header is the caller's own word (a front end that adds none, such as stunnel, would
 * let each guess name a new address), and not taken.
 */
export function callerAddress(socket: string, forwardedFor: string | undefined): string {
  if (!LOOPBACK_ADDRESSES.has(socket) || !forwardedFor) return socket;
  const last = forwardedFor.split(',').at(-1)?.trim();
  return last ? last : socket;
}

/**
 * The key wrong sign-ins are counted under. One IPv6 subscriber gets a whole /64 (2^64
 * addresses), so an IPv6 address counts as its /64; an IPv4 address written as IPv6
 * (`::ffff:203.0.113.5`) counts as the IPv4 address it is. Anything unreadable counts as itself.
 */
export function addressKey(address: string): string {
  const bare = address
    .trim()
    // A port, as some front ends write it into X-Forwarded-For, is not part of the address.
    .replace(/^\[(.*)\](?::\d+)?$/, '$1')
    .replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1')
    .replace(/%.*$/, '')
    .toLowerCase();
  if (!bare.includes(':')) return bare;
  const groups = ipv6Groups(bare);
  if (!groups) return bare;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [high, low] = [groups[6] ?? 0, groups[7] ?? 0];
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail read as two), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address;
  const dotted = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted) {
    const bytes = dotted.slice(2).map(Number);
    if (bytes.some((byte) => byte > 255)) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = bytes;
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const part = (half: string | undefined) => (half ? half.split(':') : []);
  const head = part(halves[0]);
  const rest = part(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...rest];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return all.map((group) => parseInt(group, 16));
}

/**
 * Headers that another server in front adds. A server with no sign-in of its own is safe only
 * while the machine's own users are the only ones who reach it; one of these says someone
 * reached it through nginx, Caddy, Apache, a tunnel or a load balancer, from wherever that is.
 */
const FORWARDING_HEADERS = [
  'x-forwarded',
  'x-original-forwarded-for',
  'x-client-ip',
  'x-cluster-client-ip',
  'x-proxyuser-ip',
  'fastly-client-ip',
  'x-envoy-external-address',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-forwarded-server',
  'forwarded',
  'via',
  'x-real-ip',
  'cf-connecting-ip',
  'true-client-ip',
];

const BEHIND_ANOTHER_SERVER =
  'This server is being reached through another server (such as nginx, Caddy or a tunnel), ' +
  'and it has no sign-in of its own, so anyone who reaches that server could use the Whispir ' +
  `account. Set APP_PASSWORD (at least ${MIN_APP_PASSWORD} characters; the browser asks for it ` +
  'once), or, if a sign-in in front of it (single sign-on, a VPN, an IP allow-list) decides who ' +
  'gets in, set APP_AUTH=external.';

interface Incoming {
  readonly incoming?: {
    readonly httpVersion?: string;
    readonly socket?: { readonly remoteAddress?: string };
  };
}

/** Did this request come through another server (see `FORWARDING_HEADERS`)? */
export function cameThroughAnotherServer(
  header: (name: string) => string | undefined,
  httpVersion: string | undefined,
): boolean {
  // nginx's plain `proxy_pass` adds no header at all, but speaks HTTP/1.0, which no browser does;
  // its usual WebSocket lines send "Connection: upgrade" on every request, with no Upgrade.
  // A front end that adds nothing at all (HAProxy by default, a TCP tunnel) cannot be told.
  return (
    httpVersion === '1.0' ||
    (/\bupgrade\b/i.test(header('connection') ?? '') && header('upgrade') === undefined) ||
    FORWARDING_HEADERS.some((name) => header(name) !== undefined)
  );
}

/**
 * Log lines of one kind, at most `LOG_LINES_PER_MINUTE` a minute: a guesser cannot fill the log.
 * What was held back is counted, and said in one line when the next minute's first line comes.
 */
function boundedLog(log: (line: string) => void, now: () => number) {
  let start = -Infinity;
  let lines = 0;
  let held = 0;
  return (line: string) => {
    const time = now();
    if (time - start >= MINUTE_MS) {
      if (held > 0)
        log(`sign-in: ${held} more refusals in the minute before were not logged one by one`);
      start = time;
      lines = 0;
      held = 0;
    }
    if (lines < LOG_LINES_PER_MINUTE) {
      lines++;
      log(line);
    } else held++;
  };
}

/**
 * Asks for the password on every request (page, assets and `/api/*`) when the sign-in is the
 * server's own. Wrong answers are counted per address (an IPv6 /64); past `MAX_FAILURES` it
 * waits. Past `MAX_SERVER_FAILURES_PER_MINUTE` wrong answers from everywhere, only addresses that
 * signed in lately are heard until the minute is over, so the admin still gets in. With no
 * sign-in at all, a request that came through another server is refused.
 */
export function signInMiddleware(
  signIn: SignIn,
  options: {
    readonly log?: (line: string) => void;
    /** The caller's address (from the socket); tests give their own. */
    readonly addressOf?: (env: unknown) => string;
    readonly now?: () => number;
    /** Tests make these small. */
    readonly maxTrackedAddresses?: number;
    readonly maxServerFailuresPerMinute?: number;
  } = {},
): MiddlewareHandler {
  const now = options.now ?? Date.now;
  const logRefusal = boundedLog(options.log ?? (() => undefined), now);
  const refusal = (message: string, status: 401 | 403 | 429, extra: Record<string, string> = {}) =>
    new Response(message, {
      status,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        // The app's own refusal, told from Whispir's by the wizard (never retried as a limit).
        [PROXY_REFUSED_HEADER]: 'sign-in',
        ...(status === 401
          ? { 'www-authenticate': 'Basic realm="Whispir contact import", charset="UTF-8"' }
          : {}),
        ...extra,
      },
    });
  if (signIn.kind === 'external') return async (_c, next) => next();
  if (signIn.kind === 'none')
    return async (c, next) => {
      const incoming = (c.env as Incoming | undefined)?.incoming;
      if (cameThroughAnotherServer((name) => c.req.header(name), incoming?.httpVersion)) {
        logRefusal(
          'sign-in: refused a request that came through another server; set APP_PASSWORD or APP_AUTH=external',
        );
        return refusal(BEHIND_ANOTHER_SERVER, 403);
      }
      await next();
    };

  const expected = digest(`${signIn.username}:${signIn.password}`);
  const maxTracked = options.maxTrackedAddresses ?? MAX_TRACKED_ADDRESSES;
  const serverCeiling = options.maxServerFailuresPerMinute ?? MAX_SERVER_FAILURES_PER_MINUTE;
  // In order of each address's first wrong answer, so the first entries are the oldest.
  const failures = new Map<string, { count: number; since: number }>();
  // Addresses that signed in, in order of their last request (the first is the stalest).
  const known = new Map<string, number>();
  const minute = { start: -Infinity, failures: 0 };
  const socketOf = (env: unknown) =>
    (env as Incoming | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';

  /** Room for one more address; false when every address counted is waiting out its lockout. */
  const makeRoom = (time: number): boolean => {
    if (failures.size < maxTracked) return true;
    for (const [key, entry] of failures) if (time - entry.since > LOCKOUT_MS) failures.delete(key);
    if (failures.size < maxTracked) return true;
    // Forgetting a locked-out address would give it its guesses back.
    for (const [key, entry] of failures)
      if (entry.count < MAX_FAILURES) {
        failures.delete(key);
        return true;
      }
    return false;
  };

  return async (c, next) => {
    const time = now();
    const address = options.addressOf
      ? options.addressOf(c.env)
      : callerAddress(
          socketOf(c.env),
          signIn.forwardedFor ? c.req.header('x-forwarded-for') : undefined,
        );
    const key = addressKey(address);
    const seen = failures.get(key);
    if (seen && time - seen.since > LOCKOUT_MS) failures.delete(key);
    const current = failures.get(key);
    if (current && current.count >= MAX_FAILURES) {
      const wait = Math.ceil((current.since + LOCKOUT_MS - time) / 1000);
      return refusal('Too many wrong sign-ins from this address: try again later.', 429, {
        'retry-after': String(Math.max(1, wait)),
      });
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!match) return refusal('Sign in to use the Whispir contact import.', 401);

    if (time - minute.start >= MINUTE_MS) Object.assign(minute, { start: time, failures: 0 });
    const lastIn = known.get(key);
    const isKnown = lastIn !== undefined && time - lastIn <= KNOWN_FOR_MS;
    if (minute.failures >= serverCeiling && !isKnown) {
      // Not even checked: each answer would be one more guess. Who signed in lately still is.
      const wait = Math.ceil((minute.start + MINUTE_MS - time) / 1000);
      logRefusal(`sign-in: an address new to this server was asked to wait (${key})`);
      return refusal(
        'This server is receiving many wrong sign-ins, so addresses it has not seen sign in ' +
          'are asked to wait a minute: try again then.',
        429,
        { 'retry-after': String(Math.max(1, wait)) },
      );
    }

    // A new guesser when every address counted is waiting out its lockout: refused unheard,
    // rather than forgetting a lockout to make room for it.
    if (!failures.has(key) && !makeRoom(time) && !isKnown) {
      logRefusal(`sign-in: every address counted is locked out; refused ${key}`);
      return refusal('Too many wrong sign-ins: try again later.', 429, {
        'retry-after': String(LOCKOUT_MS / 1000),
      });
    }

    const given = Buffer.from(match[1] as string, 'base64').toString('utf8');
    if (!timingSafeEqual(digest(given), expected)) {
      minute.failures++;
      if (minute.failures === serverCeiling)
        options.log?.(
          `sign-in: ${serverCeiling} wrong sign-ins within a minute; until it is over, only ` +
            'addresses that signed in lately are heard',
        );
      let entry = failures.get(key);
      if (!entry && failures.size < maxTracked) {
        entry = { count: 0, since: time };
        failures.set(key, entry);
      }
      if (entry) entry.count++;
      logRefusal(`sign-in refused from ${key} (${entry?.count ?? 1} wrong)`);
      return refusal('Wrong user name or password.', 401);
    }
    failures.delete(key);
    known.delete(key);
    known.set(key, time);
    if (known.size > MAX_KNOWN_ADDRESSES) known.delete(known.keys().next().value as string);
    await next();
  };
}
