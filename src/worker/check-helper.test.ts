import { describe, expect, it } from 'vitest';
import { RowStore, RowsView, type Block } from '../domain/intake/row-store';
import type { ColumnMapping } from '../domain/mapping/mapping';
import { runSteps, type Steps } from '../domain/progress/steps';
import { checkPlanOf } from '../domain/validation/check-rows';
import { WorkerCheckHelper } from './check-helper';
import { FakeCheckWorker } from './fake-check-worker';
import { HELPER_MIN_ROWS, ReviewSession, type ReviewTable } from './review-session';

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

describe('checking rows as the file is read', () => {
  /** The table's blocks as the read seals them, all of them (the header and left-out rows too). */
  const sealAll = (send: (block: Block) => void) => {
    const view = TABLE.rows as RowsView;
    for (const run of (view.store as RowStore).blockRuns() ?? []) send(run.block);
  };

  it('hands the review the blocks checked during the read: nothing is checked twice', () => {
    const fake = new FakeCheckWorker();
    const helper = new WorkerCheckHelper(() => fake);
    const send = helper.beginRead(checkPlanOf(mapping, headers));
    expect(send).toBeDefined();
    sealAll(send ?? (() => undefined));
    const sent = fake.runsChecked;
    fake.answer();
    const review = drive(ReviewSession.checking(TABLE, mapping, undefined, helper), () =>
      fake.answer(),
    );
    // Every block went once, as it was read; the review asked for no run again.
    expect(fake.runsChecked).toBe(sent);
    expect(seen(review)).toEqual(seen(ALONE));
    expect(fake.received.at(-1)).toEqual({ type: 'end', job: 1 });
  });

  it('takes over blocks whose results come only after the review began, in any order', () => {
    const fake = new FakeCheckWorker();
    const helper = new WorkerCheckHelper(() => fake);
    sealAll(helper.beginRead(checkPlanOf(mapping, headers)) ?? (() => undefined));
    const review = drive(ReviewSession.checking(TABLE, mapping, undefined, helper), (waits) => {
      if (waits === 3) fake.answer({ reversed: true });
    });
    expect(seen(review)).toEqual(seen(ALONE));
  });

  it('takes half of what the helper has not begun when it has nothing else to do', () => {
    const fake = new FakeCheckWorker();
    const helper = new WorkerCheckHelper(() => fake);
    sealAll(helper.beginRead(checkPlanOf(mapping, headers)) ?? (() => undefined));
    const sent = fake.runsChecked;
    // The helper answers nothing until the review has waited once (and asked it to share).
    const review = drive(ReviewSession.checking(TABLE, mapping, undefined, helper), (waits) => {
      if (waits > 1) fake.answer();
    });
    expect(fake.received.filter((message) => message.type === 'share')).toHaveLength(1);
    expect(fake.answered).toBe(Math.ceil(sent / 2));
    expect(seen(review)).toEqual(seen(ALONE));
  });

  it('drops them for another mapping, and checks that one as the review would alone', () => {
    const fake = new FakeCheckWorker();
    const helper = new WorkerCheckHelper(() => fake);
    sealAll(helper.beginRead(checkPlanOf(mapping, headers)) ?? (() => undefined));
    const other: ColumnMapping = { ...mapping, workCountry: { kind: 'constant', value: 'NZ' } };
    const review = drive(ReviewSession.checking(TABLE, other, undefined, helper), () =>
      fake.answer(),
    );
    expect(fake.received.find((message) => message.type === 'end')).toEqual({
      type: 'end',
      job: 1,
    });
    expect(seen(review)).toEqual(seen(ReviewSession.create(TABLE, other)));
  });

  it('checks the blocks itself when the helper fails after the read', () => {
    const fake = new FakeCheckWorker();
    const helper = new WorkerCheckHelper(() => fake);
    sealAll(helper.beginRead(checkPlanOf(mapping, headers)) ?? (() => undefined));
    const review = drive(
      ReviewSession.checking(TABLE, mapping, undefined, helper),
      () => undefined,
      (steps) => {
        if (steps === 2) fake.crash();
      },
    );
    expect(seen(review)).toEqual(seen(ALONE));
  });
});
