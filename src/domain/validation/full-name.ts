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
// Written in lower case only: "Ludwig van Beethoven"; "Nguyen Van An" has a middle name.
const PARTICLES = new Set(
  'van von der den de del della di da dos das du la le ter ten bin binti al el'.split(' '),
);
// After the name, with or without a comma: generational suffixes and credentials.
const SUFFIXES = new Set(
  'jr sr ii iii iv v phd md dds jd esq cpa mba rn ca cfa pe oam am ao ac obe mbe cbe kc qc'.split(
    ' ',
  ),
);
// A company's name is no person's.
const COMPANY_WORDS = new Set(
  'pty ltd limited inc incorporated llc llp plc gmbh ag bv nv sa corp corporation company co group holdings trust foundation council school association club'.split(
    ' ',
  ),
);
const EAST_ASIAN = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

export interface NameParts {
  readonly first: string;
  readonly last: string;
}

const bare = (word: string) =>
  word
    .toLowerCase()
    .replace(/[.,]+$/g, '')
    .replace(/\./g, '');

/**
 * The first and last name in `value`, or undefined when it does not split: one word, a title
 * and one word ("Dr Smith"), an email address, a company's name.
 */
export function splitFullName(value: string): NameParts | undefined {
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '' || text.includes('@') || /\d/.test(text)) return undefined;
  const words = text.split(' ');
  if (words.some((word) => COMPANY_WORDS.has(bare(word)))) return undefined;
  const comma = text.indexOf(',');
  if (comma > 0) {
    const before = text.slice(0, comma).trim();
    const after = text.slice(comma + 1).trim();
    const afterWords = after.split(/[ ,]+/).filter(Boolean);
    // "John Smith, Jr." and "Jean-Luc Picard, PhD": a suffix after the comma belongs to the
    // name before it, which is first name first.
    if (afterWords.length > 0 && afterWords.every((word) => SUFFIXES.has(bare(word)))) {
      const parts = splitWords(before.split(' '));
      return parts && { first: parts.first, last: `${parts.last} ${afterWords.join(' ')}` };
    }
    // "Smith, John": last name first.
    const first = withoutTitle(afterWords.filter((word) => !SUFFIXES.has(bare(word))));
    if (before === '' || first.length === 0) return undefined;
    return { first: first.join(' '), last: before };
  }
  if (EAST_ASIAN.test(text)) {
    return words.length < 2
      ? undefined
      : { first: words.slice(1).join(' '), last: words[0] as string };
  }
  return splitWords(words);
}

/** "Mary Jane Smith Jr" → Mary Jane + Smith Jr (particles with the last name). */
function splitWords(all: readonly string[]): NameParts | undefined {
  const words = withoutTitle(all);
  let end = words.length;
  while (end > 1 && SUFFIXES.has(bare(words[end - 1] as string))) end--;
  if (end < 2) return undefined;
  let start = end - 1;
  while (start > 1 && PARTICLES.has(words[start - 1] as string)) start--;
  return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') };
}

function withoutTitle(words: readonly string[]): readonly string[] {
  return words.length > 0 && TITLES.has(bare(words[0] as string)) ? words.slice(1) : words;
}
