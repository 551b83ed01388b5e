/**
 * Times large imports by hand (not a test): `npx tsx sandbox/measure-import.ts [parts] [rows]`.
 * Each part is its own resource and import, as the wizard sends them (Part A §9). Meanwhile a
 * `GET /workspaces` is due every 100 ms; the worst answer is reported from when it was due, not
 * when it was sent, because the sandbox runs in this process and a blocked event loop would
 * also delay the sending. That figure also counts this script's own work (making each part's
 * CSV), so `SANDBOX_PROCESS=1` runs the sandbox in its own process instead and builds every
 * part's request before the clock starts: then the answer times are the sandbox's alone (and
 * the CPU figure is this script's, not the sandbox's).
 */
import { startSandbox } from './server.ts';
import {
  STANDARD_MAPPING,
  base64,
  idOf,
  jsonHeaders,
  pollEvery100ms,
  spawnSandbox,
  waitForImport,
} from './test-client.ts';

const parts = Number(process.argv[2] ?? 1);
const rowsPerPart = Number(process.argv[3] ?? 100_000);
const mode = process.argv[4] ?? 'replace';
const db = process.env.SANDBOX_DB ?? ':memory:';
/** `REPEAT=1` sends the same rows in every part, so later parts exercise the match rule's updates. */
const repeat = process.env.REPEAT === '1';

const header = 'firstName,lastName,workEmailAddress1,workMobilePhone1,workCountry,timezone';
const partCsv = (part: number) => {
  const lines = [header];
  for (let i = 0; i < rowsPerPart; i++) {
    const n = (repeat ? 0 : part) * rowsPerPart + i;
    lines.push(`F${n},L${n},u${n}@example.com,614${String(n).padStart(8, '0')},Australia,+10`);
  }
  return lines.join('\n');
};

const separate = process.env.SANDBOX_PROCESS === '1';

const resourceBody = (part: number) =>
  JSON.stringify({
    name: `part-${part}.csv`,
    scope: 'private',
    mimeType: 'text/csv',
    derefUri: base64(partCsv(part)),
  });

const sandbox = separate
  ? await spawnSandbox({ SANDBOX_DB: db })
  : await startSandbox({ port: 0, db, importDelayMs: 0, reset: true });
if (separate) await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
const prebuilt = separate ? Array.from({ length: parts }, (_, part) => resourceBody(part)) : [];

const stopPolling = pollEvery100ms(sandbox.url);
const started = performance.now();
let processing = 0;
let cpu = 0;
for (let part = 0; part < parts; part++) {
  const body = prebuilt[part] ?? resourceBody(part);
  const resource = await fetch(`${sandbox.url}/resources`, {
    method: 'POST',
    headers: jsonHeaders('resource'),
    body,
  });
  if (resource.status !== 201)
    throw new Error(`${resource.status} ${await resource.text()} (${body.length} bytes)`);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const imported = await fetch(`${sandbox.url}/imports`, {
    method: 'POST',
    headers: jsonHeaders('importcontact'),
    body: JSON.stringify({
      resourceId: idOf(resource),
      importType: 'contact',
      importOptions: { fieldMapping: STANDARD_MAPPING, importMode: mode },
    }),
  });
  const status = await waitForImport(sandbox.url, idOf(imported), 600_000);
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  cpu += (used.user + used.system) / 1000;
  processing += ms;
  console.log(
    `part ${part}: ${status.rows.created} created, ${status.rows.updated} updated in ${Math.round(ms)} ms, CPU ${Math.round((used.user + used.system) / 1000)} ms (request ${body.length} bytes)`,
  );
}
// bench/run.ts reads this line up to "ms total"; keep that part's shape.
console.log(
  `${parts} x ${rowsPerPart} rows (${mode}, db ${db}): ${Math.round(processing)} ms importing (CPU ${Math.round(cpu)} ms), ${Math.round(performance.now() - started)} ms total; GET /workspaces every 100 ms: ${stopPolling()}`,
);
if ('close' in sandbox) await sandbox.close();
else await sandbox.stop();
