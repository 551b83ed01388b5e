/**
 * The sandbox's settings: start-up options (from the environment or a test) and the part that
 * tests may change at run time through `PUT /__sandbox/config`.
 */
import { z } from 'zod';
import { MAX_REQUEST_BYTES, MAX_RESOURCE_FILE_BYTES } from '../src/domain/whispir/media-types.ts';
import { parseFaults } from './faults.ts';

export interface SandboxOptions {
  host: string;
  port: number;
  apiKey: string;
  username: string;
  password: string;
  /** ':memory:' or a file path. */
  db: string;
  importDelayMs: number;
  /** 0 = unlimited. */
  rowsPerSecond: number;
  /** Requests per second per key; 0 = off. */
  qps: number;
  qpsStatus: 403 | 429;
  /** Requests per day per key; 0 = off. */
  qpd: number;
  /** Fault rules, see README.md ("Faults"). */
  faults: string;
  /** The token `Authorization: Bearer` must carry. */
  bearerToken: string;
  /** Wipe the database back to the seed on start (`--reset`). */
  reset: boolean;
  /** Largest request body (413 beyond). Whispir's gateway: 10,485,760 bytes. */
  maxRequestBytes: number;
  /** Largest decoded resource file (422 beyond). Whispir: 10 MB. */
  maxFileBytes: number;
}

export const DEFAULT_OPTIONS: SandboxOptions = {
  host: '127.0.0.1',
  port: 8787,
  apiKey: 'sandbox-key',
  username: 'sandbox',
  password: 'sandbox',
  db: '.sandbox/whispir.db',
  importDelayMs: 200,
  rowsPerSecond: 0,
  qps: 0,
  qpsStatus: 403,
  qpd: 0,
  faults: '',
  bearerToken: 'sandbox-token',
  reset: false,
  maxRequestBytes: MAX_REQUEST_BYTES,
  maxFileBytes: MAX_RESOURCE_FILE_BYTES,
};

const count = z.coerce.number().int().min(0);
const faultSpec = z.string().refine((spec) => parseFaults(spec).problems.length === 0, {
  error: (issue) => `invalid fault rules: ${parseFaults(String(issue.input)).problems.join('; ')}`,
});

/** What `PUT /__sandbox/config` may change; every key optional, unknown keys refused. */
export const runtimeConfigSchema = z
  .object({
    qps: count,
    qpsStatus: z.union([z.literal(403), z.literal(429)]),
    qpd: count,
    faults: faultSpec,
    importDelayMs: count,
    rowsPerSecond: count,
  })
  .partial()
  .strict();

export type RuntimeConfig = Pick<
  SandboxOptions,
  'qps' | 'qpsStatus' | 'qpd' | 'faults' | 'importDelayMs' | 'rowsPerSecond'
>;

export function runtimeConfigOf(options: SandboxOptions): RuntimeConfig {
  const { qps, qpsStatus, qpd, faults, importDelayMs, rowsPerSecond } = options;
  return { qps, qpsStatus, qpd, faults, importDelayMs, rowsPerSecond };
}

const envSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_OPTIONS.port),
  SANDBOX_API_KEY: z.string().min(1).default(DEFAULT_OPTIONS.apiKey),
  SANDBOX_USERNAME: z.string().default(DEFAULT_OPTIONS.username),
  SANDBOX_PASSWORD: z.string().default(DEFAULT_OPTIONS.password),
  SANDBOX_BEARER_TOKEN: z.string().min(1).default(DEFAULT_OPTIONS.bearerToken),
  SANDBOX_DB: z.string().min(1).default(DEFAULT_OPTIONS.db),
  SANDBOX_IMPORT_DELAY_MS: count.default(DEFAULT_OPTIONS.importDelayMs),
  SANDBOX_ROWS_PER_SECOND: count.default(DEFAULT_OPTIONS.rowsPerSecond),
  SANDBOX_QPS: count.default(DEFAULT_OPTIONS.qps),
  SANDBOX_QPS_STATUS: z.coerce
    .number()
    .pipe(z.union([z.literal(403), z.literal(429)]))
    .default(DEFAULT_OPTIONS.qpsStatus),
  SANDBOX_QPD: count.default(DEFAULT_OPTIONS.qpd),
  SANDBOX_FAULTS: faultSpec.default(DEFAULT_OPTIONS.faults),
});

const blankToUndefined = (env: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));

/** Reads the `SANDBOX_*` variables; throws with a readable message on a malformed one. */
export function sandboxOptionsFromEnv(env: Record<string, string | undefined>): SandboxOptions {
  const parsed = envSchema.safeParse(blankToUndefined(env));
  if (!parsed.success)
    throw new Error(`Invalid sandbox environment: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  // The host is not configurable: the sandbox has no auth on /__sandbox and stays on loopback.
  return {
    ...DEFAULT_OPTIONS,
    port: e.SANDBOX_PORT,
    apiKey: e.SANDBOX_API_KEY,
    username: e.SANDBOX_USERNAME,
    password: e.SANDBOX_PASSWORD,
    bearerToken: e.SANDBOX_BEARER_TOKEN,
    db: e.SANDBOX_DB,
    importDelayMs: e.SANDBOX_IMPORT_DELAY_MS,
    rowsPerSecond: e.SANDBOX_ROWS_PER_SECOND,
    qps: e.SANDBOX_QPS,
    qpsStatus: e.SANDBOX_QPS_STATUS,
    qpd: e.SANDBOX_QPD,
    faults: e.SANDBOX_FAULTS,
  };
}
