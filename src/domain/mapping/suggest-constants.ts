/**
 * Values offered when the user sets one value for every row of a column the file lacks (Part A
 * §5: a default country or time zone). Whispir's customers are mostly in Australia and New
 * Zealand, then Singapore and the UK, so those come first; the user may still type anything.
 */
import { findContactField } from '../whispir/contact-fields';
import { findCountry } from '../validation/countries';

const COUNTRY_SUGGESTIONS = [
  'Australia',
  'New Zealand',
  'Singapore',
  'United Kingdom',
  'United States',
  'Canada',
  'Ireland',
  'India',
  'Philippines',
  'Malaysia',
  'Hong Kong',
  'South Africa',
] as const;

// Per country, its zones by population; an offset last, because Whispir accepts both (Part A §7)
// and an offset does not follow daylight saving.
const ZONES_BY_COUNTRY: Readonly<Record<string, readonly string[]>> = {
  AU: [
    'Australia/Sydney',
    'Australia/Melbourne',
    'Australia/Brisbane',
    'Australia/Perth',
    'Australia/Adelaide',
    'Australia/Hobart',
    'Australia/Darwin',
    '+10',
  ],
  NZ: ['Pacific/Auckland', 'Pacific/Chatham', '+12'],
  SG: ['Asia/Singapore', '+08'],
  GB: ['Europe/London', '+00'],
  US: [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
  ],
  CA: ['America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg'],
  IE: ['Europe/Dublin'],
  IN: ['Asia/Kolkata', '+05:30'],
  PH: ['Asia/Manila', '+08'],
  MY: ['Asia/Kuala_Lumpur', '+08'],
  HK: ['Asia/Hong_Kong', '+08'],
  ZA: ['Africa/Johannesburg', '+02'],
};

const TIMEZONE_SUGGESTIONS = [
  'Australia/Sydney',
  'Australia/Melbourne',
  'Australia/Brisbane',
  'Australia/Adelaide',
  'Australia/Perth',
  'Australia/Darwin',
  'Australia/Hobart',
  '+10',
  'Pacific/Auckland',
  'Asia/Singapore',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
] as const;

export interface ConstantContext {
  /** The country the user set or most rows have; its time zones are offered first. */
  readonly country?: string;
}

/**
 * Suggested values for "one value for every row" of `field`: countries for a country field, time
 * zones for the time zone (those of `context.country` first), `A`/`D` for status; none for free
 * text, where any suggestion would be a guess.
 */
export function suggestConstants(field: string, context: ConstantContext = {}): string[] {
  if (field === 'status') return ['A', 'D'];
  const format = findContactField(field)?.format;
  if (format === 'country') return [...COUNTRY_SUGGESTIONS];
  if (format !== 'timezone') return [];
  const iso2 =
    context.country === undefined ? undefined : findCountry(context.country)?.country.iso2;
  const first = iso2 === undefined ? [] : (ZONES_BY_COUNTRY[iso2] ?? []);
  return [...new Set([...first, ...TIMEZONE_SUGGESTIONS])];
}
