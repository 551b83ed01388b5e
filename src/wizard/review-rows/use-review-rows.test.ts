import { describe, expect, it } from 'vitest';
import { KEPT_BLOCKS_AROUND, withBlock } from './use-review-rows';

describe('withBlock', () => {
  it('adds the block and keeps only the blocks near the part on screen', () => {
    let blocks = new Map<number, string>();
    // Scrolling from the top to block 5,000 one screen (two blocks) at a time.
    for (let first = 0; first <= 5000; first += 2) {
      blocks = withBlock(blocks, first, `rows ${first}`, first, first + 1);
      blocks = withBlock(blocks, first + 1, `rows ${first + 1}`, first, first + 1);
    }
    expect(blocks.get(5001)).toBe('rows 5001');
    expect(blocks.get(5000 - KEPT_BLOCKS_AROUND)).toBe(`rows ${5000 - KEPT_BLOCKS_AROUND}`);
    expect(blocks.has(0)).toBe(false);
    expect(blocks.size).toBeLessThanOrEqual(2 * KEPT_BLOCKS_AROUND + 2);
  });
});
