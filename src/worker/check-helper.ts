/**
 * A second worker that checks rows while the intake worker checks others (issue 16: a 2-core
 * machine was checking a million rows on one core). The review hands it runs of rows that lie in
 * one block of the file's rows (strings and typed arrays, cheap to post), a few at a time; it
 * answers each with `checkRows`'s result, the same function the review runs on its own runs.
 * Anything wrong with the helper (it would not start, it failed) hands its runs back: the
 * review checks them itself, so a helper can make a check faster, never lose or change one.
 */
import { BlockRows, type Block, type BlockRun } from '../domain/intake/row-store';
import {
  checkRows,
  samePlan,
  selectRows,
  type CheckPlan,
  type RowsChecked,
} from '../domain/validation/check-rows';
import type { ContactCheckContext } from '../domain/validation/validate-contact';

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
  /** Each run done since the last call (at its place among the review's rows), or given back (undefined). */
  collect(take: (id: number, checked: RowsChecked | undefined) => void): void;
  /**
   * Asks the helper to hand back the later half of the runs it has not begun: the review,
   * having nothing else to do, checks them itself (they come back from `collect` as undefined).
   */
  share(): void;
  /** The review no longer needs this job's results (finished, or stopped). */
  end(): void;
}

export interface RowCheckHelper {
  /**
   * Starts a review's check under `plan`, or undefined when no helper can take part. The check
   * started as the file was read (`beginRead`) is taken over when its plan is the same.
   */
  begin(plan: CheckPlan): RowCheckJob | undefined;
}

/** The helper as the intake worker holds it: also checks a file's blocks as it is read. */
export interface ReadCheckHelper extends RowCheckHelper {
  /** Starts the helper ahead of its first job, so its code is loaded by then. */
  warm(): void;
  beginRead(plan: CheckPlan): ((block: Block) => void) | undefined;
  forget(): void;
}

/** Messages to the helper worker. */
export type ToCheckWorker =
  | { readonly type: 'begin'; readonly job: number; readonly plan: CheckPlan }
  | {
      readonly type: 'check';
      readonly job: number;
      readonly id: number;
      readonly block: Block;
      /** The block's rows to check; all of them when absent (a block checked as it was read). */
      readonly places?: Int32Array;
      /** The row number of each row checked; absent for a block checked as it was read. */
      readonly rowNumbers?: Int32Array;
    }
  | { readonly type: 'end'; readonly job: number }
  /** Hand back the later half of the job's runs not begun (the review checks them itself). */
  | { readonly type: 'share'; readonly job: number };

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
    }
  | { readonly type: 'handed-back'; readonly job: number; readonly ids: readonly number[] };

/** The runs a helper hands back when asked to share: the later half of those not begun. */
export function shareOut<T extends { readonly job: number }>(
  queue: readonly T[],
  job: number,
): { readonly kept: T[]; readonly handedBack: T[] } {
  const mine = queue.filter((message) => message.job === job);
  const handedBack = new Set(mine.slice(Math.ceil(mine.length / 2)));
  return {
    kept: queue.filter((message) => !handedBack.has(message)),
    handedBack: [...handedBack],
  };
}

/** What the helper worker does with one run it was sent (its rows are read from the block). */
export function checkSentRun(
  message: Extract<ToCheckWorker, { type: 'check' }>,
  plan: CheckPlan,
  context: ContactCheckContext,
): RowsChecked {
  const rows = new BlockRows(
    message.block,
    message.places ?? Int32Array.from({ length: message.block.rows }, (_, i) => i),
  );
  const { rowNumbers } = message;
  return checkRows(rows, (i) => rowNumbers?.[i] ?? i + 1, plan, 0, rows.length, context);
}

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
export class WorkerCheckHelper implements ReadCheckHelper {
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
    const current = this.current;
    if (current && samePlan(current.plan, plan)) return current;
    return this.start(plan);
  }

  /**
   * Starts checking, under the plan the review is expected to open with, the blocks of a file
   * as it is read: the returned function is given each block as it is sealed. A review that
   * begins with the same plan takes the results over (`begin`); another plan drops them.
   */
  beginRead(plan: CheckPlan): ((block: Block) => void) | undefined {
    const job = this.start(plan);
    return job ? (block) => job.sendBlock(block) : undefined;
  }

  /** Drops a check begun as a file was read (another file, or the same read again). */
  forget(): void {
    this.current?.end();
  }

  private start(plan: CheckPlan): WorkerJob | undefined {
    const port = this.worker();
    if (!port) return undefined;
    this.current?.end();
    const job = new WorkerJob(this.nextJob++, plan, port, () => {
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

/** A run offered for a block that was sent as the file was read, waiting for its result. */
interface ClaimedBlock {
  readonly id: number;
  readonly run: BlockRun;
  readonly rowNumbers: Int32Array;
}

class WorkerJob implements RowCheckJob {
  /** Runs sent to be checked, and where each begins among the review's rows. */
  private readonly inHand = new Map<number, number>();
  private readonly done: { id: number; checked: RowsChecked | undefined }[] = [];
  /** Blocks sent as the file was read, and their number (message ids -1, -2, …). */
  private readonly sent = new Map<Block, number>();
  private readonly blockResults = new Map<number, RowsChecked | undefined>();
  private readonly claims = new Map<number, ClaimedBlock>();
  private ended = false;
  private refused = false;
  private shared = false;

  constructor(
    readonly id: number,
    readonly plan: CheckPlan,
    private readonly port: CheckWorkerPort,
    private readonly onEnd: () => void,
  ) {}

  sendBlock(block: Block): void {
    if (this.ended || this.refused || this.sent.has(block)) return;
    const number = this.sent.size;
    this.sent.set(block, number);
    this.port.postMessage({ type: 'check', job: this.id, id: -1 - number, block });
  }

  offer(offered: CheckRun): boolean {
    const { id, run, rowNumbers } = offered;
    const number = this.sent.get(run.block);
    if (number !== undefined && !this.ended) {
      if (!this.blockResults.has(number)) {
        if (this.refused) return false;
        this.claims.set(number, offered);
        return true;
      }
      const whole = this.blockResults.get(number);
      this.blockResults.delete(number);
      if (!whole) return false;
      this.done.push({ id, checked: claimed(whole, offered) });
      return true;
    }
    if (this.ended || this.refused || this.inHand.size >= IN_HAND) return false;
    this.inHand.set(id, run.from);
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

  share(): void {
    if (this.ended || this.refused || this.shared) return;
    this.shared = true;
    this.port.postMessage({ type: 'share', job: this.id });
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.blockResults.clear();
    this.onEnd();
    this.port.postMessage({ type: 'end', job: this.id });
  }

  receive(message: FromCheckWorker): void {
    if (message.job !== this.id || this.ended) return;
    if (message.type === 'handed-back') {
      for (const id of message.ids) this.handBack(id);
      return;
    }
    const checked = message.type === 'checked' ? message.checked : undefined;
    // A run the helper could not check is checked by the review; it gets no more.
    if (!checked) this.refused = true;
    if (message.id < 0) {
      const number = -1 - message.id;
      const claim = this.claims.get(number);
      this.claims.delete(number);
      if (claim) this.done.push({ id: claim.id, checked: checked && claimed(checked, claim) });
      else this.blockResults.set(number, checked);
      return;
    }
    const from = this.inHand.get(message.id);
    if (from === undefined) return;
    this.inHand.delete(message.id);
    this.done.push({ id: message.id, checked: checked && rebased(checked, from) });
  }

  /** A run the helper will not check: the review checks it (now, or when it offers it). */
  private handBack(id: number): void {
    if (id >= 0) {
      if (this.inHand.delete(id)) this.done.push({ id, checked: undefined });
      return;
    }
    const number = -1 - id;
    const claim = this.claims.get(number);
    this.claims.delete(number);
    if (claim) this.done.push({ id: claim.id, checked: undefined });
    else this.blockResults.set(number, undefined);
  }

  giveBack(): void {
    this.refused = true;
    for (const id of this.inHand.keys()) this.done.push({ id, checked: undefined });
    this.inHand.clear();
    for (const { id } of this.claims.values()) this.done.push({ id, checked: undefined });
    this.claims.clear();
  }
}

/** A block checked whole as the file was read, cut to the run the review offered for it. */
function claimed(whole: RowsChecked, { run, rowNumbers }: ClaimedBlock): RowsChecked {
  return selectRows(whole, run.places, run.from, (index) => rowNumbers[index - run.from] ?? 0);
}

/** A run checked by the helper, whose rows count from 0, at its place among the review's rows. */
function rebased(checked: RowsChecked, from: number): RowsChecked {
  const problemRows = checked.problemRows;
  for (let p = 0; p < problemRows.length; p++) problemRows[p] = (problemRows[p] as number) + from;
  return { ...checked, from, to: from + (checked.to - checked.from) };
}
