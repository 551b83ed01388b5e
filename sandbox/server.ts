/**
 * The local Whispir sandbox: a Hono app on Node's HTTP server, bound to loopback, backed by
 * SQLite. `startSandbox` is what tests, the CLI and the Vite plugin use.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.ts';
import { FileWorker } from './file-worker.ts';
import { DEFAULT_BATCH_LIMITS, ImportRunner } from './import-runner.ts';
import { RateLimiter } from './limits.ts';
import { DEFAULT_OPTIONS, runtimeConfigOf, type SandboxOptions } from './options.ts';
import { SandboxStore } from './store.ts';

export { sandboxOptionsFromEnv, type SandboxOptions } from './options.ts';

export interface RunningSandbox {
  /** e.g. `http://127.0.0.1:8787` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts a sandbox; port 0 picks a free port. Rejects if the port is taken. */
export async function startSandbox(options: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  const settings: SandboxOptions = { ...DEFAULT_OPTIONS, ...options };
  const store = new SandboxStore(settings.db);
  if (settings.reset) store.reset();
  const config = runtimeConfigOf(settings);
  const files = new FileWorker();
  const runner = new ImportRunner(store, () => config, DEFAULT_BATCH_LIMITS, files);
  const limiter = new RateLimiter();
  const app = createApp({ store, runner, files, limiter, options: settings, config });

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await files.close();
    store.close();
    throw error;
  }
  runner.resumeUnfinished();

  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${settings.host}:${port}`,
    port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        runner.stop();
        server.close(() => {
          store.close();
          void files.close().then(resolve);
        });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
