/**
 * What the review grid relies on of react-query's `replaceEqualDeep`: a row or column list from
 * the worker (a new copy every time) keeps the objects of what did not change, so the grid's
 * memoised rows are not drawn again (use-review-rows.ts, review-grid.tsx).
 */
import { replaceEqualDeep } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

const row = (index: number, email: string, problems: string[] = []) => ({
  index,
  rowNumber: index + 2,
  values: ['Ann', 'Lee', email],
  edited: [] as string[],
  problems: problems.map((code) => ({ row: index + 2, field: 'workEmailAddress1', code })),
  skipped: false,
});

describe('replaceEqualDeep, as the review grid uses it', () => {
  it('keeps the old object of every row that did not change, and the new one of the row that did', () => {
    const before = [row(0, 'a@example.com'), row(1, 'b@example.com'), row(2, 'c@example.com')];
    const after = structuredClone(before);
    after[1] = row(1, 'b@@example.com', ['email-invalid']);
    const kept = replaceEqualDeep(before, after);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toEqual(after[1]);
    expect(kept[1]).not.toBe(before[1]);
    expect(kept[2]).toBe(before[2]);
  });

  it('gives the old list itself when nothing changed, and the new one when there was none', () => {
    const before = [row(0, 'a@example.com')];
    expect(replaceEqualDeep(before, structuredClone(before))).toBe(before);
    const fresh = [row(0, 'a@example.com')];
    expect(replaceEqualDeep(undefined, fresh)).toBe(fresh);
    const longer = [...structuredClone(before), row(1, 'b@example.com')];
    expect(replaceEqualDeep(before, longer)).not.toBe(before);
  });
});
