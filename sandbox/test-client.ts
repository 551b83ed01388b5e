/**
 * A tiny helper for the sandbox's contract tests: credentials, vendor media types and waiting
 * for an import. Requests themselves stay plain `fetch` in the tests, so the wire is visible.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox, type SandboxOptions } from './server.ts';

export const API_KEY = 'sandbox-key';
export const BASIC = `Basic ${Buffer.from('sandbox:sandbox').toString('base64')}`;

/** The seeded workspaces (sandbox/seed.ts). */
export const MY_COMPANY = '5A17B0C0FFEE0001';
export const SALES_TEAM = '5A17B0C0FFEE0002';
export const SUPPORT_DESK = '5A17B0C0FFEE0003';

export type VendorEntity = 'workspace' | 'resource' | 'importcontact' | 'contact';

export const json = (entity: VendorEntity) => `application/vnd.whispir.${entity}-v1+json`;
export const xml = (entity: VendorEntity) => `application/vnd.whispir.${entity}-v1+xml`;

/** Both credentials, plus `Accept` and `Content-Type` of the entity's JSON type. */
export function jsonHeaders(entity: VendorEntity): Record<string, string> {
  return {
    'x-api-key': API_KEY,
    authorization: BASIC,
    accept: json(entity),
    'content-type': json(entity),
  };
}

/** Both credentials only. */
export const authHeaders = (): Record<string, string> => ({
  'x-api-key': API_KEY,
  authorization: BASIC,
});

export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A sandbox for one test file: in memory, no import delay, on a free port. */
export function startTestSandbox(options: Partial<SandboxOptions> = {}) {
  return startSandbox({ port: 0, db: ':memory:', importDelayMs: 0, ...options });
}

export async function resetSandbox(url: string): Promise<void> {
  const response = await fetch(`${url}/__sandbox/reset`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`reset answered ${response.status}`);
}

export interface ImportStatus {
  id: string;
  workspaceId: string;
  workspaceName: string;
  resourceId: string;
  importMode: string;
  fieldMapping: Record<string, string>;
  state: 'queued' | 'processing' | 'done' | 'failed';
  rows: { total: number; created: number; updated: number; skipped: number; failed: number };
  failures: { row: number; reason: string }[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Polls the sandbox-only status endpoint until the import is done or failed. */
export async function waitForImport(url: string, id: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = (await (await fetch(`${url}/__sandbox/imports/${id}`)).json()) as ImportStatus;
    if (status.state === 'done' || status.state === 'failed') return status;
    if (Date.now() > until) throw new Error(`import ${id} still ${status.state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The id at the end of a `Location` header. */
export const idOf = (response: Response): string =>
  response.headers.get('location')?.split('?')[0]?.split('/').pop() ?? '';

export const STANDARD_MAPPING = {
  firstName: 'firstName',
  lastName: 'lastName',
  workEmailAddress1: 'workEmailAddress1',
  workMobilePhone1: 'workMobilePhone1',
  workCountry: 'workCountry',
  timezone: 'timezone',
};

/** POST a CSV resource then an import of it (plain HTTP); returns the import's status. */
export async function importCsv(
  url: string,
  csv: string,
  options: {
    workspaceId?: string;
    importMode?: string;
    fieldMapping?: Record<string, string>;
  } = {},
): Promise<ImportStatus> {
  const prefix = options.workspaceId ? `${url}/workspaces/${options.workspaceId}` : url;
  const resource = await fetch(`${prefix}/resources`, {
    method: 'POST',
    headers: jsonHeaders('resource'),
    body: JSON.stringify({
      name: 'contacts.csv',
      scope: 'private',
      mimeType: 'text/csv',
      derefUri: base64(csv),
    }),
  });
  if (resource.status !== 201)
    throw new Error(`resource: ${resource.status} ${await resource.text()}`);
  const started = await fetch(`${prefix}/imports`, {
    method: 'POST',
    headers: jsonHeaders('importcontact'),
    body: JSON.stringify({
      resourceId: idOf(resource),
      importType: 'contact',
      importOptions: {
        fieldMapping: options.fieldMapping ?? STANDARD_MAPPING,
        importMode: options.importMode ?? 'replace',
      },
    }),
  });
  if (started.status !== 202) throw new Error(`import: ${started.status} ${await started.text()}`);
  return waitForImport(url, idOf(started));
}

/** All contacts of a workspace via the paginated list (JSON). */
export async function listAllContacts(url: string, workspaceId: string) {
  const contacts: Record<string, string>[] = [];
  for (let offset = 0; ; offset += 20) {
    const response = await fetch(
      `${url}/workspaces/${workspaceId}/contacts?limit=20&offset=${offset}`,
      { headers: jsonHeaders('contact') },
    );
    const page = (await response.json()) as { contacts?: Record<string, string>[] };
    contacts.push(...(page.contacts ?? []));
    if ((page.contacts ?? []).length < 20) return contacts;
  }
}

export interface SandboxProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves once the process has exited (after `SIGTERM`, or a `kill` of your own). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A sandbox in its own Node process (`sandbox/main.ts`), for tests that must watch it from
 * outside: an in-process sandbox shares the test's event loop, so a blocked server would also
 * hold back the test's own timers and hide the wait, and it cannot be killed with `SIGKILL`.
 */
export async function spawnSandbox(
  env: Record<string, string> = {},
  /** Arguments for the sandbox's Node (`--cpu-prof`, which `NODE_OPTIONS` may not carry). */
  nodeArgs: readonly string[] = [],
): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))],
    {
      env: {
        ...process.env,
        SANDBOX_PORT: '0',
        SANDBOX_DB: ':memory:',
        SANDBOX_IMPORT_DELAY_MS: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found?.[1]) resolve(found[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => reject(new Error(`sandbox process exited: ${output}`)));
  });
  return {
    url,
    child,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Sends `GET /workspaces` every 100 ms until the returned function is called; that function
 * says how late the answers came, counted from when each was due (not when it was sent, since a
 * blocked event loop in this process would delay the sending too).
 */
export function pollEvery100ms(url: string): () => string {
  const answers: number[] = [];
  const late: { at: number; ms: number }[] = [];
  const t0 = performance.now();
  let due = 0;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    const dueAt = t0 + due * 100;
    due += 1;
    void fetch(`${url}/workspaces`, { headers: jsonHeaders('workspace') })
      .then((response) => response.arrayBuffer())
      .then(() => {
        const ms = performance.now() - dueAt;
        answers.push(ms);
        if (ms > 100) late.push({ at: Math.round(dueAt - t0), ms: Math.round(ms) });
      });
    timer = setTimeout(tick, Math.max(0, t0 + due * 100 - performance.now()));
  };
  tick();
  return () => {
    clearTimeout(timer);
    const sorted = answers.sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.floor(q * (sorted.length - 1))] ?? NaN);
    const worst = late.sort((a, b) => b.ms - a.ms).slice(0, 8);
    return `${sorted.length} answers, median ${at(0.5)} ms, p99 ${at(0.99)} ms, worst ${at(1)} ms; over 100 ms: ${late.length} (worst due at ${worst.map((entry) => `${entry.at}: ${entry.ms}`).join(', ')})`;
  };
}
