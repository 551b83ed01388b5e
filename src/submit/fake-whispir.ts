/**
 * A fake Whispir and fake timing for engine tests: it scripts each request's outcome, logs
 * every call in order and counts, per part, the imports that got past the gateway (the ones
 * that could have created contacts). Test support only; nothing in the app imports it.
 */
import type { SubmissionDeps, SubmissionJob } from './run-submission';

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
      return { name: `contacts-part-${part}.csv`, base64: btoa(`firstName\npart ${part}\n`) };
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
