/**
 * The one place that talks HTTP to Whispir, always through the same-origin proxy
 * (`/api/whispir/...`), which adds the credentials. Every exchange is recorded for the
 * "What was sent" view. The browser holds no secret and the proxy removes the configured ones
 * from answers; an `apikey=` in a link is redacted here as well, before anything can show it.
 */
import {
  APP_REQUEST_HEADER,
  APP_REQUEST_HEADER_VALUE,
  PROXY_REFUSED_HEADER,
} from '../config/proxy-contract';
import { redactSecretParamsInText } from '../domain/whispir/url-secrets';
import { apiErrorSchema } from '../domain/whispir/api-schemas';
import { describeWhispirError, reasonOf } from '../domain/whispir/error-message';

export const WHISPIR_BASE = '/api/whispir';

export interface ApiExchange {
  readonly method: string;
  readonly path: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** The body as sent; only its start when `requestBodyLength` says it is longer. */
  readonly requestBody?: string;
  /** The body's length when `requestBody` is only its start (over `MAX_LOGGED_BODY`). */
  readonly requestBodyLength?: number;
  /** 0 when no answer came (network failure or dropped connection). */
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string;
  readonly at: string;
  readonly durationMs: number;
  /** Why the wizard made the call, in words ("Search Sales Team for Olivia Nguyen (check of part 1)"). */
  readonly purpose?: string;
  /** True when the wizard itself stopped waiting for the answer (Cancel sending, Back). */
  readonly cancelled?: boolean;
}

type Listener = (exchange: ApiExchange) => void;
const listeners = new Set<Listener>();

/** Subscribe to every Whispir exchange of this session. */
export function onApiExchange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export class WhispirApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string,
    /** Whispir's own reason, when it gave one beyond the status's name. */
    readonly reason?: string,
    /** The rule of the app's own proxy that refused the call, which never reached Whispir. */
    readonly proxyRule?: string,
  ) {
    super(message);
    this.name = 'WhispirApiError';
  }
}

function describeError(
  status: number,
  body: string,
  headers: Headers,
  proxyRule: string | null,
): string {
  if (proxyRule) {
    const parsed = apiErrorSchema.safeParse(safeJson(body));
    // The sign-in's refusals are plain text, said for the person who runs the server.
    const text = body.trim().startsWith('{') ? '' : body.trim().slice(0, 400);
    const detail =
      parsed.success && 'message' in parsed.data
        ? ` ${parsed.data.message}`
        : text
          ? ` ${text}`
          : '';
    return `The app's proxy refused the call (rule "${proxyRule}"), so it never reached Whispir.${detail}`;
  }
  return describeWhispirError({
    status,
    body,
    errorCode: headers.get('x-error-code'),
    errorDetail: headers.get('x-error-detail'),
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Headers the app sets on every call to its own proxy (the proxy refuses calls without them). */
export const PROXY_HEADERS: Readonly<Record<string, string>> = {
  [APP_REQUEST_HEADER]: APP_REQUEST_HEADER_VALUE,
};

export interface WhispirRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly mediaType: string;
  readonly body?: unknown;
  /**
   * A string member of `body` whose value is a Blob's text, put last: a file's base64 goes from
   * the Blob into the request without ever being a string on the page. The text must need no
   * escaping in JSON (base64 does not).
   */
  readonly blobMember?: { readonly name: string; readonly value: Blob };
  readonly signal?: AbortSignal;
  /** Why the call is made, shown in the API inspector. */
  readonly purpose?: string;
}

/** Bodies up to this size are logged whole (so their curl can be copied); larger ones shortened. */
export const MAX_LOGGED_BODY = 256 * 1024;
/** How much of a longer body the log keeps: the inspector shows the start of the file. */
const LOGGED_BODY_START = 4096;

/**
 * The request body: JSON text, or for a Blob member a Blob built of the JSON around it (the
 * browser joins them as it sends), with what the log shows of it: the whole body, or past
 * `MAX_LOGGED_BODY` its start (name, scope, mimeType and the start of `derefUri`) and its length.
 */
async function bodyOf(
  request: WhispirRequest,
): Promise<{ body?: string | Blob; shown?: string; length?: number }> {
  if (request.body === undefined) return {};
  const member = request.blobMember;
  if (!member) {
    const text = JSON.stringify(request.body);
    if (text.length <= MAX_LOGGED_BODY) return { body: text, shown: text };
    // A copy: V8 keeps a slice of a long string as a view of it, so the log would have held
    // every uploaded file whole (130 MB at a million rows).
    const start = JSON.parse(JSON.stringify(`${text.slice(0, LOGGED_BODY_START)}"}`)) as string;
    return { body: text, shown: start, length: text.length };
  }
  // `{…,"name":""}`: the text before the closing quote and brace, then the Blob, then `"}`.
  // The member is put last even if the body had it (a key keeps its first place in an object).
  const fields: Record<string, unknown> = { ...(request.body as Record<string, unknown>) };
  delete fields[member.name];
  fields[member.name] = '';
  const empty = JSON.stringify(fields);
  const open = empty.slice(0, -2);
  const close = empty.slice(-2);
  const length = open.length + member.value.size + close.length;
  const whole = length <= MAX_LOGGED_BODY;
  const shownSize = whole ? member.value.size : Math.max(0, LOGGED_BODY_START - open.length);
  const start = await member.value.slice(0, shownSize).text();
  return {
    body: new Blob([open, member.value, close]),
    shown: `${open}${start}${close}`,
    ...(!whole && { length }),
  };
}

export interface WhispirResponse {
  readonly status: number;
  readonly location?: string;
  readonly json: unknown;
}

/** Sends one request through the proxy; throws `WhispirApiError` with a specific message. */
export async function whispirRequest(request: WhispirRequest): Promise<WhispirResponse> {
  const headers: Record<string, string> = { Accept: request.mediaType, ...PROXY_HEADERS };
  if (request.body !== undefined) headers['Content-Type'] = request.mediaType;
  const { body: requestBody, shown, length } = await bodyOf(request);
  const started = performance.now();
  const at = new Date().toISOString();
  const record = (
    status: number,
    responseHeaders: Record<string, string>,
    responseBody: string,
    cancelled = false,
  ) => {
    const exchange: ApiExchange = {
      method: request.method,
      path: request.path,
      requestHeaders: headers,
      requestBody: shown,
      ...(length !== undefined && { requestBodyLength: length }),
      status,
      responseHeaders: Object.fromEntries(
        Object.entries(responseHeaders).map(([name, value]) => [
          name,
          redactSecretParamsInText(value),
        ]),
      ),
      responseBody: redactSecretParamsInText(responseBody),
      at,
      durationMs: Math.round(performance.now() - started),
      purpose: request.purpose,
      cancelled: cancelled || undefined,
    };
    for (const listener of listeners) listener(exchange);
  };
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${WHISPIR_BASE}${request.path}`, {
      method: request.method,
      headers,
      body: requestBody,
      signal: request.signal,
    });
    text = await response.text();
  } catch (error) {
    const aborted = error instanceof DOMException && error.name === 'AbortError';
    record(0, {}, '', aborted);
    if (aborted) throw error;
    throw new WhispirApiError(0, 'Whispir could not be reached: the connection failed or dropped.');
  }
  const location = response.headers.get('location') ?? undefined;
  record(response.status, Object.fromEntries(response.headers.entries()), text);
  if (!response.ok) {
    const errorCode = response.headers.get('x-error-code');
    throw new WhispirApiError(
      response.status,
      describeError(
        response.status,
        text,
        response.headers,
        response.headers.get(PROXY_REFUSED_HEADER),
      ),
      errorCode ?? undefined,
      reasonOf({
        status: response.status,
        body: text,
        errorDetail: response.headers.get('x-error-detail'),
      }) || undefined,
      response.headers.get(PROXY_REFUSED_HEADER) ?? undefined,
    );
  }
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, location, json };
}

/** Path prefix for a workspace: the default workspace uses the root paths (Part A §1). */
export function workspacePath(workspaceId: string | undefined): string {
  return workspaceId ? `/workspaces/${encodeURIComponent(workspaceId)}` : '';
}
