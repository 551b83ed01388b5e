/**
 * Normalisers: each takes a cell and its row and returns the value Whispir wants, or undefined
 * when there is nothing to change (or no safe change). They never run by themselves: the
 * validator offers their results as fixes, and the user decides.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { FieldFormat } from '../whispir/contact-fields';
import { proposeStatus } from './coded-values';
import { findCountry } from './countries';
import { checkPhone, toPhoneRegion } from './phones';
import type { ContactRow } from './problems';
import { trimmed } from './text';
import { gmtZone } from './place';
import { checkTimezone } from './timezones';

export type Normaliser = (value: string, contact: ContactRow) => string | undefined;

/** The phone region of a country cell (a name, alias or ISO code), if it names one. */
export function phoneRegionOf(country: string | undefined): CountryCode | undefined {
  if (country === undefined || country === '') return undefined;
  const cached = REGIONS.get(country);
  if (cached !== undefined) return cached ?? undefined;
  const region = toPhoneRegion(findCountry(country)?.country.iso2);
  if (REGIONS.size >= REGIONS_LIMIT) REGIONS.clear();
  REGIONS.set(country, region ?? null);
  return region;
}

// Asked for every row with a phone; a country column repeats a few values (asking the phone
// library whether it knows the region cost ~0.15 µs a row, a fifth of the phone check).
const REGIONS = new Map<string, CountryCode | null>();
const REGIONS_LIMIT = 10_000;

const changed = (before: string, after: string): string | undefined =>
  after === before ? undefined : after;

/** Leading and trailing spaces removed. */
export const trimValue: Normaliser = (value) => changed(value, trimmed(value));

/** Trimmed and lower-cased (Whispir matches emails case-insensitively; see Part A §8). */
export const normaliseEmail: Normaliser = (value) => changed(value, trimmed(value).toLowerCase());

/**
 * Digits with the country code (`0412 345 678` in an Australian row → `61412345678`), using
 * the row's `workCountry` for local numbers.
 */
export const normalisePhone: Normaliser = (value, contact) => {
  const text = trimmed(value);
  if (text === '') return changed(value, text);
  const result = checkPhone(text, phoneRegionOf(contact.workCountry));
  if (result.kind === 'fixable') return result.value;
  return result.kind === 'valid' ? changed(value, text) : undefined;
};

/** The country's name for an ISO code, alias or differently written name (`NZL` → `New Zealand`). */
export const normaliseCountry: Normaliser = (value) => {
  const text = trimmed(value);
  const found = text === '' ? undefined : findCountry(text);
  return changed(value, found ? found.country.name : text);
};

/** Offsets as `+NN` or `+NN:MM` (`UTC+10` → `+10`, `UTC+5:30` → `+05:30`); IANA names in their usual case. */
export const normaliseTimezone: Normaliser = (value, contact) => {
  const text = trimmed(value);
  if (text === '') return changed(value, text);
  const result = checkTimezone(text);
  const fixed = result.kind === 'fixable' ? (gmtZone(text, contact) ?? result.value) : text;
  return changed(value, fixed);
};

/** Whispir's status letter for the words people use (`Active` → `A`, `inactive` → `D`). */
export const normaliseStatus: Normaliser = (value) => {
  const text = trimmed(value);
  return changed(value, (text && proposeStatus(text)) || text);
};

/** The normaliser for each catalogue format. */
export const NORMALISERS: Readonly<Record<FieldFormat, Normaliser>> = {
  text: trimValue,
  postcode: trimValue,
  email: normaliseEmail,
  phone: normalisePhone,
  country: normaliseCountry,
  timezone: normaliseTimezone,
  status: normaliseStatus,
};
