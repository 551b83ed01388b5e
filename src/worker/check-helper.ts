/**
 * A second worker that checks some of a large file's rows while the intake worker checks the
 * others (issue 16, ADR 013): on a machine with two cores, one worker checking a million rows
 * left the second core idle. The review takes its rows from the front, a run at a time; the
 * helper is sent runs that each lie in one block of the rows (strings and typed arrays, cheap to
 * post) from the back, a couple at a time, until the two meet. Both run `checkRun`'s loop, so a
 * row gives the same problems and match values whichever checked it. A run the helper cannot
 * check (it failed, it would not start) comes back to the review, which checks it itself: the
 * helper can make a check sooner, never lose or change one.
 */
import type { Rows, RowsRun } from '../domain/intake/row-store';
import type { CheckPlan, RunChecked } from '../domain/validation/check-rows';

/** Messages to the helper worker, and its answers. */
export interface ToCheckWorker {
  readonly id: number;
  readonly run: RowsRun;
  /** The row number (as the user sees it) of each row of the run. */
  readonly rowNumbers: Int32Array;
  readonly plan: CheckPlan;
}
export type FromCheckWorker =
  | { readonly id: number; readonly checked: RunChecked }
  | { readonly id: number; readonly failed: string };

export interface RowCheckHelper {
  /** False once the helper cannot check anything (its worker failed, or never started). */
  readonly ready: boolean;
  /**
   * Checks a run; `done` is called once, with what it found, or with undefined when the helper
   * could not check it (the caller checks it then).
   */
  check(message: Omit<ToCheckWorker, 'id'>, done: (checked: RunChecked | undefined) => void): void;
}

/** What the helper needs of a worker (a `Worker`, or a stand-in in tests). */
export interface CheckWorkerPort {
  postMessage(message: ToCheckWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<FromCheckWorker>) => void) | null;
  onerror: ((event: Event) => void) | null;
  terminate(): void;
}

/** The helper over a worker, started at once (so its code is loaded before the first file). */
export class WorkerCheckHelper implements RowCheckHelper {
  private port: CheckWorkerPort | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, (checked: RunChecked | undefined) => void>();

  constructor(spawn: () => CheckWorkerPort) {
    try {
      const port = spawn();
      port.onmessage = ({ data }) => {
        const done = this.waiting.get(data.id);
        this.waiting.delete(data.id);
        done?.('checked' in data ? data.checked : undefined);
      };
      port.onerror = (event) => {
        // A worker that fails (its script did not load, it ran out of memory) gives every run back.
        event.preventDefault();
        port.terminate();
        this.port = undefined;
        const waiting = [...this.waiting.values()];
        this.waiting.clear();
        for (const done of waiting) done(undefined);
      };
      this.port = port;
    } catch {
      this.port = undefined;
    }
  }

  get ready(): boolean {
    return this.port !== undefined;
  }

  check(message: Omit<ToCheckWorker, 'id'>, done: (checked: RunChecked | undefined) => void): void {
    const port = this.port;
    if (!port) {
      done(undefined);
      return;
    }
    const id = this.nextId++;
    this.waiting.set(id, done);
    port.postMessage({ ...message, id }, [message.rowNumbers.buffer]);
  }
}

/** Runs the helper has in hand at once: one it checks, one waiting, so it never waits for us. */
const IN_HAND = 2;

/** A range of the review's rows: [from, to). */
type Range = readonly [number, number];

/**
 * One review's rows shared with the helper: `take` gives the review its next rows, `drain` what
 * the helper found since. Every row is taken or answered exactly once.
 */
export class SharedCheck {
  /** The review's rows are [0, next) taken, [next, helperFrom) to take, [helperFrom, …) the helper's. */
  private next = 0;
  private helperFrom: number;
  /** The runs the helper may still be sent, from the back (the last is sent first). */
  private readonly runs: { readonly from: number; readonly run: RowsRun }[] = [];
  private inHand = 0;
  private readonly answered: { from: number; checked: RunChecked }[] = [];
  private readonly givenBack: Range[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  /** Rows taken by the review, and rows the helper answered for. */
  private reviewed = 0;
  private helped = 0;

  constructor(
    rows: Rows,
    count: number,
    private readonly rowNumbers: readonly number[],
    private readonly plan: CheckPlan,
    private readonly helper: RowCheckHelper,
  ) {
    this.helperFrom = count;
    for (let from = 0; from < count; ) {
      const run = rows.runOf?.(from, count);
      if (!run || run.places.length === 0) break;
      this.runs.push({ from, run });
      from += run.places.length;
    }
    this.offer();
  }

  /** Rows checked by either so far. */
  get done(): number {
    return this.reviewed + this.helped;
  }

  /** Whether runs are still with the helper. */
  get waiting(): boolean {
    return this.inHand > 0;
  }

  /** The next rows (at most `max`) for the review to check itself; undefined when none are left. */
  take(max: number): Range | undefined {
    if (this.next < this.helperFrom) {
      const from = this.next;
      this.next = Math.min(from + max, this.helperFrom);
      this.reviewed += this.next - from;
      return [from, this.next];
    }
    const back = this.givenBack.pop();
    if (!back) return undefined;
    const [from, to] = back;
    const end = Math.min(to, from + max);
    if (end < to) this.givenBack.push([end, to]);
    this.reviewed += end - from;
    return [from, end];
  }

  /** What the helper found since the last call, each run with its first row. */
  drain(): { from: number; checked: RunChecked }[] {
    return this.answered.splice(0);
  }

  /** Resolves when the helper next answers. */
  answer(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  /** The review stopped: later answers are dropped, no more runs are sent. */
  end(): void {
    this.ended = true;
  }

  private offer(): void {
    while (!this.ended && this.inHand < IN_HAND) {
      const last = this.runs[this.runs.length - 1];
      // Only a run the review has not begun.
      if (!last || last.from < this.next) return;
      this.runs.pop();
      this.helperFrom = last.from;
      this.inHand++;
      const { from, run } = last;
      const to = from + run.places.length;
      const rowNumbers = new Int32Array(to - from);
      for (let i = from; i < to; i++) rowNumbers[i - from] = this.rowNumbers[i] ?? i + 1;
      this.helper.check({ run, rowNumbers, plan: this.plan }, (checked) => {
        this.inHand--;
        if (this.ended) return;
        if (checked) {
          this.helped += to - from;
          this.answered.push({ from, checked });
        } else this.givenBack.push([from, to]);
        this.offer();
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
      });
    }
  }
}
