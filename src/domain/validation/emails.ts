/** Email syntax as the review step checks it: an address a person could have typed correctly. */

// Deliberately simpler than RFC 5322 (no quoted local parts, no IP literals): what contact
// lists contain. Dots may not lead, trail or repeat; the domain needs a dot and a real TLD.
// Non-ASCII letters are allowed for internationalised addresses.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+";
const LABEL =
  '[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF-]{0,61}[A-Za-z0-9\\u0080-\\uFFFF])?';
const TLD = '(?:[A-Za-z\\u0080-\\uFFFF]{2,63}|xn--[A-Za-z0-9-]{1,59})';
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+${TLD}$`);

// The same pattern over lower-case ASCII alone: every value it takes, EMAIL takes, and none has a
// capital letter.
const PLAIN_ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
const PLAIN_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PLAIN_EMAIL = new RegExp(
  `^${PLAIN_ATOM}(?:\\.${PLAIN_ATOM})*@(?:${PLAIN_LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`,
);

/**
 * Whether a trimmed value is an email address in lower-case ASCII: `isEmail` and not
 * `hasUpperCase`, in one pass, for the common case (false for any other value, valid or not).
 */
export function isPlainEmail(value: string): boolean {
  return value.length <= 254 && PLAIN_EMAIL.test(value) && value.indexOf('@') <= 64;
}

/** Whether a trimmed value is an email address. */
export function isEmail(value: string): boolean {
  return (
    value.length <= 254 &&
    EMAIL.test(value) &&
    value.indexOf('@') <= 64 &&
    !STRAY_CHARACTER.test(value)
  );
}

/**
 * Characters no one means in an address but a copy from a web page, a PDF or a word processor
 * leaves there, most of them invisible: C1 controls, spaces other than the space, the soft
 * hyphen, zero-width characters and joiners, direction marks and isolates, the byte-order mark,
 * and dashes and minus signs typed for a hyphen. Whispir would refuse or keep a broken address.
 */
// (Not the zero-width joiner and non-joiner, U+200C and U+200D: they belong in some scripts'
// domain names.)
const STRAY_CHARACTER =
  /[\u0080-\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200b\u200e-\u2015\u2028-\u202f\u205f-\u206f\u2212\u3000\ufe63\ufeff\uff0d]/;
/** A space other than the space between two letters: it may stand for a dot or a hyphen. */
const SPACE_INSIDE =
  /[^\s.@\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+[^\s.@\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const STRAY_CHARACTERS = new RegExp(STRAY_CHARACTER.source, 'g');
const DASH = /[\u2010-\u2015\u2212\ufe63\uff0d]/;

const STRAY_NAMES: Readonly<Record<number, string>> = {
  0x00a0: 'no-break space',
  0x00ad: 'soft hyphen',
  0x200b: 'zero-width space',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2060: 'word joiner',
  0x202f: 'narrow no-break space',
  0x2212: 'minus sign',
  0xfeff: 'zero-width no-break space',
};

/** The first stray character in a value (see STRAY_CHARACTER), in words, or undefined. */
export function strayCharacterOf(value: string): string | undefined {
  const found = STRAY_CHARACTER.exec(value);
  if (!found) return undefined;
  const code = found[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = STRAY_NAMES[code] ?? (DASH.test(found[0]) ? 'dash' : 'hidden character');
  return `a ${name} (${hex}) at character ${found.index + 1}`;
}

/** The value with each stray character written out as its code ("ann@x.com[U+200B]"), to be seen. */
export function showStrayCharacters(value: string): string {
  return value.replace(
    STRAY_CHARACTERS,
    (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/** The value with its stray characters gone: a dash becomes a hyphen, the others are removed. */
export function withoutStrayCharacters(value: string): string {
  return value.replace(STRAY_CHARACTERS, (c) => (DASH.test(c) ? '-' : ''));
}

/**
 * What the address was most likely meant to be, with its stray characters gone; undefined when
 * a space stands between two characters (`john\u00a0smith@…`: a dot, a hyphen, nothing? Only
 * the person can say).
 */
export function withoutStrayCharactersIfClear(value: string): string | undefined {
  return SPACE_INSIDE.test(value) ? undefined : withoutStrayCharacters(value);
}

/**
 * Whether lower-casing would change the value. Plain ASCII (almost every email and number) is
 * decided by its character codes with no allocation; anything else asks `toLowerCase` itself.
 */
export function hasUpperCase(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c >= 128) return value.toLowerCase() !== value;
  }
  return false;
}
