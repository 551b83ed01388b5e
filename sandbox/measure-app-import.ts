/**
 * Times a large import through the whole app (not a test): the production build served by
 * `npm run serve` (which starts the sandbox), driven in Chromium from the drop to the result.
 *
 *   npx tsx sandbox/measure-app-import.ts bench/data/contacts-1000000-seed42-v3.csv
 *
 * Meanwhile a `GET /workspaces` straight to the sandbox is due every 100 ms; its answer times
 * (from when it was due) say whether the sandbox kept answering. At the end it prints submit →
 * result, the requests the sending step made, by kind (from the page's Resource Timing), and
 * each import's run in the sandbox. `DIST=<folder>` serves a build already made (else one is
 * built into the system's temporary folder); `SANDBOX_*` variables reach the server; the cap is
 * `CAP_S` seconds (default 150); `SERVER_NODE_ARGS` go to the server's Node (e.g.
 * `--cpu-prof`); `RATE` sets the settings step's requests per second (default 5).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pollFromOutside } from './poll-from-outside.ts';
import { chromium, type Page } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.argv[2] ?? 'bench/data/contacts-100000-seed42-v3.csv');
const capMs = Number(process.env.CAP_S ?? 150) * 1000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not answer`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function build(): string {
  const dist = process.env.DIST ?? path.join(os.tmpdir(), 'whispir-measure-dist');
  if (process.env.DIST && existsSync(path.join(dist, 'index.html'))) return dist;
  console.log(`building into ${dist}`);
  const built = spawnSync(
    'npx',
    ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, WHISPIR_API_URL: '', WHISPIR_REGION: '' },
    },
  );
  if (built.status !== 0) throw new Error('build failed');
  return dist;
}

async function throughTheWizard(page: Page): Promise<void> {
  await page.locator('input[type=file]').first().setInputFiles(file);
  await page.getByRole('button', { name: 'Continue to matching' }).click({ timeout: 240_000 });
  await page.getByRole('button', { name: 'Continue to review' }).click({ timeout: 60_000 });
  await page.locator('#review-problems-heading').waitFor({ timeout: 240_000 });
  const onward = page.getByRole('button', { name: 'Continue to import settings' });
  await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 240_000 });
  const skip = page.getByRole('button', { name: /^Skip all [\d,]+ rows? with errors$/ });
  if ((await onward.isDisabled()) && (await skip.count())) await skip.click();
  await onward.click({ timeout: 60_000 });
}

const dist = build();
const appPort = await freePort();
const sandboxPort = await freePort();
const server: ChildProcess = spawn(
  process.execPath,
  [
    ...(process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    '--import',
    'tsx',
    path.join(ROOT, 'src/proxy/serve.ts'),
    '--dir',
    dist,
  ],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      SANDBOX_DB: ':memory:',
      SANDBOX_IMPORT_DELAY_MS: '0',
      ...process.env,
      WHISPIR_API_URL: '',
      WHISPIR_REGION: '',
      PORT: String(appPort),
      SANDBOX_PORT: String(sandboxPort),
    },
  },
);
// However this script ends, the server (and through it the sandbox) ends with it.
process.once('exit', () => server.kill('SIGTERM'));
const baseUrl = `http://127.0.0.1:${appPort}`;
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  await waitForHttp(baseUrl, 60_000);
  await waitForHttp(`${sandboxUrl}/__sandbox/health`, 60_000);
  const page = await browser.newPage();
  // The sending step makes hundreds of requests: keep them all (the buffer holds 250).
  await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
  await page.goto(baseUrl);
  await throughTheWizard(page);
  const importButton = page.getByRole('button', { name: /^Import [\d,]+ contacts?$/ });
  await importButton.waitFor({ timeout: 60_000 });
  if (process.env.RATE) {
    await page.getByText('Advanced: file format and request rate').click();
    await page.getByLabel(/Requests per second/).fill(process.env.RATE);
  }
  // The check before sending has had its say: its searches are not part of the submit.
  await page.waitForTimeout(3_000);
  const stopPolling = await pollFromOutside(sandboxUrl);
  const clickedAt = await page.evaluate(() => performance.now());
  await importButton.click();
  const finished = await page
    .getByRole('heading', { name: /Import sent to Whispir/ })
    .waitFor({ timeout: capMs })
    .then(
      () => true,
      () => false,
    );
  const endAt = await page.evaluate(() => performance.now());
  const polled = await stopPolling();
  const requests = await page.evaluate((since) => {
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime >= since && entry.name.includes('/api/'))
      .map((entry) => ({
        url: entry.name,
        start: entry.startTime - since,
        end: entry.responseEnd - since,
      }));
  }, clickedAt);
  const kinds: Record<
    string,
    { n: number; total: number; worst: number; first: number; last: number }
  > = {};
  for (const request of requests) {
    const kind = /\/api\/sandbox\//.test(request.url)
      ? 'sandbox status'
      : (/\/(resources|imports|contacts)(\?|$)/.exec(request.url)?.[1] ?? 'other');
    const entry = (kinds[kind] ??= { n: 0, total: 0, worst: 0, first: Infinity, last: 0 });
    entry.first = Math.min(entry.first, request.start);
    entry.n += 1;
    entry.total += request.end - request.start;
    entry.worst = Math.max(entry.worst, request.end - request.start);
    entry.last = Math.max(entry.last, request.end);
  }
  const imports = (
    (await (await fetch(`${sandboxUrl}/__sandbox/imports`)).json()) as {
      imports: {
        state: string;
        rows: { total: number; created: number };
        createdAt: string;
        finishedAt: string | null;
      }[];
    }
  ).imports;
  const firstImport = Date.parse(imports[0]?.createdAt ?? '');
  console.log(
    `${path.basename(file)}: submit → ${finished ? 'result' : 'NOT finished'} in ${Math.round(endAt - clickedAt)} ms`,
  );
  console.log(`GET /workspaces every 100 ms straight to the sandbox: ${polled}`);
  for (const [kind, entry] of Object.entries(kinds))
    console.log(
      `  ${kind}: ${entry.n} requests, mean ${Math.round(entry.total / entry.n)} ms, worst ${Math.round(entry.worst)} ms, first sent at ${Math.round(entry.first)} ms, last answered at ${Math.round(entry.last)} ms`,
    );
  const uploads = requests.filter((request) => /\/resources(\?|$)/.test(request.url));
  console.log(
    `  uploads (sent–answered, ms): ${uploads.map((r) => `${Math.round(r.start)}–${Math.round(r.end)}`).join(', ')}`,
  );
  for (const [index, record] of imports.entries())
    console.log(
      `  import ${index + 1}: ${record.state}, ${record.rows.created} of ${record.rows.total} rows, created +${Date.parse(record.createdAt) - firstImport} ms, finished +${record.finishedAt ? Date.parse(record.finishedAt) - firstImport : '—'} ms`,
    );
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
