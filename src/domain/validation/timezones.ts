/**
 * Time zones as Whispir takes them (Part A §7): an offset `+NN` / `-NN`, `+NN:MM` for zones
 * that are not whole hours, or an IANA name such as `Australia/Melbourne`.
 *
 * Canonical form of a fix: `+NN` for whole hours (`UTC+10` → `+10`) and `+NN:MM` otherwise
 * (`UTC+5:30` → `+05:30`), the shortest spelling Part A allows. `+10:00` is already acceptable
 * and is left alone.
 */

export type TimezoneCheck =
  | { readonly kind: 'valid' }
  | { readonly kind: 'fixable'; readonly value: string }
  | { readonly kind: 'invalid' };

const VALID: TimezoneCheck = { kind: 'valid' };
const INVALID: TimezoneCheck = { kind: 'invalid' };

const CANONICAL_OFFSET = /^[+-](\d{2})(?::(\d{2}))?$/;
// Loose spellings people use: "UTC+10", "GMT +5:30", "+1000", "+5", "10" (Excel drops the
// plus of "+10"), a typographic minus, "UTC+10h".
const LOOSE_OFFSET =
  /^(?:(?:utc|gmt|ut)\s*)?([+\-\u2212\u2013])?\s*(\d{1,2})(?:[:.h]?(\d{2}))?h?$/i;
const UTC_ONLY = /^(?:utc|gmt|ut|z|zulu)$/i;

const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

function offsetInRange(sign: string, hours: number, minutes: number): boolean {
  if (minutes !== 0 && minutes !== 30 && minutes !== 45) return false;
  const total = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  return total >= MIN_OFFSET_MINUTES && total <= MAX_OFFSET_MINUTES;
}

/** `+10`, `-03:30`, `+05:45`: the canonical spelling of an offset. */
export function formatOffset(sign: '+' | '-', hours: number, minutes: number): string {
  const hh = String(hours).padStart(2, '0');
  return minutes === 0 ? `${sign}${hh}` : `${sign}${hh}:${String(minutes).padStart(2, '0')}`;
}

function checkOffset(value: string): TimezoneCheck | undefined {
  const canonical = CANONICAL_OFFSET.exec(value);
  if (canonical) {
    const sign = value[0] === '-' ? '-' : '+';
    const ok = offsetInRange(sign, Number(canonical[1]), Number(canonical[2] ?? 0));
    return ok ? VALID : INVALID;
  }
  if (UTC_ONLY.test(value)) return { kind: 'fixable', value: '+00' };
  const loose = LOOSE_OFFSET.exec(value);
  if (!loose) return undefined;
  const sign = loose[1] && loose[1] !== '+' ? '-' : '+';
  const hours = Number(loose[2]);
  const minutes = Number(loose[3] ?? 0);
  if (!offsetInRange(sign, hours, minutes)) return INVALID;
  return { kind: 'fixable', value: formatOffset(sign, hours, minutes) };
}

// ICU's list, folded to lower case so "australia/melbourne" can be offered its right spelling.
// Node 20's ICU lists some legacy names (Asia/Calcutta) and not their successors (Asia/Kolkata);
// the Intl.DateTimeFormat fallback below accepts both.
const ZONES_BY_LOWER: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const supportedValuesOf = (Intl as { supportedValuesOf?: (key: string) => string[] })
    .supportedValuesOf;
  if (typeof supportedValuesOf !== 'function') return map;
  try {
    for (const zone of supportedValuesOf('timeZone')) map.set(zone.toLowerCase(), zone);
  } catch {
    // An engine without the list still has the DateTimeFormat check.
  }
  return map;
})();

function isKnownToIntl(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// "america/new_york" → "America/New_York": the usual IANA capitalisation, tried when the
// engine knows the zone but its list does not contain that spelling.
function capitaliseZone(zone: string): string {
  return zone.toLowerCase().replace(/(^|[/_-])(\p{L})/gu, (_, sep: string, ch: string) => {
    return sep + ch.toUpperCase();
  });
}

function checkZoneName(value: string): TimezoneCheck {
  // Whispir documents Country/City names; bare abbreviations like "EST" or "AEST" are ambiguous
  // (and change with daylight saving), so they are not accepted even where the engine would be.
  if (!value.includes('/')) return INVALID;
  const listed = ZONES_BY_LOWER.get(value.toLowerCase());
  if (listed) return listed === value ? VALID : { kind: 'fixable', value: listed };
  if (!isKnownToIntl(value)) return INVALID;
  // Mixed case is someone's deliberate spelling (US/Eastern); only all-lower or all-upper
  // values get the usual capitalisation offered.
  if (value !== value.toLowerCase() && value !== value.toUpperCase()) return VALID;
  const capitalised = capitaliseZone(value);
  return isKnownToIntl(capitalised) ? { kind: 'fixable', value: capitalised } : VALID;
}

// Time zone columns repeat a handful of values, so each distinct value is checked once.
const CACHE = new Map<string, TimezoneCheck>();
const CACHE_LIMIT = 10_000;

/** Whether a trimmed, non-empty time zone cell is usable, fixable or unusable. */
export function checkTimezone(value: string): TimezoneCheck {
  const cached = CACHE.get(value);
  if (cached) return cached;
  const result = checkOffset(value) ?? checkZoneName(value);
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(value, result);
  return result;
}
