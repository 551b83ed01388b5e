/** What every route gets: the Hono environment type and the sandbox's shared services. */
import type { HttpBindings } from '@hono/node-server';
import type { ImportRunner } from './import-runner.ts';
import type { RateLimiter } from './limits.ts';
import type { RuntimeConfig, SandboxOptions } from './options.ts';
import type { SandboxStore, WorkspaceRecord } from './store.ts';
import type { Format } from './wire.ts';

export interface SandboxEnv {
  Bindings: HttpBindings;
  Variables: {
    /** The negotiated answer format, once known. */
    format: Format | undefined;
    /** The workspace a scoped (or root) path acts on. */
    workspace: WorkspaceRecord;
    /** Origin plus the workspace prefix of this path (`''` or `/workspaces/{id}`), for links. */
    base: string;
  };
}

export interface SandboxDeps {
  readonly store: SandboxStore;
  readonly runner: ImportRunner;
  readonly limiter: RateLimiter;
  readonly options: SandboxOptions;
  /** Mutable: `PUT /__sandbox/config` changes it in place. */
  readonly config: RuntimeConfig;
}
