import { describe, expect, it } from 'vitest';
import { readTable } from '../domain/intake/read-table';
import type { ColumnMapping } from '../domain/mapping/mapping';
import { checkRun, type RunChecked } from '../domain/validation/check-rows';
import { createCheckContext } from '../domain/validation/validate-contact';
import { SharedCheck, type RowCheckHelper, type ToCheckWorker } from './check-helper';
import { TaskCancelled, runCooperatively } from './cooperative';
import { ReviewSession } from './review-session';

/**
 * A file of 50,000 contacts (three blocks of rows), with blank lines, rows of the wrong width,
 * problems of every kind on some rows, and people on several rows.
 */
function contactFile(): Uint8Array {
  const lines = ['First,Last,Email,Mobile,Country,Timezone'];
  for (let i = 0; i < 50_000; i++) {
    const n = String(i).padStart(6, '0');
    if (i % 9_000 === 4) lines.push('');
    if (i % 7_001 === 0) lines.push(`Ann,Lee,ann@example.com,61412${n.slice(1)},Australia,+10`);
    else if (i % 977 === 0) lines.push(`Bo,,BO${i}@Example.com,0412 ${n},AU,UTC+10`);
    else if (i % 1_231 === 0) lines.push(`Cy,Ng,cy${i}@example,com,61412${n.slice(1)},Narnia,+10`);
    else if (i % 3_333 === 0) lines.push(`Di,Orr,di@example.com,61412000000,Australia,Mars/Base`);
    else lines.push(`P${i},Q${i},p${i}@example.com,61412${n.slice(1)},Australia,Australia/Sydney`);
  }
  return new TextEncoder().encode(lines.join('\n'));
}

const table = readTable(contactFile(), 'contacts.csv');
const mapping: ColumnMapping = {
  firstName: { kind: 'column', column: 'First' },
  lastName: { kind: 'column', column: 'Last' },
  workEmailAddress1: { kind: 'column', column: 'Email' },
  workMobilePhone1: { kind: 'column', column: 'Mobile' },
  workCountry: { kind: 'column', column: 'Country' },
  timezone: { kind: 'column', column: 'Timezone' },
  department: { kind: 'constant', value: 'Sales' },
};

/**
 * The helper's work done here, answered a few turns later (in the order `order` chooses), or
 * refused for the runs `fails` picks.
 */
class StandInHelper implements RowCheckHelper {
  readonly ready = true;
  readonly sent: Omit<ToCheckWorker, 'id'>[] = [];
  answered = 0;
  private readonly queue: (() => void)[] = [];
  private readonly context = createCheckContext();

  constructor(
    private readonly fails: (n: number) => boolean = () => false,
    private readonly lastFirst = false,
  ) {}

  check(message: Omit<ToCheckWorker, 'id'>, done: (checked: RunChecked | undefined) => void) {
    const n = this.sent.length;
    this.sent.push(message);
    // A copy, as a worker would get (the block's strings and arrays, not the review's).
    const copy = structuredClone(message);
    this.queue.push(() => {
      if (this.fails(n)) return done(undefined);
      this.answered++;
      done(checkRun(copy.run, copy.rowNumbers, copy.plan, this.context));
    });
    setTimeout(() => {
      const next = this.lastFirst ? this.queue.pop() : this.queue.shift();
      next?.();
    }, 1);
  }
}

/** Everything the review shows of its rows: the summary and every row with its problems. */
function seen(session: ReviewSession) {
  return {
    summary: session.summary(),
    rows: session.window(0, table.rows.length, { kind: 'all' }).rows,
    errors: session.window(0, 200, { kind: 'errors' }).rows.map((row) => row.rowNumber),
  };
}

const run = (helper: RowCheckHelper, isCancelled = () => false) =>
  runCooperatively(ReviewSession.checking(table, mapping, undefined, helper), {
    isCancelled,
    sliceMs: 5,
  });

describe('checking a large file with the helper worker', () => {
  const alone = seen(ReviewSession.create(table, mapping));

  it('finds what the review finds alone: the same problems on the same rows, the same people', async () => {
    expect(alone.summary.rowsWithErrors).toBeGreaterThan(100);
    expect(alone.summary.duplicates?.rows ?? 0).toBeGreaterThan(5);
    const helper = new StandInHelper();
    const session = await run(helper);
    expect(helper.answered).toBeGreaterThan(0);
    expect(seen(session)).toEqual(alone);
  });

  it('answers coming back out of order, and runs it gave back, change nothing', async () => {
    const helper = new StandInHelper((n) => n % 2 === 1, true);
    const session = await run(helper);
    expect(helper.sent.length).toBeGreaterThan(1);
    expect(helper.answered).toBeGreaterThan(0);
    expect(seen(session)).toEqual(alone);
  });

  it('a helper that can check nothing leaves the review to check every row', async () => {
    const helper = new StandInHelper(() => true);
    expect(seen(await run(helper))).toEqual(alone);
    expect(helper.answered).toBe(0);
  });

  it('stops when asked, and drops what the helper answers after', async () => {
    const helper = new StandInHelper();
    let steps = 0;
    await expect(run(helper, () => ++steps > 3)).rejects.toBeInstanceOf(TaskCancelled);
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
});

describe('SharedCheck', () => {
  it('gives every row to the review or the helper once, the helper from the back', () => {
    const answers: (() => void)[] = [];
    const helper: RowCheckHelper = {
      ready: true,
      check: (message, done) =>
        answers.push(() =>
          done(checkRun(message.run, message.rowNumbers, message.plan, createCheckContext())),
        ),
    };
    const count = table.rows.length;
    const plan = { fields: ['firstName'], columns: [0], constants: [] };
    const shared = new SharedCheck(table.rows, count, table.rowNumbers, plan, helper);
    const covered = new Uint8Array(count);
    const mark = (from: number, to: number) => {
      for (let i = from; i < to; i++) covered[i] = (covered[i] ?? 0) + 1;
    };
    const first = shared.take(1000);
    expect(first).toEqual([0, 1000]);
    for (;;) {
      for (const { from, checked } of shared.drain()) {
        const n = checked.places[0]?.length ?? 0;
        expect(n).toBe(0); // no channel mapped
        mark(from, from + runLength(from));
      }
      const range = shared.take(4000);
      if (range) mark(range[0], range[1]);
      else if (answers.length > 0) answers.shift()?.();
      else break;
    }
    mark(0, 1000);
    expect(covered.every((times) => times === 1)).toBe(true);
    expect(shared.done).toBe(count);

    function runLength(from: number): number {
      return table.rows.runOf?.(from, count)?.places.length ?? 0;
    }
  });
});
