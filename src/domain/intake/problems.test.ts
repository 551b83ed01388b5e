import { describe, expect, it } from 'vitest';
import { formatCount } from './problems';

describe('formatCount', () => {
  it('writes counts with a comma every three digits, as en-AU does, in any locale', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_000_000, 3_000_001, -1234, 1234.5]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-AU'));
    }
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });
});
