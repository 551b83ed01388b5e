import { describe, expect, it } from 'vitest';
import { describeRemaining, describeTimeLeft, estimateRemainingMs } from './estimate';

describe('estimateRemainingMs', () => {
  it.each([
    { elapsed: 2_000, fraction: 0.5, expected: 2_000 },
    { elapsed: 1_000, fraction: 0.25, expected: 3_000 },
    { elapsed: 100, fraction: 0.5, expected: undefined },
    { elapsed: 5_000, fraction: 0.01, expected: undefined },
    { elapsed: 5_000, fraction: 1, expected: undefined },
    { elapsed: 5_000, fraction: Number.NaN, expected: undefined },
  ])('$elapsed ms at $fraction → $expected', ({ elapsed, fraction, expected }) => {
    expect(estimateRemainingMs(elapsed, fraction)).toBe(expected);
  });
});

describe('describeRemaining', () => {
  it.each([
    { ms: undefined, expected: '' },
    { ms: 900, expected: 'almost done' },
    { ms: 12_400, expected: 'about 12 s left' },
    { ms: 150_000, expected: 'about 3 min left' },
  ])('$ms → "$expected"', ({ ms, expected }) => {
    expect(describeRemaining(ms)).toBe(expected);
  });
});

describe('describeTimeLeft', () => {
  it('puts the estimate into words, and says nothing before there is enough to go on', () => {
    expect(describeTimeLeft(10_000, 0.5)).toBe('about 10 s left');
    expect(describeTimeLeft(100, 0.5)).toBe('');
  });
});
