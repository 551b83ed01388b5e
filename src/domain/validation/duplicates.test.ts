import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSteps } from '../progress/steps';
import {
  DuplicateIndex,
  MatchBatch,
  mergeGroup,
  rowMatchValues,
  type MatchValues,
} from './duplicates';
import { summariseFixes } from './summaries';
import { validateRows } from './validate-rows';

/** An index over rows whose names the test sets, as a review's rows would have them. */
function indexOfNames() {
  const names = new Map<number, string>();
  const values = new Map<number, MatchValues>();
  const index = new DuplicateIndex(
    (row) => names.get(row) ?? '',
    (row) => values.get(row) ?? [],
  );
  return {
    index,
    name: (row: number, name: string) => names.set(row, `${name}\u0001li`),
    /** A row's values change: out of the index under the old ones, in under the new. */
    hold: (row: number, held: MatchValues) => {
      const before = values.get(row);
      if (before) index.remove(row, before);
      values.set(row, held);
      index.add(row, held);
    },
  };
}
const mobile = (value: string) => rowMatchValues([undefined, undefined, value, undefined]);

describe('DuplicateIndex', () => {
  it("takes a file's rows at once as it would one by one", () => {
    const value = fc.option(fc.constantFrom('a@x.io', 'b@x.io', '61412345678', '61400000000'), {
      nil: undefined,
    });
    const row = fc.record({
      name: fc.constantFrom('jo', 'sam'),
      values: fc.tuple(value, value, value, value),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const nameOf = (index: number) => rows[index]?.name ?? '';
        const valuesOf = (index: number) => rows[index]?.values ?? [];
        const oneByOne = new DuplicateIndex(nameOf, valuesOf);
        const batch = new MatchBatch();
        rows.forEach((r, index) => {
          oneByOne.add(index, r.values);
          batch.add(index, r.values);
        });
        const atOnce = new DuplicateIndex(nameOf, valuesOf, rows.length);
        runSteps(atOnce.addAll(batch));
        expect(atOnce.groups()).toEqual(oneByOne.groups());
        expect(atOnce.isEmpty).toBe(oneByOne.isEmpty);
        rows.forEach((r, index) =>
          expect(atOnce.partners(index, r.values)).toEqual(oneByOne.partners(index, r.values)),
        );
        // And both follow a change the same way.
        if (rows.length > 1) {
          for (const index of [oneByOne, atOnce]) index.remove(0, valuesOf(0));
          expect(atOnce.groups()).toEqual(oneByOne.groups());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('groups rows that share a value and the name, and follows changes row by row', () => {
    const { index, name, hold } = indexOfNames();
    name(0, 'jo');
    name(1, 'sam');
    name(2, 'jo');
    hold(0, mobile('61412345678'));
    hold(1, mobile('61412345678'));
    hold(2, mobile('61412345678'));
    expect(index.groups()).toEqual([
      { rows: [0, 2], keys: [{ channel: 2, value: '61412345678' }] },
    ]);
    // Row 2's mobile is edited: it is someone else now.
    hold(2, mobile('61499999999'));
    expect(index.groups()).toEqual([]);
    // Row 1's name is fixed to Jo: now rows 0 and 1 are one person (names are read when asked).
    name(1, 'jo');
    expect(index.groups().map((group) => group.rows)).toEqual([[0, 1]]);
    expect(index.partners(0, mobile('61412345678'))).toEqual([1]);
    expect(index.partners(2, mobile('61499999999'))).toEqual([]);
  });

  it('adding a row twice under one value changes nothing', () => {
    const { index, name, hold } = indexOfNames();
    name(0, 'jo');
    hold(0, mobile('61412345678'));
    index.add(0, mobile('61412345678'));
    expect(index.groups()).toEqual([]);
    expect(index.isEmpty).toBe(true);
  });

  it('links rows through different values into one person, and matches emails whatever their case', () => {
    const { index, name, hold } = indexOfNames();
    for (const row of [0, 1, 2]) name(row, 'jo');
    hold(0, rowMatchValues(['jo@x.com', undefined, '61412345678', undefined]));
    hold(1, rowMatchValues(['JO@X.COM', undefined, undefined, undefined]));
    hold(2, rowMatchValues([undefined, undefined, '61412345678', undefined]));
    const [group] = index.groups();
    expect(group?.rows).toEqual([0, 1, 2]);
    expect(group?.keys).toEqual([
      { channel: 0, value: 'jo@x.com' },
      { channel: 2, value: '61412345678' },
    ]);
    hold(1, [undefined, undefined, undefined, undefined]);
    expect(index.groups().map((g) => g.rows)).toEqual([[0, 2]]);
  });
});

describe('mergeGroup', () => {
  it('keeps the fullest row and fills its blanks from the others, in row order', () => {
    const merged = mergeGroup([
      {
        index: 4,
        contact: { firstName: 'Jo', lastName: 'Li', workEmailAddress1: '', department: 'Sales' },
      },
      {
        index: 9,
        contact: {
          firstName: 'Jo',
          lastName: 'Li',
          workEmailAddress1: 'jo@x.com',
          department: '',
          role1: 'Lead',
        },
      },
      {
        index: 12,
        contact: {
          firstName: 'Jo',
          lastName: 'Li',
          workEmailAddress1: 'j@y.com',
          department: 'Ops',
        },
      },
    ]);
    expect(merged).toEqual({ keeper: 9, fill: { department: 'Sales' } });
  });

  it('never keeps a row that cannot be sent', () => {
    const rows: { index: number; contact: Record<string, string> }[] = [
      { index: 1, contact: { firstName: 'Ann', lastName: 'Lee', workEmailAddress1: 'a@x.com' } },
      {
        index: 2,
        contact: {
          firstName: 'Ann',
          lastName: 'Lee',
          workEmailAddress1: 'a@x.com',
          status: 'Maybe',
        },
      },
    ];
    expect(mergeGroup(rows, (index) => index !== 2).keeper).toBe(1);
    expect(mergeGroup(rows, () => false).keeper).toBe(-1);
  });

  it('keeps the first row on a tie', () => {
    expect(
      mergeGroup([
        { index: 1, contact: { firstName: 'Jo', workEmailAddress1: 'a@x.com' } },
        { index: 2, contact: { firstName: 'Jo', workEmailAddress1: 'b@x.com' } },
      ]).keeper,
    ).toBe(1);
  });
});

describe('the time-zone proposal, as a fix on offer', () => {
  it('says where each time zone comes from, with counts', () => {
    const row = (overrides: Record<string, string>) => ({
      firstName: 'Jo',
      lastName: 'Li',
      workCountry: 'Australia',
      timezone: '',
      workEmailAddress1: 'jo@x.com',
      ...overrides,
    });
    const { problems } = validateRows(
      [
        row({ workState: 'NSW' }),
        row({ workState: 'NSW' }),
        row({ workState: 'QLD' }),
        row({ workCountry: 'New Zealand' }),
      ].map((contact, i) => ({ row: i + 2, contact })),
    );
    const [fix] = summariseFixes(problems);
    expect(fix?.kind).toBe('timezone-from-place');
    expect(fix?.count).toBe(4);
    expect(fix?.label).toBe(
      'Set the time zone from State for 3 rows: NSW → Australia/Sydney (2), QLD → Australia/Brisbane; from Country for 1 row: New Zealand → Pacific/Auckland',
    );
  });
});
