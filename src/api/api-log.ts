/**
 * The session's log of Whispir exchanges, for the API inspector. Kept outside React so every
 * request is recorded whichever screen is showing. A large body comes shortened to what the
 * inspector shows (`whispirRequest` does it, for a string body and a Blob alike), so a 10 MB
 * upload is not held twice.
 */
import { onApiExchange, type ApiExchange } from './whispir-http';

const MAX_ENTRIES = 200;

export interface LoggedExchange extends ApiExchange {
  readonly id: number;
  /** False when the request body was too large to keep whole. */
  readonly bodyComplete: boolean;
}

let entries: readonly LoggedExchange[] = [];
let nextId = 1;
const subscribers = new Set<() => void>();

onApiExchange((exchange) => {
  // A large body comes already shortened to its start (see `whispirRequest`).
  const bodyComplete = exchange.requestBodyLength === undefined;
  entries = [...entries, { ...exchange, bodyComplete, id: nextId++ }].slice(-MAX_ENTRIES);
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
