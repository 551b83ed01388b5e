import { describe, expect, it } from 'vitest';
import {
  contactsOfPart,
  describeExisting,
  describeVerification,
  isSameContact,
  samplePerPart,
  searchQueryFor,
  spreadSample,
} from './verification';

const row = (i: number) => ({
  firstName: 'Jo',
  lastName: `Li${i}`,
  workEmailAddress1: `j${i}@x.com`,
});

describe('spreadSample', () => {
  it('takes rows from the start, the end and evenly between', () => {
    const rows = Array.from({ length: 100 }, (_, i) => row(i));
    expect(spreadSample(rows, 5).map((r) => r.lastName)).toEqual([
      'Li0',
      'Li25',
      'Li50',
      'Li74',
      'Li99',
    ]);
  });

  it('leaves out rows that cannot be looked up (no name, or no email or mobile)', () => {
    const rows = [
      row(0),
      { firstName: '', lastName: 'Li', workEmailAddress1: 'a@x.com' },
      { firstName: 'A', lastName: 'B' },
    ];
    expect(spreadSample(rows, 20)).toEqual([row(0)]);
  });
});

describe('samplePerPart', () => {
  it('checks each part of up to five by 20 rows, and larger imports by at least 100 in all and 10 a part', () => {
    expect([1, 2, 5].map(samplePerPart)).toEqual([20, 20, 20]);
    expect(samplePerPart(6)).toBe(17);
    expect(samplePerPart(13)).toBe(10);
    expect(samplePerPart(40)).toBe(10);
    for (let parts = 1; parts <= 60; parts++) {
      const size = samplePerPart(parts);
      expect(size * parts, `${parts} parts`).toBeGreaterThanOrEqual(Math.min(100, 20 * parts));
      expect(size).toBeGreaterThanOrEqual(10);
      expect(size).toBeLessThanOrEqual(20);
    }
  });
});

describe('searching for a row', () => {
  it('asks for its name and first channel, and keeps only its own contact', () => {
    expect(searchQueryFor({ ...row(1), workMobilePhone1: '61412345678' })).toEqual({
      firstName: 'Jo',
      lastName: 'Li1',
      workEmailAddress1: 'j1@x.com',
    });
    expect(
      isSameContact(row(1), { firstName: 'JO', lastName: 'li1 ', workEmailAddress1: 'J1@x.com' }),
    ).toBe(true);
    // "contains" also finds Li10: not the same person.
    expect(
      isSameContact(row(1), { firstName: 'Jo', lastName: 'Li10', workEmailAddress1: 'j10@x.com' }),
    ).toBe(false);
  });

  it('reads a part file through the field mapping', () => {
    expect(
      contactsOfPart(
        { headers: ['F', 'L', 'E'], rows: [['Jo', 'Li', 'j@x.com']] },
        { firstName: 'F', lastName: 'L', workEmailAddress1: 'E', workMobilePhone1: 'missing' },
      ),
    ).toEqual([
      { firstName: 'Jo', lastName: 'Li', workEmailAddress1: 'j@x.com', workMobilePhone1: '' },
    ]);
  });
});

describe('the words', () => {
  it('say what was found, where', () => {
    expect(describeVerification({ sampled: 20, found: 20, state: 'done' }, 'Sales Team')).toBe(
      'Found 20 of 20 sampled contacts in Sales Team.',
    );
    expect(describeVerification({ sampled: 20, found: 3, state: 'checking' }, 'Sales Team')).toBe(
      'Checking in Sales Team: found 3 of 20 sampled contacts so far…',
    );
    expect(describeExisting(12, 100, 'Sales Team')).toBe(
      '12 of 100 sampled rows match contacts already in Sales Team',
    );
  });
});
