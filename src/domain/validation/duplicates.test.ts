import { describe, expect, it } from 'vitest';
import { DuplicateIndex, mergeGroup, rowMatchKeys } from './duplicates';
import { summariseFixes } from './summaries';
import { validateRows } from './validate-rows';

const keys = (name: string, mobile: string) =>
  rowMatchKeys({ firstName: name, lastName: 'Li' }, [undefined, undefined, mobile, undefined]);

describe('DuplicateIndex', () => {
  it('groups rows that share a key, and follows changes row by row', () => {
    const index = new DuplicateIndex();
    index.add(0, keys('Jo', '61412345678'));
    index.add(1, keys('Sam', '61412345678'));
    index.add(2, keys('Jo', '61412345678'));
    expect(index.groups().map((group) => group.rows)).toEqual([[0, 2]]);
    // Row 2's mobile is edited: it is someone else now.
    index.remove(2, keys('Jo', '61412345678'));
    index.add(2, keys('Jo', '61499999999'));
    expect(index.groups()).toEqual([]);
    expect(index.isEmpty).toBe(true);
    // Row 1's name is fixed to Jo: now rows 0 and 1 are one person.
    index.remove(1, keys('Sam', '61412345678'));
    index.add(1, keys('Jo', '61412345678'));
    expect(index.groups().map((group) => group.rows)).toEqual([[0, 1]]);
    expect(index.partners(0, keys('Jo', '61412345678'))).toEqual([1]);
  });

  it('adding a row twice under one key changes nothing', () => {
    const index = new DuplicateIndex();
    index.add(0, keys('Jo', '61412345678'));
    index.add(0, keys('Jo', '61412345678'));
    expect(index.groups()).toEqual([]);
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
