/**
 * Times the sandbox's answers while a large file goes in as the app sends it (not a test):
 *
 *   npx tsx sandbox/measure-upload-lag.ts bench/data/contacts-1000000-seed42-v3.csv
 *
 * The file is cut into parts whose upload body stays under the 10,485,760-byte limit (13 parts
 * for the bench's million rows, as the wizard cuts them), each sent as `POST /resources` then
 * `POST /imports`, and the next part's upload follows `GAP_MS` (default 1000) later without
 * waiting for the imports: uploads are decoded and checked while earlier parts import, as
 * through the app. The sandbox runs in its own process (in-memory database, no import delay)
 * and `GET /workspaces` is due every 100 ms from a third process, so neither this script's
 * sending nor the polling counts as the sandbox's own time. Prints the answer times (from when
 * each was due), the imports' throughput and the sandbox's CPU time. `PARTS=n` sends only the
 * first n parts; `SANDBOX_NODE_OPTIONS` reach the sandbox's Node as `NODE_OPTIONS`, and
 * `SANDBOX_NODE_ARGS` as its arguments (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, which
 * `NODE_OPTIONS` may not carry).
 */
import { readFileSync } from 'node:fs';
import { pollFromOutside } from './poll-from-outside.ts';
import {
  STANDARD_MAPPING,
  idOf,
  jsonHeaders,
  spawnSandbox,
  waitForImport,
  type ImportStatus,
} from './test-client.ts';

const file = process.argv[2] ?? 'bench/data/contacts-1000000-seed42-v3.csv';
const gapMs = Number(process.env.GAP_MS ?? 1000);
const MAX_BODY = 10_485_760;

/** The file's data lines cut into CSV parts (header first) whose JSON body fits the limit. */
function cutParts(text: string): string[] {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines.shift() ?? '';
  // base64 is 4/3 of the bytes; keep 1 KiB for the JSON around it.
  const maxCsvBytes = Math.floor(((MAX_BODY - 1024) * 3) / 4);
  const parts: string[] = [];
  let current = [header];
  let bytes = Buffer.byteLength(header) + 1;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > maxCsvBytes) {
      parts.push(current.join('\n'));
      current = [header];
      bytes = Buffer.byteLength(header) + 1;
    }
    current.push(line);
    bytes += size;
  }
  if (current.length > 1) parts.push(current.join('\n'));
  return parts;
}

/** User + system CPU of a process so far, in ms (Linux `/proc`). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const parts = cutParts(readFileSync(file, 'utf8')).slice(0, Number(process.env.PARTS ?? 1e9));
const bodies = parts.map((csv, part) =>
  JSON.stringify({
    name: `part-${part + 1}.csv`,
    scope: 'private',
    mimeType: 'text/csv',
    derefUri: Buffer.from(csv, 'utf8').toString('base64'),
  }),
);
const rows = parts.reduce((sum, csv) => sum + csv.split('\n').length - 1, 0);
console.log(
  `${rows} rows in ${parts.length} parts of up to ${Math.max(...bodies.map((b) => b.length))} bytes`,
);

const sandbox = await spawnSandbox(
  process.env.SANDBOX_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SANDBOX_NODE_OPTIONS } : {},
  process.env.SANDBOX_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
);
const pid = sandbox.child.pid ?? 0;
const stopPolling = await pollFromOutside(sandbox.url);
const cpu0 = cpuMsOf(pid);
const started = performance.now();
const uploadMs: number[] = [];
const imports: Promise<ImportStatus>[] = [];
for (const body of bodies) {
  const sent = performance.now();
  const resource = await fetch(`${sandbox.url}/resources`, {
    method: 'POST',
    headers: jsonHeaders('resource'),
    body,
  });
  if (resource.status !== 201) throw new Error(`${resource.status} ${await resource.text()}`);
  uploadMs.push(performance.now() - sent);
  const accepted = await fetch(`${sandbox.url}/imports`, {
    method: 'POST',
    headers: jsonHeaders('importcontact'),
    body: JSON.stringify({
      resourceId: idOf(resource),
      importType: 'contact',
      importOptions: { fieldMapping: STANDARD_MAPPING, importMode: 'replace' },
    }),
  });
  if (accepted.status !== 202) throw new Error(`${accepted.status} ${await accepted.text()}`);
  imports.push(waitForImport(sandbox.url, idOf(accepted), 600_000));
  await new Promise((resolve) => setTimeout(resolve, gapMs));
}
const uploaded = performance.now() - started;
const statuses = await Promise.all(imports);
const totalMs = performance.now() - started;
const cpuMs = cpuMsOf(pid) - cpu0;
const lag = await stopPolling();
const created = statuses.reduce((sum, s) => sum + s.rows.created + s.rows.updated, 0);
const failed = statuses.reduce((sum, s) => sum + s.rows.failed, 0);
const sortedUploads = [...uploadMs].sort((a, b) => a - b);
console.log(
  `uploads: median ${Math.round(sortedUploads[Math.floor(sortedUploads.length / 2)] ?? NaN)} ms, ` +
    `worst ${Math.round(sortedUploads.at(-1) ?? NaN)} ms; all sent after ${Math.round(uploaded)} ms`,
);
console.log(
  `imported ${created} rows (${failed} failed) in ${Math.round(totalMs)} ms from the first upload ` +
    `(${Math.round((rows * 1000) / totalMs)} rows/s); sandbox CPU ${Math.round(cpuMs)} ms`,
);
console.log(`GET /workspaces every 100 ms: ${lag}`);
await sandbox.stop();
