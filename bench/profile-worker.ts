/**
 * `npm run bench:profile`: looks inside the intake worker while a bench file goes from the drop
 * to the review, in the same Chromium and production server as `npm run bench`. Node's V8 is
 * not Chromium's: the review of the 1M file once took 2.1 s in Node and 4.1 s in the worker,
 * because Chromium's V8 deoptimised the row check ~1,400 times (see bench/README.md). This is
 * how that was found.
 *
 * It builds the app unminified in a temporary folder (so profiles name functions), drops the
 * file, goes on to the review and prints:
 * - the worker's CPU profile, functions by self time (and writes it, for DevTools, to
 *   bench/data/worker.cpuprofile);
 * - with PROFILE_DEOPTS=1 DEBUG=pw:browser, the functions Chromium's V8 deoptimised and how
 *   often (a function deoptimised hundreds of times runs in its slow tiers: look at it first);
 * - with PROFILE_MEMORY=1, instead of the profile, the renderer's memory by allocator once the
 *   review is on screen, then again after a full garbage collection of the worker (what the
 *   difference holds was garbage no collection had come for yet); with PROFILE_SUBMIT=1 the
 *   same while sending the file to the sandbox (every part file stored, 5 s on).
 *
 * Settings: BENCH_PROFILE_ROWS (default 1000000; the bench's generated file of that size),
 * CHROMIUM_PATH.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { clickButton } from './click-button';
import { generateContactFile } from './generate';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA_DIR = path.join(ROOT, 'bench/data');
const ROWS = Number(process.env.BENCH_PROFILE_ROWS ?? 1_000_000);
const DEOPTS = process.env.PROFILE_DEOPTS === '1';
const MEMORY = process.env.PROFILE_MEMORY === '1' || process.env.PROFILE_SUBMIT === '1';
const SUBMIT = process.env.PROFILE_SUBMIT === '1';
const APP_PORT = 4377;
const SANDBOX_PORT = 8877;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Commands to the worker, over the browser's session (the worker has no page session). */
class WorkerSession {
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (result: unknown) => void; reject: (error: Error) => void }
  >();

  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: { message?: string };
      };
      const waiter = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!waiter || message.id === undefined) return;
      this.waiting.delete(message.id);
      if (message.error) waiter.reject(new Error(`worker: ${message.error.message ?? 'error'}`));
      else waiter.resolve(message.result);
    });
  }

  static async attach(browser: CDPSession): Promise<WorkerSession> {
    const { targetInfos } = (await browser.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string }[];
    };
    const worker = targetInfos.find((target) => target.type === 'worker');
    if (!worker) throw new Error('The app started no worker.');
    const { sessionId } = (await browser.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    })) as { sessionId: string };
    return new WorkerSession(browser, sessionId);
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`worker: no answer to ${method} in 60 s`));
      }, 60_000);
      this.waiting.set(id, {
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.browser
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          this.waiting.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }
}

function selfTimes(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
    times.set(key, (times.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...times].sort((a, b) => b[1] - a[1]);
}

async function memoryByAllocator(browser: CDPSession): Promise<Map<string, number>> {
  const events: { ph?: string; args?: { dumps?: { allocators?: Record<string, unknown> } } }[] = [];
  const collect = (event: { value: typeof events }) => events.push(...event.value);
  browser.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) =>
    browser.once('Tracing.tracingComplete', () => resolve()),
  );
  await browser.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['disabled-by-default-memory-infra'],
      memoryDumpConfig: { triggers: [] },
    },
    transferMode: 'ReportEvents',
  } as never);
  await browser.send('Tracing.requestMemoryDump' as never, { levelOfDetail: 'detailed' } as never);
  await browser.send('Tracing.end');
  await complete;
  browser.off('Tracing.dataCollected', collect);
  const sizes = new Map<string, number>();
  for (const event of events) {
    const allocators = event.args?.dumps?.allocators as
      | Record<string, { attrs?: { size?: { value: string } } }>
      | undefined;
    // The renderer that runs the app is the one with a worker heap.
    if (event.ph !== 'v' || !allocators?.['v8/workers']) continue;
    for (const name of [
      'v8/workers/heap',
      'v8/workers/heap/large_object_space',
      'v8/workers/heap/new_space',
      'v8/main/heap',
      'partition_alloc/partitions/buffer',
      'partition_alloc/partitions/array_buffer',
      'malloc',
      'blink_gc',
    ]) {
      const value = allocators[name]?.attrs?.size?.value;
      if (value) sizes.set(name, Number.parseInt(value, 16) / 2 ** 20);
    }
  }
  return sizes;
}

/**
 * --trace-deopt writes to the browser's output, which Playwright prints only when debugging its
 * browser (DEBUG=pw:browser, set by the npm script's caller): those lines are counted here and
 * kept off the screen.
 */
function countDeopts(): Map<string, number> {
  const counts = new Map<string, number>();
  if (!DEOPTS) return counts;
  if (!process.env.DEBUG?.includes('pw:browser'))
    console.log("PROFILE_DEOPTS needs DEBUG=pw:browser too, to see the browser's output.");
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = String(chunk);
    if (!text.includes('pw:browser')) return write(chunk, ...rest);
    for (const found of text.matchAll(/deoptimizing \S+ <JSFunction ([^ >]*)/g)) {
      const name = found[1] || '(anonymous)';
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return true;
  }) as typeof process.stderr.write;
  return counts;
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = await generateContactFile(DATA_DIR, ROWS, 42);
  // Built outside the repository and removed after: an unminified build is large, and its
  // libraries' comments are not the project's to keep.
  const distDir = mkdtempSync(path.join(os.tmpdir(), 'whispir-profile-'));
  console.log(`building the app unminified → ${distDir}`);
  const env = {
    ...process.env,
    SANDBOX_DB: ':memory:',
    SANDBOX_IMPORT_DELAY_MS: '0',
    WHISPIR_API_URL: '',
    WHISPIR_REGION: '',
    VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
  };
  const build = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '--logLevel',
      'error',
      '--outDir',
      distDir,
      '--emptyOutDir',
      '--minify',
      'false',
    ],
    { cwd: ROOT, env, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn('npx', ['tsx', 'src/proxy/serve.ts', '--dir', distDir], {
    cwd: ROOT,
    env: { ...env, HOST: '127.0.0.1', PORT: String(APP_PORT), SANDBOX_PORT: String(SANDBOX_PORT) },
    detached: true,
    stdio: 'ignore',
  });
  const stopServer = () => {
    try {
      if (server.pid !== undefined) process.kill(-server.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  };
  try {
    const url = `http://127.0.0.1:${APP_PORT}`;
    for (let i = 0; ; i++) {
      const up = await fetch(url).then(
        (answer) => answer.ok,
        () => false,
      );
      if (up) break;
      if (i > 120) throw new Error(`the server did not answer at ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const executablePath = findChromium();
    const deopts = countDeopts();
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: [...(DEOPTS ? ['--js-flags=--trace-deopt'] : []), ...CHROMIUM_ARGS],
    });
    try {
      const browserSession = await browser.newBrowserCDPSession();
      const page = await browser.newPage();
      await page.goto(url);
      await page.getByText('Connected to').first().waitFor({ timeout: 30_000 });
      const worker = await WorkerSession.attach(browserSession);
      if (!MEMORY) {
        await worker.send('Profiler.enable');
        await worker.send('Profiler.setSamplingInterval', { interval: 500 });
        await worker.send('Profiler.start');
      }
      const started = Date.now();
      await page.locator('input[type=file]').first().setInputFiles(file.path);
      await clickButton(page, 'Continue to matching', 120_000);
      await clickButton(page, 'Continue to review', 120_000);
      await page.locator('#review-filter').waitFor({ timeout: 300_000 });
      console.log(
        `${ROWS.toLocaleString('en')} rows: drop → review on screen ${Date.now() - started} ms`,
      );
      if (MEMORY) {
        let moment = 'review on screen';
        if (SUBMIT) {
          // On to the settings and "Import N contacts"; measured once every part file is built and
          // stored and the first parts are on their way.
          const onward = page.getByRole('button', { name: 'Continue to import settings' });
          const skip = page.getByRole('button', { name: /^Skip all [\d,]+ rows? with errors$/ });
          if ((await onward.isDisabled()) && (await skip.count())) await skip.click();
          await onward.click();
          await page.getByRole('button', { name: /^Import [\d,]+ contacts?$/ }).click();
          await page.getByText('The files to send are ready').first().waitFor({ timeout: 300_000 });
          await page.waitForTimeout(5_000);
          moment = 'sending (every part file stored, 5 s on)';
        }
        const pageSession = await page.context().newCDPSession(page);
        const before = await memoryByAllocator(browserSession);
        await worker.send('HeapProfiler.enable');
        await worker.send('HeapProfiler.collectGarbage');
        await pageSession.send('HeapProfiler.collectGarbage');
        const after = await memoryByAllocator(browserSession);
        console.log(
          `renderer memory (MiB): ${moment} → after a full collection of the worker and the page`,
        );
        for (const [name, size] of before)
          console.log(
            `  ${name.padEnd(42)} ${size.toFixed(0).padStart(6)} → ${(after.get(name) ?? 0).toFixed(0)}`,
          );
      } else {
        const { profile } = await worker.send<{ profile: CpuProfile }>('Profiler.stop');
        const out = path.join(DATA_DIR, 'worker.cpuprofile');
        writeFileSync(out, JSON.stringify(profile));
        console.log(`worker CPU profile → ${path.relative(ROOT, out)}; self time (ms):`);
        for (const [name, ms] of selfTimes(profile).slice(0, 30))
          console.log(`  ${ms.toFixed(0).padStart(6)}  ${name}`);
      }
      if (DEOPTS) {
        for (const [name, count] of [...deopts].sort((a, b) => b[1] - a[1]).slice(0, 15))
          console.log(`  deoptimised ${count}× ${name}`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    stopServer();
    rmSync(distDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
