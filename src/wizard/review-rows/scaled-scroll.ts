/**
 * Scrolling a list taller than a browser lets an element be. Chromium stops an element's height
 * at 33,554,431 px (about 1,048,000 rows of 32 px); the wizard takes 3,000,000 rows. Up to
 * `UNSCALED_MAX_PX` the grid is laid out as it always was: its body is as tall as its rows. Past
 * it, the body is `SCALED_PX` tall and the list is "virtual": the virtualiser keeps working in
 * the rows' own pixels (row × 32), and a physical scroll position maps to a virtual one by one
 * factor, chosen so that the top maps to the top and the scroll box's end to the list's end.
 * The rows on screen are drawn where they belong relative to the box's viewport, 32 px apart.
 *
 * Pure arithmetic; the scroll box that applies it is scaled-scroller.ts.
 */

/** The tallest body laid out as is: a million rows of 32 px, under every browser's limit there. */
export const UNSCALED_MAX_PX = 32_000_000;
/** The body's height past that, well under the limit (Firefox's is about 17,895,000 px). */
export const SCALED_PX = 16_000_000;

/** The body's physical height for a list `virtualHeight` px tall. */
export function physicalHeight(virtualHeight: number): number {
  return virtualHeight > UNSCALED_MAX_PX ? SCALED_PX : virtualHeight;
}

/**
 * Virtual pixels per physical pixel of scroll: 1 while the body is as tall as the list. Else the
 * scroll range is the list's less the height taken away, and the factor maps the box's end to
 * the list's end (`physicalMax` is the box's scroll range: scrollHeight − clientHeight).
 */
export function scrollScale(
  virtualHeight: number,
  bodyHeight: number,
  physicalMax: number,
): number {
  const removed = virtualHeight - bodyHeight;
  if (removed <= 0 || physicalMax <= 0) return 1;
  return (physicalMax + removed) / physicalMax;
}

/** A physical scroll position as a position in the list's own pixels. */
export function toVirtual(physicalOffset: number, scale: number): number {
  return scale === 1 ? physicalOffset : physicalOffset * scale;
}

/** A position in the list's own pixels as a physical scroll position. */
export function toPhysical(virtualOffset: number, scale: number): number {
  return scale === 1 ? virtualOffset : virtualOffset / scale;
}

/**
 * Where a row starting at `itemStart` (list pixels) goes in the body. Unscaled: at its start.
 * Scaled: where the viewport is (`physicalOffset`, the box's scrollTop) plus the row's distance
 * from the viewport's top in the list (`itemStart − virtualOffset`), so that on screen rows are
 * 32 px apart and scroll by whole virtual distances.
 */
export function rowTop(
  itemStart: number,
  virtualOffset: number,
  physicalOffset: number,
  scaled: boolean,
): number {
  return scaled ? physicalOffset + itemStart - virtualOffset : itemStart;
}
