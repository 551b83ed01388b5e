/**
 * What a person reads when Whispir refuses a call: the status in words, then Whispir's own
 * reason. Whispir's error body (docs/whispir-api.md, B6.1) has a short `errorText`, often only
 * the status's name ("Unauthorized"), and an `errorSummary` that may hold the real cause (an
 * IP address not on the account's allow list answers 401 with the usual "Unauthorized"). The
 * gateway's own refusals carry their reason in `X-Error-Code` and `X-Error-Detail` headers.
 */
import { apiErrorSchema } from './api-schemas';

export interface ErrorAnswer {
  readonly status: number;
  readonly body: string;
  /** `X-Error-Code` and `X-Error-Detail`, when the gateway sent them. */
  readonly errorCode?: string | null;
  readonly errorDetail?: string | null;
}

export const OVER_QPS = 'ERR_403_DEVELOPER_OVER_QPS';
export const OVER_QPD = 'ERR_403_DEVELOPER_OVER_QPD';

/** The status in words, said when Whispir gives no reason of its own. */
const STATUS_WORDS: Record<number, string> = {
  400: 'Whispir could not read the request (400).',
  401: 'Whispir rejected the username or password (401).',
  403: 'Whispir refused the call (403): the API key may be wrong, or this Whispir user may not do this.',
  404: 'Whispir could not find that (404).',
  405: 'Whispir does not allow this call here (405).',
  413: 'The request is larger than Whispir accepts (413).',
  415: 'Whispir does not accept this media type (415).',
  422: 'Whispir could not process the request (422).',
  429: 'Too many requests for this API key (429).',
  500: 'Whispir failed with an internal error (500).',
  502: 'Whispir could not be reached through the proxy (502).',
  503: 'Whispir is unavailable right now (503).',
  504: 'Whispir did not answer in time (504).',
};

/** `errorText` values that only name the status: no reason of their own. */
const STATUS_NAMES = new Set(
  [
    'bad request',
    'unauthorized',
    'forbidden',
    'not found',
    'method not allowed',
    'not acceptable',
    'request entity too large',
    'payload too large',
    'unsupported media type',
    'unprocessable entity',
    'too many requests',
    'internal server error',
    'not implemented',
    'bad gateway',
    'service unavailable',
    'gateway timeout',
  ].map((name) => name.toLowerCase()),
);

const MAX_REASON_CHARS = 400;

/** The message for a refused call. */
export function describeWhispirError(answer: ErrorAnswer): string {
  const { status, errorCode } = answer;
  if (errorCode === OVER_QPS)
    return 'Whispir is limiting requests for this API key (over the per-second limit).';
  if (errorCode === OVER_QPD)
    return "This API key has used up its requests for the day (Whispir's daily limit). Try again tomorrow, or ask Whispir to raise the limit.";
  const reason = reasonOf(answer);
  const named = STATUS_WORDS[status];
  if (!reason) return named ?? `Whispir answered ${status}.`;
  // Whispir's reason stands alone where the status's words would guess another cause.
  if (status === 401) return `Whispir refused the sign-in (401): ${reason}`;
  if (status === 403) return `Whispir refused the call (403): ${reason}`;
  return `${named ?? `Whispir answered ${status}.`} ${reason}`;
}

/**
 * Whispir's own reason, '' when it gives none beyond the status's name: from the body (JSON,
 * XML, a JSON string) or the gateway's header.
 */
export function reasonOf({ body, errorDetail }: ErrorAnswer): string {
  const fromBody = bodyReason(body);
  const reason = fromBody || (errorDetail ?? '').trim();
  return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 1)}…` : reason;
}

function bodyReason(body: string): string {
  const text = body.trim();
  if (text === '') return '';
  if (text.startsWith('{') || text.startsWith('"')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return oneLine(text);
    }
    if (typeof json === 'string') return oneLine(json);
    const parsed = apiErrorSchema.safeParse(json);
    if (!parsed.success) return '';
    if ('message' in parsed.data) return specific(parsed.data.message);
    return pick(parsed.data.errorText, parsed.data.errorSummary, parsed.data.errorDetail);
  }
  if (text.startsWith('<')) {
    // Whispir's XML error (`<errorText>`, `<errorSummary>`); any other markup, a web page
    // from something in between, is named by its title, never shown as code.
    const element = (name: string) =>
      decodeEntities(new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1] ?? '');
    if (/<errorText>|<errorSummary>/.test(text))
      return pick(element('errorText'), element('errorSummary'));
    const title = element('title');
    return title ? `(a web page: "${oneLine(title)}")` : '';
  }
  return oneLine(text);
}

/**
 * `errorText` when it says more than the status's name (a 422's field), else the summary; then
 * the technical detail, if any (the 400's parser message).
 */
function pick(errorText: string, summary: string | undefined, detail?: unknown): string {
  const reason = specific(errorText) || oneLine(summary ?? '');
  const technical = typeof detail === 'string' ? oneLine(detail) : '';
  return technical && reason ? `${reason} (${technical})` : reason || technical;
}

/** The text, unless it only names the status. */
function specific(text: string): string {
  const line = oneLine(text);
  return STATUS_NAMES.has(line.toLowerCase().replace(/\.$/, '')) ? '' : line;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
