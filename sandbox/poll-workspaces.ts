/**
 * `pollEvery100ms` (test-client.ts) in a process of its own, for `measure-app-import.ts`: that
 * script drives a browser, and its own pauses must not count as the sandbox's. Started with an
 * IPC channel; says `started`, and answers `stop` with the summary line.
 */
import { pollEvery100ms } from './test-client.ts';

const url = process.argv[2];
if (!url || !process.send) throw new Error('usage: started by measure-app-import.ts');
const stop = pollEvery100ms(url);
process.send('started');
process.once('disconnect', () => process.exit(0));
process.once('message', () => {
  process.send?.(stop(), () => process.exit(0));
});
