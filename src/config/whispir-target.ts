/**
 * Where the same-origin proxy sends Whispir calls and which credentials it adds. Runs on the
 * server side only (vite.config.ts); nothing here may reach the browser bundle.
 */
import { z } from 'zod';

export const WHISPIR_REGIONS = ['au', 'ap', 'ap1', 'nz', 'us', 'it'] as const;
export type WhispirRegion = (typeof WHISPIR_REGIONS)[number];

const envSchema = z.object({
  WHISPIR_API_URL: z.url().optional(),
  WHISPIR_REGION: z.enum(WHISPIR_REGIONS).optional(),
  WHISPIR_API_KEY: z.string().optional(),
  WHISPIR_USERNAME: z.string().optional(),
  WHISPIR_PASSWORD: z.string().optional(),
  WHISPIR_BEARER_TOKEN: z.string().optional(),
  SANDBOX_PORT: z.coerce.number().int().positive().default(8787),
  SANDBOX_API_KEY: z.string().default('sandbox-key'),
  SANDBOX_USERNAME: z.string().default('sandbox'),
  SANDBOX_PASSWORD: z.string().default('sandbox'),
});

export interface WhispirTarget {
  /** Origin (and optional base path) every `/api/whispir/*` call is forwarded to: scheme, host
   * and path only, so it is safe to show and to build into the bundle. */
  readonly url: string;
  /** True when the target is the local sandbox this project ships. */
  readonly isSandbox: boolean;
  /** "Local sandbox" or the region's name, for the UI. */
  readonly label: string;
  /** Headers the proxy adds; never sent to the browser. */
  readonly headers: Readonly<Record<string, string>>;
  /** Every configured secret as it could appear in an answer, for the proxy to redact. */
  readonly secrets: readonly string[];
}

/** A configuration mistake the server refuses to start with; the message says what to change. */
export class TargetConfigError extends Error {
  override readonly name = 'TargetConfigError';
}

/**
 * `WHISPIR_API_URL` may name scheme, host and path only. A `user:pass@` or a query (where Whispir
 * accepts `?apikey=`) would put a secret into the bundle and every log line that shows the URL.
 */
function checkTargetUrl(raw: string): string {
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TargetConfigError(`WHISPIR_API_URL must be an http(s) URL, not ${url.protocol}`);
  if (url.username || url.password)
    throw new TargetConfigError(
      'WHISPIR_API_URL must not contain a user name or password: set WHISPIR_USERNAME and WHISPIR_PASSWORD instead.',
    );
  if (url.search || url.hash)
    throw new TargetConfigError(
      'WHISPIR_API_URL must be scheme, host and path only, with no ?query or #fragment: set the API key as WHISPIR_API_KEY.',
    );
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Secrets shorter than this are not searched for in answers: a short password like "sandbox"
 * would blank ordinary words, and a short secret is not one a real account has. */
const MIN_REDACTED_SECRET = 8;

const blankToUndefined = (env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));

/** Resolves the proxy target from the server's environment. Throws on a malformed setting. */
export function resolveWhispirTarget(rawEnv: Record<string, string | undefined>): WhispirTarget {
  const env = envSchema.parse(blankToUndefined(rawEnv));
  const explicit =
    env.WHISPIR_API_URL ?? (env.WHISPIR_REGION && `https://api.${env.WHISPIR_REGION}.whispir.com`);
  const isSandbox = !explicit;
  const url = explicit ? checkTargetUrl(explicit) : `http://127.0.0.1:${env.SANDBOX_PORT}`;
  // Against the sandbox only the sandbox's own credentials make sense, whatever else is set.
  const apiKey = isSandbox ? env.SANDBOX_API_KEY : env.WHISPIR_API_KEY;
  const username = isSandbox ? env.SANDBOX_USERNAME : env.WHISPIR_USERNAME;
  const password = isSandbox ? env.SANDBOX_PASSWORD : env.WHISPIR_PASSWORD;
  const bearer = isSandbox ? undefined : env.WHISPIR_BEARER_TOKEN;

  // A header cannot carry a line break or a character past ASCII (a token pasted over two
  // lines): said here, by name, rather than by every call failing with the value in the log.
  for (const [name, value] of [
    [isSandbox ? 'SANDBOX_API_KEY' : 'WHISPIR_API_KEY', apiKey],
    ['WHISPIR_BEARER_TOKEN', bearer],
  ] as const) {
    if (value !== undefined && !/^[\x21-\x7e]+$/.test(value))
      throw new TargetConfigError(
        `${name} holds a space, a line break or a character an HTTP header cannot carry: set it on one line, with nothing around it.`,
      );
  }
  const headers: Record<string, string> = {};
  if (apiKey) headers['x-api-key'] = apiKey;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  else if (username !== undefined && password !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

  const secrets = [apiKey, bearer, password, headers.authorization?.replace(/^\w+ /, '')].filter(
    (secret): secret is string => secret !== undefined && secret.length >= MIN_REDACTED_SECRET,
  );

  const label = isSandbox
    ? 'Local sandbox'
    : env.WHISPIR_REGION
      ? `Whispir ${env.WHISPIR_REGION.toUpperCase()}`
      : new URL(url).host;
  return { url, isSandbox, label, headers, secrets };
}
