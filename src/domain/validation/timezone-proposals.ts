/**
 * A time zone for a row that has none (or one Whispir cannot take, like "AEST"), proposed from
 * what the row does have: the time zone cell read as an abbreviation or a city, the state, the
 * city, the country, and last the mobile number's country. Whispir requires a time zone on every
 * contact (docs/whispir-api.md §A6) and almost no spreadsheet has one.
 *
 * A proposal is always an IANA name Whispir takes (§A7). A country with one zone (or one zone
 * that nearly everyone lives in, like New Zealand's) gets it; a country with several (Australia,
 * the United States, Canada…) needs a state or a city, or gets no proposal.
 */
import { rawTimeZones } from '@vvo/tzdb';
import { countryLookupKey, findCountry } from './countries';

/** Where a proposal came from, in the words the review step shows ("Time zone from State"). */
export type ZoneSource = 'time zone' | 'state' | 'city' | 'country' | 'mobile';

export interface ZoneProposal {
  readonly zone: string;
  readonly source: ZoneSource;
  /** The value the proposal was read from: "NSW", "Sydney", "AEST", "New Zealand", "NZ". */
  readonly basis: string;
}

/** What a row says about where the person is; every field optional, as raw as the file has it. */
export interface PlaceEvidence {
  /** The time zone cell when it is not a valid value itself (e.g. "AEST", "Sydney"). */
  readonly timezoneText?: string;
  readonly state?: string;
  readonly city?: string;
  /** The country cell (a name, alias or ISO code). */
  readonly country?: string;
  /** The ISO region of the row's mobile number, from the phone library. */
  readonly mobileRegion?: string;
}

// States, territories and provinces of countries with several zones: name and code → zone.
// Split states take the zone most of their people live in.
const SUBDIVISIONS: Readonly<Record<string, string>> = {
  AU: `NSW,New South Wales=Australia/Sydney; ACT,Australian Capital Territory=Australia/Sydney;
    VIC,Victoria=Australia/Melbourne; QLD,Queensland=Australia/Brisbane;
    SA,South Australia=Australia/Adelaide; WA,Western Australia=Australia/Perth;
    TAS,Tasmania=Australia/Hobart; NT,Northern Territory=Australia/Darwin`,
  US: `AL,Alabama=America/Chicago; AK,Alaska=America/Anchorage; AZ,Arizona=America/Phoenix;
    AR,Arkansas=America/Chicago; CA,California=America/Los_Angeles; CO,Colorado=America/Denver;
    CT,Connecticut=America/New_York; DE,Delaware=America/New_York;
    DC,District of Columbia,Washington DC=America/New_York; FL,Florida=America/New_York;
    GA,Georgia=America/New_York; HI,Hawaii=Pacific/Honolulu; ID,Idaho=America/Boise;
    IL,Illinois=America/Chicago; IN,Indiana=America/Indiana/Indianapolis; IA,Iowa=America/Chicago;
    KS,Kansas=America/Chicago; KY,Kentucky=America/New_York; LA,Louisiana=America/Chicago;
    ME,Maine=America/New_York; MD,Maryland=America/New_York; MA,Massachusetts=America/New_York;
    MI,Michigan=America/Detroit; MN,Minnesota=America/Chicago; MS,Mississippi=America/Chicago;
    MO,Missouri=America/Chicago; MT,Montana=America/Denver; NE,Nebraska=America/Chicago;
    NV,Nevada=America/Los_Angeles; NH,New Hampshire=America/New_York;
    NJ,New Jersey=America/New_York; NM,New Mexico=America/Denver; NY,New York=America/New_York;
    NC,North Carolina=America/New_York; ND,North Dakota=America/Chicago; OH,Ohio=America/New_York;
    OK,Oklahoma=America/Chicago; OR,Oregon=America/Los_Angeles; PA,Pennsylvania=America/New_York;
    RI,Rhode Island=America/New_York; SC,South Carolina=America/New_York;
    SD,South Dakota=America/Chicago; TN,Tennessee=America/Chicago; TX,Texas=America/Chicago;
    UT,Utah=America/Denver; VT,Vermont=America/New_York; VA,Virginia=America/New_York;
    WA,Washington=America/Los_Angeles; WV,West Virginia=America/New_York;
    WI,Wisconsin=America/Chicago; WY,Wyoming=America/Denver; PR,Puerto Rico=America/Puerto_Rico`,
  CA: `AB,Alberta=America/Edmonton; BC,British Columbia=America/Vancouver;
    MB,Manitoba=America/Winnipeg; NB,New Brunswick=America/Moncton;
    NL,Newfoundland and Labrador,Newfoundland=America/St_Johns; NS,Nova Scotia=America/Halifax;
    NT,Northwest Territories=America/Yellowknife; NU,Nunavut=America/Iqaluit;
    ON,Ontario=America/Toronto; PE,Prince Edward Island=America/Halifax;
    QC,Quebec,Québec=America/Toronto; SK,Saskatchewan=America/Regina; YT,Yukon=America/Whitehorse`,
  NZ: `Chatham Islands,Chatham=Pacific/Chatham`,
  BR: `SP,São Paulo,Sao Paulo=America/Sao_Paulo; RJ,Rio de Janeiro=America/Sao_Paulo;
    AM,Amazonas=America/Manaus; AC,Acre=America/Rio_Branco`,
  MX: `CDMX,Ciudad de México,Mexico City=America/Mexico_City; BC,Baja California=America/Tijuana;
    SON,Sonora=America/Hermosillo; QR,Quintana Roo=America/Cancun`,
};

/**
 * Countries with several zones where one of them holds nearly everyone: without a state, that
 * one is proposed (a New Zealand row is on Auckland time unless it says Chatham).
 */
const DOMINANT_ZONE: Readonly<Record<string, string>> = {
  NZ: 'Pacific/Auckland',
  ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon',
  EC: 'America/Guayaquil',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  UA: 'Europe/Kyiv',
  PG: 'Pacific/Port_Moresby',
  MN: 'Asia/Ulaanbaatar',
  FM: 'Pacific/Chuuk',
};

/**
 * Abbreviations people type, to the zone they usually mean. Ambiguous ones (IST, CST) take the
 * most common reading; a row's state or country, when it has one, wins over this table
 * (`LOCAL_ABBREVIATIONS`, and no proposal in a country the reading is not of).
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  ACST: 'Australia/Adelaide',
  ACDT: 'Australia/Adelaide',
  AWST: 'Australia/Perth',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
  GMT: 'Europe/London',
  BST: 'Europe/London',
  UTC: 'Etc/UTC',
  WET: 'Europe/Lisbon',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  IST: 'Asia/Kolkata',
  PHT: 'Asia/Manila',
  WIB: 'Asia/Jakarta',
  SAST: 'Africa/Johannesburg',
};

/**
 * What an abbreviation means in a country where the usual reading is wrong: "EST" in Australia
 * is Australian Eastern time, "IST" in Ireland Irish time, "CST" in China China time.
 */
const LOCAL_ABBREVIATIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  AU: {
    EST: 'Australia/Sydney',
    EDT: 'Australia/Sydney',
    CST: 'Australia/Adelaide',
    CDT: 'Australia/Adelaide',
    WST: 'Australia/Perth',
  },
  IE: { IST: 'Europe/Dublin', GMT: 'Europe/Dublin' },
  IL: { IST: 'Asia/Jerusalem', IDT: 'Asia/Jerusalem' },
  BD: { BST: 'Asia/Dhaka' },
  CN: { CST: 'Asia/Shanghai' },
  TW: { CST: 'Asia/Taipei' },
  CU: { CST: 'America/Havana', CDT: 'America/Havana' },
  PK: { PKT: 'Asia/Karachi' },
};

const key = (text: string) => countryLookupKey(text);

/** "Australia" → { "nsw": zone, "new south wales": zone, … } */
const SUBDIVISION_ZONES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  Object.entries(SUBDIVISIONS).map(([iso2, table]) => [
    iso2,
    new Map(
      table.split(';').flatMap((entry) => {
        const [names = '', zone = ''] = entry.split('=');
        return names.split(',').map((name) => [key(name), zone.trim()] as const);
      }),
    ),
  ]),
);

interface ZoneInfo {
  readonly zone: string;
  readonly iso2: string;
}

/** Every country's zones, from the tz database (group leaders, as the data names them). */
const ZONES_BY_COUNTRY: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const zone of rawTimeZones) {
    const list = map.get(zone.countryCode) ?? [];
    list.push(zone.name);
    map.set(zone.countryCode, list);
  }
  return map;
})();

/** The engine's current zone names; the data's groups also hold old links like Australia/NSW. */
const CURRENT_ZONES: ReadonlySet<string> = (() => {
  const supportedValuesOf = (Intl as { supportedValuesOf?: (key: string) => string[] })
    .supportedValuesOf;
  try {
    return new Set(supportedValuesOf?.('timeZone') ?? []);
  } catch {
    return new Set<string>();
  }
})();

/** City (a zone's own city, its group's and its main cities) → zones, with their country. */
const ZONES_BY_CITY: ReadonlyMap<string, readonly ZoneInfo[]> = (() => {
  const map = new Map<string, ZoneInfo[]>();
  const add = (city: string, info: ZoneInfo) => {
    const list = map.get(key(city)) ?? [];
    if (!list.some((known) => known.zone === info.zone)) list.push(info);
    map.set(key(city), list);
  };
  for (const zone of rawTimeZones) {
    const info = { zone: zone.name, iso2: zone.countryCode };
    for (const name of zone.group) {
      const city = name.split('/').pop()?.replace(/_/g, ' ');
      // A group member's own city names its own zone ("Melbourne" → Australia/Melbourne).
      if (city && name.includes('/') && (CURRENT_ZONES.size === 0 || CURRENT_ZONES.has(name)))
        add(city, { zone: name, iso2: zone.countryCode });
    }
    for (const city of zone.mainCities) add(city, info);
  }
  return map;
})();

function countryIso2(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  return findCountry(value)?.country.iso2;
}

/** A country's only zone, or the one nearly all its people live in. */
export function countryZone(iso2: string): string | undefined {
  const zones = ZONES_BY_COUNTRY.get(iso2);
  if (zones?.length === 1) return zones[0];
  return DOMINANT_ZONE[iso2];
}

/**
 * For a row whose country has several time zones and that says nothing more: the country's name
 * and its zone with the most places, to name in the message that asks the person to choose.
 */
export function severalZonesOf(
  countryText: string | undefined,
): { readonly country: string; readonly example: string } | undefined {
  const found = countryText?.trim() ? findCountry(countryText) : undefined;
  const iso2 = found?.country.iso2;
  if (!found || !iso2 || countryZone(iso2)) return undefined;
  let example: (typeof rawTimeZones)[number] | undefined;
  for (const entry of rawTimeZones)
    if (entry.countryCode === iso2 && (!example || entry.group.length > example.group.length))
      example = entry;
  return example && { country: found.country.name, example: example.name };
}

function fromState(state: string, iso2: string | undefined): string | undefined {
  const wanted = key(state);
  if (iso2) return SUBDIVISION_ZONES.get(iso2)?.get(wanted);
  // No country: a state name (not a two-letter code, which several countries share) is enough
  // when only one country has it.
  const found = [...SUBDIVISION_ZONES.values()]
    .map((table) => table.get(wanted))
    .filter((zone): zone is string => zone !== undefined);
  return found.length === 1 && wanted.length > 3 ? found[0] : undefined;
}

function fromCity(city: string, iso2: string | undefined): string | undefined {
  const zones = ZONES_BY_CITY.get(key(city)) ?? [];
  const candidates = iso2 ? zones.filter((zone) => zone.iso2 === iso2) : zones;
  if (candidates.length === 1) return candidates[0]?.zone;
  // "Sydney" is also a town in Nova Scotia: the zone named after the city wins.
  const named = candidates.filter((zone) => key(zone.zone.split('/').pop() ?? '') === key(city));
  return named.length === 1 ? named[0]?.zone : undefined;
}

function fromTimezoneText(
  text: string,
  iso2: string | undefined,
  state: string | undefined,
): string | undefined {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  const abbreviation = (iso2 && LOCAL_ABBREVIATIONS[iso2]?.[upper]) || ABBREVIATIONS[upper];
  if (abbreviation) {
    const country = zoneCountry(abbreviation);
    // "AEST" with "QLD" is Brisbane; with no state, the abbreviation's usual zone.
    const local = state ? fromState(state, iso2 ?? country) : undefined;
    if (local && sameStandardOffset(local, abbreviation)) return local;
    if (!iso2 || iso2 === country || abbreviation === 'Etc/UTC') return abbreviation;
    // The usual reading is another country's ("CET" for a row in Germany): the row's country's
    // zone at the same offset, or nothing ("EST" for a row in Ghana): a zone hours away is
    // worse than none.
    return countryZoneAtOffsetOf(iso2, abbreviation);
  }
  return fromWindowsName(trimmed, iso2) ?? fromCity(trimmed, iso2);
}

/** The country's zone at the zone's standard offset (the one with the most names, if several). */
function countryZoneAtOffsetOf(iso2: string, zone: string): string | undefined {
  const offset = standardOffset(zone);
  let best: (typeof rawTimeZones)[number] | undefined;
  for (const entry of rawTimeZones) {
    if (entry.countryCode !== iso2 || entry.rawOffsetInMinutes !== offset) continue;
    if (!best || entry.group.length > best.group.length) best = entry;
  }
  return best?.name;
}

/** Windows' zones named by region, not by city. */
const WINDOWS_REGIONS: Readonly<Record<string, string>> = {
  'eastern time (us & canada)': 'America/New_York',
  'central time (us & canada)': 'America/Chicago',
  'mountain time (us & canada)': 'America/Denver',
  'pacific time (us & canada)': 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  'atlantic time (canada)': 'America/Halifax',
  'coordinated universal time': 'Etc/UTC',
};

/**
 * A zone as Windows and Outlook show it: "(UTC+10:00) Canberra, Melbourne, Sydney". Its first
 * city that names a zone; else "(UTC)" alone is UTC.
 */
function fromWindowsName(text: string, iso2: string | undefined): string | undefined {
  const match = /^\((?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::\d{2})?)?\)\s*(.*)$/i.exec(text);
  if (!match) return undefined;
  const named = WINDOWS_REGIONS[(match[1] ?? '').trim().toLowerCase()];
  if (named) return named;
  for (const place of (match[1] ?? '').split(',')) {
    const zone = fromCity(place.replace(/\(.*?\)/g, '').trim(), iso2);
    if (zone) return zone;
  }
  return /^\((?:UTC|GMT)\)/i.test(text) ? 'Etc/UTC' : undefined;
}

function zoneCountry(zone: string): string | undefined {
  return rawTimeZones.find((entry) => entry.name === zone || entry.group.includes(zone))
    ?.countryCode;
}

function standardOffset(zone: string): number | undefined {
  return rawTimeZones.find((entry) => entry.name === zone || entry.group.includes(zone))
    ?.rawOffsetInMinutes;
}

function sameStandardOffset(a: string, b: string): boolean {
  const offset = standardOffset(a);
  return offset !== undefined && offset === standardOffset(b);
}

/**
 * The time zone the row most likely has, and what it was read from; undefined when the row
 * does not say enough. Sources are tried from the most to the least specific.
 */
export function proposeTimezone(evidence: PlaceEvidence): ZoneProposal | undefined {
  const iso2 = countryIso2(evidence.country);
  const state = evidence.state?.trim();
  const city = evidence.city?.trim();
  const text = evidence.timezoneText?.trim();
  if (text) {
    const zone = fromTimezoneText(text, iso2, state);
    if (zone) return { zone, source: 'time zone', basis: text };
  }
  if (state) {
    const zone = fromState(state, iso2);
    if (zone) return { zone, source: 'state', basis: state };
  }
  if (city) {
    const zone = fromCity(city, iso2);
    if (zone) return { zone, source: 'city', basis: city };
  }
  if (iso2) {
    const zone = countryZone(iso2);
    if (zone) return { zone, source: 'country', basis: evidence.country?.trim() ?? iso2 };
  }
  const mobile = evidence.mobileRegion;
  if (mobile && (!iso2 || iso2 === mobile)) {
    const zone = countryZone(mobile);
    if (zone) return { zone, source: 'mobile', basis: mobile };
  }
  return undefined;
}

/** The zones of the given countries first (as the file names them), for the time-zone picker. */
export function zonesOfCountries(countries: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const country of countries) {
    const iso2 = countryIso2(country);
    for (const zone of (iso2 && ZONES_BY_COUNTRY.get(iso2)) || []) seen.add(zone);
  }
  return [...seen];
}

export interface ZoneChoice {
  /** What Whispir receives: an IANA name. */
  readonly value: string;
  /** "Australia/Sydney — Australian Eastern Time, +10:00 (Sydney, Melbourne, Canberra)" */
  readonly label: string;
  readonly countryCode: string;
}

/** Every zone a person may pick, with words to search by, ordered by offset. */
export function zoneChoices(): ZoneChoice[] {
  return [...rawTimeZones]
    .sort((a, b) => a.rawOffsetInMinutes - b.rawOffsetInMinutes || a.name.localeCompare(b.name))
    .map((zone) => ({
      value: zone.name,
      label: `${zone.name} — ${zone.alternativeName}, ${zone.countryName} (${zone.rawFormat.split(' ')[0]})`,
      countryCode: zone.countryCode,
    }));
}
