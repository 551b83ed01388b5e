/**
 * Starts the local Whispir sandbox together with the dev or preview server when the proxy
 * targets it, so `npm start` is one command. A sandbox already listening on the port (e.g.
 * `npm run sandbox` in another terminal) is reused.
 */
import net from 'node:net';
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
  const { sandboxOptionsFromEnv, startSandbox } = await import('./server.ts');
  const options = sandboxOptionsFromEnv(env);
  if (await isListening(options.port, options.host)) {
    console.log(`  Whispir sandbox already running on ${options.host}:${options.port}, reusing it`);
    return undefined;
  }
  const sandbox = await startSandbox(options);
  console.log(`  Whispir sandbox: ${sandbox.url} (the app talks to it through /api/whispir)`);
  return sandbox.close;
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
