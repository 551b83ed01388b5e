/**
 * The proxy's rules, as data and small functions: which requests may use the server's Whispir
 * credentials. The proxy holds production credentials, so it answers only the app's own page
 * (Host, Origin, Sec-Fetch-Site and the app's own header) and only the calls the wizard makes.
 * No Node or Hono here, so the rules are tested on their own (docs/decisions/009-proxy-rules.md).
 */
import { APP_REQUEST_HEADER, APP_REQUEST_HEADER_VALUE } from '../config/proxy-contract.ts';
import { MEDIA_TYPES } from '../domain/whispir/media-types.ts';

export type RuleName =
  | 'host'
  | 'origin'
  | 'fetch-site'
  | 'preflight'
  | 'app-header'
  | 'allow-list'
  | 'query'
  | 'content-type'
  | 'sandbox-only';

export interface Refusal {
  readonly status: 403 | 404 | 415;
  readonly rule: RuleName;
  readonly message: string;
}

/** One call the wizard makes: its method, its path below the Whispir base URL, its query. */
interface AllowedCall {
  readonly method: 'GET' | 'POST';
  readonly path: RegExp;
  readonly what: string;
  /** The query parameters it sends, each at most once (none when absent). */
  readonly query?: readonly string[];
  /** The media type of the body it sends (a POST's; parameters such as charset may follow). */
  readonly contentType?: string;
}

// Ids are opaque to the client (Whispir's are hex); nothing that could change the path's meaning
// (`/`, `%`, `.`) can be part of one.
const ID = '[A-Za-z0-9_-]{1,64}';
const IN_WORKSPACE = `(?:/workspaces/${ID})?`;

/** Every Whispir call the wizard makes (docs/whispir-api.md §A1, §B4, §B5.4). */
export const WHISPIR_CALLS: readonly AllowedCall[] = [
  {
    method: 'GET',
    path: /^\/workspaces\/?$/,
    what: 'list the workspaces',
    query: ['limit', 'offset'],
  },
  {
    method: 'POST',
    path: new RegExp(`^${IN_WORKSPACE}/resources/?$`),
    what: 'create a resource',
    contentType: MEDIA_TYPES.resource,
  },
  {
    method: 'POST',
    path: new RegExp(`^${IN_WORKSPACE}/imports/?$`),
    what: 'create an import',
    contentType: MEDIA_TYPES.importContact,
  },
  {
    // The default workspace's contacts are at the root, like its resources and imports.
    method: 'GET',
    path: new RegExp(`^${IN_WORKSPACE}/contacts/?$`),
    what: 'search a workspace’s contacts',
    // The row's name and one channel, the fields to return, and the page (search-contacts.ts).
    query: [
      'firstName',
      'lastName',
      'workEmailAddress1',
      'personalEmailAddress1',
      'workMobilePhone1',
      'personalMobilePhone1',
      'fields',
      'limit',
      'offset',
    ],
  },
];

/** The sandbox-only calls the wizard makes (its import report), only when the target is the sandbox. */
export const SANDBOX_CALLS: readonly AllowedCall[] = [
  { method: 'GET', path: new RegExp(`^/imports/${ID}$`), what: 'read the sandbox’s import report' },
];

/** Host names the app is served under unless the server is told of others. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

export interface RequestFacts {
  readonly method: string;
  /** The path below `/api/whispir` (or `/api/sandbox`), without the query. */
  readonly path: string;
  /** Lower-case header names. */
  readonly header: (name: string) => string | undefined;
}

export interface PageRules {
  /** Host names (no port) the app's page is served under. */
  readonly allowedHosts: readonly string[];
}

function hostName(host: string): string {
  // "[::1]:5173" → "[::1]"; "example.com:443" → "example.com"
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
}

/**
 * Is this request from the app's own page? Checks, in order: the Host is one the app is served
 * under (DNS rebinding), no preflight, an Origin (when sent) equal to the page's own, a
 * Sec-Fetch-Site (when sent) of same-origin, and the app's own header.
 */
export function checkOwnPage(request: RequestFacts, rules: PageRules): Refusal | undefined {
  const host = request.header('host') ?? '';
  const allowed = rules.allowedHosts.map((name) => name.toLowerCase());
  if (!host || !allowed.includes(hostName(host.toLowerCase())))
    return refuse(
      'host',
      `the proxy answers only pages served as ${rules.allowedHosts.join(', ')} (the names it answers under are set in APP_ALLOWED_HOSTS)`,
    );
  if (request.method === 'OPTIONS')
    return refuse('preflight', 'the proxy answers no cross-origin request, so no preflight either');
  const origin = request.header('origin');
  if (origin !== undefined && !sameHost(origin, host))
    return refuse(
      'origin',
      `a page from ${origin} may not use this proxy (it answers pages from ${host}; ` +
        'a TLS proxy in front must forward the Host with its port)',
    );
  const site = request.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin')
    return refuse('fetch-site', `a ${site} request may not use this proxy`);
  if (request.header(APP_REQUEST_HEADER) !== APP_REQUEST_HEADER_VALUE)
    return refuse(
      'app-header',
      `only the wizard's own requests (with ${APP_REQUEST_HEADER}) are forwarded`,
    );
  return undefined;
}

/**
 * The Origin names the page's own host: the same host and port. One exception, for a name the
 * app is served under (not loopback): `https://name` on the default port, when the TLS proxy in
 * front forwards the Host with the app server's port. Any other port is another site on the same
 * machine, so it must match the Host exactly (forward the Host as the browser sent it).
 */
function sameHost(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    // A browser's Origin is scheme, host and port, nothing else (no user name, no path).
    if (origin !== url.origin) return false;
    const requested = host.toLowerCase();
    if (url.host.toLowerCase() === requested) return true;
    // Only for a name of its own: on loopback another port is another app (the attack).
    const name = url.hostname.toLowerCase();
    return (
      url.protocol === 'https:' &&
      url.port === '' &&
      name === hostName(requested) &&
      !LOOPBACK_HOSTS.includes(name)
    );
  } catch {
    return false; // "null" and anything else that is not a URL
  }
}

/**
 * Is this one of the calls the wizard makes, with only the query parameters it sends (`query`,
 * the request's own) and, for a POST, the body type it sends? A parameter it never sends is
 * refused, not dropped: Whispir reads some (`apikey`, paging), and a call the wizard did not
 * make is nobody's to shape. Likewise a body of another type: Whispir may read a form or XML
 * body in ways the wizard's JSON never asks for.
 */
export function checkAllowedCall(
  request: Pick<RequestFacts, 'method' | 'path'> & Partial<Pick<RequestFacts, 'header'>>,
  calls: readonly AllowedCall[],
  query: URLSearchParams = new URLSearchParams(),
): Refusal | undefined {
  const call = calls.find((c) => c.method === request.method && c.path.test(request.path));
  if (call) {
    const names = [...query.keys()];
    const odd = names.find(
      (name, i) => !(call.query ?? []).includes(name) || names.indexOf(name) !== i,
    );
    if (odd !== undefined)
      return refuse(
        'query',
        `to ${call.what} the wizard sends ${call.query?.length ? `only ${call.query.join(', ')}, each once` : 'no query'}, not "${odd}"`,
      );
    if (call.contentType !== undefined) {
      const given = request.header?.('content-type');
      const type = given?.split(';')[0]?.trim().toLowerCase();
      if (type !== call.contentType)
        return {
          ...refuse(
            'content-type',
            `to ${call.what} the wizard sends a body of type ${call.contentType}, not ` +
              (given ? `"${given.slice(0, 100)}"` : 'one without a Content-Type'),
          ),
          status: 415,
        };
    }
    return undefined;
  }
  const list = calls.map((call) => `${call.method} to ${call.what}`).join('; ');
  return refuse(
    'allow-list',
    `${request.method} ${request.path} is not a call the wizard makes (it makes: ${list})`,
  );
}

function refuse(rule: RuleName, reason: string): Refusal {
  return { status: 403, rule, message: `The proxy refused this request: ${reason}.` };
}

/** The query forwarded: a GET's, once `checkAllowedCall` has passed it; POSTs forward none. */
export function forwardedQuery(method: string, search: URLSearchParams): string {
  if (method !== 'GET') return '';
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Request headers taken from the browser: an allow-list, so no credential-like header
 * (`Authorization`, `x-api-key` in any spelling, `Proxy-Authorization`, `Cookie`) ever passes.
 */
export const FORWARDED_REQUEST_HEADERS: readonly string[] = [
  'accept',
  'content-type',
  'accept-language',
];

/**
 * Answer headers passed to the browser: an allow-list of what the wizard reads (the body's
 * type, the new resource's or import's `Location`, the gateway's error code and detail) and
 * what the API inspector shows of Whispir's answer. Anything else (CORS, cookies, caching,
 * `Refresh`, `Clear-Site-Data`, `Strict-Transport-Security`, `Link`) stays with the proxy,
 * which answers `no-store` itself: contacts are personal data.
 */
const PASSED_ANSWER_HEADERS = new Set([
  'content-type',
  'content-language',
  'location',
  'date',
  'retry-after',
  'x-error-code',
  'x-error-detail',
]);

export function isPassedAnswerHeader(name: string): boolean {
  return PASSED_ANSWER_HEADERS.has(name.toLowerCase());
}
