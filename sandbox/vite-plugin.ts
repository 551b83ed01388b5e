/**
 * Starts the local Whispir sandbox together with the dev or preview server when the proxy
 * targets it, so `npm start` is one command. A sandbox already listening on the port (e.g.
 * `npm run sandbox` in another terminal) is reused.
 *
 * The sandbox runs in a Node process of its own (`sandbox/main.ts`), as Whispir is a server of
 * its own: its imports, uploads and searches do not share a thread with the page server and the
 * proxy (which hold and forward 10 MB upload bodies), and the two can use two cores. It stops
 * with the server, and by itself if the server dies (its IPC channel closes).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { WhispirTarget } from '../src/config/whispir-target.ts';

function isListening(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts the sandbox when the target is the sandbox and none is listening yet; resolves to its
 * `close`, or undefined when nothing was started. `npm run serve` uses it too.
 */
export async function startSandboxIfTargeted(
  target: WhispirTarget,
  env: Record<string, string | undefined>,
): Promise<(() => Promise<void>) | undefined> {
  if (!target.isSandbox || env.VITEST || env.SANDBOX_EXTERNAL === '1') return undefined;
  const { sandboxOptionsFromEnv } = await import('./options.ts');
  const options = sandboxOptionsFromEnv(env);
  if (await isListening(options.port, options.host)) {
    console.log(`  Whispir sandbox already running on ${options.host}:${options.port}, reusing it`);
    return undefined;
  }
  const sandbox = await startSandboxProcess(env);
  console.log(`  Whispir sandbox: ${sandbox.url} (the app talks to it through /api/whispir)`);
  return sandbox.close;
}

/** Runs `sandbox/main.ts` in a child process; resolves once it listens. */
async function startSandboxProcess(
  env: Record<string, string | undefined>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening?.[1]) resolve(listening[1]);
    });
    void exited.then(() => reject(new Error(`The Whispir sandbox did not start:\n${output}`)));
  });
  return {
    url,
    close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export function sandboxPlugin(
  target: WhispirTarget,
  env: Record<string, string | undefined>,
): Plugin {
  let close: (() => Promise<void>) | undefined;
  const start = async () => {
    close = await startSandboxIfTargeted(target, env);
  };
  const stop = async () => {
    await close?.();
    close = undefined;
  };
  return {
    name: 'whispir-sandbox',
    async configureServer(server) {
      await start();
      server.httpServer?.once('close', () => void stop());
    },
    async configurePreviewServer(server) {
      await start();
      server.httpServer.once('close', () => void stop());
    },
  };
}
