/**
 * Starts `poll-workspaces.ts` in a process of its own (a GET /workspaces every 100 ms), so the
 * measuring script's own pauses are not counted as the sandbox's. Resolves once it polls, to a
 * function that stops it and gives its summary line.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function pollFromOutside(url: string): Promise<() => Promise<string>> {
  const poller = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./poll-workspaces.ts', import.meta.url)), url],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const next = () => new Promise<string>((resolve) => poller.once('message', resolve));
  await next();
  return async () => {
    const summary = next();
    poller.send('stop');
    return summary;
  };
}
