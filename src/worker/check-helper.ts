/**
 * A second worker that checks rows while the intake worker checks others (issue 16: a 2-core
 * machine was checking a million rows on one core). The review hands it runs of rows that lie in
 * one block of the file's rows (strings and typed arrays, cheap to post), a few at a time; it
 * answers each with `checkRows`'s result, the same function the review runs on its own runs.
 * Anything wrong with the helper (it would not start, it failed) hands its runs back: the
 * review checks them itself, so a helper can make a check faster, never lose or change one.
 */
import type { BlockRun } from '../domain/intake/row-store';
import type { CheckPlan, RowsChecked } from '../domain/validation/check-rows';

/** One run for the helper: its rows in their block, and the row numbers problems name. */
export interface CheckRun {
  readonly id: number;
  readonly run: BlockRun;
  readonly rowNumbers: Int32Array;
}

/** One review's check, as far as the helper takes part. */
export interface RowCheckJob {
  /** Hands a run over; false when the helper takes no more for now (or at all). */
  offer(run: CheckRun): boolean;
  /** Each run done since the last call (its result rows count from 0), or given back (undefined). */
  collect(take: (id: number, checked: RowsChecked | undefined) => void): void;
  /** The review no longer needs this job's results (finished, or stopped). */
  end(): void;
}

export interface RowCheckHelper {
  /** Starts a review's check under `plan`, or undefined when no helper can take part. */
  begin(plan: CheckPlan): RowCheckJob | undefined;
}

/** Messages to the helper worker. */
export type ToCheckWorker =
  | { readonly type: 'begin'; readonly job: number; readonly plan: CheckPlan }
  | {
      readonly type: 'check';
      readonly job: number;
      readonly id: number;
      readonly block: BlockRun['block'];
      readonly places: Int32Array;
      readonly rowNumbers: Int32Array;
    }
  | { readonly type: 'end'; readonly job: number };

/** Messages from it. */
export type FromCheckWorker =
  | {
      readonly type: 'checked';
      readonly job: number;
      readonly id: number;
      readonly checked: RowsChecked;
    }
  | {
      readonly type: 'failed';
      readonly job: number;
      readonly id: number;
      readonly message: string;
    };

/** Runs a helper has at most in hand: enough that it never waits for the review to answer. */
const IN_HAND = 3;

/** What the helper needs of a worker (a `Worker`, or a stand-in in tests). */
export interface CheckWorkerPort {
  postMessage(message: ToCheckWorker): void;
  onmessage: ((event: MessageEvent<FromCheckWorker>) => void) | null;
  onerror: ((event: Event) => void) | null;
  terminate(): void;
}

/** The helper, over a worker started on first use (`spawn` may throw: then there is none). */
export class WorkerCheckHelper implements RowCheckHelper {
  private port: CheckWorkerPort | undefined;
  private broken = false;
  private nextJob = 1;
  private current: WorkerJob | undefined;

  constructor(private readonly spawn: () => CheckWorkerPort) {}

  /** Starts the worker ahead of its first job, so its code is loaded by then. */
  warm(): void {
    this.worker();
  }

  begin(plan: CheckPlan): RowCheckJob | undefined {
    const port = this.worker();
    if (!port) return undefined;
    this.current?.end();
    const job = new WorkerJob(this.nextJob++, port, () => {
      if (this.current === job) this.current = undefined;
    });
    this.current = job;
    port.postMessage({ type: 'begin', job: job.id, plan });
    return job;
  }

  private worker(): CheckWorkerPort | undefined {
    if (this.broken) return undefined;
    if (this.port) return this.port;
    try {
      const port = this.spawn();
      port.onmessage = (event) => this.current?.receive(event.data);
      port.onerror = (event) => {
        // A worker that fails (its script did not load, an exception) gives every run back.
        event.preventDefault?.();
        this.broken = true;
        this.port = undefined;
        port.terminate();
        this.current?.giveBack();
      };
      this.port = port;
      return port;
    } catch {
      this.broken = true;
      return undefined;
    }
  }
}

class WorkerJob implements RowCheckJob {
  private readonly inHand = new Set<number>();
  private readonly done: { id: number; checked: RowsChecked | undefined }[] = [];
  private ended = false;
  private refused = false;

  constructor(
    readonly id: number,
    private readonly port: CheckWorkerPort,
    private readonly onEnd: () => void,
  ) {}

  offer({ id, run, rowNumbers }: CheckRun): boolean {
    if (this.ended || this.refused || this.inHand.size >= IN_HAND) return false;
    this.inHand.add(id);
    this.port.postMessage({
      type: 'check',
      job: this.id,
      id,
      block: run.block,
      places: run.places,
      rowNumbers,
    });
    return true;
  }

  collect(take: (id: number, checked: RowsChecked | undefined) => void): void {
    const done = this.done.splice(0);
    for (const { id, checked } of done) take(id, checked);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
    this.port.postMessage({ type: 'end', job: this.id });
  }

  receive(message: FromCheckWorker): void {
    if (message.job !== this.id || this.ended || !this.inHand.delete(message.id)) return;
    if (message.type === 'checked') {
      this.done.push({ id: message.id, checked: message.checked });
    } else {
      // A run the helper could not check is checked by the review; it gets no more.
      this.refused = true;
      this.done.push({ id: message.id, checked: undefined });
    }
  }

  giveBack(): void {
    this.refused = true;
    for (const id of this.inHand) this.done.push({ id, checked: undefined });
    this.inHand.clear();
  }
}
