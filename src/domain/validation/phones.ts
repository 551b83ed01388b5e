/**
 * Phone numbers as Whispir wants them (Part A §7): digits only, country code first, no `+`
 * (`61423456789`). Parsing uses libphonenumber-js with its default (min) metadata.
 *
 * libphonenumber costs 10–30 µs a number, too slow for a million rows, so the shapes most files
 * use are decided from the row country's metadata alone (`checkWithPlan`): Whispir's form,
 * "+" and digits, "0" + national number, and bare national numbers where that is the custom.
 * Everything else goes through the library. A property test holds the shortcuts to the
 * library's answers.
 *
 * "Plausible" is the standard throughout: the number is valid to libphonenumber, or has a
 * possible length and matches its country's national number pattern. The second half accepts
 * numbers the library's type tables reject but that exist as ranges, such as the UK's drama
 * range 07700 900xxx that test data is full of.
 */
import {
  Metadata,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js';

export type PhoneCheck =
  | { readonly kind: 'valid' }
  | {
      readonly kind: 'fixable';
      readonly value: string;
      /** `country-code`: the country code was added (or a national prefix dropped); `format`: only symbols removed. */
      readonly reason: 'country-code' | 'format';
      /** An extension written after the number ("x123"), which Whispir cannot keep: left out of `value`. */
      readonly extension?: string;
    }
  | {
      readonly kind: 'invalid';
      /** `no-country`: looks like a local number but the row gives no country to complete it. */
      readonly reason: 'no-country' | 'invalid';
    };

const VALID: PhoneCheck = { kind: 'valid' };

interface RegionPlan {
  readonly callingCode: string;
  /** Set where a local number is exactly "0" + national number (see LOCAL_ZERO_REGIONS). */
  readonly dropsLeadingZero: boolean;
  /** Set where people write the national number with no prefix (see NATIONAL_FIRST_REGIONS). */
  readonly nationalFirst: boolean;
  /** The country's international prefix (NZ: 00 or 0161), which a local number cannot start with. */
  readonly internationalPrefix: RegExp | undefined;
  readonly lengths: readonly number[];
  readonly pattern: RegExp | undefined;
  /** The calling code, then `pattern`: a number in Whispir's form, tested with no string cut. */
  readonly whispirPattern: RegExp | undefined;
}

// Countries whose local numbers are "0" + the national number, with no other prefix rules
// that apply to a number starting with 0 (Italy keeps its 0; Argentina rewrites mobiles;
// Japan's 010 is its international prefix).
// phones.test.ts checks the shortcut against libphonenumber for each of them.
export const LOCAL_ZERO_REGIONS: ReadonlySet<string> = new Set(
  'AU NZ GB IE DE AT CH FR BE NL SE IN ZA PH MY'.split(' '),
);

// Countries whose numbers are written as the bare national number, no trunk prefix: the North
// American plan (every +1 region, added below) and these. Bare digits in such a row are read
// as a national number before being tried as an international one.
export const NATIONAL_FIRST_REGIONS: ReadonlySet<string> = new Set(
  'SG HK MO DK NO ES PT IT GR IS LU MT CY QA BH KW OM'.split(' '),
);

const PLANS = new Map<string, RegionPlan | null>();

function planFor(region: string): RegionPlan | null {
  const cached = PLANS.get(region);
  if (cached !== undefined) return cached;
  let plan: RegionPlan | null = null;
  if (isSupportedCountry(region)) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(region);
    const numbering = metadata.numberingPlan;
    // nationalNumberPattern() is in the library's metadata class but not its typings; should a
    // release drop it, every number simply goes through the library.
    const source = (
      numbering as unknown as { nationalNumberPattern?: () => string } | undefined
    )?.nationalNumberPattern?.();
    plan = {
      callingCode: getCountryCallingCode(region),
      dropsLeadingZero: LOCAL_ZERO_REGIONS.has(region),
      nationalFirst: NATIONAL_FIRST_REGIONS.has(region) || getCountryCallingCode(region) === '1',
      internationalPrefix: numbering ? new RegExp(`^(?:${numbering.IDDPrefix()})`) : undefined,
      lengths: numbering?.possibleLengths() ?? [],
      pattern: source ? new RegExp(`^(?:${source})$`) : undefined,
      whispirPattern: source
        ? new RegExp(`^${getCountryCallingCode(region)}(?:${source})$`)
        : undefined,
    };
  }
  PLANS.set(region, plan);
  return plan;
}

// Below this, a number that matches only the broad national pattern is more likely a typo
// than one of the short service numbers the pattern allows (Australia's 13 xx xx).
const MIN_PLAUSIBLE_NATIONAL_LENGTH = 7;

function isPlausibleNational(plan: RegionPlan, national: string): boolean {
  return (
    national.length >= MIN_PLAUSIBLE_NATIONAL_LENGTH &&
    plan.lengths.includes(national.length) &&
    plan.pattern !== undefined &&
    plan.pattern.test(national)
  );
}

// `rowPlan` counts too: libphonenumber may file a UK number under the Isle of Man (01624) and
// then find it invalid there, while it is plausible for the row's own country.
function isPlausible(number: PhoneNumber, rowPlan: RegionPlan | null): boolean {
  if (number.isValid()) return true;
  const plan = number.country ? planFor(number.country) : null;
  if (plan !== null && isPlausibleNational(plan, number.nationalNumber)) return true;
  return (
    rowPlan !== null &&
    rowPlan.callingCode === number.countryCallingCode &&
    isPlausibleNational(rowPlan, number.nationalNumber)
  );
}

function isAllDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const FORMATTING = /[\s().\-/\u00a0\u2010-\u2015]/g;
// What people write before and after a number: "Mob:", "Work Phone:", "Office" … "(home)", "(w)".
const PHONE_LABEL = /^[A-Za-z][A-Za-z .]{0,20}:\s*|^[A-Za-z]{1,12}\.?\s+/;
const PHONE_NOTE = /\s*\([^)]{0,20}\)\s*$/;
// Numbers that are no phone's: a PO box, a business or tax number, a date.
const NOT_A_NUMBER =
  /^\s*(?:(?:p\.?\s?o\.?\s+)?box\s*\d|(?:abn|acn|gst|tfn|tax|vat|id|ref)\b\s*(?:no\.?|#|:)?\s*\d)|^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\s*$/i;
/** Between the numbers of a cell holding several ("0412 345 678 / 0413 111 222", " ::: "). */
export const PHONE_SEPARATORS = /\s*(?::::|[;,|\n]|\s\/\s| or )\s*/i;

/** A number with its label and note taken off: 6 to 15 digits, not an international "00". */
function isLocalDigits(part: string): boolean {
  const digits = part
    .trim()
    .replace(PHONE_LABEL, '')
    .replace(PHONE_NOTE, '')
    .replace(FORMATTING, '');
  return /^\d{6,15}$/.test(digits) && !digits.startsWith('00');
}
const NON_DIGITS = /\D/g;

/** The libphonenumber region for an ISO alpha-2 code, if the library knows it. */
export function toPhoneRegion(iso2: string | undefined): CountryCode | undefined {
  return iso2 !== undefined && isSupportedCountry(iso2) ? iso2 : undefined;
}

const fixable = (value: string, reason: 'country-code' | 'format'): PhoneCheck => ({
  kind: 'fixable',
  value,
  reason,
});

/**
 * Whether a trimmed, non-empty phone cell is in Whispir's form, can be put into it (using
 * `region`, the row's country, for local numbers), or cannot.
 */
export function checkPhone(
  value: string,
  region: CountryCode | undefined,
  /** Off only in tests, to compare the shortcuts with the library. */
  shortcuts = true,
): PhoneCheck {
  const plan = region ? planFor(region) : null;
  const digitsOnly = isAllDigits(value);
  const compact = digitsOnly ? value : value.replace(FORMATTING, '');
  if (shortcuts && plan) {
    const quick = checkWithPlan(compact, digitsOnly, plan);
    if (quick) return quick;
  }
  return checkWithLibrary(value, compact, digitsOnly, region, plan);
}

/**
 * Whether `value` is already in Whispir's form for `region` by the first shortcut below (digits
 * only, the region's calling code, then a plausible national number), so `checkPhone` gives
 * `valid`. Nothing is allocated: the review asks this of every phone of a million rows, and
 * leaves the others to `checkPhone`. False says nothing about the number.
 */
export function isWhispirFormFor(value: string, region: CountryCode | undefined): boolean {
  const plan = region ? planFor(region) : null;
  if (plan === null || plan.whispirPattern === undefined) return false;
  const national = value.length - plan.callingCode.length;
  return (
    national >= MIN_PLAUSIBLE_NATIONAL_LENGTH &&
    value.charCodeAt(0) !== 48 /* 0 */ &&
    isAllDigits(value) &&
    value.startsWith(plan.callingCode) &&
    plan.lengths.includes(national) &&
    plan.whispirPattern.test(value)
  );
}

/**
 * The common shapes, decided from the row country's metadata alone: Whispir form, the same
 * with spaces or a "+", "0" + national number, and national numbers written without a prefix.
 * Undefined when the value needs the library.
 */
function checkWithPlan(
  compact: string,
  digitsOnly: boolean,
  plan: RegionPlan,
): PhoneCheck | undefined {
  const plus = compact.charCodeAt(0) === 43; /* + */
  const digits = plus ? compact.slice(1) : compact;
  if (!isAllDigits(digits)) return undefined;
  const first = digits.charCodeAt(0);
  const cc = plan.callingCode;
  // Bare digits or "+" and digits starting with the row's calling code. Spaced digits without
  // a "+" ("49 30 1234567") are as likely a national number and go to the library.
  if (
    (digitsOnly || plus) &&
    first !== 48 &&
    digits.startsWith(cc) &&
    isPlausibleNational(plan, digits.slice(cc.length))
  ) {
    return digitsOnly ? VALID : fixable(digits, 'format');
  }
  if (plus) return undefined;
  if (
    first === 48 &&
    plan.dropsLeadingZero &&
    !plan.internationalPrefix?.test(digits) &&
    isPlausibleNational(plan, digits.slice(1))
  ) {
    return fixable(cc + digits.slice(1), 'country-code');
  }
  if (first !== 48 && plan.nationalFirst && isPlausibleNational(plan, digits)) {
    return fixable(cc + digits, 'country-code');
  }
  return undefined;
}

function checkWithLibrary(
  value: string,
  compact: string,
  digitsOnly: boolean,
  region: CountryCode | undefined,
  plan: RegionPlan | null,
): PhoneCheck {
  if (digitsOnly && value.charCodeAt(0) !== 48 /* 0 */) {
    // Bare digits are first read as Whispir's form for the row's own country. Where people
    // write national numbers without a prefix (415 555 0132), they are next read as one;
    // only then as Whispir's form for another country.
    const international = parsePhoneNumberFromString(`+${value}`);
    const isInternational = international !== undefined && isPlausible(international, plan);
    if (
      isInternational &&
      (!plan?.nationalFirst || international.countryCallingCode === plan.callingCode)
    ) {
      return asWritten(international, value);
    }
    if (plan?.nationalFirst) {
      const national = parsePhoneNumberFromString(value, region);
      if (national && isPlausible(national, plan)) {
        const whispir = national.countryCallingCode + national.nationalNumber;
        return whispir === value ? VALID : fixable(whispir, 'country-code');
      }
    }
    if (isInternational) return asWritten(international, value);
    // Otherwise it may be a local number whose leading 0 a spreadsheet dropped: go on.
  }

  let parsed: PhoneNumber | undefined;
  // "00" is the international prefix almost everywhere; libphonenumber only knows the row
  // country's own prefix (0011 in Australia), so try the common one first.
  if (compact.startsWith('00')) {
    parsed = parsePhoneNumberFromString(`+${compact.slice(2)}`);
  }
  if (!parsed || !isPlausible(parsed, plan)) {
    parsed = parsePhoneNumberFromString(value, region ? { defaultCountry: region } : undefined);
  }
  if (parsed && isPlausible(parsed, plan)) {
    const whispir = parsed.countryCallingCode + parsed.nationalNumber;
    if (whispir === value) return VALID;
    const hadCountryCode =
      compact.startsWith('+') ||
      compact.startsWith('00') ||
      compact.replace(NON_DIGITS, '') === whispir;
    const reason = hadCountryCode ? 'format' : 'country-code';
    return parsed.ext
      ? { kind: 'fixable', value: whispir, reason, extension: parsed.ext }
      : fixable(whispir, reason);
  }
  // With no country on the row, anything not written with a country code may be a local
  // number (412345678 is an Australian mobile whose 0 a spreadsheet dropped): say so, rather
  // than call it no number at all.
  // (A label or a note around the digits, "Mob: 0412 345 678 (home)", is for the fix to drop
  // once the country is known. A date, a PO box or an ABN is no number to complete.)
  // The whole cell first ("03/9876 5432" is one number); then each of several numbers.
  const parts = value
    .replace(PHONE_NOTE, '')
    .split(PHONE_SEPARATORS)
    .filter((part) => part.trim() !== '');
  const looksLocal =
    !NOT_A_NUMBER.test(value) &&
    (isLocalDigits(value) || (parts.length > 0 && parts.every(isLocalDigits)));
  return { kind: 'invalid', reason: !plan && looksLocal ? 'no-country' : 'invalid' };
}

/**
 * Digits that read as a number with its country code: valid as they stand, or put in Whispir's
 * form when they carry a trunk 0 after the country code (610412345678, as `="61"&A2` makes).
 */
function asWritten(number: PhoneNumber, value: string): PhoneCheck {
  const whispir = number.countryCallingCode + number.nationalNumber;
  return whispir === value ? VALID : fixable(whispir, 'format');
}
