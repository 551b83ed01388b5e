/**
 * Checks the rows of one mapping (a fixed list of fields, each row's values in that order), a
 * million at a time. Most rows of a real file have nothing to report, and that is decided from
 * the values alone, with no contact object and nothing allocated: every value is already in
 * Whispir's form (no spaces at either end, a lower-case email, a phone as the row country's
 * calling code and digits, the country's own name, a known time zone) and every required field
 * is filled. Any other row goes through `collectContactProblems`, so every problem is that
 * function's, worded and ordered as it gives them.
 *
 * The full check on every row cost about 2.2 µs a row at a million rows in Node, most of it
 * walking the contact's fields by name; this pass costs about a third of that (`npm run
 * bench:rules`).
 */
import type { CountryCode } from 'libphonenumber-js';
import { findCountry } from './countries';
import { hasUpperCase, isEmail, isPlainEmail } from './emails';
import { lineTypeOf } from './line-types';
import { phoneRegionOf } from './normalisers';
import { isWhispirFormFor } from './phones';
import type { RowProblem } from './problems';
import { hasEdgeSpace } from './text';
import { checkTimezone } from './timezones';
import {
  CHANNEL_INDEX,
  MOBILE_TO_PHONE,
  PHONE_TO_MOBILE,
  collectContactProblems,
  type ContactCheckContext,
} from './validate-contact';

export interface RowChecker {
  /**
   * Appends the problems of the row whose values are `cells` (`cells[f]` is the value of field
   * `f`, '' when blank) to `out`, and fills `channelKeys` as `collectContactProblems` does.
   * Returns true when the row was cleared without the full check (for tests and counts).
   */
  check(
    row: number,
    cells: readonly string[],
    out: RowProblem[],
    channelKeys: (string | undefined)[],
  ): boolean;
}

// What a field's value must be for its row to be cleared at once.
const TEXT = 0;
const EMAIL = 1;
const PHONE = 2;
const COUNTRY = 3;
const TIMEZONE = 4;
const STATUS = 5;
/** Never cleared at once (a phone completed by an area code field the mapping fills). */
const FULL_CHECK = 6;

// The line type a phone may not have (checkLineType in validate-contact.ts); 0: any.
/** A mobile field: a landline there is a problem. */
const NOT_FIXED = 1;
/** A phone field: a mobile there is worth a word when the row's mobile field is blank. */
const NOT_MOBILE_WITH_BLANK_PARTNER = 2;

export function createRowChecker(
  fields: readonly string[],
  context: ContactCheckContext,
): RowChecker {
  const { rules } = context;
  const count = fields.length;
  const kinds = new Uint8Array(count);
  const channels = new Int8Array(count).fill(-1);
  const lines = new Uint8Array(count);
  /** For NOT_MOBILE_WITH_BLANK_PARTNER: the mobile field's index, or -1 when it is not mapped. */
  const partners = new Int32Array(count).fill(-1);
  const country = fields.indexOf('workCountry');

  const required = rules.required.map((rule) => fields.indexOf(rule.field));
  const oneOf = rules.oneOf.map((rule) =>
    rule.fields.map((field) => fields.indexOf(field)).filter((index) => index >= 0),
  );
  // A required field or a whole group the mapping leaves out is a problem on every row.
  const clearable = required.every((index) => index >= 0) && oneOf.every((g) => g.length > 0);

  fields.forEach((field, f) => {
    const format = rules.formats.get(field);
    channels[f] = CHANNEL_INDEX.get(field) ?? -1;
    switch (format?.check) {
      case undefined:
        kinds[f] = TEXT;
        break;
      case 'email':
        kinds[f] = EMAIL;
        break;
      case 'phone': {
        kinds[f] =
          format.areaCode !== undefined && fields.includes(format.areaCode) ? FULL_CHECK : PHONE;
        if (MOBILE_TO_PHONE[field] !== undefined) lines[f] = NOT_FIXED;
        const mobile = PHONE_TO_MOBILE[field];
        if (mobile !== undefined) {
          lines[f] = NOT_MOBILE_WITH_BLANK_PARTNER;
          partners[f] = fields.indexOf(mobile);
        }
        break;
      }
      case 'country':
        kinds[f] = COUNTRY;
        break;
      case 'timezone':
        kinds[f] = TIMEZONE;
        break;
      case 'status':
        kinds[f] = STATUS;
        break;
    }
  });

  function isClean(cells: readonly string[], channelKeys: (string | undefined)[]): boolean {
    for (const index of required) if (cells[index] === '') return false;
    for (const group of oneOf) {
      let filled = false;
      for (const index of group) if (cells[index] !== '') filled = true;
      if (!filled) return false;
    }
    channelKeys.fill(undefined);
    let region: CountryCode | undefined;
    let regionKnown = false;
    for (let f = 0; f < count; f++) {
      const value = cells[f] as string;
      if (value === '') continue;
      // Spaces at either end are a problem of every field (and spaces alone are blank).
      if (hasEdgeSpace(value)) return false;
      switch (kinds[f]) {
        case TEXT:
          break;
        case EMAIL:
          if (!isPlainEmail(value) && (!isEmail(value) || hasUpperCase(value))) return false;
          break;
        case PHONE: {
          if (!regionKnown) {
            region =
              phoneRegionOf(country < 0 ? undefined : cells[country]) ?? context.defaultRegion;
            regionKnown = true;
          }
          if (!isWhispirFormFor(value, region)) return false;
          const line = lines[f];
          if (line === NOT_FIXED && lineTypeOf(value) === 'fixed') return false;
          if (line === NOT_MOBILE_WITH_BLANK_PARTNER) {
            const partner = partners[f] as number;
            if ((partner < 0 || cells[partner] === '') && lineTypeOf(value) === 'mobile')
              return false;
          }
          break;
        }
        case COUNTRY:
          if (findCountry(value)?.kind !== 'name') return false;
          break;
        case TIMEZONE:
          if (checkTimezone(value).kind !== 'valid') return false;
          break;
        case STATUS:
          if (value !== 'A' && value !== 'D') return false;
          break;
        default:
          return false;
      }
      // A value with nothing to report is its own normalised form.
      const channel = channels[f] as number;
      if (channel >= 0) channelKeys[channel] = value;
    }
    return true;
  }

  const contact: Record<string, string> = {};
  return {
    check(row, cells, out, channelKeys) {
      if (clearable && isClean(cells, channelKeys)) return true;
      for (let f = 0; f < count; f++) contact[fields[f] as string] = cells[f] ?? '';
      collectContactProblems(contact, row, context, out, channelKeys);
      return false;
    },
  };
}
