/**
 * How a header is compared with field names and synonyms. "Mobile No.", "mobile_no", "MOBILE #"
 * and "Mobile" must compare equal, and "Email 2" must still say it is the second email.
 */
export interface NormalisedHeader {
  /** Words, lower case, without accents or punctuation; camelCase and digits split off. */
  readonly tokens: readonly string[];
  /** All tokens joined: the spelling-insensitive form ("workmobilephone1"). */
  readonly full: string;
  /** Without a trailing index or "No."/"Number"/"#": the form synonyms are compared in. */
  readonly base: string;
  /** `base`'s tokens sorted, so "Email work" meets "work email". */
  readonly sortedBase: string;
  /** A trailing 1, 2, … or "primary"/"secondary", if the header had one. */
  readonly index?: number;
}

// Trailing words that say "the number of" rather than naming the thing: "Mobile No.",
// "Phone Number", "Telefonnummer" is one word and is a synonym instead.
const NUMBER_WORDS = new Set(['no', 'nr', 'num', 'number', 'nummer', 'numero', 'n']);
const ORDINAL_WORDS: Readonly<Record<string, number>> = { primary: 1, secondary: 2 };

/** Lower case, accents and ligatures folded, camelCase split, punctuation to spaces. */
export function headerTokens(header: string): string[] {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/**
 * The header without a note to whoever fills the sheet in: Google Workspace's "First Name
 * [Required]" and "Recovery Phone [MUST BE IN THE E.164 FORMAT]", "Email (required)", "Email *".
 */
function withoutAnnotation(header: string): string {
  const bare = header
    .replace(
      /\s*\[(?:required|optional|mandatory|upload only|read only|must\b[^\]]*|format\b[^\]]*)\]\s*$/i,
      '',
    )
    .replace(/\s*\((?:required|optional|mandatory)\)\s*$/i, '')
    .replace(/\s*\*+\s*$/, '');
  return /[\p{L}\p{N}]/u.test(bare) ? bare : header;
}

/** Normalises a header (or a field name or synonym) for comparison; see `NormalisedHeader`. */
export function normaliseHeader(header: string): NormalisedHeader {
  const tokens = headerTokens(withoutAnnotation(header));
  const base = [...tokens];
  let index: number | undefined;
  // Strip from the end: "Phone Number 2" → "phone", index 2. Never strip the last word left, so
  // "No" or "Number" alone still means something.
  while (base.length > 1) {
    const last = base[base.length - 1] ?? '';
    if (index === undefined && /^\d{1,2}$/.test(last)) index = Number(last);
    else if (index === undefined && last in ORDINAL_WORDS) index = ORDINAL_WORDS[last];
    else if (!NUMBER_WORDS.has(last)) break;
    base.pop();
  }
  return {
    tokens,
    full: tokens.join(''),
    base: base.join(''),
    sortedBase: [...base].sort().join(''),
    ...(index === undefined ? {} : { index }),
  };
}

/**
 * Edit distance counting a swap of neighbours as one edit (optimal string alignment), so the
 * common typo "Emial" is one edit from "Email". Three rolling rows: this runs for every column
 * against every field name.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  let before = new Uint16Array(width);
  let previous = Uint16Array.from({ length: width }, (_, j) => j);
  let current = new Uint16Array(width);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cb = b.charCodeAt(j - 1);
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (ca === cb ? 0 : 1),
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance / longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/**
 * `similarity(a, b)` when it is at least `min`, else 0, skipping the distance when the lengths
 * alone rule it out (the distance is at least the difference in length).
 */
export function similarityAtLeast(a: string, b: string, min: number): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  if (1 - Math.abs(a.length - b.length) / longer < min) return 0;
  const score = similarity(a, b);
  return score >= min ? score : 0;
}
