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
// In any case ("Pieter Van der Merwe", "Ana Da Silva"), bar the Vietnamese middle name below.
const PARTICLES = new Set(
  'van von der den de del della di da dos das du la le ter ten bin binti al el'.split(' '),
);
// Vietnamese family names, written first: "Nguyen Van An" has "Van" as its middle name.
const VIETNAMESE_FAMILY = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly'.split(' '),
);
// After the name: generational suffixes and credentials. Those that are also short surnames
// ("Ram KC", "Wei Ao", "John V") count only after a comma.
const SUFFIXES = new Set(
  'jr sr ii iii iv phd md dds jd esq cpa mba rn cfa oam obe mbe cbe qc'.split(' '),
);
const SUFFIXES_AFTER_COMMA = new Set([...SUFFIXES, 'v', 'pe', 'ca', 'am', 'ao', 'ac', 'kc']);
// A company's name is no person's; the short ones ("Co", "SA") only in a name of three words.
const COMPANY_WORDS = new Set(
  'pty ltd limited inc incorporated llc llp plc gmbh corp corporation company holdings foundation council association'.split(
    ' ',
  ),
);
const SHORT_COMPANY_WORDS = new Set('co sa ag bv nv group trust school club'.split(' '));
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
  const company = words.some(
    (word) =>
      COMPANY_WORDS.has(bare(word)) || (words.length >= 3 && SHORT_COMPANY_WORDS.has(bare(word))),
  );
  if (company) return undefined;
  const comma = text.indexOf(',');
  if (comma > 0) {
    const before = text.slice(0, comma).trim();
    const afterWords = text
      .slice(comma + 1)
      .split(/[ ,]+/)
      .filter(Boolean);
    const suffixes = afterWords.filter((word) => SUFFIXES_AFTER_COMMA.has(bare(word)));
    const names = afterWords.filter((word) => !SUFFIXES_AFTER_COMMA.has(bare(word)));
    // "John Smith, Jr." and "Jean-Luc Picard, PhD": only suffixes after the comma, so the name
    // before it is first name first.
    if (names.length === 0) {
      const parts = splitWords(before.split(' '));
      return parts && { first: parts.first, last: [parts.last, ...suffixes].join(' ') };
    }
    // "Smith, John" and "Smith, John, Jr.": last name first, the suffix kept with it.
    const first = withoutTitle(names);
    if (before === '' || first.length === 0) return undefined;
    return { first: first.join(' '), last: [before, ...suffixes].join(' ') };
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
  // A suffix is taken off only with two words before it: "John V" is a first and last name.
  let end = words.length;
  while (end > 2 && SUFFIXES.has(bare(words[end - 1] as string))) end--;
  if (end < 2) return undefined;
  let start = end - 1;
  while (start > 1 && PARTICLES.has(bare(words[start - 1] as string))) start--;
  if (
    start < end - 1 &&
    words.length === 3 &&
    bare(words[1] as string) === 'van' &&
    VIETNAMESE_FAMILY.has(bare(words[0] as string))
  )
    start = end - 1;
  return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') };
}

function withoutTitle(words: readonly string[]): readonly string[] {
  return words.length > 0 && TITLES.has(bare(words[0] as string)) ? words.slice(1) : words;
}
