/**
 * Whether a number in Whispir's form is a mobile or a fixed line, so a landline in a mobile
 * field (texts to it fail) and a mobile in a phone field can be flagged. libphonenumber's type
 * tables (its "max" metadata) cost about 30 µs a number; the type is decided by the first digits
 * of the national number in every numbering plan, so each distinct prefix is asked once.
 */
import {
  PhoneNumber,
  parsePhoneNumberFromString,
  type E164Number,
  type PhoneNumberType,
} from 'libphonenumber-js/max';

/** `either` where the plan does not tell (the US and Canada); `unknown` when not parsable. */
export type LineType = 'mobile' | 'fixed' | 'either' | 'unknown';

// Country code (1–3 digits) plus at least four digits of the national number.
const PREFIX_LENGTH = 7;
/**
 * Keyed by the prefix's digits and the number's length, read as one number (no string is cut or
 * hashed per number). The length is in the key so that an unknown answer (a range no plan
 * gives, or a number too short or long) can be kept too: it holds for the same prefix at the
 * same length, as a type does. Unknown ranges used to be asked again for every number in them,
 * ~30 µs each (2.8% of the bench file's mobiles).
 */
const CACHE = new Map<number, LineType>();
// About 8 MB at the limit; a million-row file from 11 countries has ~50,000 prefixes.
const CACHE_LIMIT = 200_000;

/**
 * The type libphonenumber gives the number. Made from the digits as they are (about 2.4 µs),
 * not parsed (about 8 µs: the parser also looks for formatting, extensions and a trunk prefix);
 * when that gives no type, the parser is asked, as it also drops a trunk prefix after the
 * country code ("353 0…"), so the answer is always the parser's.
 */
export function typeOfNumber(whispirDigits: string): PhoneNumberType | undefined {
  let type: PhoneNumberType | undefined;
  try {
    type = new PhoneNumber(`+${whispirDigits}` as E164Number).getType();
  } catch {
    type = undefined; // a calling code no plan has
  }
  return type ?? parsePhoneNumberFromString(`+${whispirDigits}`)?.getType();
}

function typeOf(whispirDigits: string): LineType {
  switch (typeOfNumber(whispirDigits)) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'fixed';
    case 'FIXED_LINE_OR_MOBILE':
      return 'either';
    default:
      return 'unknown';
  }
}

/** The line type of a number written as Whispir stores it (`61298765432`). */
export function lineTypeOf(whispirDigits: string): LineType {
  if (whispirDigits.length <= PREFIX_LENGTH) return typeOf(whispirDigits);
  const prefix = prefixNumber(whispirDigits);
  if (prefix < 0) return typeOf(whispirDigits);
  const key = prefix * 32 + Math.min(whispirDigits.length, 31);
  const cached = CACHE.get(key);
  if (cached !== undefined) return cached;
  const type = typeOf(whispirDigits);
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(key, type);
  return type;
}

/** The first `PREFIX_LENGTH` digits as a number, or -1 when one is not a digit. */
function prefixNumber(digits: string): number {
  let prefix = 0;
  for (let i = 0; i < PREFIX_LENGTH; i++) {
    const digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    prefix = prefix * 10 + digit;
  }
  return prefix;
}

const REGIONS = new Map<string, string | null>();

/** The country (ISO alpha-2) of a number in Whispir's form, asked once per prefix. */
export function regionOfNumber(whispirDigits: string): string | undefined {
  const prefix = whispirDigits.slice(0, PREFIX_LENGTH);
  const cached = REGIONS.get(prefix);
  if (cached !== undefined) return cached ?? undefined;
  const region = parsePhoneNumberFromString(`+${whispirDigits}`)?.country;
  if (REGIONS.size >= CACHE_LIMIT) REGIONS.clear();
  REGIONS.set(prefix, region ?? null);
  return region;
}
