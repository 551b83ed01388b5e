/**
 * The session's log of Whispir exchanges, for the API inspector. Kept outside React so every
 * request is recorded whichever screen is showing. Large bodies are kept only as much as the
 * inspector shows, so a 10 MB upload is not held twice.
 */
import {
  LOGGED_BODY_START,
  MAX_LOGGED_BODY,
  onApiExchange,
  type ApiExchange,
} from './whispir-http';

/** Bodies up to this size are kept whole (so their curl can be copied); larger ones shortened. */
export const MAX_KEPT_BODY = MAX_LOGGED_BODY;
const MAX_ENTRIES = 200;

export interface LoggedExchange extends ApiExchange {
  readonly id: number;
  /** False when the request body was too large to keep whole. */
  readonly bodyComplete: boolean;
}

let entries: readonly LoggedExchange[] = [];
let nextId = 1;
const subscribers = new Set<() => void>();

function shrink(
  body: string | undefined,
  length: number | undefined,
): { body?: string; complete: boolean } {
  // Only the start of a part file sent from a Blob reaches the log.
  if (length !== undefined) return { body, complete: false };
  if (body === undefined || body.length <= MAX_KEPT_BODY) return { body, complete: true };
  // Keep the start of the JSON (name, scope, mimeType and the start of derefUri) for display,
  // as a copy: V8 keeps a slice of a long string as a view of it, so the log would have held
  // every uploaded file whole (130 MB at a million rows).
  return {
    body: JSON.parse(JSON.stringify(`${body.slice(0, LOGGED_BODY_START)}"}`)) as string,
    complete: false,
  };
}

onApiExchange((exchange) => {
  const { body, complete } = shrink(exchange.requestBody, exchange.requestBodyLength);
  entries = [
    ...entries,
    { ...exchange, requestBody: body, bodyComplete: complete, id: nextId++ },
  ].slice(-MAX_ENTRIES);
  for (const notify of subscribers) notify();
});

export const apiLog = {
  subscribe(listener: () => void): () => void {
    subscribers.add(listener);
    return () => subscribers.delete(listener);
  },
  snapshot(): readonly LoggedExchange[] {
    return entries;
  },
  clear(): void {
    entries = [];
    for (const notify of subscribers) notify();
  },
};
