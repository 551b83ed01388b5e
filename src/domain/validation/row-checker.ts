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
  JOINED_ADDRESS_FIELDS,
  MOBILE_TO_PHONE,
  PHONE_TO_MOBILE,
  collectContactProblems,
  isFormulaGuarded,
  type ContactCheckContext,
} from './validate-contact';

export interface RowChecker {
  /**
   * Appends the problems of the row whose values are `cells` (`cells[f]` is the value of field
   * `f`, '' when blank) to `out`, and fills `channelKeys` as `collectContactProblems` does.
   * Returns true when the row was cleared without the full check (so it has no problem).
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
/** An address field: clean unless it holds a file's repeated values ("a; b"). */
const ADDRESS = 7;

// The line type a phone may not have (checkLineType in validate-contact.ts); 0: any.
/** A mobile field: a landline there is a problem. */
const NOT_FIXED = 1;
/** A phone field: a mobile there is worth a word when the row's mobile field is blank. */
const NOT_MOBILE_WITH_BLANK_PARTNER = 2;

export function createRowChecker(
  fields: readonly string[],
  context: ContactCheckContext,
): RowChecker {
  return new CompiledRowChecker(fields, context);
}

class CompiledRowChecker implements RowChecker {
  private readonly count: number;
  /** Each field's kind (TEXT…FULL_CHECK), its channel slot (-1: none) and line rule. */
  private readonly kinds: number[];
  private readonly channels: number[];
  private readonly lines: number[];
  /** For NOT_MOBILE_WITH_BLANK_PARTNER: the mobile field's index, or -1 when it is not mapped. */
  private readonly partners: number[];
  /**
   * For a second phone field: the first mobile's index (-1: not mapped), which takes its mobile
   * when empty (checkLineType); -2 for any other field.
   */
  private readonly primaries: number[];
  private readonly country: number;
  private readonly firstName: number;
  private readonly lastName: number;
  /** Whether any field is a phone (its row's region is then looked up). */
  private readonly hasPhone: boolean;
  private readonly required: number[];
  private readonly oneOf: number[][];
  /**
   * False when a required field or a whole group is not mapped (a problem on every row), or a
   * field is named twice.
   */
  private readonly clearable: boolean;
  private readonly contact: Record<string, string> = {};

  constructor(
    private readonly fields: readonly string[],
    private readonly context: ContactCheckContext,
  ) {
    const { rules } = context;
    const count = fields.length;
    this.count = count;
    this.kinds = new Array<number>(count).fill(TEXT);
    this.channels = new Array<number>(count).fill(-1);
    this.lines = new Array<number>(count).fill(0);
    this.partners = new Array<number>(count).fill(-1);
    this.primaries = new Array<number>(count).fill(-2);
    this.country = fields.indexOf('workCountry');
    this.firstName = fields.indexOf('firstName');
    this.lastName = fields.indexOf('lastName');
    this.required = rules.required.map((rule) => fields.indexOf(rule.field));
    this.oneOf = rules.oneOf.map((rule) =>
      rule.fields.map((field) => fields.indexOf(field)).filter((index) => index >= 0),
    );
    // A field named twice keeps its last value in a contact: left to the full check.
    this.clearable =
      this.required.every((index) => index >= 0) &&
      this.oneOf.every((g) => g.length > 0) &&
      new Set(fields).size === fields.length;
    fields.forEach((field, f) => {
      const format = rules.formats.get(field);
      this.channels[f] = CHANNEL_INDEX.get(field) ?? -1;
      switch (format?.check) {
        case undefined:
          this.kinds[f] = JOINED_ADDRESS_FIELDS.has(field) ? ADDRESS : TEXT;
          break;
        case 'email':
          this.kinds[f] = EMAIL;
          break;
        case 'phone': {
          this.kinds[f] =
            format.areaCode !== undefined && fields.includes(format.areaCode) ? FULL_CHECK : PHONE;
          if (MOBILE_TO_PHONE[field] !== undefined) this.lines[f] = NOT_FIXED;
          const mobile = PHONE_TO_MOBILE[field];
          if (mobile !== undefined) {
            this.lines[f] = NOT_MOBILE_WITH_BLANK_PARTNER;
            this.partners[f] = fields.indexOf(mobile);
            const primary = mobile.replace(/2$/, '1');
            if (primary !== mobile) this.primaries[f] = fields.indexOf(primary);
          }
          break;
        }
        case 'country':
          this.kinds[f] = COUNTRY;
          break;
        case 'timezone':
          this.kinds[f] = TIMEZONE;
          break;
        case 'status':
          this.kinds[f] = STATUS;
          break;
      }
    });
    this.hasPhone = this.kinds.includes(PHONE);
  }

  check(
    row: number,
    cells: readonly string[],
    out: RowProblem[],
    channelKeys: (string | undefined)[],
  ): boolean {
    if (this.clearable && this.isClean(cells, channelKeys)) return true;
    const { fields, contact } = this;
    for (let f = 0; f < this.count; f++) contact[fields[f] as string] = cells[f] ?? '';
    collectContactProblems(contact, row, this.context, out, channelKeys);
    return false;
  }

  private isClean(cells: readonly string[], channelKeys: (string | undefined)[]): boolean {
    // A row shorter than the fields has its missing values blank, as in the full check.
    for (const index of this.required) if (!cells[index]) return false;
    // One whole name in both name fields is the full check's to split.
    if (
      this.context.namesFromOneColumn &&
      this.firstName >= 0 &&
      cells[this.firstName] === cells[this.lastName]
    )
      return false;
    for (const group of this.oneOf) {
      let filled = false;
      for (const index of group) if (cells[index]) filled = true;
      if (!filled) return false;
    }
    const { count, channels } = this;
    // The row's region, for its phones (a lookup in a small cache).
    const region = this.hasPhone
      ? (phoneRegionOf(this.country < 0 ? undefined : cells[this.country]) ??
        this.context.defaultRegion)
      : undefined;
    for (let f = 0; f < count; f++) {
      const value = cells[f] ?? '';
      if (value !== '' && !this.isCleanValue(f, value, cells, region)) return false;
    }
    // A value with nothing to report is its own normalised form. (A loop, not `fill`: see
    // collectContactProblems.)
    for (let c = 0; c < channelKeys.length; c++) channelKeys[c] = undefined;
    for (let f = 0; f < count; f++) {
      const channel = channels[f] as number;
      if (channel >= 0 && cells[f]) channelKeys[channel] = cells[f];
    }
    return true;
  }

  /** Whether a non-empty value of field `f` has nothing to report. */
  private isCleanValue(
    f: number,
    value: string,
    cells: readonly string[],
    region: CountryCode | undefined,
  ): boolean {
    // Spaces at either end are a problem of every field (and spaces alone are blank), and so
    // is a spreadsheet's formula guard ("'+10").
    if (hasEdgeSpace(value) || (value.charCodeAt(0) === 39 && isFormulaGuarded(value)))
      return false;
    switch (this.kinds[f]) {
      case TEXT:
        return true;
      case ADDRESS:
        return !value.includes('; ');
      case EMAIL:
        return isPlainEmail(value) || (isEmail(value) && !hasUpperCase(value));
      case PHONE: {
        if (!isWhispirFormFor(value, region)) return false;
        const line = this.lines[f];
        if (line === NOT_FIXED) return lineTypeOf(value) !== 'fixed';
        if (line === NOT_MOBILE_WITH_BLANK_PARTNER) {
          const partner = this.partners[f] as number;
          const primary = this.primaries[f] as number;
          // The field its mobile would go to: the first mobile when that is empty.
          const target = primary !== -2 && !(primary >= 0 && cells[primary]) ? primary : partner;
          return (target >= 0 && Boolean(cells[target])) || lineTypeOf(value) !== 'mobile';
        }
        return true;
      }
      case COUNTRY:
        return findCountry(value)?.kind === 'name';
      case TIMEZONE:
        return checkTimezone(value).kind === 'valid';
      case STATUS:
        return value === 'A' || value === 'D';
      default:
        return false;
    }
  }
}
