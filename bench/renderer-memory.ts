/**
 * The resident memory of the page's renderer process, as the operating system counts it: what
 * a user's machine has to hold for the tab, the app's worker included (a dedicated worker is a
 * thread of its page's renderer), whatever V8 reports of its own heaps.
 *
 * The page's renderer is found through the browser's CDP session (`SystemInfo.getProcessInfo`
 * lists the pid and type of each of this browser's processes, so another engineer's Chromium
 * on the same machine is never counted) and Linux's `/proc`: of this browser's renderers (a
 * context also has a spare one, and headless Chromium one for its own UI,
 * `--top-chrome-webui`), the page's is the one running a `DedicatedWorker` thread, since the
 * app starts its worker as it loads (the newest such, should a closed page's still be exiting). `VmRSS` of `/proc/<pid>/status` is sampled every 100 ms;
 * `VmHWM` (the kernel's own high-water mark, which catches what falls between two samples) is
 * reset by writing 5 to `/proc/<pid>/clear_refs` when a window starts and read when it ends.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';

interface ProcessInfo {
  readonly type: string;
  readonly id: number;
}

/** `VmRSS` and `VmHWM` of a process, in bytes; undefined when it is gone. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kib('VmRSS') * 1024, hwm: kib('VmHWM') * 1024 };
  } catch {
    return undefined;
  }
}

function threadNames(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim();
      } catch {
        return '';
      }
    });
  } catch {
    return [];
  }
}

/** When the process started, in clock ticks since boot (`/proc/<pid>/stat`, field 22). */
function startTime(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start at field 3.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return 0;
  }
}

function isBrowserUi(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--top-chrome-webui');
  } catch {
    return true;
  }
}

export interface RendererWindow {
  /** Largest of the kernel's high-water mark and the sampled RSS, from the reset to now. */
  readonly peakBytes: number;
  /** The largest RSS sampled (every 100 ms) in the window. */
  readonly sampledPeakBytes: number;
  /** The RSS when the window started. */
  readonly startBytes: number;
  /** The largest RSS sampled in each phase of the window (`phase` when sampled). */
  readonly sampledPeakByPhase: Readonly<Record<string, number>>;
  /** 'VmHWM' when the kernel's high-water mark could be reset and read, else 'VmRSS samples'. */
  readonly source: 'VmHWM' | 'VmRSS samples';
}

export class RendererMemory {
  /** The page's renderer process(es); normally one. */
  pids: number[] = [];
  /** How the pids were chosen, for the run's notes. */
  how = 'not found';
  /** Where the run is; each sample is counted in it too. */
  phase = '';
  private timer: NodeJS.Timeout | undefined;
  private window:
    | { sampled: number; start: number; hwmReset: boolean; byPhase: Record<string, number> }
    | undefined;

  constructor(private readonly browserCdp: CDPSession) {}

  /** Finds the page's renderer: the renderer of this browser running a dedicated worker. */
  async find(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { processInfo } = (await this.browserCdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: ProcessInfo[];
      };
      const renderers = processInfo
        .filter((process) => process.type === 'renderer' && !isBrowserUi(process.id))
        .map((process) => process.id);
      // The newest, should a closed page's renderer (the floor's) still be on its way out.
      const withWorker = renderers
        .filter((pid) => threadNames(pid).some((name) => name.startsWith('DedicatedWorker')))
        .sort((a, b) => startTime(b) - startTime(a));
      const pid = withWorker[0];
      if (pid !== undefined) {
        this.pids = [pid];
        this.how = `renderer pid ${pid} (of ${renderers.length} renderers, ${withWorker.length} running a DedicatedWorker thread; the newest of those)`;
        return;
      }
      if (Date.now() > deadline) {
        // No worker thread seen: the largest renderer is the page's (the others are near-empty).
        const largest = renderers
          .map((pid) => ({ pid, rss: memoryOf(pid)?.rss ?? 0 }))
          .sort((a, b) => b.rss - a.rss)[0];
        this.pids = largest ? [largest.pid] : [];
        this.how = largest
          ? `renderer pid ${largest.pid} (largest of ${renderers.length} renderers; no DedicatedWorker thread seen)`
          : 'no renderer process found';
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The page's renderer RSS now (the sum if there are several), in bytes. */
  rss(): number {
    return this.pids.reduce((sum, pid) => sum + (memoryOf(pid)?.rss ?? 0), 0);
  }

  /** Starts a window: resets the kernel's high-water mark and samples every `everyMs`. */
  start(everyMs: number): void {
    this.stopSampling();
    let hwmReset = this.pids.length > 0;
    for (const pid of this.pids) {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        hwmReset = false;
      }
    }
    const start = this.rss();
    const window = { sampled: start, start, hwmReset, byPhase: {} as Record<string, number> };
    this.window = window;
    this.timer = setInterval(() => {
      const rss = this.rss();
      window.sampled = Math.max(window.sampled, rss);
      window.byPhase[this.phase] = Math.max(window.byPhase[this.phase] ?? 0, rss);
    }, everyMs);
  }

  /** Ends the window and says its peak. */
  end(): RendererWindow | undefined {
    const window = this.window;
    this.stopSampling();
    if (!window) return undefined;
    const now = this.rss();
    const sampled = Math.max(window.sampled, now);
    const hwm = window.hwmReset
      ? this.pids.reduce((sum, pid) => sum + (memoryOf(pid)?.hwm ?? 0), 0)
      : 0;
    return {
      peakBytes: Math.max(sampled, hwm),
      sampledPeakBytes: sampled,
      startBytes: window.start,
      sampledPeakByPhase: window.byPhase,
      source: window.hwmReset && hwm > 0 ? 'VmHWM' : 'VmRSS samples',
    };
  }

  private stopSampling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.window = undefined;
  }
}
