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

const LOOPBACK_BINDS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The sign-in the environment asks for; throws when a reachable server would ask for none. */
export function signInFrom(env: Record<string, string | undefined>): SignIn {
  const password = env.APP_PASSWORD ?? '';
  const auth = (env.APP_AUTH ?? '').trim().toLowerCase();
  if (auth !== '' && auth !== 'external' && auth !== 'password')
    throw new SignInConfigError(
      `APP_AUTH is "${env.APP_AUTH}": it takes "password" (with APP_PASSWORD) or "external".`,
    );
  if (password !== '') {
    if (password.length < MIN_APP_PASSWORD)
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
      `This server would let anyone who reaches ${names || host} use the Whispir credentials: ` +
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
 * Asks for the password on every request (page, assets and `/api/*`) when the sign-in is the
 * server's own. Wrong answers from one address are counted; past `MAX_FAILURES` it waits.
 */
export function signInMiddleware(
  signIn: SignIn,
  options: {
    readonly log?: (line: string) => void;
    /** The caller's address (from the socket); tests give their own. */
    readonly addressOf?: (env: unknown) => string;
    readonly now?: () => number;
  } = {},
): MiddlewareHandler {
  if (signIn.kind !== 'password') return async (_c, next) => next();
  const expected = digest(`${signIn.username}:${signIn.password}`);
  const failures = new Map<string, { count: number; since: number }>();
  const now = options.now ?? Date.now;
  const socketOf = (env: unknown) =>
    (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
      ?.remoteAddress ?? 'unknown';
  const ask = (message: string, status: 401 | 429, extra: Record<string, string> = {}) =>
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
  return async (c, next) => {
    const address = options.addressOf
      ? options.addressOf(c.env)
      : callerAddress(
          socketOf(c.env),
          signIn.forwardedFor ? c.req.header('x-forwarded-for') : undefined,
        );
    const seen = failures.get(address);
    if (seen && now() - seen.since > LOCKOUT_MS) failures.delete(address);
    const current = failures.get(address);
    if (current && current.count >= MAX_FAILURES) {
      const wait = Math.ceil((current.since + LOCKOUT_MS - now()) / 1000);
      return ask('Too many wrong sign-ins from this address: try again later.', 429, {
        'retry-after': String(Math.max(1, wait)),
      });
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
    if (!match) return ask('Sign in to use the Whispir contact import.', 401);
    const given = Buffer.from(match[1] as string, 'base64').toString('utf8');
    if (!timingSafeEqual(digest(given), expected)) {
      // Bounded: the oldest addresses are forgotten first (never all at once).
      while (failures.size >= 10_000) failures.delete(failures.keys().next().value as string);
      const entry = failures.get(address) ?? { count: 0, since: now() };
      entry.count++;
      failures.set(address, entry);
      options.log?.(`sign-in refused from ${address} (${entry.count} wrong)`);
      return ask('Wrong user name or password.', 401);
    }
    failures.delete(address);
    await next();
  };
}
