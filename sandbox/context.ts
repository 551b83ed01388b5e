/** What every route gets: the Hono environment type and the sandbox's shared services. */
import type { ResourceFiles } from './file-worker.ts';
import type { ImportRunner } from './import-runner.ts';
import type { RateLimiter } from './limits.ts';
import type { RuntimeConfig, SandboxOptions } from './options.ts';
import type { SandboxStore } from './store.ts';

export type { SandboxEnv } from './request-env.ts';

export interface SandboxDeps {
  readonly store: SandboxStore;
  readonly runner: ImportRunner;
  /** Upload checks and resource reading, off the server's thread. */
  readonly files: ResourceFiles;
  readonly limiter: RateLimiter;
  readonly options: SandboxOptions;
  /** Mutable: `PUT /__sandbox/config` changes it in place. */
  readonly config: RuntimeConfig;
}
