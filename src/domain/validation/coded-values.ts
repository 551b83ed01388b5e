/**
 * Fields whose values come from a short list: Whispir's status (A or D), a country, a time zone.
 * People write them their own way ("Active", "Aus", "AEST"); this proposes the value Whispir
 * takes for each, for the review's values panel and the status check.
 */
import { findCountry, suggestCountry } from './countries';
import { gmtZoneAt } from './place';
import { type PlaceEvidence, proposeTimezone } from './timezone-proposals';
import { checkTimezone } from './timezones';

// HR and school systems write an employee's or a student's state: someone on leave is still
// reached; someone who left is not.
const STATUS_WORDS: Readonly<Record<string, 'A' | 'D'>> = Object.fromEntries([
  ...'a active activated enabled enable yes y true 1 current live on open aktiv actif activo employed enrolled'
    .split(' ')
    .concat(['on leave', 'parental leave'])
    .map((word) => [word, 'A'] as const),
  ...'d inactive deactivated disabled disable no n false 0 deleted left former archived off closed suspended inaktiv inactif inactivo terminated resigned ceased exited withdrawn deceased retired dismissed departed graduated'
    .split(' ')
    .concat(['not active', 'no longer employed'])
    .map((word) => [word, 'D'] as const),
]);

/** Whispir's contact status for a value people write: "Active" → A, "Inactive" → D. */
export function proposeStatus(value: string): 'A' | 'D' | undefined {
  return STATUS_WORDS[value.trim().toLowerCase()];
}

/** The fields with a short list of values the wizard can propose for. */
export type CodedKind = 'status' | 'country' | 'timezone';

export function codedKindOf(field: string, format: string | undefined): CodedKind | undefined {
  if (field === 'status') return 'status';
  if (format === 'country') return 'country';
  if (format === 'timezone') return 'timezone';
  return undefined;
}

/**
 * Whether Whispir takes `value` as it is (or in a spelling the row check rewrites) for a coded
 * field: a known time zone or offset, a known country, A or D. Blank counts as fitting.
 */
export function codedValueFits(kind: CodedKind, value: string): boolean {
  const text = value.trim();
  if (text === '') return true;
  switch (kind) {
    case 'status':
      return text === 'A' || text === 'D';
    case 'country':
      return findCountry(text) !== undefined;
    case 'timezone':
      return checkTimezone(text).kind !== 'invalid';
  }
}

/**
 * The value Whispir takes for `value` of a coded field: itself when already right, a proposal
 * when one is clear, undefined when the person must choose. A time zone abbreviation is read in
 * the `places` of the rows that hold it (their states and countries: "EST" is Brisbane's in
 * Queensland, Sydney's in New South Wales, New York's in the United States): one proposal for
 * every row, or none. A row that says nothing of its place reads it the usual way.
 */
export function proposeCodedValue(
  kind: CodedKind,
  value: string,
  places: readonly Omit<PlaceEvidence, 'timezoneText'>[] = [],
): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'status':
      return proposeStatus(text);
    case 'country':
      return findCountry(text)?.country.name ?? suggestCountry(text)?.name;
    case 'timezone': {
      const check = checkTimezone(text);
      if (check.kind === 'valid') return text;
      if (check.kind === 'fixable') {
        // "GMT" on rows in the United Kingdom or Ireland: their zone, with its summer time.
        if (places.length === 0) return check.value;
        const zones = new Set(places.map((place) => gmtZoneAt(text, place)));
        const [zone] = zones;
        return zones.size === 1 && zone !== undefined ? zone : check.value;
      }
      if (places.length === 0) return proposeTimezone({ timezoneText: text })?.zone;
      const zones = new Set(
        places.map((place) => {
          const proposal = proposeTimezone({ ...place, timezoneText: text });
          return proposal?.source === 'time zone' ? proposal.zone : undefined;
        }),
      );
      const [zone] = zones;
      return zones.size === 1 ? zone : undefined;
    }
  }
}
