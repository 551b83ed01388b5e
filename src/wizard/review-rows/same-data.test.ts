import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepUnchanged, sameData } from './same-data';

const row = (index: number, email: string, problems: string[] = []) => ({
  index,
  rowNumber: index + 2,
  values: ['Ann', 'Lee', email],
  edited: [] as string[],
  problems: problems.map((code) => ({ row: index + 2, field: 'workEmailAddress1', code })),
  skipped: false,
});

describe('sameData', () => {
  it('says two clones of the same data are the same, whatever changed is not', () => {
    const a = row(1, 'ann@example.com', ['email-case']);
    expect(sameData(a, structuredClone(a))).toBe(true);
    expect(sameData(a, row(1, 'ann@@example.com', ['email-case']))).toBe(false);
    expect(sameData(a, row(1, 'ann@example.com'))).toBe(false);
    expect(sameData(a, { ...a, skipped: true })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
  });

  it('agrees with a comparison of the JSON of any plain data', () => {
    const data = fc.jsonValue();
    fc.assert(
      fc.property(data, data, (a, b) => {
        // Keys in another order are the same data; JSON compared with sorted keys.
        const sorted = (value: unknown): unknown =>
          Array.isArray(value)
            ? value.map(sorted)
            : value && typeof value === 'object'
              ? Object.fromEntries(
                  Object.entries(value)
                    .sort(([x], [y]) => (x < y ? -1 : 1))
                    .map(([k, v]) => [k, sorted(v)]),
                )
              : value;
        const json = (value: unknown) => JSON.stringify(sorted(value));
        expect(sameData(a, b)).toBe(json(a) === json(b));
        expect(sameData(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: process.env.CI ? 300 : 2000 },
    );
  });
});

describe('keepUnchanged', () => {
  it('keeps the old object of every row that did not change, and the new one of the row that did', () => {
    const before = [row(0, 'a@example.com'), row(1, 'b@example.com'), row(2, 'c@example.com')];
    const after = structuredClone(before);
    after[1] = row(1, 'b@@example.com', ['email-invalid']);
    const kept = keepUnchanged(after, before);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(after[1]);
    expect(kept[2]).toBe(before[2]);
  });

  it('gives the old list itself when nothing changed, and the new one when there was none', () => {
    const before = [row(0, 'a@example.com')];
    expect(keepUnchanged(structuredClone(before), before)).toBe(before);
    const fresh = [row(0, 'a@example.com')];
    expect(keepUnchanged(fresh, undefined)).toBe(fresh);
    const longer = [...structuredClone(before), row(1, 'b@example.com')];
    expect(keepUnchanged(longer, before)).not.toBe(before);
  });
});
