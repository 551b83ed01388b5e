/**
 * `npm run bench`: drives the production build in Chromium with Playwright over generated contact
 * files and measures the wizard against a floor (raw Papa.parse in a module worker, on the app's
 * page in a context of its own, same run). See bench/README.md for the method and how to read the figures.
 *
 * Environment (all optional):
 *   BENCH_SIZES=100000,1000000   row counts (3000000 is the stretch run)
 *   BENCH_RUNS=3                 runs per size (the median is reported)
 *   BENCH_SUBMIT_RUNS_LARGE=1    runs that also submit, for sizes over 100,000 rows
 *   BENCH_SUBMIT_CAP_LARGE_S=90  longest wait for a submit over 100,000 rows
 *   BENCH_SEED=42                generator seed
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { clickButton } from './click-button';
import { generateContactFile, type GeneratedFile } from './generate';
import { RendererMemory, type RendererWindow } from './renderer-memory';
import { probeSandbox, type SandboxLag } from './sandbox-lag';

const BENCH_DIR = import.meta.dirname;
const ROOT = path.resolve(BENCH_DIR, '..');
const DATA_DIR = path.join(BENCH_DIR, 'data');
const DIST_DIR = path.join(DATA_DIR, 'dist');
const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SUBMIT_RUNS_LARGE = Number(process.env.BENCH_SUBMIT_RUNS_LARGE ?? 1);
const SEED = Number(process.env.BENCH_SEED ?? 42);
/** Longest wait for a submit to finish: 100,000 rows, and larger files. */
const SUBMIT_CAP_MS = 120_000;
const SUBMIT_CAP_LARGE_MS = Number(process.env.BENCH_SUBMIT_CAP_LARGE_S ?? 90) * 1000;
const HEAP_SAMPLE_MS = 100;
const RSS_SAMPLE_MS = 100;
const SANDBOX_PROBE_MS = 100;
const GIB = 1024 ** 3;
const SCROLL_STEPS = 300;
const REVIEW_MISSING = 'review step not built yet';

const TARGETS = {
  validatedOverFloor: 1.5,
  firstPreviewMs: 300,
  longestTaskMs: 100,
  totalBlockingMs: 300,
  heapOverFile: 3,
  slowScrollFrames: 0,
  submitMs100k: 10_000,
  // Issue 16's stricter or new targets (validated / floor, heap and scrolling are as above).
  firstPreviewMsIssue16: 100,
  longestTaskMsIssue16: 50,
  /** At 1,000,000 rows; 2 GiB at the 3,000,000-row stretch run. */
  rendererPeakRssBytes: GIB,
  rendererPeakRssBytesStretch: 2 * GIB,
  cellEditMs: 50,
  submitMs1M: 60_000,
  sandboxLagMaxMs: 100,
} as const;

const startedAt = Date.now();
/** Others' work on the machine (1, 5, 15 min): a busy machine explains outliers. */
const loadAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)} s`;
const log = (message: string) => console.log(`[bench ${elapsed()}] ${message}`);

// ---------------------------------------------------------------- processes and ports

const children: ChildProcess[] = [];

function stopChildren(): void {
  for (const child of children) {
    if (child.pid === undefined || child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGKILL'); // The whole group: npx and the node it started.
    } catch {
      // Already gone.
    }
  }
}
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopChildren();
    process.exit(130);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      );
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}

function startServer(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: 'pipe' });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.once('exit', (code) => {
    if (code !== null && code !== 0) console.error(`${command} exited ${code}:\n${output}`);
  });
  return child;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// ---------------------------------------------------------------- the floor worker

/** A module worker with Papa Parse inlined: reads the File, parses it, keeps the rows. */
function floorWorkerSource(): string {
  const papa = readFileSync(path.join(ROOT, 'node_modules/papaparse/papaparse.min.js'), 'utf8');
  return `const module = { exports: {} };
const exports = module.exports;
${papa}
const Papa = module.exports;
let kept = null;
self.onmessage = async (event) => {
  const t0 = performance.now();
  const text = await event.data.text();
  const t1 = performance.now();
  const parsed = Papa.parse(text, { skipEmptyLines: true });
  const t2 = performance.now();
  kept = parsed.data;
  self.postMessage({ readMs: t1 - t0, parseMs: t2 - t1, rows: kept.length - 1 });
};
self.postMessage('ready');
`;
}

// ---------------------------------------------------------------- in-page instrumentation

interface Mark {
  dom: number;
  frame?: number;
}
type MarkName =
  | 'drop'
  | 'firstPreview'
  | 'parseComplete'
  | 'mapping'
  | 'review'
  | 'validationComplete'
  | 'settings'
  | 'submit'
  | 'result';
interface EditMark {
  /** The problems section's text before the edit. */
  before: string;
  /** The Enter that commits the edit (keydown, before the app handles it). */
  commit?: number;
  /** The DOM showing the new value, its problem status and the changed counts; `frame` after. */
  dom?: number;
  frame?: number;
}
interface BenchState {
  marks: Partial<Record<MarkName, Mark>>;
  longtasks: { start: number; duration: number }[];
  edit?: EditMark;
}
declare global {
  interface Window {
    __bench?: BenchState;
  }
}

/** Runs in the page before the app: long tasks, and when each milestone reaches the screen. */
function instrument(): void {
  const bench: BenchState = { marks: {}, longtasks: [] };
  window.__bench = bench;
  try {
    performance.setResourceTimingBufferSize(100_000);
  } catch {
    // Older engines: the default buffer is enough for the first upload request.
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      bench.longtasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  // The mark is the DOM commit; `frame` the next animation frame after it, i.e. on screen.
  const mark = (name: MarkName) => {
    if (bench.marks[name]) return;
    const entry: Mark = { dom: performance.now() };
    bench.marks[name] = entry;
    requestAnimationFrame(() => (entry.frame = performance.now()));
  };
  document.addEventListener(
    'change',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'file' && !target.dataset.bench)
        mark('drop');
    },
    true,
  );
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button && /^Import [\d,]+ contacts?$/.test(button.textContent?.trim() ?? ''))
        mark('submit');
    },
    true,
  );
  const heading = () => document.getElementById('step-heading')?.textContent ?? '';
  const checks: [MarkName, () => boolean][] = [
    ['firstPreview', () => !!document.querySelector('[aria-label="First rows of the file"] td')],
    [
      'parseComplete',
      () =>
        [...document.querySelectorAll('main p.lead')].some((p) =>
          /\d rows? and \d+ columns?\./.test(p.textContent ?? ''),
        ),
    ],
    ['mapping', () => /Match your columns/.test(heading())],
    ['review', () => /Review/i.test(heading())],
    [
      'validationComplete',
      () => {
        const main = document.querySelector('main');
        if (!main || !/Review/i.test(heading())) return false;
        if (main.querySelector('progress, [role=progressbar], [aria-busy=true]')) return false;
        if (document.getElementById('review-problems-heading')) return true;
        return /\d[\d,]* (errors?|warnings?|problems?)\b|No problems/i.test(main.textContent ?? '');
      },
    ],
    ['settings', () => /Choose how to import/.test(heading())],
    ['result', () => /Import sent to Whispir/.test(heading())],
  ];
  const observer = new MutationObserver(() => {
    if (!bench.marks.drop) return;
    for (const [name, check] of checks) if (!bench.marks[name] && check()) mark(name);
    if (bench.marks.result) observer.disconnect();
  });
  const start = () =>
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
}

/**
 * Runs in the page before one cell edit is committed: notes the Enter in the grid's editor, then
 * the first DOM state where the edited cell shows the new value with its new problem status
 * (flagged or not) and the problem counts differ from before, and the animation frame after it.
 */
function watchEdit(expect: { rowNumber: number; field: string; value: string; flagged: boolean }) {
  const bench = window.__bench;
  if (!bench) throw new Error('no bench state in the page');
  const problems = () =>
    document.querySelector('[aria-labelledby="review-problems-heading"]')?.textContent ?? '';
  const edit: EditMark = { before: problems() };
  bench.edit = edit;
  const onKey = (event: KeyboardEvent) => {
    const target = event.target;
    if (
      event.key === 'Enter' &&
      target instanceof HTMLInputElement &&
      target.closest('[role=grid]') &&
      edit.commit === undefined
    )
      edit.commit = performance.now();
  };
  document.addEventListener('keydown', onKey, true);
  const shown = () => {
    const cell = document.querySelector(
      `[role=row][data-row-number="${expect.rowNumber}"] [data-field="${expect.field}"]`,
    );
    if (!cell || cell.querySelector('input')) return false;
    if (cell.querySelector('.cell-text')?.textContent !== expect.value) return false;
    const flagged = cell.classList.contains('has-error') || cell.classList.contains('has-warning');
    return flagged === expect.flagged && problems() !== edit.before;
  };
  const observer = new MutationObserver(() => {
    if (edit.commit === undefined || edit.dom !== undefined || !shown()) return;
    edit.dom = performance.now();
    observer.disconnect();
    document.removeEventListener('keydown', onKey, true);
    requestAnimationFrame(() => (edit.frame = performance.now()));
  });
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class'],
  });
}

// ---------------------------------------------------------------- heap sampling (CDP)

interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

/**
 * Samples `Runtime.getHeapUsage` of the page and of every dedicated worker it starts, every
 * 100 ms. Workers are reached through the page's CDP session with (non-flat) auto-attach.
 */
class HeapSampler {
  private readonly workers = new Map<string, string>(); // sessionId → url
  private readonly waiting = new Map<number, (usage: HeapUsage | undefined) => void>();
  private nextId = 1;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  phase = 'idle';
  readonly peaks = new Map<string, { page: number; worker: number; sum: number; floor: number }>();

  constructor(private readonly cdp: CDPSession) {}

  async start(): Promise<void> {
    this.cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker')
        this.workers.set(event.sessionId, event.targetInfo.url);
    });
    this.cdp.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId) this.workers.delete(event.sessionId);
    });
    this.cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
      if (message.id === undefined) return;
      this.waiting.get(message.id)?.(message.result);
      this.waiting.delete(message.id);
    });
    await this.cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    this.timer = setInterval(() => void this.sample(), HEAP_SAMPLE_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private workerHeap(sessionId: string): Promise<HeapUsage | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timeout = setTimeout(() => {
        this.waiting.delete(id);
        resolve(undefined);
      }, 2_000);
      this.waiting.set(id, (usage) => {
        clearTimeout(timeout);
        resolve(usage);
      });
      this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => resolve(undefined));
    });
  }

  async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const phase = this.phase;
      const [page, ...workers] = await Promise.all([
        this.cdp.send('Runtime.getHeapUsage').catch(() => undefined),
        ...[...this.workers.entries()].map(async ([sessionId, url]) => ({
          url,
          usage: await this.workerHeap(sessionId),
        })),
      ]);
      const floorWorker = workers
        .filter((w) => w.url.startsWith('blob:'))
        .reduce((sum, w) => sum + (w.usage?.usedSize ?? 0), 0);
      const appWorkers = workers
        .filter((w) => !w.url.startsWith('blob:'))
        .reduce((sum, w) => sum + (w.usage?.usedSize ?? 0), 0);
      const pageUsed = page?.usedSize ?? 0;
      const peak = this.peaks.get(phase) ?? { page: 0, worker: 0, sum: 0, floor: 0 };
      peak.page = Math.max(peak.page, pageUsed);
      peak.worker = Math.max(peak.worker, appWorkers);
      peak.floor = Math.max(peak.floor, floorWorker);
      peak.sum = Math.max(peak.sum, pageUsed + appWorkers);
      this.peaks.set(phase, peak);
    } finally {
      this.busy = false;
    }
  }
}

// ---------------------------------------------------------------- one run

interface RunResult {
  rows: number;
  run: number;
  /** The rows the app says it read ("N rows and M columns."); fewer at its row limit. */
  rowsRead: number | null;
  floorMs: number;
  floorReadMs: number;
  floorParseMs: number;
  floorWorkerPeakHeapBytes: number;
  firstPreviewMs: number | null;
  parseCompleteMs: number | null;
  validationCompleteMs: number | null;
  /** From the review step on screen to its problem counts: the validation alone. */
  validationOnlyMs: number | null;
  /** Every long task of the window, with the step it fell in (ms since the drop). */
  longTasks: { phase: string; atMs: number; durationMs: number }[];
  longestTaskMs: number;
  totalBlockingMs: number;
  longTaskCount: number;
  longTaskWindow: string;
  /** 'measured', or why validation and scrolling could not be. */
  review: string;
  peakPageHeapBytes: number;
  peakWorkerHeapBytes: number;
  peakHeapBytes: number;
  /**
   * The page's renderer process (page, workers, DOM, buffers): peak resident memory from the
   * drop to the settings step (the end of the review, the cell edit included; not the submit).
   */
  rendererPeakRssBytes: number | null;
  /** The same, from the click on "Import N contacts" to the result (or the cap). */
  rendererPeakRssSubmitBytes: number | null;
  renderer: {
    how: string;
    /** RSS once the app has loaded in the wizard's page; `review.startBytes` is at the drop. */
    rssAtLoadBytes: number;
    review: RendererWindow | null;
    submit: RendererWindow | null;
  };
  /** One cell edit at the end of the file: Enter → new value and counts on screen. */
  cellEditMs: number | null;
  cellEdit: {
    rowNumber: number;
    field: string;
    editor: string | null;
    from: string;
    to: string;
    /** Whether the cell has a problem after the edit (the edit broke it, or fixed it). */
    flaggedAfter: boolean;
    /** Enter → the DOM showing it (the frame is `cellEditMs`). */
    domMs: number | null;
    longestTaskMs: number;
  } | null;
  scroll: {
    steps: number;
    framesOver50ms: number;
    worstFrameMs: number;
    scrollHeightPx: number;
    gridRows: number;
  } | null;
  partsBuiltMs: number | null;
  /** From the click until Whispir (the sandbox) accepted the last part's import request. */
  partsAcceptedMs: number | null;
  submitCompleteMs: number | null;
  submitted: { created: number; updated: number; skipped: number; failed: number } | null;
  /** When the submit did not finish within its cap: how far the sandbox got. */
  submitUnfinished: {
    capMs: number;
    partsImported: number;
    parts: number;
    rowsImported: number;
  } | null;
  /** The sandbox's worst answer to a `GET /workspaces` due every 100 ms while submitting. */
  sandboxLagMaxMs: number | null;
  sandboxLag: SandboxLag | null;
  notes: string[];
}

async function marks(page: Page): Promise<BenchState> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__bench)) as BenchState);
}

async function waitForMark(page: Page, name: MarkName, timeoutMs: number): Promise<void> {
  await page.waitForFunction((n) => Boolean(window.__bench?.marks[n as MarkName]?.frame), name, {
    polling: 100,
    timeout: timeoutMs,
  });
}

async function measureScroll(page: Page): Promise<NonNullable<RunResult['scroll']>> {
  return page.evaluate(async (steps) => {
    const scrolls = (element: Element) =>
      element.scrollHeight > element.clientHeight + 50 &&
      ['auto', 'scroll'].includes(getComputedStyle(element).overflowY);
    // The grid's own scroll container if it has one, else the tallest scroller in the step.
    let scroller: Element | null = document.querySelector('[role=grid]');
    while (scroller && !scrolls(scroller)) scroller = scroller.parentElement;
    if (!scroller) {
      const main = document.querySelector('main') ?? document.body;
      const all = [...main.querySelectorAll('*')].filter(scrolls);
      all.sort((a, b) => b.scrollHeight - a.scrollHeight);
      scroller = all[0] ?? document.scrollingElement ?? document.documentElement;
    }
    scroller.scrollIntoView?.({ block: 'nearest' });
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const max = scroller.scrollHeight - scroller.clientHeight;
    scroller.scrollTop = 0;
    await frame();
    let last = await frame();
    let over = 0;
    let worst = 0;
    for (let step = 1; step <= steps; step++) {
      scroller.scrollTop = (max * step) / steps;
      const now = await frame();
      const duration = now - last;
      last = now;
      worst = Math.max(worst, duration);
      if (duration > 50) over++;
    }
    const gridRows =
      Number(document.querySelector('[role=grid]')?.getAttribute('aria-rowcount') ?? 1) - 1;
    return {
      steps,
      framesOver50ms: over,
      worstFrameMs: worst,
      scrollHeightPx: scroller.scrollHeight,
      gridRows,
    };
  }, SCROLL_STEPS);
}

async function sandboxCounts(page: Page): Promise<NonNullable<RunResult['submitted']>> {
  const count = async (key: string) =>
    Number(((await page.getByTestId(`count-${key}`).textContent()) ?? '').replace(/\D/g, '') || 0);
  return {
    created: await count('created'),
    updated: await count('updated'),
    skipped: await count('skipped'),
    failed: await count('failed'),
  };
}

/** The header and the last row of a CSV file, by field name (reads only its ends). */
function lastRowOf(file: string): Record<string, string> {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const read = (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, position);
      return buffer.toString('utf8');
    };
    const length = Math.min(size, 64 * 1024);
    const headerLine = read(0, length).split(/\r?\n/)[0] ?? '';
    const lastLine =
      read(size - length, length)
        .split(/\r?\n/)
        .filter(Boolean)
        .pop() ?? '';
    const header = Papa.parse<string[]>(headerLine).data[0] ?? [];
    const values = Papa.parse<string[]>(lastLine).data[0] ?? [];
    return Object.fromEntries(header.map((name, i) => [name, values[i] ?? '']));
  } finally {
    closeSync(fd);
  }
}

/**
 * Edits one cell at the end of the file as a person would: the last row's email in the review
 * grid (on screen after the scroll test; scrolled to if not), a click on the cell, the new value
 * typed, Enter. A valid email is broken (a second `@`), an invalid one fixed, so the cell's
 * problem and the problem counts both change. Timed in the page (`watchEdit`).
 */
async function measureCellEdit(
  page: Page,
  file: GeneratedFile,
  notes: string[],
): Promise<{ ms: number | null; detail: RunResult['cellEdit'] }> {
  const email = lastRowOf(file.path).workEmailAddress1 ?? '';
  if (!email) {
    notes.push('cell edit skipped: the last row has no email');
    return { ms: null, detail: null };
  }
  const grid = page.getByRole('grid', { name: 'Rows to review' });
  const cell = grid.getByRole('gridcell', { name: email }).first();
  if (!(await cell.isVisible())) {
    // Not on screen (the scroll test did not reach the end): scroll the grid to its end.
    await grid.evaluate((element) => {
      const scroller = element.parentElement;
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    });
  }
  const visible = await cell.waitFor({ state: 'visible', timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  if (!visible) {
    notes.push(`cell edit skipped: the last row (${email}) could not be brought on screen`);
    return { ms: null, detail: null };
  }
  const flaggedBefore = /\bhas-(error|warning)\b/.test((await cell.getAttribute('class')) ?? '');
  const to = flaggedBefore ? `bench.fixed.${file.rows}@example.com` : email.replace('@', '@@');
  const field = (await cell.getAttribute('data-field')) ?? 'workEmailAddress1';
  const rowNumber = Number(
    await cell.evaluate((element) =>
      element.closest('[role=row]')?.getAttribute('data-row-number'),
    ),
  );
  await cell.click();
  // The cell's editor, named "<field>, row <n>".
  const editor = grid.getByRole('textbox');
  await editor.waitFor({ timeout: 10_000 });
  const editorName = await editor.getAttribute('aria-label');
  await editor.fill(to);
  await page.evaluate(watchEdit, { rowNumber, field, value: to, flagged: !flaggedBefore });
  await editor.press('Enter');
  const shown = await page
    .waitForFunction(() => window.__bench?.edit?.frame !== undefined, undefined, {
      polling: 50,
      timeout: 30_000,
    })
    .then(
      () => true,
      () => false,
    );
  const state = await marks(page);
  const edit = state.edit;
  const commit = edit?.commit;
  if (!shown || commit === undefined || edit?.frame === undefined) {
    notes.push(
      `cell edit: the new value and counts were not seen on screen within 30 s (${JSON.stringify(edit)})`,
    );
  }
  const end = edit?.frame ?? Infinity;
  const tasks =
    commit === undefined
      ? []
      : state.longtasks.filter((task) => task.start >= commit && task.start < end);
  const ms = commit !== undefined && edit?.frame !== undefined ? edit.frame - commit : null;
  return {
    ms,
    detail: {
      rowNumber,
      field,
      editor: editorName,
      from: email,
      to,
      flaggedAfter: !flaggedBefore,
      domMs: commit !== undefined && edit?.dom !== undefined ? edit.dom - commit : null,
      longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
    },
  };
}

/**
 * The floor: the app's page in a context of its own, the same File put on a hidden input, and a
 * module worker built from a Blob (Papa Parse inlined) that reads and parses it and keeps the
 * rows. Its own page, closed before the wizard's opens, so the wizard's renderer process never
 * holds what the floor left (at 1,000,000 rows its freed memory stayed resident, about 300 MiB).
 */
async function measureFloor(
  browser: Browser,
  baseUrl: string,
  file: GeneratedFile,
  floorSource: string,
): Promise<{
  ms: number;
  readMs: number;
  parseMs: number;
  rows: number;
  workerPeakHeapBytes: number;
}> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const heap = new HeapSampler(cdp);
  try {
    await heap.start();
    await page.goto(baseUrl);
    await page.getByText('Connected to').first().waitFor({ timeout: 30_000 });
    // The same File, in a module worker of this page, rows kept there.
    heap.phase = 'floor';
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.dataset.bench = 'floor';
      input.id = 'bench-floor-file';
      input.hidden = true;
      document.body.append(input);
    });
    await page.locator('#bench-floor-file').setInputFiles(file.path);
    const floor = await page.evaluate(async (source) => {
      const input = document.getElementById('bench-floor-file') as HTMLInputElement;
      const picked = input.files?.[0];
      if (!picked) throw new Error('no file for the floor');
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url, { type: 'module' });
      await new Promise<void>((resolve) => {
        worker.onmessage = () => resolve();
      });
      const t0 = performance.now();
      const result = await new Promise<{ readMs: number; parseMs: number; rows: number }>(
        (resolve, reject) => {
          worker.onmessage = (
            event: MessageEvent<{ readMs: number; parseMs: number; rows: number }>,
          ) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage(picked);
        },
      );
      return { ms: performance.now() - t0, ...result };
    }, floorSource);
    await heap.sample();
    return { ...floor, workerPeakHeapBytes: heap.peaks.get('floor')?.floor ?? 0 };
  } finally {
    heap.stop();
    await context.close();
  }
}

async function runOnce(options: {
  browser: Browser;
  baseUrl: string;
  sandboxUrl: string;
  file: GeneratedFile;
  run: number;
  submit: boolean;
  floorSource: string;
  /** A browser-level CDP session, to find the page's renderer process. */
  browserCdp: CDPSession;
}): Promise<RunResult> {
  const { browser, baseUrl, sandboxUrl, file, run, submit, floorSource, browserCdp } = options;
  const large = file.rows > 200_000;
  /** Longest wait for the file's way to the review: 60 s, 240 s at 1,000,000 rows, more above. */
  const longWait = Math.max(60_000, file.rows * 0.24);
  const say = (what: string) =>
    log(`  ${file.rows.toLocaleString('en')} rows, run ${run}: ${what}`);
  const notes: string[] = [];
  const pageErrors: string[] = [];
  let reviewProblem: string | undefined;
  const reset = await fetch(`${sandboxUrl}/__sandbox/reset`, { method: 'POST' });
  if (!reset.ok) throw new Error(`sandbox reset: ${reset.status}`);

  const floor = await measureFloor(browser, baseUrl, file, floorSource);
  if (floor.rows < file.rows) notes.push(`floor read ${floor.rows} rows`);
  say(`floor ${floor.ms.toFixed(0)} ms; dropping the file on the wizard`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // tsx (esbuild keepNames) wraps named functions in `__name(...)`; functions sent to the page
  // need that helper there too.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const heap = new HeapSampler(cdp);
  const memory = new RendererMemory(browserCdp);
  try {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await heap.start();
    await page.goto(baseUrl);
    await page.getByText('Connected to').first().waitFor({ timeout: 30_000 });
    // The page's renderer process (the app's worker is already running in it).
    await memory.find();
    notes.push(memory.how);
    const rssAtLoad = memory.rss();
    // The drop comes to a settled page (as it did after the floor, when both shared a page).
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(500);

    // The renderer's peak resident memory from here (the drop) on.
    memory.start(RSS_SAMPLE_MS);

    // The wizard: drop (setInputFiles on the app's own input) and go through the steps.
    heap.phase = 'wizard';
    memory.phase = 'drop → validated';
    const input = page.locator('input[type=file]').first();
    await input.setInputFiles(file.path);
    await waitForMark(page, 'parseComplete', longWait);
    // The rows the app kept, from "N rows and M columns." (it stops at its own row limit).
    const rowsRead = await page.evaluate(() => {
      for (const lead of document.querySelectorAll('main p.lead')) {
        const found = /([\d,]+) rows? and \d+ columns?\./.exec(lead.textContent ?? '');
        if (found?.[1]) return Number(found[1].replace(/,/g, ''));
      }
      return null;
    });
    if (rowsRead !== file.rows)
      notes.push(
        `the app read ${rowsRead?.toLocaleString('en') ?? 'an unknown number of'} rows of the file's ${file.rows.toLocaleString('en')}`,
      );
    say('parsed; mapping');
    // Between the drop and the review the buttons are clicked from inside the page: finding them
    // with getByRole computes accessible names over the whole page in the page's main thread
    // (25–130 ms tasks of Playwright's own, which the long-task figures would count as the app's).
    await clickButton(page, 'Continue to matching');
    await waitForMark(page, 'mapping', 60_000);
    await clickButton(page, 'Continue to review');
    const stepperSays = () =>
      page.evaluate(
        () => document.querySelector('nav [aria-current=step]')?.textContent?.trim() ?? '',
      );
    await page.waitForFunction(
      () => {
        const marks = window.__bench?.marks;
        return (
          Boolean(marks?.review?.frame || marks?.settings?.frame) ||
          !!document.querySelector('main [role=alert]') ||
          /Review/i.test(document.querySelector('nav [aria-current=step]')?.textContent ?? '')
        );
      },
      undefined,
      { polling: 100, timeout: longWait },
    );
    let state = await marks(page);
    if (!state.marks.review && !state.marks.settings && /Review/i.test(await stepperSays())) {
      // The stepper is on the review step: give its heading time to appear.
      await waitForMark(page, 'review', 30_000).catch(() => undefined);
      state = await marks(page);
    }
    if (!state.marks.review && !state.marks.settings) {
      const alert = await page
        .locator('main [role=alert]')
        .first()
        .textContent()
        .catch(() => null);
      if (alert) throw new Error(`the mapping step did not go on: ${alert}`);
      reviewProblem = `review step is on the stepper but showed nothing (step “${await stepperSays()}”; page errors: ${pageErrors.join(' | ') || 'none'})`;
      notes.push(reviewProblem);
    }

    let scroll: RunResult['scroll'] = null;
    let cellEditMs: number | null = null;
    let cellEdit: RunResult['cellEdit'] = null;
    if (state.marks.review) {
      await waitForMark(page, 'validationComplete', longWait);
      // The grid opens on the rows with errors; the scroll test is over the whole file.
      const filter = page.locator('#review-filter');
      if (await filter.count()) await filter.selectOption('all');
      await page
        .waitForFunction(
          (rows) =>
            Number(document.querySelector('[role=grid]')?.getAttribute('aria-rowcount') ?? 0) >
            rows,
          file.rows,
          { polling: 100, timeout: 30_000 },
        )
        .catch(() => notes.push('the grid never showed every row'));
      say('validated; scrolling the review grid');
      heap.phase = 'scroll';
      memory.phase = 'scroll';
      scroll = await measureScroll(page);
      say('editing the last row');
      heap.phase = 'edit';
      memory.phase = 'cell edit';
      const edit = await measureCellEdit(page, file, notes);
      cellEditMs = edit.ms;
      cellEdit = edit.detail;
      heap.phase = 'after';
      memory.phase = 'to the settings step';
      const onward = page.getByRole('button', { name: 'Continue to import settings' });
      const skip = page.getByRole('button', { name: /^Skip all [\d,]+ rows? with errors$/ });
      if ((await onward.isDisabled()) && (await skip.count())) {
        await skip.click();
        notes.push(`review: ${(await skip.textContent().catch(() => '')) ?? ''}`.trim());
      }
      await onward.click({ timeout: 60_000 });
      await waitForMark(page, 'settings', 60_000).catch(() => undefined);
    } else {
      heap.phase = 'after';
    }
    await heap.sample();
    const reviewMemory = memory.end() ?? null;
    state = await marks(page);

    let partsBuiltMs: number | null = null;
    let submitCompleteMs: number | null = null;
    let submitted: RunResult['submitted'] = null;
    let submitUnfinished: RunResult['submitUnfinished'] = null;
    let partsAcceptedMs: number | null = null;
    let sandboxLag: SandboxLag | null = null;
    let submitMemory: RendererWindow | null = null;
    if (!submit) notes.push('not submitted in this run');
    else if (reviewProblem) notes.push('submit skipped: the review step could not be passed');
    else if (!state.marks.settings) notes.push('submit skipped: could not reach the settings step');
    else if (
      !(await page
        .getByRole('button', { name: /^Import [\d,]+ contacts?$/ })
        .waitFor({ timeout: 30_000 })
        .then(
          () => true,
          () => false,
        ))
    )
      notes.push('submit skipped: the settings step has no “Import N contacts” button');
    else {
      // The renderer's memory and the sandbox's answer times, from the click to the result.
      memory.start(RSS_SAMPLE_MS);
      const stopProbe = await probeSandbox(sandboxUrl, SANDBOX_PROBE_MS);
      heap.phase = 'submit';
      memory.phase = 'submit';
      const capMs = large ? SUBMIT_CAP_LARGE_MS : SUBMIT_CAP_MS;
      let finished = false;
      try {
        await page.getByRole('button', { name: /^Import [\d,]+ contacts?$/ }).click();
        say('submitting');
        finished = await waitForMark(page, 'result', capMs).then(
          () => true,
          () => false,
        );
      } finally {
        sandboxLag = await stopProbe();
        submitMemory = memory.end() ?? null;
      }
      notes.push(
        `sandbox GET /workspaces every ${SANDBOX_PROBE_MS} ms while submitting: ${sandboxLag.answers} answers, ` +
          `median ${sandboxLag.medianMs?.toFixed(0) ?? '—'} ms, p99 ${sandboxLag.p99Ms?.toFixed(0) ?? '—'} ms, ` +
          `worst ${sandboxLag.maxMs?.toFixed(0) ?? '—'} ms` +
          (sandboxLag.slowest[0]
            ? ` (due ${(sandboxLag.slowest[0].dueMs / 1000).toFixed(1)} s after the click)`
            : '') +
          (sandboxLag.errors ? `, ${sandboxLag.errors} errors` : '') +
          (sandboxLag.unanswered ? `, ${sandboxLag.unanswered} unanswered at the end` : ''),
      );
      if (submitMemory)
        notes.push(`renderer peak RSS while submitting ${mb(submitMemory.peakBytes)} MiB`);
      const timings = await page.evaluate(() => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const uploads = entries.filter((entry) => /\/resources(\?|$)/.test(entry.name));
        const text = document.querySelector('main')?.textContent ?? '';
        const parts = /part \d+ of (\d+)/.exec(text) ?? /\d+ of (\d+) parts? accepted/.exec(text);
        // Whispir's "create import" calls (not the sandbox's status polls under /api/sandbox/).
        const imports = entries.filter((entry) =>
          /\/api\/whispir(\/.*)?\/imports(\?|$)/.test(entry.name),
        );
        return {
          lastImportAccepted: imports[imports.length - 1]?.responseEnd,
          firstUpload: uploads[0]?.startTime,
          uploads: uploads.length,
          parts: parts ? Number(parts[1]) : uploads.length,
        };
      });
      state = await marks(page);
      const clicked = state.marks.submit?.dom;
      if (clicked !== undefined && timings.firstUpload !== undefined)
        partsBuiltMs = timings.firstUpload - clicked;
      if (clicked !== undefined && timings.lastImportAccepted !== undefined)
        partsAcceptedMs = timings.lastImportAccepted - clicked;
      if (finished) {
        if (clicked !== undefined && state.marks.result?.frame !== undefined)
          submitCompleteMs = state.marks.result.frame - clicked;
        submitted = await sandboxCounts(page);
      } else {
        // Bounded so the bench stays under 10 minutes: say how far the sandbox got.
        const response = await fetch(`${sandboxUrl}/__sandbox/imports`);
        const body = (await response.json()) as {
          imports: { state: string; rows: { created: number; updated: number } }[];
        };
        const done = body.imports.filter((i) => i.state === 'done');
        const rows = done.reduce((sum, i) => sum + i.rows.created + i.rows.updated, 0);
        submitUnfinished = {
          capMs,
          partsImported: done.length,
          parts: timings.parts,
          rowsImported: rows,
        };
        notes.push(
          `submit not finished within the ${capMs / 1000} s cap: the sandbox had imported ` +
            `${done.length} of ${timings.parts} parts (${rows.toLocaleString('en')} rows)`,
        );
      }
      notes.push(`${timings.uploads} part(s) uploaded`);
    }

    const drop = state.marks.drop?.dom;
    if (drop === undefined) throw new Error('the drop was not seen');
    const since = (name: MarkName) => {
      const frame = state.marks[name]?.frame;
      return frame === undefined ? null : frame - drop;
    };
    const windowEnd =
      state.marks.validationComplete?.frame ?? state.marks.settings?.dom ?? Infinity;
    const inWindow = state.longtasks.filter((task) => task.start >= drop && task.start < windowEnd);
    const phases: [MarkName, string][] = [
      ['firstPreview', 'drop → first preview'],
      ['parseComplete', 'reading the file'],
      ['mapping', 'preview → mapping'],
      ['review', 'mapping → review'],
      ['validationComplete', 'validating'],
    ];
    const phaseOf = (at: number) =>
      phases.find(([name]) => at < (state.marks[name]?.frame ?? Infinity))?.[1] ?? 'after';
    const intakePeak = ['wizard', 'scroll', 'edit', 'after']
      .map((phase) => heap.peaks.get(phase))
      .filter((peak) => peak !== undefined);
    const submitPeak = heap.peaks.get('submit');
    if (submitPeak)
      notes.push(`peak heap while submitting ${mb(submitPeak.sum)} MiB (page + worker)`);

    return {
      rows: file.rows,
      run,
      rowsRead,
      floorMs: floor.ms,
      floorReadMs: floor.readMs,
      floorParseMs: floor.parseMs,
      floorWorkerPeakHeapBytes: floor.workerPeakHeapBytes,
      firstPreviewMs: since('firstPreview'),
      parseCompleteMs: since('parseComplete'),
      validationCompleteMs: since('validationComplete'),
      validationOnlyMs:
        state.marks.validationComplete?.frame !== undefined &&
        state.marks.review?.frame !== undefined
          ? state.marks.validationComplete.frame - state.marks.review.frame
          : null,
      longTasks: inWindow.map((task) => ({
        phase: phaseOf(task.start),
        atMs: Math.round(task.start - drop),
        durationMs: task.duration,
      })),
      longestTaskMs: Math.max(0, ...inWindow.map((task) => task.duration)),
      totalBlockingMs: inWindow.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      longTaskCount: inWindow.length,
      review: state.marks.validationComplete ? 'measured' : (reviewProblem ?? REVIEW_MISSING),
      longTaskWindow: state.marks.validationComplete
        ? 'drop → validation complete'
        : 'drop → settings step shown (no review step)',
      peakPageHeapBytes: Math.max(0, ...intakePeak.map((peak) => peak.page)),
      peakWorkerHeapBytes: Math.max(0, ...intakePeak.map((peak) => peak.worker)),
      peakHeapBytes: Math.max(0, ...intakePeak.map((peak) => peak.sum)),
      rendererPeakRssBytes: reviewMemory?.peakBytes ?? null,
      rendererPeakRssSubmitBytes: submitMemory?.peakBytes ?? null,
      renderer: {
        how: memory.how,
        rssAtLoadBytes: rssAtLoad,
        review: reviewMemory,
        submit: submitMemory,
      },
      cellEditMs,
      cellEdit,
      scroll,
      partsBuiltMs,
      partsAcceptedMs,
      submitCompleteMs,
      submitted,
      submitUnfinished,
      sandboxLagMaxMs: sandboxLag?.maxMs ?? null,
      sandboxLag,
      notes,
    };
  } catch (error) {
    // Leave evidence for whoever reads the failure.
    const shot = path.join(DATA_DIR, `failure-${file.rows}-run${run}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    const state = await marks(page).catch(() => undefined);
    console.error(
      `run failed; screenshot ${path.relative(ROOT, shot)}; marks ${JSON.stringify(state?.marks)}`,
    );
    throw error;
  } finally {
    heap.stop();
    memory.end();
    await context.close();
  }
}

// ---------------------------------------------------------------- summary

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0); // MiB

function median(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (present.length === 0) return null;
  const sorted = [...present].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

type Medians = Record<string, number | null>;

function summarise(runs: readonly RunResult[], bytes: number): Medians {
  const m = (pick: (run: RunResult) => number | null | undefined) => median(runs.map(pick));
  const floor = m((r) => r.floorMs);
  const validated = m((r) => r.validationCompleteMs);
  const parsed = m((r) => r.parseCompleteMs);
  const peak = m((r) => r.peakHeapBytes);
  return {
    floorMs: floor,
    firstPreviewMs: m((r) => r.firstPreviewMs),
    parseCompleteMs: parsed,
    validationCompleteMs: validated,
    // Ratios of medians would mix runs; the median of each run's own ratio keeps them paired.
    validatedOverFloor: m((r) =>
      r.validationCompleteMs === null ? null : r.validationCompleteMs / r.floorMs,
    ),
    parsedOverFloor: m((r) => (r.parseCompleteMs === null ? null : r.parseCompleteMs / r.floorMs)),
    longestTaskMs: m((r) => r.longestTaskMs),
    totalBlockingMs: m((r) => r.totalBlockingMs),
    peakPageHeapBytes: m((r) => r.peakPageHeapBytes),
    peakWorkerHeapBytes: m((r) => r.peakWorkerHeapBytes),
    peakHeapBytes: peak,
    heapOverFile: peak === null ? null : peak / bytes,
    floorHeapOverFile: m((r) => r.floorWorkerPeakHeapBytes / bytes),
    scrollFramesOver50ms: m((r) => r.scroll?.framesOver50ms),
    worstScrollFrameMs: m((r) => r.scroll?.worstFrameMs),
    partsBuiltMs: m((r) => r.partsBuiltMs),
    partsAcceptedMs: m((r) => (r.submitCompleteMs === null ? null : r.partsAcceptedMs)),
    submitCompleteMs: m((r) => r.submitCompleteMs),
    rendererPeakRssBytes: m((r) => r.rendererPeakRssBytes),
    rendererPeakRssOverFile: m((r) =>
      r.rendererPeakRssBytes === null ? null : r.rendererPeakRssBytes / bytes,
    ),
    rendererPeakRssSubmitBytes: m((r) => r.rendererPeakRssSubmitBytes),
    cellEditMs: m((r) => r.cellEditMs),
    sandboxLagMaxMs: m((r) => r.sandboxLagMaxMs),
    sandboxLagP99Ms: m((r) => r.sandboxLag?.p99Ms),
    sandboxLagMedianMs: m((r) => r.sandboxLag?.medianMs),
  };
}

interface TargetCheck {
  rows: number;
  target: string;
  value: string;
  met: boolean | null;
  by?: string;
}

function checkTargets(
  rows: number,
  s: Medians,
  outcome: {
    runs: number;
    failed: number;
    /** The fewest rows the app read in a run, when a run read fewer than the file has. */
    rowsRead: number | null;
    /** Submits that did not finish within their cap (each cap is over the targets). */
    unfinished: NonNullable<RunResult['submitUnfinished']>[];
  },
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  /** A submit target: missed, not "n/a", when the only submits ran into their cap. */
  const addSubmit = (target: string, limit: number) => {
    const late = outcome.unfinished.find((u) => u.capMs >= limit);
    if (s.submitCompleteMs === null && late) {
      checks.push({
        rows,
        target,
        value: `not finished within the ${late.capMs / 1000} s cap`,
        met: false,
        by: `${late.partsImported} of ${late.parts} parts, ${late.rowsImported.toLocaleString('en')} rows imported by then`,
      });
    } else add(target, s.submitCompleteMs ?? null, limit, ' ms');
  };
  const add = (
    target: string,
    value: number | null,
    limit: number,
    unit: string,
    digits = 0,
    scale = 1,
  ) => {
    if (value !== null) value /= scale;
    if (value === null) {
      checks.push({ rows, target, value: `n/a (${REVIEW_MISSING} or not measured)`, met: null });
      return;
    }
    const met = value <= limit;
    checks.push({
      rows,
      target,
      value: `${value.toFixed(digits)}${unit}`,
      met,
      ...(met
        ? {}
        : {
            by:
              limit > 0
                ? `${(value - limit).toFixed(digits)}${unit} over (+${((value / limit) * 100 - 100).toFixed(0)}%)`
                : `${value.toFixed(digits)}${unit} over`,
          }),
    });
  };
  add(
    'validation complete ≤ 1.5× floor',
    s.validatedOverFloor ?? null,
    TARGETS.validatedOverFloor,
    '×',
    2,
  );
  add('first preview ≤ 300 ms after drop', s.firstPreviewMs ?? null, TARGETS.firstPreviewMs, ' ms');
  add('no main-thread task over 100 ms', s.longestTaskMs ?? null, TARGETS.longestTaskMs, ' ms');
  const tbt = s.totalBlockingMs ?? null;
  checks.push({
    rows,
    target: 'total blocking time < 300 ms',
    value: tbt === null ? 'n/a' : `${tbt.toFixed(0)} ms`,
    met: tbt === null ? null : tbt < TARGETS.totalBlockingMs,
    ...(tbt !== null && tbt >= TARGETS.totalBlockingMs
      ? { by: `${(tbt - TARGETS.totalBlockingMs).toFixed(0)} ms over` }
      : {}),
  });
  add('peak heap (page + worker) < 3× file', s.heapOverFile ?? null, TARGETS.heapOverFile, '×', 2);
  add(
    'no scroll frame over 50 ms',
    s.scrollFramesOver50ms ?? null,
    TARGETS.slowScrollFrames,
    ' frames',
  );
  if (rows <= 100_000) addSubmit('submit complete ≤ 10 s', TARGETS.submitMs100k);

  // Issue 16: stricter first preview and long tasks, at every size.
  add(
    '[issue 16] first preview ≤ 100 ms',
    s.firstPreviewMs ?? null,
    TARGETS.firstPreviewMsIssue16,
    ' ms',
  );
  add(
    '[issue 16] no main-thread task over 50 ms, drop→review',
    s.longestTaskMs ?? null,
    TARGETS.longestTaskMsIssue16,
    ' ms',
  );
  // Its 1,000,000-row targets, held at every size up to it (a smaller file must meet them too).
  const stretch = rows > 1_000_000;
  if (stretch) {
    const through = outcome.runs > 0 && outcome.failed === 0 && s.validationCompleteMs !== null;
    const whole = outcome.rowsRead === null;
    checks.push({
      rows,
      target: '[issue 16, stretch] the run finishes (the whole file through the review)',
      value: `${outcome.runs - outcome.failed} of ${outcome.runs} runs through the review`,
      met: through && whole,
      ...(through && whole
        ? {}
        : {
            by: [
              through ? '' : `${outcome.failed} run(s) failed or never validated`,
              whole
                ? ''
                : `the app read ${outcome.rowsRead?.toLocaleString('en')} of ${rows.toLocaleString('en')} rows`,
            ]
              .filter(Boolean)
              .join('; '),
          }),
    });
  }
  add(
    `[issue 16] renderer peak RSS ≤ ${stretch ? 2 : 1} GiB, drop→review`,
    s.rendererPeakRssBytes ?? null,
    (stretch ? TARGETS.rendererPeakRssBytesStretch : TARGETS.rendererPeakRssBytes) / GIB,
    ' GiB',
    2,
    GIB,
  );
  if (!stretch) {
    add('[issue 16] one cell edit ≤ 50 ms', s.cellEditMs ?? null, TARGETS.cellEditMs, ' ms');
    if (rows > 100_000) addSubmit('[issue 16] submit complete ≤ 60 s', TARGETS.submitMs1M);
    add(
      '[issue 16] sandbox worst answer while importing ≤ 100 ms',
      s.sandboxLagMaxMs ?? null,
      TARGETS.sandboxLagMaxMs,
      ' ms',
    );
  }
  return checks;
}

function printTable(
  sizes: readonly { rows: number; bytes: number; runs: number; median: Medians }[],
): void {
  const fmt = (value: number | null | undefined, kind: 'ms' | 'x' | 'mb' | 'n') => {
    if (value === null || value === undefined) return '—';
    if (kind === 'ms') return `${value.toFixed(0)} ms`;
    if (kind === 'x') return `${value.toFixed(2)}×`;
    if (kind === 'mb') return `${mb(value)} MiB`;
    return value.toFixed(0);
  };
  const rows: [string, string, 'ms' | 'x' | 'mb' | 'n'][] = [
    ['floor: Papa.parse in a worker', 'floorMs', 'ms'],
    ['first preview rows visible', 'firstPreviewMs', 'ms'],
    ['parse complete', 'parseCompleteMs', 'ms'],
    ['validation complete', 'validationCompleteMs', 'ms'],
    ['validated / floor', 'validatedOverFloor', 'x'],
    ['parsed / floor', 'parsedOverFloor', 'x'],
    ['longest main-thread task', 'longestTaskMs', 'ms'],
    ['total blocking time', 'totalBlockingMs', 'ms'],
    ['peak heap: page', 'peakPageHeapBytes', 'mb'],
    ['peak heap: worker', 'peakWorkerHeapBytes', 'mb'],
    ['peak heap: page + worker', 'peakHeapBytes', 'mb'],
    ['peak heap / file size', 'heapOverFile', 'x'],
    ['floor worker heap / file size', 'floorHeapOverFile', 'x'],
    ['scroll: frames over 50 ms', 'scrollFramesOver50ms', 'n'],
    ['scroll: worst frame', 'worstScrollFrameMs', 'ms'],
    ['renderer peak RSS, drop → review', 'rendererPeakRssBytes', 'mb'],
    ['renderer peak RSS / file size', 'rendererPeakRssOverFile', 'x'],
    ['one cell edit → on screen', 'cellEditMs', 'ms'],
    ['upload parts built (first part)', 'partsBuiltMs', 'ms'],
    ['submit → every part accepted', 'partsAcceptedMs', 'ms'],
    ['submit → sandbox finished', 'submitCompleteMs', 'ms'],
    ['renderer peak RSS while submitting', 'rendererPeakRssSubmitBytes', 'mb'],
    ['sandbox answer while submitting: median', 'sandboxLagMedianMs', 'ms'],
    ['sandbox answer while submitting: p99', 'sandboxLagP99Ms', 'ms'],
    ['sandbox answer while submitting: worst', 'sandboxLagMaxMs', 'ms'],
  ];
  const header = [
    'metric (median)',
    ...sizes.map((s) => `${s.rows.toLocaleString('en')} rows (${mb(s.bytes)} MiB, ${s.runs} runs)`),
  ];
  const body = rows.map(([label, key, kind]) => [
    label,
    ...sizes.map((s) => fmt(s.median[key], kind)),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of body) console.log(line(row));
  console.log('');
}

const SERVER_ENV = {
  SANDBOX_DB: ':memory:',
  SANDBOX_IMPORT_DELAY_MS: '0',
  WHISPIR_API_URL: '',
  WHISPIR_REGION: '',
  VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
};

/**
 * The production server (`npm run serve`: src/proxy/serve.ts, its proxy and security headers)
 * serving the build, as the browser tests use it; it starts the sandbox (rate limit off) on its
 * own port, in the same process.
 */
async function startAppServer(): Promise<{
  baseUrl: string;
  sandboxUrl: string;
  stop: () => void;
}> {
  const sandboxPort = await freePort();
  const appPort = await freePort();
  const child = startServer('npx', ['tsx', 'src/proxy/serve.ts', '--dir', DIST_DIR], {
    ...process.env,
    ...SERVER_ENV,
    HOST: '127.0.0.1',
    PORT: String(appPort),
    SANDBOX_PORT: String(sandboxPort),
  });
  const baseUrl = `http://127.0.0.1:${appPort}`;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  await waitForHttp(baseUrl, 60_000);
  await waitForHttp(`${sandboxUrl}/__sandbox/imports`, 60_000);
  return {
    baseUrl,
    sandboxUrl,
    stop: () => {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      children.splice(children.indexOf(child), 1);
    },
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`);
  mkdirSync(DATA_DIR, { recursive: true });
  const files: GeneratedFile[] = [];
  for (const rows of SIZES) {
    const file = await generateContactFile(DATA_DIR, rows, SEED);
    log(
      `${file.generated ? 'generated' : 'reusing'} ${path.relative(ROOT, file.path)} (${mb(file.bytes)} MiB)`,
    );
    files.push(file);
  }

  const buildEnv: NodeJS.ProcessEnv = { ...process.env, ...SERVER_ENV };
  log('building the app (vite build → bench/data/dist)');
  await run(
    'npx',
    ['vite', 'build', '--logLevel', 'warn', '--outDir', DIST_DIR, '--emptyOutDir'],
    buildEnv,
  );

  const executablePath = findChromium();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  const chromiumVersion = browser.version();
  const browserCdp = await browser.newBrowserCDPSession();
  const floorSource = floorWorkerSource();
  const sizes: {
    rows: number;
    bytes: number;
    runs: number;
    submitRuns: number;
    median: Medians;
    targets: TargetCheck[];
    results: RunResult[];
    /** Runs that stopped with an error (the stretch run may; the others should not). */
    failures: { run: number; error: string }[];
  }[] = [];
  try {
    for (const file of files) {
      const results: RunResult[] = [];
      const failures: { run: number; error: string }[] = [];
      const submitRuns = file.rows > 100_000 ? Math.min(SUBMIT_RUNS_LARGE, RUNS) : RUNS;
      for (let i = 1; i <= RUNS; i++) {
        // A fresh server and in-memory sandbox per run: no run inherits another's contacts,
        // heap or SQLite pages.
        const server = await startAppServer();
        let result: RunResult;
        try {
          result = await runOnce({
            browser,
            baseUrl: server.baseUrl,
            sandboxUrl: server.sandboxUrl,
            file,
            run: i,
            submit: i <= submitRuns,
            floorSource,
            browserCdp,
          });
        } catch (error) {
          // Recorded, and the bench goes on (it exits non-zero at the end): a stretch run that
          // runs out of memory still leaves the other figures.
          const message = error instanceof Error ? error.message : String(error);
          failures.push({ run: i, error: message.slice(0, 2000) });
          log(`${file.rows.toLocaleString('en')} rows, run ${i}/${RUNS} FAILED: ${message}`);
          continue;
        } finally {
          server.stop();
        }
        results.push(result);
        log(
          `${file.rows.toLocaleString('en')} rows, run ${i}/${RUNS}: floor ${result.floorMs.toFixed(0)} ms, ` +
            `first preview ${result.firstPreviewMs?.toFixed(0)} ms, parsed ${result.parseCompleteMs?.toFixed(0)} ms, ` +
            `validated ${result.validationCompleteMs?.toFixed(0) ?? '—'} ms, longest task ${result.longestTaskMs.toFixed(0)} ms, ` +
            `TBT ${result.totalBlockingMs.toFixed(0)} ms, heap ${mb(result.peakHeapBytes)} MiB` +
            `, renderer RSS ${result.rendererPeakRssBytes === null ? '—' : mb(result.rendererPeakRssBytes)} MiB` +
            `, cell edit ${result.cellEditMs?.toFixed(0) ?? '—'} ms` +
            (result.submitCompleteMs !== null
              ? `, submit ${result.submitCompleteMs.toFixed(0)} ms`
              : '') +
            (result.notes.length ? ` (${result.notes.join('; ')})` : ''),
        );
      }
      const summary = summarise(results, file.bytes);
      sizes.push({
        rows: file.rows,
        bytes: file.bytes,
        runs: results.length,
        submitRuns,
        median: summary,
        targets: checkTargets(file.rows, summary, {
          runs: RUNS,
          failed: failures.length + results.filter((r) => r.validationCompleteMs === null).length,
          rowsRead: results.some((r) => r.rowsRead !== file.rows)
            ? Math.min(...results.map((r) => r.rowsRead ?? 0))
            : null,
          unfinished: results.flatMap((r) => (r.submitUnfinished ? [r.submitUnfinished] : [])),
        }),
        results,
        failures,
      });
    }
  } finally {
    await browser.close();
    stopChildren();
  }

  printTable(sizes);
  for (const size of sizes) {
    const s = size.median;
    console.log(
      `${size.rows.toLocaleString('en')} rows: validated / floor = ${s.validatedOverFloor?.toFixed(2) ?? '— (' + REVIEW_MISSING + ')'}` +
        ` (parsed / floor = ${s.parsedOverFloor?.toFixed(2) ?? '—'}); peak heap / file size = ${s.heapOverFile?.toFixed(2) ?? '—'}`,
    );
  }
  for (const size of sizes)
    for (const result of size.results)
      if (result.submitUnfinished)
        console.log(
          `${size.rows.toLocaleString('en')} rows, run ${result.run}: ${result.notes.find((n) => n.startsWith('submit not finished')) ?? ''}`,
        );
  console.log('\nTargets:');
  for (const size of sizes)
    for (const check of size.targets)
      console.log(
        `  ${check.met === null ? '·' : check.met ? '✓' : '✗'} ${size.rows.toLocaleString('en')} rows: ${check.target}: ${check.value}${check.by ? ` — ${check.by}` : ''}`,
      );
  const sandboxImport = measureSandboxImport();
  const reviewBuilt = sizes.some((size) =>
    size.results.some((r) => r.validationCompleteMs !== null),
  );
  const runtimeSeconds = (Date.now() - startedAt) / 1000;
  const cpus = os.cpus();
  const results = {
    generatedAt: new Date().toISOString(),
    runtimeSeconds,
    machine: {
      cpuModel: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))),
      memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      chromium: chromiumVersion,
    },
    config: {
      sizes: SIZES,
      runs: RUNS,
      submitRunsLarge: SUBMIT_RUNS_LARGE,
      submitCapMs: SUBMIT_CAP_MS,
      submitCapLargeMs: SUBMIT_CAP_LARGE_MS,
      seed: SEED,
      server: 'npm run serve (tsx src/proxy/serve.ts --dir bench/data/dist)',
      heapSampleMs: HEAP_SAMPLE_MS,
      rendererRssSampleMs: RSS_SAMPLE_MS,
      sandboxProbeMs: SANDBOX_PROBE_MS,
      scrollSteps: SCROLL_STEPS,
    },
    reviewStep: reviewBuilt ? 'present' : REVIEW_MISSING,
    sandboxImport,
    targets: TARGETS,
    sizes,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, RESULTS_FILE)}; total ${runtimeSeconds.toFixed(0)} s`);
  const failed = sizes.reduce((sum, size) => sum + size.failures.length, 0);
  if (failed > 0) {
    console.error(
      `${failed} run(s) failed; see "failures" in ${path.relative(ROOT, RESULTS_FILE)}`,
    );
    process.exitCode = 1;
  }
}

/**
 * The sandbox alone importing 1,000,000 contacts in ten parts of 100,000 (issue 3), timed by
 * `sandbox/measure-import.ts` in its own process with a file database, as a person would run it.
 */
function measureSandboxImport(): {
  parts: number;
  rowsPerPart: number;
  importingMs: number;
  totalMs: number;
} | null {
  const parts = Number(process.env.BENCH_SANDBOX_PARTS ?? 10);
  const rowsPerPart = Number(process.env.BENCH_SANDBOX_ROWS_PER_PART ?? 100_000);
  const db = path.join(BENCH_DIR, 'data', 'sandbox-import.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  log(
    `sandbox: importing ${(parts * rowsPerPart).toLocaleString('en')} contacts in ${parts} parts…`,
  );
  const run = spawnSync(
    'npx',
    ['tsx', 'sandbox/measure-import.ts', String(parts), String(rowsPerPart)],
    {
      cwd: ROOT,
      env: { ...process.env, SANDBOX_DB: db },
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  const summary = /(\d+) ms importing \(CPU \d+ ms\), (\d+) ms total/.exec(run.stdout ?? '');
  if (run.status !== 0 || !summary) {
    console.log(
      `Sandbox import did not complete: ${run.stderr?.slice(-500) ?? run.error?.message ?? ''}`,
    );
    return null;
  }
  const importingMs = Number(summary[1]);
  const totalMs = Number(summary[2]);
  console.log(
    `Sandbox: ${(parts * rowsPerPart).toLocaleString('en')} contacts in ${parts} parts imported in ${(importingMs / 1000).toFixed(1)} s ` +
      `(${(totalMs / 1000).toFixed(1)} s with building and uploading the files)`,
  );
  return { parts, rowsPerPart, importingMs, totalMs };
}

main().catch((error: unknown) => {
  console.error(error);
  stopChildren();
  process.exit(1);
});
