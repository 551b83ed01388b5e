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
// Vietnamese family names: "Van" beside one is a middle name ("Nguyen Van An", "Thanh Van
// Nguyen"), not a Dutch particle.
const VIETNAMESE_FAMILY = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam mai cao trinh luong ha ta to vuong quach thai tang lu'.split(
    ' ',
  ),
);
// Those that are no given name too ("Mai Van Dyke" is Mai, of the Van Dykes): written first.
const VIETNAMESE_FIRST = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho duong truong dinh trinh luong ngo'.split(
    ' ',
  ),
);
// After the name: generational suffixes and credentials; and, in capitals, Australian honours
// ("John Smith AO"), which as written otherwise are short surnames ("Wei Ao").
const SUFFIXES = new Set(
  'jr sr ii iii iv phd md dds jd esq cpa mba rn cfa oam obe mbe cbe qc'.split(' '),
);
const HONOURS_IN_CAPITALS = new Set(['AO', 'AM', 'AC', 'AK']);
// A company's name is no person's; the words that are also names ("Mary Trust") only in a
// name of three words or more.
const SHORT_COMPANY_WORDS = new Set('group trust school club'.split(' '));
const COMPANY_WORDS = new Set(
  'pty ltd limited inc incorporated llc llp plc gmbh corp corporation company holdings foundation council association'.split(
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

const isSuffix = (word: string) =>
  SUFFIXES.has(bare(word)) || HONOURS_IN_CAPITALS.has(word.replace(/[.,]+$/, ''));

// Post-nominals beyond the suffixes, named one by one (a loose pattern took FIONA for one).
const POST_NOMINALS = new Set(
  'FRACP FRCS FRACS FACEM FRANZCP FRACGP FRANZCOG FRCP FCA FCPA FAICD GAICD MBBS MBCHB BDS BSC MSC LLB LLM DPHIL MRCP MRCS CPA CA RN EN'.split(
    ' ',
  ),
);

/**
 * A part after a comma that is only credentials: "Jr.", "PhD", "FRACP", "AO" — each named, so
 * a given name in capitals ("GARCIA LOPEZ, JOSE", "Lee, FIONA") is never taken for one.
 */
const isCredentials = (part: readonly string[]) =>
  part.length > 0 &&
  part.every(
    (word) => isSuffix(word) || POST_NOMINALS.has(word.replace(/[.,]+$/, '').toUpperCase()),
  );

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
  if (text.includes(',')) {
    const [before = [], ...after] = text
      .split(',')
      .map((part) => part.trim().split(' ').filter(Boolean));
    const credentialParts = after.filter((part) => isCredentials(part));
    const nameParts = after.filter((part) => !isCredentials(part));
    // "Smith, John MD": a credential at the end of the given names goes with the last name.
    const tail: string[] = [];
    const given = nameParts.flat();
    while (given.length > 1 && isCredentials([given[given.length - 1] as string]))
      tail.unshift(given.pop() as string);
    const credentials = [...tail, ...credentialParts.flat()];
    const names = given;
    // "John Smith, Jr." and "Jean-Luc Picard, PhD": only credentials after the comma, and a
    // name of two words or more before it, first name first.
    if (names.length === 0 && before.length >= 2) {
      const parts = splitWords(before);
      return parts && { first: parts.first, last: [parts.last, ...credentials].join(' ') };
    }
    // "Smith, Jr": a surname and a suffix, no first name.
    if (names.length === 0) return undefined;
    // "Smith, John", "Smith, John V.", "Smith, John, Jr." and "Zhang, Ao": last name first.
    const first = withoutTitle(names);
    if (before.length === 0 || first.length === 0) return undefined;
    return { first: first.join(' '), last: [...before, ...credentials].join(' ') };
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
  while (end > 2 && isSuffix(words[end - 1] as string)) end--;
  if (end < 2) return undefined;
  let start = end - 1;
  while (start > 1 && isParticle(words, start - 1)) start--;
  return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') };
}

/** Whether the word at `at` is a particle of the last name ("van", "Da"), not a middle name. */
function isParticle(words: readonly string[], at: number): boolean {
  const word = bare(words[at] as string);
  if (!PARTICLES.has(word)) return false;
  if (word !== 'van') return true;
  // "Nguyen Van An" and "Thanh Van Nguyen": a Vietnamese family name on either side makes it a
  // middle name; "Mai van der Berg" keeps its particles ("der" follows).
  const next = words[at + 1] === undefined ? '' : bare(words[at + 1] as string);
  if (VIETNAMESE_FAMILY.has(next)) return false;
  if (PARTICLES.has(next)) return true;
  const before = words[at - 1] === undefined ? '' : bare(words[at - 1] as string);
  return !(VIETNAMESE_FIRST.has(before) && at === 1);
}

function withoutTitle(words: readonly string[]): readonly string[] {
  return words.length > 0 && TITLES.has(bare(words[0] as string)) ? words.slice(1) : words;
}
