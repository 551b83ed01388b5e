/**
 * A fake Whispir and fake timing for engine tests: it scripts each request's outcome, logs
 * every call in order and counts, per part, the imports that got past the gateway (the ones
 * that could have created contacts). Test support only; nothing in the app imports it.
 */
import type { SubmissionJob } from '../domain/submission/submission-job';
import type { SubmissionDeps } from './run-submission';

/** 'ok', or a failure: `processed` says whether Whispir did the work before failing. */
export type Outcome =
  | 'ok'
  | {
      readonly status: number;
      readonly errorCode?: string;
      readonly message?: string;
      readonly processed?: boolean;
    };

export const QPS_403: Outcome = { status: 403, errorCode: 'ERR_403_DEVELOPER_OVER_QPS' };
export const TOO_MANY: Outcome = { status: 429 };
export const UNAVAILABLE: Outcome = { status: 503, processed: false };
export const UNAVAILABLE_AFTER_RUNNING: Outcome = { status: 503, processed: true };
export const NETWORK_DROP: Outcome = { status: 0, processed: true };

export interface FakeWhispirOptions {
  /** Outcomes of successive resource POSTs, per part; missing or used up means 'ok'. */
  readonly resource?: Readonly<Record<number, readonly Outcome[]>>;
  readonly import?: Readonly<Record<number, readonly Outcome[]>>;
  /** Called when a request arrives, before its outcome (e.g. to abort mid-request). */
  readonly onRequest?: (kind: 'resource' | 'import', part: number) => void;
}

const partFromName = (name: string) => Number(/part-(\d+)/.exec(name)?.[1]);

/** Thrown like `WhispirApiError`, without importing the browser-side client. */
class FakeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string,
  ) {
    super(message);
  }
}

export function createFakeWhispir(options: FakeWhispirOptions = {}) {
  const log: string[] = [];
  const sleeps: number[] = [];
  const snapshots: SubmissionJob[] = [];
  /** Imports past the gateway, per part: what could have created contacts. */
  const importsReceived = new Map<number, number>();
  /** Imports past the gateway, per resource id. */
  const importsPerResource = new Map<string, number>();
  const resourceUses = new Map<number, number>();
  const importUses = new Map<number, number>();
  const partOfResource = new Map<string, number>();
  /** Imports answered 202. */
  const acceptedImports: string[] = [];
  let resourceCounter = 0;

  const next = (
    table: Readonly<Record<number, readonly Outcome[]>> | undefined,
    uses: Map<number, number>,
    part: number,
  ): Outcome => {
    const used = uses.get(part) ?? 0;
    uses.set(part, used + 1);
    return table?.[part]?.[used] ?? 'ok';
  };

  const raise = (outcome: Exclude<Outcome, 'ok'>): never => {
    if (outcome.status === 0) throw new TypeError(outcome.message ?? 'Failed to fetch');
    throw new FakeApiError(
      outcome.status,
      outcome.message ?? `Whispir answered ${outcome.status}.`,
      outcome.errorCode,
    );
  };

  const isGatewayRejection = (outcome: Outcome) =>
    outcome !== 'ok' &&
    (outcome.status === 429 ||
      (outcome.status === 403 && outcome.errorCode === 'ERR_403_DEVELOPER_OVER_QPS'));

  const deps: SubmissionDeps = {
    async getPartBody(part) {
      log.push(`body ${part}`);
      return {
        name: `contacts-part-${part}.csv`,
        base64: new Blob([btoa(`firstName\npart ${part}\n`)]),
      };
    },
    async createResource(input) {
      const part = partFromName(input.name);
      log.push(`resource ${part}`);
      options.onRequest?.('resource', part);
      const outcome = next(options.resource, resourceUses, part);
      if (outcome !== 'ok') raise(outcome);
      resourceCounter += 1;
      const id = `R${part}-${resourceCounter}`;
      partOfResource.set(id, part);
      return { id, location: `https://api.au.whispir.com/resources/${id}?apikey=SECRET` };
    },
    async createImport(input) {
      const part = partOfResource.get(input.resourceId) ?? Number.NaN;
      log.push(`import ${input.resourceId}`);
      options.onRequest?.('import', part);
      const outcome = next(options.import, importUses, part);
      // A 4xx is Whispir refusing the request; a 5xx or a dropped connection may come after
      // the work was done, unless the script says otherwise.
      const reachedImport =
        outcome === 'ok' ||
        ((outcome.status === 0 || outcome.status >= 500) && outcome.processed !== false);
      if (!isGatewayRejection(outcome)) {
        importsPerResource.set(
          input.resourceId,
          (importsPerResource.get(input.resourceId) ?? 0) + 1,
        );
        if (reachedImport) importsReceived.set(part, (importsReceived.get(part) ?? 0) + 1);
      }
      if (outcome !== 'ok') raise(outcome);
      const id = `I${part}-${importUses.get(part)}`;
      acceptedImports.push(id);
      return { id, location: `https://api.au.whispir.com/imports/${id}?apikey=SECRET` };
    },
    pacer: {
      async wait(signal) {
        log.push('wait');
        signal?.throwIfAborted();
      },
    },
    async sleep(ms, signal) {
      log.push(`sleep ${ms}`);
      sleeps.push(ms);
      signal?.throwIfAborted();
    },
    random: () => 0.5,
    onChange(job) {
      snapshots.push(job);
    },
  };

  return { deps, log, sleeps, snapshots, importsReceived, importsPerResource, acceptedImports };
}

/**
 * A fake Whispir's contact search, as `fetch`: `GET …/contacts?field=value…` keeps the contacts
 * whose fields contain every given value (any case), 20 a page (`limit` at most 20, `offset`),
 * as Whispir documents it. Contacts become visible once `visible()` says so (Whispir imports in
 * the background). Every request is logged, so tests can count searches and pages.
 */
export function createFakeContactSearch(
  contacts: readonly Readonly<Record<string, string>>[],
  options: { readonly visible?: () => boolean; readonly fail?: () => number | undefined } = {},
) {
  const requests: string[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://app.test');
    requests.push(url.pathname + url.search);
    const failure = options.fail?.();
    if (failure) return new Response('{"message":"unavailable"}', { status: failure });
    if (!/\/contacts$/.test(url.pathname)) return new Response('{}', { status: 404 });
    const control = new Set(['limit', 'offset', 'fields', 'sortFields', 'sortOrder']);
    const filters = [...url.searchParams].filter(([name]) => !control.has(name));
    const limit = Math.min(20, Number(url.searchParams.get('limit') ?? 20) || 20);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const matching =
      (options.visible?.() ?? true)
        ? contacts.filter((contact) =>
            filters.every(([name, value]) =>
              (contact[name] ?? '').toLowerCase().includes(value.toLowerCase()),
            ),
          )
        : [];
    const page = matching.slice(offset, offset + limit).map((contact, i) => ({
      id: `C${offset + i}`,
      ...contact,
      link: [{ uri: `http://whispir.test/contacts/C${offset + i}`, rel: 'self', method: 'GET' }],
    }));
    return new Response(
      JSON.stringify({
        contacts: page,
        status: `${offset + 1} to ${offset + page.length} of ${matching.length}`,
      }),
      { status: 200, headers: { 'content-type': 'application/vnd.whispir.contact-v1+json' } },
    );
  };
  return { fetch, requests };
}
