/**
 * Where a contact is, as its address fields say, and what that tells of a time zone written as
 * "GMT". Shared by the row check, the normalisers and the values panel.
 */
import type { ContactRow } from './problems';
import { proposeTimezone } from './timezone-proposals';

/** Zones whose winter time is GMT and whose summer time is not. */
const GMT_IN_WINTER = new Set(['Europe/London', 'Europe/Dublin']);

/** The fields that say where a contact is, first filled first (see `placeOf`). */
export const PLACE_FIELDS = {
  state: ['workState', 'personalState', 'workPostalState'],
  city: ['workSuburb', 'personalSuburb', 'workPostalSuburb'],
  country: ['workCountry', 'personalCountry', 'workPostalCountry'],
} as const;

/** Where a contact is, as its state, city and country fields say. */
export function placeOf(value: (field: string) => string | undefined): {
  state?: string;
  city?: string;
  country?: string;
} {
  const pick = (fields: readonly string[]) =>
    fields.map((field) => value(field)?.trim()).find((v) => v !== undefined && v !== '');
  const place: { state?: string; city?: string; country?: string } = {};
  for (const key of ['state', 'city', 'country'] as const) {
    const found = pick(PLACE_FIELDS[key]);
    if (found !== undefined) place[key] = found;
  }
  return place;
}

/**
 * "GMT" on a row in the United Kingdom or Ireland: their zone, which keeps its summer time
 * (the offset +00 does not). Undefined for any other value or place.
 */
export function gmtZone(text: string, contact: ContactRow): string | undefined {
  return gmtZoneAt(
    text,
    placeOf((name) => contact[name]),
  );
}

/** `gmtZone` for a place already read from a row. */
export function gmtZoneAt(
  text: string,
  place: { state?: string; city?: string; country?: string },
): string | undefined {
  if (!/^gmt$/i.test(text.trim()) || place.country === undefined) return undefined;
  const zone = proposeTimezone({ ...place, timezoneText: 'GMT' })?.zone;
  return zone !== undefined && GMT_IN_WINTER.has(zone) ? zone : undefined;
}
