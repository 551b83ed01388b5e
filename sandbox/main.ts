/**
 * `npm run sandbox [-- --reset]`: starts the local Whispir sandbox from the `SANDBOX_*`
 * environment and stops it cleanly on Ctrl-C or SIGTERM, or when the server that started it
 * (through an IPC channel) is gone.
 */
import { sandboxOptionsFromEnv, startSandbox } from './server.ts';

const options = { ...sandboxOptionsFromEnv(process.env), reset: process.argv.includes('--reset') };
const sandbox = await startSandbox(options);
console.log(`Whispir sandbox listening on ${sandbox.url} (database ${options.db})`);
console.log(
  `  API key "${options.apiKey}", user "${options.username}"; status at ${sandbox.url}/__sandbox/imports`,
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void sandbox.close().then(() => process.exit(0));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
// Started by the app's server (sandbox/vite-plugin.ts): stops when that server goes, however.
process.on('disconnect', stop);
