/**
 * What a column's sample values look like: email addresses, phone numbers, countries or time
 * zones. Used to suggest a field for a column whose header means nothing ("Contact"), and to warn
 * when a column's content does not fit the field it is mapped to (the seed page maps the mobile
 * to the email column).
 */
import { findContactField, type FieldFormat } from '../whispir/contact-fields';
import { findCountry } from '../validation/countries';

export type ValueKind = 'email' | 'phone' | 'country' | 'timezone';

export interface ColumnProfile {
  /** The kind most values share, if at least `SNIFF_THRESHOLD` of the non-empty ones do. */
  readonly kind?: ValueKind;
  /** How many non-empty samples are of each kind. */
  readonly counts: Readonly<Record<ValueKind, number>>;
  /** Non-empty samples looked at. */
  readonly total: number;
}

/** Share of non-empty samples that must agree before a column is said to hold a kind. */
export const SNIFF_THRESHOLD = 0.8;

/** Share of non-empty samples that must fit a field's format for the mapping not to be flagged. */
export const FIT_THRESHOLD = 0.5;

const KINDS: readonly ValueKind[] = ['email', 'phone', 'timezone', 'country'];

export const KIND_NOUNS: Readonly<Record<ValueKind, string>> = {
  email: 'email addresses',
  phone: 'phone numbers',
  country: 'country names',
  timezone: 'time zones',
};

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;
const PHONE_CHARS = /^\+?[\d\s().\-/]+$/;
// Dates are digits and separators too: "2024-01-15" and "15/01/2024" have eight digits.
const DATE_LIKE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
const OFFSET = /^(?:(?:UTC|GMT)\s*)?([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i;
const WINDOWS_ZONE = /^\((?:UTC|GMT)(?:[+-]\d{1,2}:\d{2})?\)\s*\S/i;
const IANA =
  /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)(?:\/[A-Za-z0-9_+-]+){1,2}$/i;

export function looksLikeEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** Digits with optional +, spaces, dashes, dots, brackets; 8 to 15 digits (E.164 allows 15). */
export function looksLikePhone(value: string): boolean {
  const trimmed = value.trim();
  if (!PHONE_CHARS.test(trimmed) || DATE_LIKE.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
}

/** An offset ("+10", "-05:30", "UTC+10"), "UTC"/"GMT", or an IANA name ("Australia/Sydney"). */
export function looksLikeTimezone(value: string): boolean {
  const trimmed = value.trim();
  if (/^(UTC|GMT|Z)$/i.test(trimmed)) return true;
  if (IANA.test(trimmed) || WINDOWS_ZONE.test(trimmed)) return true;
  const offset = OFFSET.exec(trimmed);
  if (!offset) return false;
  const hours = Number(offset[2]);
  const minutes = offset[3] === undefined ? 0 : Number(offset[3]);
  return hours <= 14 && [0, 30, 45].includes(minutes);
}

/**
 * A country name or alias in any case, or an upper-case code ("AU", "GBR", "UK"). Validation
 * accepts codes in any case; a sniffer must not, or a column of "no"/"yes" looks like Norway.
 */
export function looksLikeCountry(value: string): boolean {
  const match = findCountry(value);
  if (match === undefined) return false;
  const trimmed = value.trim();
  return match.kind !== 'code' || trimmed === trimmed.toUpperCase();
}

const TESTS: Readonly<Record<ValueKind, (value: string) => boolean>> = {
  email: looksLikeEmail,
  phone: looksLikePhone,
  country: looksLikeCountry,
  timezone: looksLikeTimezone,
};

/** Counts what the non-empty samples look like and names the kind most of them share. */
export function profileColumn(samples: readonly string[]): ColumnProfile {
  const values = samples.map((sample) => sample.trim()).filter((sample) => sample.length > 0);
  const counts: Record<ValueKind, number> = { email: 0, phone: 0, country: 0, timezone: 0 };
  for (const value of values) {
    for (const kind of KINDS) if (TESTS[kind](value)) counts[kind] += 1;
  }
  let kind: ValueKind | undefined;
  for (const candidate of KINDS) {
    const count = counts[candidate];
    if (values.length > 0 && count / values.length >= SNIFF_THRESHOLD) {
      if (kind === undefined || count > counts[kind]) kind = candidate;
    }
  }
  return { ...(kind === undefined ? {} : { kind }), counts, total: values.length };
}

const FORMAT_KIND: Partial<Record<FieldFormat, ValueKind>> = {
  email: 'email',
  phone: 'phone',
  country: 'country',
  timezone: 'timezone',
};

export interface ColumnFit {
  readonly fits: boolean;
  /** One sentence for the mapping step, when the column does not fit. */
  readonly message?: string;
}

/**
 * Whether a column's samples fit the field it is mapped to. A phone, email, country or time zone
 * field wants at least half of the non-empty samples in that format; a text field only objects
 * to a column of email addresses or phone numbers. Empty columns and custom fields always fit:
 * there is nothing to judge.
 */
export function checkColumnFit(
  field: string,
  samples: readonly string[],
  columnName?: string,
): ColumnFit {
  return checkProfileFit(field, profileColumn(samples), columnName);
}

/** `checkColumnFit` for a column already profiled (auto-mapping profiles each column once). */
export function checkProfileFit(
  field: string,
  profile: ColumnProfile,
  columnName?: string,
): ColumnFit {
  const contactField = findContactField(field);
  if (!contactField || profile.total === 0) return { fits: true };
  const column = columnName === undefined ? 'This column' : `The column "${columnName}"`;
  const expected = FORMAT_KIND[contactField.format];

  if (expected === undefined) {
    if (profile.kind === 'email' || profile.kind === 'phone') {
      return {
        fits: false,
        message: `${column} holds ${KIND_NOUNS[profile.kind]}, which do not belong in ${contactField.label}.`,
      };
    }
    return { fits: true };
  }

  if (profile.counts[expected] / profile.total >= FIT_THRESHOLD) return { fits: true };
  if (profile.kind !== undefined) {
    return {
      fits: false,
      message: `${column} holds ${KIND_NOUNS[profile.kind]}, not ${KIND_NOUNS[expected]}.`,
    };
  }
  const inColumn = columnName === undefined ? 'in this column' : `in the column "${columnName}"`;
  return {
    fits: false,
    message: `Only ${profile.counts[expected]} of ${profile.total} values ${inColumn} look like ${KIND_NOUNS[expected]}.`,
  };
}
