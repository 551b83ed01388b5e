/**
 * Pure helpers for the API inspector: headers with secrets redacted, a long base64 payload
 * shortened for display, and each request as a `curl` command a developer can paste into a
 * POSIX shell. Secrets never appear: the command reads them from environment variables, and any
 * secret that came in with the exchange is dropped, not copied.
 */
import { decodeBase64Utf8 as decodeValidBase64Utf8 } from '../resource/build-resource';
import { APP_REQUEST_HEADER } from '../../config/proxy-contract';
import { MEDIA_TYPES } from '../whispir/media-types';
import { redactUrlSecrets, removeUrlSecrets } from '../whispir/url-secrets';

export interface InspectedRequest {
  readonly method: string;
  /** Absolute Whispir URL. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export const REDACTED = '‹redacted›';

/** Headers whose value is a credential, lower case. */
const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'x-api-key',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
]);

/** Headers whose value is a URL that Whispir may give an `?apikey=`. */
const URL_HEADERS: ReadonlySet<string> = new Set(['location', 'content-location']);

/** The same headers, secrets shown as `‹redacted›` (names kept, so the reader sees they were sent). */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const lower = name.toLowerCase();
      if (SECRET_HEADERS.has(lower)) return [name, REDACTED];
      if (URL_HEADERS.has(lower)) return [name, redactUrlSecrets(value, REDACTED)];
      return [name, value];
    }),
  );
}

/** A POSIX-shell single-quoted string: only `'` needs care, written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl computes itself, or that only the app's own proxy reads; copying them would be
 * wrong or noise (the command calls Whispir directly). */
const DROPPED_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'host',
  'connection',
  APP_REQUEST_HEADER,
]);

/** The vendor media type for a Whispir URL, for an exchange recorded without one. */
function mediaTypeFor(url: string): string | undefined {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  if (/\/resources(\/|$)/.test(path)) return MEDIA_TYPES.resource;
  if (/\/imports(\/|$)/.test(path)) return MEDIA_TYPES.importContact;
  if (/\/contacts(\/|$)/.test(path)) return MEDIA_TYPES.contact;
  if (/\/workspaces\/?$/.test(path) || /\/workspaces\/[^/]+\/?$/.test(path))
    return MEDIA_TYPES.workspace;
  return undefined;
}

/** A heredoc delimiter that no line of the body equals. */
function heredocDelimiter(body: string): string {
  const lines = new Set(body.split(/\r?\n/));
  let delimiter = 'JSON';
  while (lines.has(delimiter)) delimiter += '_END';
  return delimiter;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The request as a copy-pasteable `curl` command. Credentials are placeholders read from
 * `WHISPIR_API_KEY`, `WHISPIR_USERNAME` and `WHISPIR_PASSWORD` (or `WHISPIR_TOKEN` for a bearer
 * token), inside double quotes so that the shell expands them. A JSON body goes in a quoted
 * heredoc (no expansion inside, readable for large bodies; the shell adds a final newline,
 * which JSON ignores); any other body is one single-quoted argument, byte for byte.
 */
export function toCurl(request: InspectedRequest): string {
  const method = request.method.toUpperCase();
  const lines: string[] = [
    `curl -i${method === 'GET' ? '' : ` -X ${method}`} ${shellQuote(removeUrlSecrets(request.url))}`,
    `-H "x-api-key: $WHISPIR_API_KEY"`,
  ];
  const entries = Object.entries(request.headers);
  const authorization = entries.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  lines.push(
    authorization?.trim().toLowerCase().startsWith('bearer')
      ? `-H "Authorization: Bearer $WHISPIR_TOKEN"`
      : `-u "$WHISPIR_USERNAME:$WHISPIR_PASSWORD"`,
  );

  const has = (wanted: string) => entries.some(([name]) => name.toLowerCase() === wanted);
  const vendorType = mediaTypeFor(request.url);
  const headers = entries.filter(([name]) => {
    const lower = name.toLowerCase();
    return !SECRET_HEADERS.has(lower) && !DROPPED_HEADERS.has(lower);
  });
  if (vendorType && request.body !== undefined && !has('content-type'))
    headers.push(['Content-Type', vendorType]);
  if (vendorType && !has('accept')) headers.push(['Accept', vendorType]);
  for (const [name, value] of headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);

  if (request.body === undefined) return lines.join(' \\\n  ');
  if (!isJson(request.body))
    return [...lines, `--data-binary ${shellQuote(request.body)}`].join(' \\\n  ');
  const delimiter = heredocDelimiter(request.body);
  return `${[...lines, `--data-binary @- <<'${delimiter}'`].join(' \\\n  ')}\n${request.body}\n${delimiter}`;
}

export interface ShortenedBody {
  /** The body for display, with a long `derefUri` cut to its first characters. */
  readonly text: string;
  /** Length of the full base64 text (its size on the wire), when it was shortened. */
  readonly base64Bytes?: number;
  /** The file the base64 holds, decoded as UTF-8, when it is valid base64. */
  readonly decoded?: string;
}

/**
 * Shortens the base64 `derefUri` of a resource request (Part A §1) for display, and decodes it
 * so the inspector can show the file that was sent. Any other body comes back as it was.
 */
export function shortenBase64InJson(body: string, keep = 48): ShortenedBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { text: body };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { text: body };
  const record = parsed as Record<string, unknown>;
  const base64 = record['derefUri'];
  if (typeof base64 !== 'string' || base64.length <= keep) return { text: body };
  const hidden = base64.length - keep;
  const text = JSON.stringify({
    ...record,
    derefUri: `${base64.slice(0, keep)}…[${hidden} more characters]`,
  });
  const decoded = decodeBase64Utf8(base64);
  return decoded === undefined
    ? { text, base64Bytes: base64.length }
    : { text, base64Bytes: base64.length, decoded };
}

/** UTF-8 text from base64 (whitespace ignored), or undefined if it is not valid base64. */
export function decodeBase64Utf8(base64: string): string | undefined {
  const compact = base64.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return decodeValidBase64Utf8(compact);
}
