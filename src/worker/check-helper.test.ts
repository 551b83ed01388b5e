import { describe, expect, it } from 'vitest';
import { BlockRows, RowStore, RowsView } from '../domain/intake/row-store';
import type { ColumnMapping } from '../domain/mapping/mapping';
import { runSteps, type Steps } from '../domain/progress/steps';
import { checkRows, type CheckPlan } from '../domain/validation/check-rows';
import { createCheckContext } from '../domain/validation/validate-contact';
import {
  WorkerCheckHelper,
  type CheckWorkerPort,
  type FromCheckWorker,
  type ToCheckWorker,
} from './check-helper';
import { HELPER_MIN_ROWS, ReviewSession, type ReviewTable } from './review-session';

/**
 * A stand-in for check.worker.ts: messages cross as structured clones (as between workers), and
 * its answers arrive only when the test says, in any order.
 */
class FakeCheckWorker implements CheckWorkerPort {
  onmessage: ((event: MessageEvent<FromCheckWorker>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  readonly received: ToCheckWorker[] = [];
  private plan: { job: number; plan: CheckPlan } | undefined;
  private readonly context = createCheckContext();
  private pending: ToCheckWorker[] = [];

  postMessage(message: ToCheckWorker): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    if (copy.type === 'begin') this.plan = { job: copy.job, plan: copy.plan };
    else if (copy.type === 'check') this.pending.push(copy);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Answers the runs in hand (the last first when `reversed`), `fail` failing one. */
  answer({ reversed = false, fail }: { reversed?: boolean; fail?: number } = {}): number {
    const runs = reversed ? this.pending.reverse() : this.pending;
    this.pending = [];
    for (const message of runs) {
      if (message.type !== 'check' || !this.plan || this.plan.job !== message.job) continue;
      const reply: FromCheckWorker =
        message.id === fail
          ? { type: 'failed', job: message.job, id: message.id, message: 'out of memory' }
          : {
              type: 'checked',
              job: message.job,
              id: message.id,
              checked: checkRows(
                new BlockRows(message.block, message.places),
                (i) => message.rowNumbers[i] ?? i + 1,
                this.plan.plan,
                0,
                message.places.length,
                this.context,
              ),
            };
      this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<FromCheckWorker>);
    }
    return runs.length;
  }

  crash(): void {
    this.onerror?.(new Event('error'));
  }

  get runsChecked(): number {
    return this.received.filter((message) => message.type === 'check').length;
  }
}

const headers = ['first', 'last', 'email', 'mobile', 'country', 'tz'];
const mapping: ColumnMapping = {
  firstName: { kind: 'column', column: 'first' },
  lastName: { kind: 'column', column: 'last' },
  workEmailAddress1: { kind: 'column', column: 'email' },
  workMobilePhone1: { kind: 'column', column: 'mobile' },
  workCountry: { kind: 'column', column: 'country' },
  timezone: { kind: 'column', column: 'tz' },
  department: { kind: 'constant', value: 'Sales' },
};

/**
 * Rows with every kind of problem the check finds, duplicates within and across blocks, ragged
 * rows, and rows left out of the view (as blank rows and rows above a header are).
 */
function messyTable(count: number): ReviewTable {
  const records: string[][] = [];
  for (let i = 0; i < count + count / 10; i++) {
    const n = i % 1000 === 999 ? 17 : i; // every thousandth row repeats row 17's person
    const row = [
      `First${n}`,
      `Last${n}`,
      i % 53 === 0 ? `P${n}@Example.com` : i % 61 === 0 ? `p${n}@example,com` : `p${n}@example.com`,
      i % 47 === 0 ? `0412 ${String(n).padStart(6, '0')}` : `614${String(n).padStart(8, '0')}`,
      i % 89 === 0 ? 'Narnia' : i % 97 === 0 ? 'AU' : 'Australia',
      i % 71 === 0 ? 'Mars/Olympus' : '+10',
    ];
    if (i % 83 === 0) row.push('stray');
    if (i % 79 === 0) row.length = 4;
    records.push(row);
  }
  const store = RowStore.from(records);
  store.seal();
  // Every eleventh row is not part of the table.
  const kept = Int32Array.from({ length: records.length }, (_, i) => i).filter((i) => i % 11 !== 5);
  return {
    headers,
    delimiter: ',',
    rows: new RowsView(store, kept.slice(0, count)),
    rowNumbers: Array.from(kept.slice(0, count), (i) => i + 2),
  };
}

const TABLE = messyTable(HELPER_MIN_ROWS + 15_000);
const ALONE = ReviewSession.create(TABLE, mapping);

/** What a person sees of a review: the counts and every row with its problems. */
function seen(session: ReviewSession) {
  return {
    summary: session.summary(),
    rows: session.window(0, TABLE.rows.length, { kind: 'all' }).rows,
  };
}

/** Runs a review's steps, letting the fake worker answer at each pause that waits for it. */
function drive(
  steps: Steps<ReviewSession>,
  onWait: (waits: number) => void,
  onStep: (steps: number) => void = () => undefined,
): ReviewSession {
  let waits = 0;
  let count = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onStep(++count);
    if (next.value.waiting) {
      onWait(++waits);
      if (waits > 10_000) throw new Error('the review waited for ever');
    }
  }
}

describe('checking rows with a helper worker', () => {
  it('finds what the review finds alone, with the helper checking runs meanwhile', () => {
    const fake = new FakeCheckWorker();
    const helper = new WorkerCheckHelper(() => fake);
    const review = drive(ReviewSession.checking(TABLE, mapping, undefined, helper), () =>
      fake.answer(),
    );
    expect(fake.runsChecked).toBeGreaterThan(0);
    expect(seen(review)).toEqual(seen(ALONE));
    expect(review.summary().rowsWithErrors).toBeGreaterThan(0);
    expect(ALONE.summary().duplicates.groups).toBeGreaterThan(0);
  });

  it('merges in row order when the helper answers late and out of order', () => {
    const fake = new FakeCheckWorker();
    const helper = new WorkerCheckHelper(() => fake);
    // The helper answers only every fifth wait, its last run first.
    const review = drive(ReviewSession.checking(TABLE, mapping, undefined, helper), (waits) => {
      if (waits % 5 === 0) fake.answer({ reversed: true });
    });
    expect(seen(review)).toEqual(seen(ALONE));
  });

  it('checks the runs itself when the helper fails or cannot check one', () => {
    const crashing = new FakeCheckWorker();
    const crashed = drive(
      ReviewSession.checking(TABLE, mapping, undefined, new WorkerCheckHelper(() => crashing)),
      () => undefined,
      (steps) => {
        if (steps === 3) crashing.crash();
      },
    );
    expect(crashing.terminated).toBe(true);
    expect(seen(crashed)).toEqual(seen(ALONE));

    const refusing = new FakeCheckWorker();
    const refused = drive(
      ReviewSession.checking(TABLE, mapping, undefined, new WorkerCheckHelper(() => refusing)),
      () => refusing.answer({ fail: 1 }),
    );
    expect(seen(refused)).toEqual(seen(ALONE));

    const none = new WorkerCheckHelper(() => {
      throw new Error('Workers are not allowed here');
    });
    expect(none.begin({ fields: [], sources: [] })).toBeUndefined();
    expect(seen(runSteps(ReviewSession.checking(TABLE, mapping, undefined, none)))).toEqual(
      seen(ALONE),
    );
  });

  it('keeps the edits and skips carried from another mapping', () => {
    const fake = new FakeCheckWorker();
    const helper = new WorkerCheckHelper(() => fake);
    const donor = ReviewSession.create(TABLE, mapping);
    donor.editCell(3, 'workEmailAddress1', 'fixed@example.com');
    // A row repeating row 17's person, given an email and mobile of its own: no longer a duplicate.
    const twin = Array.from({ length: 5_000 }, (_, i) => i).find(
      (i) => i > 20 && TABLE.rows.cell(i, 0) === 'First17',
    ) as number;
    expect(twin).toBeDefined();
    donor.editCell(twin, 'workEmailAddress1', 'someone.else@example.com');
    donor.editCell(twin, 'workMobilePhone1', '61499999999');
    expect(donor.window(twin, 1, { kind: 'all' }).rows[0]?.problems).toEqual([]);
    donor.editCell(25_000, 'firstName', 'First17');
    donor.setSkipped([10, 30_000], true);
    const carried = donor.work();
    const withHelper = drive(ReviewSession.checking(TABLE, mapping, carried, helper), () =>
      fake.answer(),
    );
    expect(seen(withHelper)).toEqual(seen(ReviewSession.create(TABLE, mapping, carried)));
    // The rows as the person left them under the other review.
    expect(seen(withHelper).rows).toEqual(seen(donor).rows);
  });

  it('drops the answers of a check that was stopped', () => {
    const fake = new FakeCheckWorker();
    const helper = new WorkerCheckHelper(() => fake);
    const stopped = ReviewSession.checking(TABLE, mapping, undefined, helper);
    stopped.next();
    expect(fake.runsChecked).toBeGreaterThan(0);
    stopped.return(undefined as never);
    expect(fake.received.at(-1)?.type).toBe('end');
    const review = drive(ReviewSession.checking(TABLE, mapping, undefined, helper), () =>
      fake.answer(),
    );
    expect(seen(review)).toEqual(seen(ALONE));
  });

  it('is not asked for a small file', () => {
    const fake = new FakeCheckWorker();
    const small = messyTable(500);
    const review = drive(
      ReviewSession.checking(small, mapping, undefined, new WorkerCheckHelper(() => fake)),
      () => fake.answer(),
    );
    expect(fake.received).toEqual([]);
    expect(review.summary()).toEqual(ReviewSession.create(small, mapping).summary());
  });
});
