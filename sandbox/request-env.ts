/**
 * The Hono environment of a sandbox request: what the gateway learns about it before its route
 * runs. A leaf module, so the wire helpers (`wire.ts`) can read it without depending on the
 * sandbox's services (`context.ts`), whose options reach back to `wire.ts` through the faults.
 */
import type { HttpBindings } from '@hono/node-server';
import type { WorkspaceRecord } from './store.ts';

/** The body format of a request or answer: Whispir's JSON or XML. */
export type Format = 'json' | 'xml';

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
