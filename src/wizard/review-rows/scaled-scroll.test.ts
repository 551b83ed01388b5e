import { describe, expect, it } from 'vitest';
import {
  SCALED_PX,
  UNSCALED_MAX_PX,
  physicalHeight,
  rowTop,
  scrollScale,
  toPhysical,
  toVirtual,
} from './scaled-scroll';

const ROW = 32;
/** A scroll box 416 px tall with a 40 px header above the body. */
const HEADER = 40;
const VIEWPORT = 416;
const physicalMax = (body: number) => HEADER + body - VIEWPORT;

describe('scaled scrolling', () => {
  it('leaves a list of up to a million rows as it is', () => {
    for (const rows of [0, 1, 200_000, 1_000_000]) {
      const height = rows * ROW;
      expect(physicalHeight(height)).toBe(height);
      expect(scrollScale(height, physicalHeight(height), physicalMax(height))).toBe(1);
    }
    expect(toVirtual(12_345.5, 1)).toBe(12_345.5);
    expect(toPhysical(12_345.5, 1)).toBe(12_345.5);
    expect(rowTop(640, 600, 600, false)).toBe(640);
  });

  it('caps a taller list and maps the top to the top and the end to the end', () => {
    for (const rows of [1_000_001, 1_200_000, 3_000_000]) {
      const height = rows * ROW;
      expect(height).toBeGreaterThan(UNSCALED_MAX_PX);
      const body = physicalHeight(height);
      expect(body).toBe(SCALED_PX);
      const max = physicalMax(body);
      const scale = scrollScale(height, body, max);
      expect(scale).toBeGreaterThan(1);
      expect(toVirtual(0, scale)).toBe(0);
      // The box's end is the list's end: the last row sits at the viewport's bottom.
      const virtualEnd = toVirtual(max, scale);
      expect(virtualEnd).toBeCloseTo(HEADER + height - VIEWPORT, 3);
      const last = (rows - 1) * ROW;
      const top = rowTop(last, virtualEnd, max, true);
      // On screen (body top at HEADER − scrollTop), the last row ends at the viewport's bottom,
      // inside the body.
      expect(HEADER + top - max + ROW).toBeCloseTo(VIEWPORT, 3);
      expect(top + ROW).toBeCloseTo(body, 3);
      // There and back.
      expect(toPhysical(toVirtual(1_234_567, scale), scale)).toBeCloseTo(1_234_567, 3);
    }
  });

  it('draws the rows 32 px apart, relative to the viewport', () => {
    const height = 3_000_000 * ROW;
    const scale = scrollScale(height, SCALED_PX, physicalMax(SCALED_PX));
    const physical = 5_000_000.25;
    const virtual = toVirtual(physical, scale);
    const first = Math.floor(virtual / ROW);
    const tops = [0, 1, 2, 3].map((i) => rowTop((first + i) * ROW, virtual, physical, true));
    expect(tops[0]).toBeLessThanOrEqual(physical);
    expect(tops[0]).toBeGreaterThan(physical - ROW);
    for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!).toBeCloseTo(ROW, 6);
    // A wheel step of 100 physical pixels moves the rows by 100 × the scale.
    const later = rowTop(first * ROW, toVirtual(physical + 100, scale), physical + 100, true);
    // On screen: top − scrollTop.
    expect(tops[0]! - physical - (later - (physical + 100))).toBeCloseTo(100 * scale, 3);
  });
});
