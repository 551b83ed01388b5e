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
  return value.length <= 254 && EMAIL.test(value) && value.indexOf('@') <= 64;
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
