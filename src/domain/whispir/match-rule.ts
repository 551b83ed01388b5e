/**
 * The rule that decides whether an imported row is "the same contact" as an existing one
 * (Part A §8 of docs/whispir-api.md). Whispir does not document it; this is the project's
 * emulation choice (docs/decisions/002-sandbox-match-rule.md). The sandbox stores the keys
 * below in indexed columns, so a match is one index lookup; the app can use the same functions
 * to predict what an import will do.
 */

/** The fields whose keys take part in the match, besides the name. */
export const MATCH_CHANNEL_KEYS = [
  'workEmailAddress1',
  'personalEmailAddress1',
  'workMobilePhone1',
  'personalMobilePhone1',
] as const;

export type MatchChannelKey = (typeof MATCH_CHANNEL_KEYS)[number];

/** Normalised match keys of one contact; an empty string never matches. */
export interface MatchKeys {
  readonly name: string;
  readonly workEmailAddress1: string;
  readonly personalEmailAddress1: string;
  readonly workMobilePhone1: string;
  readonly personalMobilePhone1: string;
}

/** Trimmed, lower-cased; the separator cannot occur in a trimmed name pair's join. */
export function normaliseMatchName(firstName: string, lastName: string): string {
  return `${firstName.trim().toLowerCase()}\u0001${lastName.trim().toLowerCase()}`;
}

export function normaliseMatchEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only, so `+61 423 456 789` and `61423456789` are the same phone. */
export function normaliseMatchPhone(phone: string): string {
  return phone.replace(/\D+/g, '');
}

/** The match keys of a contact given as field → value (missing fields count as blank). */
export function matchKeysOf(fields: Readonly<Record<string, string | undefined>>): MatchKeys {
  return {
    name: normaliseMatchName(fields.firstName ?? '', fields.lastName ?? ''),
    workEmailAddress1: normaliseMatchEmail(fields.workEmailAddress1 ?? ''),
    personalEmailAddress1: normaliseMatchEmail(fields.personalEmailAddress1 ?? ''),
    workMobilePhone1: normaliseMatchPhone(fields.workMobilePhone1 ?? ''),
    personalMobilePhone1: normaliseMatchPhone(fields.personalMobilePhone1 ?? ''),
  };
}

/**
 * Same first and last name, and the same non-blank value in at least one of the four channel
 * fields, compared field by field (a work email only matches a work email).
 */
export function contactsMatch(a: MatchKeys, b: MatchKeys): boolean {
  if (a.name !== b.name) return false;
  return MATCH_CHANNEL_KEYS.some((key) => a[key] !== '' && a[key] === b[key]);
}
