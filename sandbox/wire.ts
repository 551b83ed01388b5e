/**
 * Whispir's wire format: vendor media types, JSON/XML negotiation, the standard error body and
 * the request-size limit. Routes only decide *what* to answer; this file decides *how*.
 */
import type { Context } from 'hono';
import type { Format, SandboxEnv } from './request-env.ts';
import {
  entityXml,
  errorXml,
  listXml,
  MAX_XML_DEPTH,
  parseXmlEntity,
  scanXmlNesting,
  type Link,
  type WireObject,
} from './xml.ts';

/** The vendor entity names of the endpoints in scope (Part A §2). */
export type Entity = 'workspace' | 'resource' | 'importcontact' | 'contact';

/** Path kinds, used for routing decisions, fault targeting and error content types. */
export type PathKind = 'workspaces' | 'resources' | 'imports' | 'contacts';

const ENTITY_OF_KIND: Record<PathKind, Entity> = {
  workspaces: 'workspace',
  resources: 'resource',
  imports: 'importcontact',
  contacts: 'contact',
};

export const PATH_KINDS = Object.keys(ENTITY_OF_KIND) as PathKind[];

export function vendorType(entity: Entity, format: Format): string {
  return `application/vnd.whispir.${entity}-v1+${format}`;
}

/** The kind of a Whispir path: its last collection segment (`/workspaces/X/contacts/Y` → contacts). */
export function pathKind(path: string): PathKind | undefined {
  const segments = path.split('/').filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] as PathKind;
    if (segment in ENTITY_OF_KIND) return segment;
  }
  return undefined;
}

export function entityOfPath(path: string): Entity | undefined {
  const kind = pathKind(path);
  return kind && ENTITY_OF_KIND[kind];
}

/** The media types an endpoint accepts; imports also take the seed page's `import-v1`. */
function typesFor(entity: Entity): Map<string, Format> {
  const names = entity === 'importcontact' ? ['importcontact', 'import'] : [entity];
  const map = new Map<string, Format>();
  for (const name of names)
    for (const format of ['json', 'xml'] as const)
      map.set(`application/vnd.whispir.${name}-v1+${format}`, format);
  return map;
}

const mediaTypes = (header: string): string[] =>
  header
    .split(',')
    .map((part) => part.split(';', 1)[0]?.trim().toLowerCase() ?? '')
    .filter(Boolean);

/**
 * The answer format an `Accept` header asks for: no header (or a bare wildcard, which is what
 * `fetch` sends by default) means XML, as Whispir does; any other type is unsupported.
 */
export function formatFromAccept(accept: string | undefined, entity: Entity): Format | undefined {
  const types = mediaTypes(accept ?? '');
  if (types.length === 0) return 'xml';
  const known = typesFor(entity);
  for (const type of types) {
    const format = known.get(type);
    if (format) return format;
  }
  return types.includes('*/*') ? 'xml' : undefined;
}

/** The format of a request body; a missing or foreign `Content-Type` is unsupported. */
export function formatFromContentType(
  contentType: string | undefined,
  entity: Entity,
): Format | undefined {
  const type = mediaTypes(contentType ?? '')[0];
  return type ? typesFor(entity).get(type) : undefined;
}

/** Best guess for an error answer before negotiation has run. */
export function guessFormat(accept: string | undefined, contentType: string | undefined): Format {
  const text = `${accept ?? ''} ${accept ? '' : (contentType ?? '')}`.toLowerCase();
  return text.includes('json') ? 'json' : 'xml';
}

export interface ErrorBody {
  errorSummary: string;
  errorText: string;
  errorDetail: string;
}

const STANDARD_ERRORS: Record<number, { summary: string; text: string; detail?: string }> = {
  400: {
    summary:
      'Your request was malformed and could not be processed by the server. Please try again',
    text: 'Bad Request',
  },
  401: {
    summary:
      'Your username and password combination was incorrect. Please check your authentication details and try again',
    text: 'Unauthorized',
  },
  403: { summary: '', text: 'Forbidden' },
  404: {
    summary:
      'The resource that you have requested does not exist. Please check the identifier and try again',
    text: 'Not Found',
  },
  405: {
    summary: 'The method that you have tried to use is not allowed for this resource',
    text: 'Method Not Allowed',
  },
  415: {
    summary:
      'The media type you have supplied in the request does not match any of the available on the server. Please check the documentation for the correct media-type definitions, or contact support@whispir.com to determine what media-type you should be using',
    text: 'Unsupported Media Type',
    detail: 'javax.ws.rs.NotSupportedException: Cannot consume content type',
  },
  422: {
    summary:
      'Your request did not contain all of the information required to perform this method. Please check your request for the required fields to be passed in and try again. Alternatively, contact your administrator or support@whispir.com for more information',
    text: 'Unprocessable Entity',
  },
  429: { summary: '', text: 'Too Many Requests' },
  500: { summary: '', text: 'Internal Server Error' },
  502: { summary: '', text: 'Bad Gateway' },
  503: { summary: '', text: 'Service Unavailable' },
};

/** Whispir's standard error body; `errorText` names the offending field on a 422. */
export function errorBody(status: number, errorText?: string, errorDetail?: string): ErrorBody {
  const standard = STANDARD_ERRORS[status] ?? { summary: '', text: 'Error' };
  return {
    errorSummary: standard.summary,
    errorText: errorText ?? standard.text,
    errorDetail: errorDetail ?? standard.detail ?? '',
  };
}

/** The format this request's answers use: negotiated if known, else guessed from its headers. */
export function answerFormat(c: Context<SandboxEnv>): Format {
  return c.get('format') ?? guessFormat(c.req.header('accept'), c.req.header('content-type'));
}

/** An error answer in the request's format, with the path's vendor type echoed (as Whispir does). */
export function sendError(
  c: Context<SandboxEnv>,
  status: number,
  errorText?: string,
  errorDetail?: string,
  headers: Record<string, string> = {},
): Response {
  const format = answerFormat(c);
  const body = errorBody(status, errorText, errorDetail);
  const entity = entityOfPath(c.req.path);
  const contentType = entity ? vendorType(entity, format) : `application/${format}`;
  const text = format === 'json' ? JSON.stringify(body) : errorXml(body);
  return c.body(text, status as 400, { ...headers, 'Content-Type': contentType });
}

/** One entity, in the negotiated format. */
export function sendEntity(
  c: Context<SandboxEnv>,
  status: 200 | 201,
  entity: Entity,
  xmlName: string,
  body: WireObject,
  headers: Record<string, string> = {},
): Response {
  const format = answerFormat(c);
  const text = format === 'json' ? JSON.stringify(body) : entityXml(xmlName, body);
  return c.body(text, status, { ...headers, 'Content-Type': vendorType(entity, format) });
}

/** A list answer: `{status, <collection>: [...], link: [...]}` or its `ns2:return` XML form. */
export function sendList(
  c: Context<SandboxEnv>,
  entity: Entity,
  collection: string,
  item: string,
  list: { status: string; items: readonly WireObject[]; links: readonly Link[] },
): Response {
  const format = answerFormat(c);
  const text =
    format === 'json'
      ? JSON.stringify({
          status: list.status,
          [collection]: list.items,
          link: list.links,
        })
      : listXml(collection, item, list.status, list.items, list.links);
  return c.body(text, 200, { 'Content-Type': vendorType(entity, format) });
}

/** `"1 to 20 of 28"`, or `"No records found"` for an empty page (Part B §1.4). */
export function pageStatus(offset: number, count: number, total: number): string {
  return count === 0 ? 'No records found' : `${offset + 1} to ${offset + count} of ${total}`;
}

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true };

/**
 * Reads the request body, refusing more than `maxBytes` before buffering it: a declared
 * `Content-Length` is checked first, and a chunked body is counted while it streams.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** A request body as an object, or the `errorDetail` of the 400 it gets. */
export type ParsedBody =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; errorDetail: string };

/**
 * Reads a JSON or XML request body whose root element (in XML) is `xmlRoot`. XML nested deeper
 * than `MAX_XML_DEPTH` is refused by a linear scan before any parse.
 */
export function readRequestBody(bytes: Buffer, format: Format, xmlRoot: string): ParsedBody {
  const text = bytes.toString('utf8');
  if (format === 'xml' && scanXmlNesting(text) === 'too-deep')
    return {
      ok: false,
      errorDetail: `The XML body nests elements deeper than ${MAX_XML_DEPTH} levels`,
    };
  const body = parseRequestBody(text, format, xmlRoot);
  if (body) return { ok: true, body };
  return {
    ok: false,
    errorDetail: text.trim()
      ? `The ${format.toUpperCase()} body could not be parsed as a ${xmlRoot}`
      : 'java.io.EOFException: No content to map to Object due to end of input',
  };
}

/** Parses a JSON or XML request body into an object; `undefined` means 400 (malformed). */
function parseRequestBody(
  text: string,
  format: Format,
  xmlRoot: string,
): Record<string, unknown> | undefined {
  if (format === 'xml') return parseXmlEntity(text, xmlRoot);
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
