/**
 * Small text checks used on every cell, written with char codes because they run millions of
 * times per file.
 */

// Exactly the characters String.prototype.trim removes.
function isTrimmedSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether `trim()` would change the value; no allocation. */
export function hasEdgeSpace(value: string): boolean {
  const n = value.length;
  return n > 0 && (isTrimmedSpace(value.charCodeAt(0)) || isTrimmedSpace(value.charCodeAt(n - 1)));
}

/** The value trimmed, allocating only when there is something to trim. */
export function trimmed(value: string): string {
  return hasEdgeSpace(value) ? value.trim() : value;
}

/** Empty, or only spaces: what Whispir would store as nothing. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value === '' || (hasEdgeSpace(value) && value.trim() === '');
}

/** Levenshtein distance, stopping early past `limit` (only small distances matter to callers). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
