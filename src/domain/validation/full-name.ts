/**
 * A whole name in one cell, split into the first and last name Whispir keeps apart. Many
 * exports have only one ("Full Name" in Dynamics 365, "Name" in Teams and rostering tools,
 * "Smith, John" in a sheet someone typed). The rules are the common ones, not a guess at every
 * culture: the person checks the split in the review.
 *
 * - "Smith, John" (a comma): last name first.
 * - "John Smith", "Mary Jane Smith": the last word is the last name…
 * - …with its particles ("Ludwig van Beethoven", "María de la Cruz") and a suffix after it
 *   ("John Smith Jr").
 * - A title before the name (Dr, Ms…) is left out: Whispir has a field of its own for it.
 * - "山田 太郎" (Chinese, Japanese or Korean script): family name first.
 */

const TITLES = new Set(
  'mr mrs ms miss mx dr prof sir dame rev fr hon herr frau mme mlle sr sra srta'.split(' '),
);
const PARTICLES = new Set(
  'van von der den de del della di da dos das du la le ter ten bin binti al el st'.split(' '),
);
const SUFFIXES = new Set('jr jr. sr sr. ii iii iv phd md'.split(' '));
const EAST_ASIAN = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

export interface NameParts {
  readonly first: string;
  readonly last: string;
}

const bare = (word: string) => word.toLowerCase().replace(/\.$/, '');

/** The first and last name in `value`, or undefined when it does not split (one word). */
export function splitFullName(value: string): NameParts | undefined {
  const text = value.trim().replace(/\s+/g, ' ');
  const comma = text.indexOf(',');
  if (comma > 0) {
    const last = text.slice(0, comma).trim();
    const first = withoutTitle(text.slice(comma + 1).trim());
    // "Smith, Jr" is no "last, first", and nothing else either.
    if (SUFFIXES.has(bare(first))) return undefined;
    if (last && first) return { first, last };
  }
  const words = withoutTitle(text).split(' ').filter(Boolean);
  if (words.length < 2) return undefined;
  if (EAST_ASIAN.test(text)) {
    return { first: words.slice(1).join(' '), last: words[0] as string };
  }
  let end = words.length;
  while (end > 2 && SUFFIXES.has(bare(words[end - 1] as string))) end--;
  let start = end - 1;
  while (start > 1 && PARTICLES.has(bare(words[start - 1] as string))) start--;
  return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') };
}

function withoutTitle(text: string): string {
  const words = text.split(' ');
  return words.length > 2 && TITLES.has(bare(words[0] as string)) ? words.slice(1).join(' ') : text;
}
