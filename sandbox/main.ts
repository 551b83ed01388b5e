/**
 * `npm run sandbox [-- --reset]`: starts the local Whispir sandbox from the `SANDBOX_*`
 * environment and stops it cleanly on Ctrl-C or SIGTERM.
 */
import { sandboxOptionsFromEnv, startSandbox } from './server.ts';

const options = { ...sandboxOptionsFromEnv(process.env), reset: process.argv.includes('--reset') };
const sandbox = await startSandbox(options);
console.log(`Whispir sandbox listening on ${sandbox.url} (database ${options.db})`);
console.log(
  `  API key "${options.apiKey}", user "${options.username}"; status at ${sandbox.url}/__sandbox/imports`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
