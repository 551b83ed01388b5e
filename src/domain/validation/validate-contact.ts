/**
 * Checks one contact row against the row rules and reports problems as data, each with a
 * plain-language message naming the value and, where there is a safe one, a fix.
 */
import type { CountryCode } from 'libphonenumber-js';
import { CHANNEL_KEYS, CONTACT_FIELDS } from '../whispir/contact-fields';
import { findCountry, suggestCountry } from './countries';
import { hasUpperCase, isEmail, strayCharacterOf, withoutStrayCharactersIfClear } from './emails';
import { phoneRegionOf } from './normalisers';
import { gmtZone, placeOf } from './place';
import { splitFullName } from './full-name';
import { PHONE_SEPARATORS, checkPhone, toPhoneRegion } from './phones';
import {
  ROW_PROBLEM_SEVERITY,
  type ContactFix,
  type ContactRow,
  type FixKind,
  type RowProblem,
  type RowProblemCode,
} from './problems';
import { ROW_RULES, compileRules, fieldLabel, type CompiledRules, type RowRule } from './rules';
import { hasEdgeSpace, isBlank } from './text';
import { proposeStatus } from './coded-values';
import { lineTypeOf, regionOfNumber } from './line-types';
import {
  proposeTimezone,
  severalZonesOf,
  type ZoneProposal,
  type ZoneSource,
} from './timezone-proposals';
import { checkTimezone } from './timezones';

export interface ValidationOptions {
  /**
   * Country (name or ISO code) used to complete local phone numbers in rows whose `workCountry`
   * is blank or unknown.
   */
  readonly defaultCountry?: string;
  /** The rule table; `ROW_RULES` unless a caller needs another. */
  readonly rules?: readonly RowRule[];
  /**
   * First and last name come from one column (a whole name): the same value in both is that
   * name, to split. From columns of their own, equal names are a person's ("Thomas Thomas").
   */
  readonly namesFromOneColumn?: boolean;
}

/** Everything a row check needs that does not change between rows. */
export interface ContactCheckContext {
  readonly rules: CompiledRules;
  readonly defaultRegion: CountryCode | undefined;
  readonly namesFromOneColumn: boolean;
}

const DEFAULT_COMPILED = compileRules(ROW_RULES);

/** Compiles options once, for callers that check many rows. */
export function createCheckContext(options: ValidationOptions = {}): ContactCheckContext {
  return {
    rules: options.rules ? compileRules(options.rules) : DEFAULT_COMPILED,
    defaultRegion: phoneRegionOf(options.defaultCountry),
    namesFromOneColumn: options.namesFromOneColumn ?? false,
  };
}

/** Index of each channel field, so duplicate keys can go into a small reused array. */
export const CHANNEL_INDEX: ReadonlyMap<string, number> = new Map(
  CHANNEL_KEYS.map((key, index) => [key, index]),
);

const EMPTY_RELATED: readonly string[] = [];

function problem(
  row: number,
  field: string | null,
  code: RowProblemCode,
  message: string,
  value?: string,
  fix?: ContactFix,
  relatedFields: readonly string[] = EMPTY_RELATED,
): RowProblem {
  const result: {
    -readonly [K in keyof RowProblem]: RowProblem[K];
  } = { row, field, code, message, severity: ROW_PROBLEM_SEVERITY[code] };
  if (value !== undefined) result.value = value;
  if (fix) result.fix = fix;
  if (relatedFields.length > 0) result.relatedFields = relatedFields;
  return result;
}

function allBlank(contact: ContactRow, fields: readonly string[]): boolean {
  for (const field of fields) if (!isBlank(contact[field])) return false;
  return true;
}

// The row's phone region, looked up once per row and only for rows with a phone. A reused
// record rather than a closure per row: this runs a million times. Safe because a row check
// is synchronous and never re-entered.
const regionState: { contact: ContactRow | undefined; region: CountryCode | undefined } = {
  contact: undefined,
  region: undefined,
};

function rowRegion(contact: ContactRow, context: ContactCheckContext): CountryCode | undefined {
  if (regionState.contact !== contact) {
    regionState.contact = contact;
    regionState.region = phoneRegionOf(contact.workCountry) ?? context.defaultRegion;
  }
  return regionState.region;
}

const fixOf = (field: string, value: string, kind: FixKind): ContactFix => ({ field, value, kind });

/**
 * First and last name holding the same whole name (one "Full Name" column matched to both):
 * the fix splits it (full-name.ts), for the person to check.
 */
function wholeNameIn(
  contact: ContactRow,
): { readonly problem: (row: number) => RowProblem } | undefined {
  const first = contact.firstName;
  if (first === undefined || first.trim() === '' || first !== contact.lastName) return undefined;
  const parts = splitFullName(first);
  // Whispir would keep "Cher Cher": without a split, the person says which is which.
  const message = parts
    ? `First name and last name both hold the whole name "${first}"; split, the first name is ${parts.first} and the last name ${parts.last}.`
    : `First name and last name both hold "${first}", which cannot be told apart into a first and a last name; correct one of them.`;
  const fix: ContactFix | undefined = parts && {
    field: 'firstName',
    value: parts.first,
    kind: 'split-name',
    alsoSet: { field: 'lastName', value: parts.last },
  };
  return { problem: (row) => problem(row, 'firstName', 'name-not-split', message, first, fix) };
}

/**
 * A value a spreadsheet file was written with a guard on: an apostrophe before a first
 * character that would start a formula (`'=…`, `'+10`, `'@Ann`), as this app's own downloads
 * and many exporters write them. The apostrophe is no part of the value.
 */
export function isFormulaGuarded(value: string): boolean {
  if (value.charCodeAt(0) !== 39 /* ' */) return false;
  const next = value.charCodeAt(1);
  return next === 61 || next === 43 || next === 45 || next === 64 || next === 9 || next === 13;
}

function whitespaceProblem(row: number, field: string, label: string, value: string): RowProblem {
  const fixed = value.trim();
  return problem(
    row,
    field,
    'whitespace',
    fixed === ''
      ? `${label} has only spaces in it.`
      : `${label} "${value}" has spaces at the start or end.`,
    value,
    fixOf(field, fixed, 'trim'),
  );
}

/**
 * Checks a non-blank cell. Pushes at most one problem (its fix is the cell fully normalised)
 * and returns the cell's normalised value for duplicate detection, or undefined when unusable.
 */
function checkCell(
  field: string,
  value: string,
  contact: ContactRow,
  row: number,
  context: ContactCheckContext,
  out: RowProblem[],
): string | undefined {
  const format = context.rules.formats.get(field);
  const label = format ? format.label : '';
  const spaced = hasEdgeSpace(value);
  const text = spaced ? value.trim() : value;
  if (isFormulaGuarded(text)) {
    // The value as it was before the guard, checked as any other: the fix is its final form.
    const inner: RowProblem[] = [];
    const normalised = checkCell(field, text.slice(1), contact, row, context, inner);
    // The inner fix when it keeps a value (with the second field it fills, for a cell of two
    // numbers); never one that clears the cell, which the person should see for itself.
    const innerFix = inner[0]?.fix;
    const kept = innerFix?.field === field && innerFix.value !== '' ? innerFix : undefined;
    const fixed = kept?.value ?? text.slice(1);
    out.push(
      problem(
        row,
        field,
        'formula-guard',
        `${label || fieldLabel(field)} "${value}" starts with an apostrophe that a spreadsheet export adds so the value is not read as a formula; Whispir would keep it. Without it: ${fixed}${kept?.alsoSet ? ` (and ${kept.alsoSet.value} in ${fieldLabel(kept.alsoSet.field)})` : ''}.`,
        value,
        kept?.alsoSet
          ? { ...fixOf(field, fixed, 'formula-guard'), alsoSet: kept.alsoSet }
          : fixOf(field, fixed, 'formula-guard'),
      ),
    );
    return normalised;
  }

  switch (format?.check) {
    case 'email': {
      const stray = strayCharacterOf(text);
      if (stray) {
        const cleaned = withoutStrayCharactersIfClear(text)?.trim().toLowerCase() ?? '';
        const usable = isEmail(cleaned);
        out.push(
          problem(
            row,
            field,
            'email-invalid',
            `${label} "${value}" has ${stray}, which cannot be part of an email address${usable ? `; suggested: ${cleaned}` : ''}.`,
            value,
            usable ? fixOf(field, cleaned, 'email-characters') : undefined,
          ),
        );
        return undefined;
      }
      const several = severalValues(text, EMAIL_SEPARATORS, isEmail);
      if (several) {
        out.push(
          severalValuesProblem(row, field, label, value, several, 'email addresses', contact),
        );
        return undefined;
      }
      if (!isEmail(text)) {
        const hint = text.includes(',') ? ' (is the comma meant to be a dot?)' : '';
        out.push(
          problem(
            row,
            field,
            'email-invalid',
            `${label} "${value}" is not an email address${hint}.`,
            value,
          ),
        );
        return undefined;
      }
      if (hasUpperCase(text)) {
        const lower = text.toLowerCase();
        out.push(
          problem(
            row,
            field,
            'email-case',
            `${label} "${value}" has capital letters; suggested: ${lower}.`,
            value,
            fixOf(field, lower, 'email-lowercase'),
          ),
        );
        return lower;
      }
      if (spaced) out.push(whitespaceProblem(row, field, label, value));
      return text;
    }

    case 'phone': {
      // A phone completed by its own area code field is checked as the pair Whispir stores;
      // the digits alone would look too short.
      if (format.areaCode !== undefined && !isBlank(contact[format.areaCode])) {
        if (spaced) out.push(whitespaceProblem(row, field, label, value));
        return text;
      }
      const region = rowRegion(contact, context);
      const scientific = scientificDigits(text);
      if (scientific !== undefined) {
        // Whole digits are then checked as typed digits are (a country code added).
        const check = scientific === null ? undefined : checkPhone(scientific, region);
        const digits =
          check?.kind === 'fixable' && !check.extension ? check.value : (scientific ?? null);
        out.push(scientificProblem(row, field, label, value, digits));
        return digits ?? undefined;
      }
      const result = checkPhone(text, region);
      if (result.kind === 'valid') {
        if (spaced) out.push(whitespaceProblem(row, field, label, value));
        checkLineType(field, text, contact, row, out);
        return text;
      }
      if (result.kind === 'invalid') {
        // The numbers of one cell share a country: with none on the row, the first written
        // with its country code ("+61 412 345 678 ::: 0413 222 333") tells it for the others.
        let partRegion = region;
        const whispirForm = (part: string) => {
          const check = checkPhone(part, partRegion);
          const digits =
            check.kind === 'valid'
              ? part
              : check.kind === 'fixable' && !check.extension
                ? check.value
                : undefined;
          if (digits !== undefined && partRegion === undefined)
            partRegion = toPhoneRegion(regionOfNumber(digits));
          return digits;
        };
        const several = severalValues(
          text,
          PHONE_SEPARATORS,
          (part) => whispirForm(part) !== undefined,
        );
        if (several) {
          const numbers = several.map((part) => whispirForm(part) as string);
          out.push(severalValuesProblem(row, field, label, value, numbers, 'numbers', contact));
          return undefined;
        }
      }
      if (result.kind === 'fixable' && result.extension !== undefined) {
        // Dropped only by the person's own choice: the number loses what reaches its desk.
        out.push(
          problem(
            row,
            field,
            'phone-extension',
            `${label} "${value}" ends in extension ${result.extension}, which Whispir cannot keep; without it the number is ${result.value}.`,
            value,
            fixOf(field, result.value, 'phone-extension'),
          ),
        );
        return result.value;
      }
      if (result.kind === 'fixable') {
        const countryCode = result.reason === 'country-code';
        out.push(
          problem(
            row,
            field,
            countryCode ? 'phone-needs-country-code' : 'phone-format',
            countryCode
              ? `${label} "${value}" has no country code; Whispir needs ${result.value}.`
              : `${label} "${value}" has spaces or symbols; Whispir needs digits only: ${result.value}.`,
            value,
            fixOf(field, result.value, countryCode ? 'phone-country-code' : 'phone-format'),
          ),
        );
        return result.value;
      }
      out.push(
        result.reason === 'no-country'
          ? problem(
              row,
              field,
              'phone-needs-country-code',
              `${label} "${value}" has no country code, and the row's country is missing or not recognised, so it cannot be added.`,
              value,
            )
          : problem(
              row,
              field,
              'phone-invalid',
              `${label} "${value}" is not a phone number Whispir can use; check the digits.`,
              value,
            ),
      );
      return undefined;
    }

    case 'country': {
      const found = findCountry(text);
      // A country the file repeats for one contact ("Australia; Australia", from two addresses).
      const firstOfSeveral =
        !found && text.includes(';') ? findCountry(text.split(';')[0] ?? '') : undefined;
      if (firstOfSeveral) {
        out.push(
          problem(
            row,
            field,
            // An error, as any value that is no country name: the row waits for the fix.
            'country-unknown',
            `${label} "${value}" holds several values (the file repeats it for this contact); Whispir takes one: ${firstOfSeveral.country.name}.`,
            value,
            fixOf(field, firstOfSeveral.country.name, 'keep-first'),
          ),
        );
        return undefined;
      }
      if (!found) {
        const suggestion = suggestCountry(text);
        out.push(
          problem(
            row,
            field,
            'country-unknown',
            `${label} "${value}" is not a country name Whispir recognises${
              suggestion ? `; did you mean ${suggestion.name}?` : '.'
            }`,
            value,
            suggestion ? fixOf(field, suggestion.name, 'country-name') : undefined,
          ),
        );
        return undefined;
      }
      const name = found.country.name;
      if (found.kind === 'code') {
        out.push(
          problem(
            row,
            field,
            'country-code',
            `${label} "${value}" is a country code; Whispir needs the name: ${name}.`,
            value,
            fixOf(field, name, 'country-name'),
          ),
        );
      } else if (found.kind !== 'name') {
        out.push(
          problem(
            row,
            field,
            'country-alias',
            `${label} "${value}" is usually written "${name}"; Whispir may not recognise other spellings.`,
            value,
            fixOf(field, name, 'country-name'),
          ),
        );
      } else if (spaced) {
        out.push(whitespaceProblem(row, field, label, value));
      }
      return name;
    }

    case 'timezone': {
      const result = checkTimezone(text);
      if (result.kind === 'valid') {
        if (spaced) out.push(whitespaceProblem(row, field, label, value));
        return text;
      }
      // "GMT" is the winter time of the United Kingdom and Ireland: there, their zone (with its
      // summer time), not the offset +00.
      const local = gmtZone(text, contact);
      if (local) {
        out.push(
          problem(
            row,
            field,
            'timezone-format',
            `${label} "${value}" is the winter time of ${local}; Whispir needs ${local}, which keeps its summer time too.`,
            value,
            fixOf(field, local, 'timezone-format'),
          ),
        );
        return local;
      }
      out.push(
        result.kind === 'fixable'
          ? problem(
              row,
              field,
              'timezone-format',
              `${label} "${value}" is not written the way Whispir expects; Whispir needs ${result.value}.`,
              value,
              fixOf(field, result.value, 'timezone-format'),
            )
          : problem(
              row,
              field,
              'timezone-invalid',
              `${label} "${value}" is not a time zone Whispir recognises; use an offset such as +10 or +05:30, or a name such as Australia/Sydney.`,
              value,
            ),
      );
      return result.kind === 'fixable' ? result.value : undefined;
    }

    case 'status': {
      if (text === 'A' || text === 'D') {
        if (spaced) out.push(whitespaceProblem(row, field, label, value));
        return text;
      }
      const proposed = proposeStatus(text);
      out.push(
        problem(
          row,
          field,
          'status-invalid',
          proposed
            ? `${label} "${value}" is not a Whispir status; Whispir needs A (active) or D (disabled): ${proposed}.`
            : `${label} "${value}" is not a Whispir status; use A (active) or D (disabled).`,
          value,
          proposed ? fixOf(field, proposed, 'status-value') : undefined,
        ),
      );
      return proposed;
    }

    default:
      // An XML or JSON contact's repeated element, joined by the reader ("1 George St; 12
      // Smith Ave" from two <address>): sent so, Whispir would keep both as one address.
      if (text.includes('; ') && JOINED_ADDRESS_FIELDS.has(field)) {
        const parts = text.split(/\s*;\s*/).filter((part) => part !== '');
        // Only when another address field of the row holds as many: one address written
        // "Level 2; 100 George St" is one address, two repeated elements fill every part.
        const alongside = [...JOINED_ADDRESS_FIELDS].some(
          (other) =>
            other !== field &&
            (contact[other] ?? '').split(/\s*;\s*/).filter((part) => part !== '').length ===
              parts.length,
        );
        if (parts.length >= 2 && alongside) {
          const [first = ''] = parts;
          out.push(
            problem(
              row,
              field,
              'several-values',
              `${fieldLabel(field)} "${value}" holds ${parts.length} values (the file repeats it for this contact); Whispir keeps one: ${first}.`,
              value,
              fixOf(field, first, 'keep-first'),
            ),
          );
          return text;
        }
      }
      if (spaced) out.push(whitespaceProblem(row, field, fieldLabel(field), value));
      return text;
  }
}

/** Address fields, where a value joined from several is one address too many. */
export const JOINED_ADDRESS_FIELDS: ReadonlySet<string> = new Set(
  CONTACT_FIELDS.filter(
    (candidate) => candidate.group === 'Address' && !/country|timezone/i.test(candidate.key),
  ).map((candidate) => candidate.key),
);

/** Mobile fields and the phone field of the same kind, both ways. */
/** Between the values of one cell: Google Contacts' " ::: ", a semicolon, a comma, a slash, a bar, a line break. */
const EMAIL_SEPARATORS = /\s*(?::::|[;,|\n]|\s\/\s)\s*|\s+/;

/** The field a second value of a cell goes to. */
const SECOND_FIELD: Readonly<Record<string, string>> = {
  workEmailAddress1: 'workEmailAddress2',
  personalEmailAddress1: 'personalEmailAddress2',
  workMobilePhone1: 'workMobilePhone2',
  personalMobilePhone1: 'personalMobilePhone2',
  workPhone1: 'workPhone2',
  personalPhone1: 'personalPhone2',
};

// A number a spreadsheet wrote in scientific notation ("6.14123E+10"), as Excel saves a long
// number in a General column to CSV.
const SCIENTIFIC = /^(\d)(?:\.(\d+))?[eE]\+?(\d{1,2})$/;

/**
 * A phone written in scientific notation: its digits when the notation kept them all (as many
 * decimals as the exponent), null when the spreadsheet dropped some, undefined for any other value.
 */
function scientificDigits(text: string): string | null | undefined {
  const found = SCIENTIFIC.exec(text);
  if (!found) return undefined;
  const [, lead = '', decimals = '', exponent = '0'] = found;
  return decimals.length === Number(exponent) ? lead + decimals : null;
}

function scientificProblem(
  row: number,
  field: string,
  label: string,
  value: string,
  digits: string | null,
): RowProblem {
  return digits === null
    ? problem(
        row,
        field,
        'phone-invalid',
        `${label} "${value}" was saved in scientific notation by a spreadsheet, which dropped its last digits. Format the column as Text in the spreadsheet, correct the numbers and export again, or type this one in.`,
        value,
      )
    : problem(
        row,
        field,
        'phone-format',
        `${label} "${value}" was saved in scientific notation by a spreadsheet; Whispir needs ${digits}.`,
        value,
        fixOf(field, digits, 'phone-format'),
      );
}

/** The values of a cell holding several, each of which `fits`; undefined for one value. */
function severalValues(
  text: string,
  separators: RegExp,
  fits: (part: string) => boolean,
): string[] | undefined {
  const parts = text.split(separators).filter((part) => part !== '');
  return parts.length >= 2 && parts.every(fits) ? parts : undefined;
}

/**
 * A cell holding two values or more (Google Contacts writes a person's two work emails as
 * "a@x.com ::: b@y.com"). With two, and the field's second one free, the fix keeps the first
 * and moves the second there; otherwise the person chooses.
 */
function severalValuesProblem(
  row: number,
  field: string,
  label: string,
  value: string,
  parts: readonly string[],
  noun: string,
  contact: ContactRow,
): RowProblem {
  const second = SECOND_FIELD[field];
  const movable = parts.length === 2 && second !== undefined && isBlank(contact[second]);
  const [first = '', other = ''] = parts;
  return problem(
    row,
    field,
    noun === 'numbers' ? 'phone-invalid' : 'email-invalid',
    `${label} "${value}" holds ${parts.length} ${noun}; Whispir takes one a field${
      movable
        ? `: ${first} stays and ${other} can go to ${fieldLabel(second)}.`
        : second !== undefined && parts.length === 2
          ? ` and ${fieldLabel(second)} is taken: keep ${first} alone, or move the other by hand.`
          : `: keep ${first} alone, or move the others by hand.`
    }`,
    value,
    // Never cleared (both values are good): kept to the first when the other has nowhere to go.
    movable
      ? { field, value: first, kind: 'split-values', alsoSet: { field: second, value: other } }
      : { field, value: first, kind: 'split-values' },
  );
}

export const MOBILE_TO_PHONE: Readonly<Record<string, string>> = {
  workMobilePhone1: 'workPhone1',
  workMobilePhone2: 'workPhone2',
  personalMobilePhone1: 'personalPhone1',
  personalMobilePhone2: 'personalPhone2',
  otherMobile: 'otherPhone1',
};
export const PHONE_TO_MOBILE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(MOBILE_TO_PHONE).map(([mobile, phone]) => [phone, mobile]),
);

/**
 * A landline in a mobile field (texts to it fail) or a mobile in a phone field whose row has no
 * mobile, with a fix that moves it when the field it belongs in is empty in this row. Checked
 * once the number is in Whispir's form (`whispir`), so the move never fights the format fix.
 */
function checkLineType(
  field: string,
  whispir: string,
  contact: ContactRow,
  row: number,
  out: RowProblem[],
): void {
  // A secondary field's number goes to the primary field of its kind when that one is empty
  // (a landline and a mobile split out of one "Phone" cell: the mobile is the row's mobile).
  const primaryIfFree = (target: string | undefined) => {
    const primary = target?.replace(/2$/, '1');
    return primary !== undefined && primary !== target && isBlank(contact[primary])
      ? primary
      : target;
  };
  const phoneField = primaryIfFree(MOBILE_TO_PHONE[field]);
  const mobileField = primaryIfFree(PHONE_TO_MOBILE[field]);
  if (!phoneField && !mobileField) return;
  const type = lineTypeOf(whispir);
  const label = fieldLabel(field);
  if (phoneField && type === 'fixed') {
    const free = isBlank(contact[phoneField]);
    out.push(
      problem(
        row,
        field,
        'phone-landline',
        `${label} ${whispir} is a landline: text messages to it fail${
          free ? `; it belongs in ${fieldLabel(phoneField)}.` : '.'
        }`,
        contact[field],
        free
          ? {
              field,
              value: '',
              kind: 'move-landline',
              alsoSet: { field: phoneField, value: whispir },
            }
          : undefined,
      ),
    );
  } else if (mobileField && type === 'mobile' && isBlank(contact[mobileField])) {
    // A work phone that is also the person's mobile is common; it is worth a word only when
    // the mobile field is empty, so the number could receive texts there.
    out.push(
      problem(
        row,
        field,
        'phone-is-mobile',
        `${label} ${whispir} is a mobile number; in ${fieldLabel(mobileField)} it can receive text messages.`,
        contact[field],
        {
          field,
          value: '',
          kind: 'move-mobile',
          alsoSet: { field: mobileField, value: whispir },
        },
      ),
    );
  }
}

/**
 * The problems of one row, appended to `out`. When `channelKeys` is given, its slot for each
 * channel field receives the normalised email or mobile (or undefined), for duplicate checks.
 * The allocation-free core of `validateContact` and the file validator.
 */
export function collectContactProblems(
  contact: ContactRow,
  row: number,
  context: ContactCheckContext,
  out: RowProblem[],
  channelKeys: (string | undefined)[] = CHANNEL_SCRATCH,
): void {
  const { rules } = context;
  const start = out.length;
  for (const rule of rules.required) {
    if (isBlank(contact[rule.field])) {
      out.push(
        problem(
          row,
          rule.field,
          'required-missing',
          `${rule.label} is empty; Whispir needs it to create the contact.`,
        ),
      );
    }
  }
  for (const rule of rules.oneOf) {
    if (allBlank(contact, rule.fields)) {
      out.push(problem(row, null, rule.code, rule.message, undefined, undefined, rule.fields));
    }
  }
  const whole = context.namesFromOneColumn ? wholeNameIn(contact) : undefined;
  if (whole) out.push(whole.problem(row));

  // A loop, not channelKeys.fill(undefined): Chromium's V8 (15.6) deoptimised the caller right
  // after that call, again and again ("wrong map"), and ran the review at half speed.
  for (let c = 0; c < channelKeys.length; c++) channelKeys[c] = undefined;
  regionState.contact = undefined;
  for (const field in contact) {
    const value = contact[field];
    if (value === undefined || value === '') continue;
    if (isBlank(value)) {
      // Required fields already report "empty"; elsewhere, spaces alone are worth a tidy-up.
      if (!rules.required.some((rule) => rule.field === field)) {
        out.push(whitespaceProblem(row, field, fieldLabel(field), value));
      }
      continue;
    }
    const normalised = checkCell(field, value, contact, row, context, out);
    const index = CHANNEL_INDEX.get(field);
    if (index !== undefined) channelKeys[index] = normalised;
  }
  if (out.length > start) addProposals(contact, context, out, start, channelKeys);
  regionState.contact = undefined;
}

const CHANNEL_SCRATCH: (string | undefined)[] = new Array<string | undefined>(CHANNEL_KEYS.length);

/**
 * Fixes that need the whole row: a time zone proposed from where the row is, and clearing an
 * unusable email or phone when the row can still be reached another way.
 */
function addProposals(
  contact: ContactRow,
  context: ContactCheckContext,
  out: RowProblem[],
  start: number,
  channels: readonly (string | undefined)[],
): void {
  const reachable = channels.some((value) => value !== undefined);
  for (let i = start; i < out.length; i++) {
    const p = out[i] as RowProblem;
    if (p.fix || p.field === null) continue;
    if (
      p.field === 'timezone' &&
      (p.code === 'required-missing' || p.code === 'timezone-invalid')
    ) {
      const proposal = proposeRowTimezone(
        contact,
        context,
        p.code === 'timezone-invalid' ? p.value : undefined,
      );
      if (proposal) {
        out[i] = {
          ...p,
          message: `${p.message} Proposed from ${SOURCE_WORDS[proposal.source]} "${proposal.basis}": ${proposal.zone}.`,
          fix: {
            field: 'timezone',
            value: proposal.zone,
            kind: 'timezone-from-place',
            reason: { source: SOURCE_WORDS[proposal.source], basis: proposal.basis },
          },
        };
      } else if (p.code === 'required-missing') {
        const several = severalZonesOf(placeOf((field) => contact[field]).country);
        if (several)
          out[i] = {
            ...p,
            message: `${p.message} ${several.country} has several time zones, and this row gives no state or city to tell which: choose one with “Change a whole column” (for example ${several.example}), or match a state or city column.`,
          };
      }
    } else if (
      reachable &&
      !p.fix &&
      (p.code === 'email-invalid' || p.code === 'phone-invalid') &&
      // Clearing a channel must leave another: a usable value in a channel field other than this one.
      channels.some((value, index) => value !== undefined && CHANNEL_KEYS[index] !== p.field)
    ) {
      out[i] = { ...p, fix: { field: p.field, value: '', kind: 'clear-invalid' } };
    }
  }
}

const SOURCE_WORDS: Readonly<Record<ZoneSource, string>> = {
  'time zone': 'Time zone',
  state: 'State',
  city: 'City',
  country: 'Country',
  mobile: 'the mobile number’s country',
};

function proposeRowTimezone(
  contact: ContactRow,
  context: ContactCheckContext,
  timezoneText: string | undefined,
): ZoneProposal | undefined {
  const pick = (...fields: string[]) =>
    fields
      .map((field) => contact[field]?.trim())
      .find((value) => value !== undefined && value !== '');
  const evidence = { timezoneText, ...placeOf((field) => contact[field]) };
  const proposal = proposeTimezone(evidence);
  if (proposal) return proposal;
  const mobile = pick('workMobilePhone1', 'personalMobilePhone1');
  if (!mobile) return undefined;
  const checked = checkPhone(mobile, rowRegion(contact, context));
  const whispir =
    checked.kind === 'valid' ? mobile : checked.kind === 'fixable' ? checked.value : undefined;
  const mobileRegion = whispir ? regionOfNumber(whispir) : undefined;
  return mobileRegion ? proposeTimezone({ ...evidence, mobileRegion }) : undefined;
}

/** The problems of one contact row (duplicates across rows need the file validator). */
export function validateContact(
  contact: ContactRow,
  row: number,
  options?: ValidationOptions,
): RowProblem[] {
  const out: RowProblem[] = [];
  collectContactProblems(
    contact,
    row,
    options ? createCheckContext(options) : DEFAULT_CONTEXT,
    out,
  );
  return out;
}

const DEFAULT_CONTEXT: ContactCheckContext = {
  rules: DEFAULT_COMPILED,
  defaultRegion: undefined,
  namesFromOneColumn: false,
};
