/**
 * Equality of data as it comes from the worker (structured clones: arrays, plain objects,
 * strings, numbers, booleans, undefined), so what did not change keeps its old object and the
 * grid's memoised rows are not drawn again. A new summary or window is a new clone even where
 * nothing in it changed: after one cell edit every row on screen was drawn twice.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}

/**
 * `next`, with each item equal to the one at its place in `previous` replaced by that one (the
 * same object), and `previous` itself when every item is equal.
 */
export function keepUnchanged<T>(
  next: readonly T[],
  previous: readonly T[] | undefined,
): readonly T[] {
  if (!previous) return next;
  let changed = next.length !== previous.length;
  const kept = next.map((item, i) => {
    const before = previous[i];
    if (i < previous.length && sameData(item, before)) return before as T;
    changed = true;
    return item;
  });
  return changed ? kept : previous;
}
