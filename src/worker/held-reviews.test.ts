import { describe, expect, it } from 'vitest';
import { mappingSignature, type ColumnMapping } from '../domain/mapping/mapping';
import { HeldReviews } from './held-reviews';
import { ReviewSession, type ReviewTable } from './review-session';
import { RowStore } from '../domain/intake/row-store';

const table: ReviewTable = {
  headers: ['first', 'last', 'mobile', 'country', 'tz'],
  rows: RowStore.from([
    ['Ann', 'Lee', '0412345001', 'Australia', '+10'],
    ['Bob', 'Ray', '61412345002', 'Australia', '+10'],
  ]),
  rowNumbers: [2, 3],
};
const mappingA: ColumnMapping = {
  firstName: { kind: 'column', column: 'first' },
  lastName: { kind: 'column', column: 'last' },
  workMobilePhone1: { kind: 'column', column: 'mobile' },
  workCountry: { kind: 'column', column: 'country' },
  timezone: { kind: 'column', column: 'tz' },
};
const mappingB: ColumnMapping = { ...mappingA, timezone: { kind: 'constant', value: '+8' } };
const signatureA = mappingSignature(mappingA);
const signatureB = mappingSignature(mappingB);

describe('HeldReviews', () => {
  it('keeps a changed review while another mapping is tried, and gives it back', () => {
    const held = new HeldReviews();
    const a = ReviewSession.create(table, mappingA);
    held.hold(a);
    a.setSkipped([1], true);
    // The mapping step checks B in the background.
    held.hold(ReviewSession.create(table, mappingB));
    expect(held.review?.mappingSignature).toBe(signatureB);
    // The user goes back to A: the skip is still there.
    const back = held.find(signatureA);
    expect(back).toBe(a);
    expect(back?.summary().accounting.skipped).toBe(1);
    expect(held.review).toBe(a);
  });

  it('lets an unchanged review go when another replaces it', () => {
    const held = new HeldReviews();
    held.hold(ReviewSession.create(table, mappingA));
    held.hold(ReviewSession.create(table, mappingB));
    expect(held.find(signatureA)).toBeUndefined();
    expect(held.find(signatureB)?.mappingSignature).toBe(signatureB);
  });

  it('does not give back an older review over newer work: that carries on from the newer one', () => {
    const held = new HeldReviews();
    const a = ReviewSession.create(table, mappingA);
    held.hold(a);
    a.setPolicy('block');
    const b = ReviewSession.create(table, mappingB, a.work());
    held.hold(b);
    b.editCell(0, 'workMobilePhone1', '61412345001');
    // Back to A's mapping: A alone would lose the edit made in B, so a new review of A's
    // mapping is made from B's work (with A's, which B carried).
    expect(held.find(signatureA)).toBeUndefined();
    expect(held.donor()).toBe(b);
    const again = ReviewSession.create(table, mappingA, held.donor()?.work());
    expect(again.summary().policy).toBe('block');
    expect(again.window(0, 1, { kind: 'all' }).rows[0]?.edited).toEqual(['workMobilePhone1']);
    expect(held.find(signatureB)).toBe(b);
  });

  it('forgets every review when the file is read again', () => {
    const held = new HeldReviews();
    const a = ReviewSession.create(table, mappingA);
    held.hold(a);
    a.setSkipped([0], true);
    held.hold(ReviewSession.create(table, mappingB));
    held.clear();
    expect(held.review).toBeUndefined();
    expect(held.find(signatureA)).toBeUndefined();
  });
});
