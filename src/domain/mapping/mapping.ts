/**
 * The user's mapping: for each Whispir contact field, where its value comes from. This is the
 * form state of the mapping step; the `fieldMapping` sent to Whispir is derived from it.
 */
import {
  CHANNEL_KEYS,
  REQUIRED_MAPPING_KEYS,
  ROW_REQUIRED_KEYS,
  findContactField,
  isContactFieldKey,
} from '../whispir/contact-fields';
import { codedValueFits } from '../validation/coded-values';
import { customFieldName, isCustomFieldKey } from './custom-fields';

export type FieldSource =
  | { readonly kind: 'column'; readonly column: string }
  | { readonly kind: 'constant'; readonly value: string }
  | { readonly kind: 'empty' };

/** Whispir field key → source. Fields absent from the record are not imported. */
export type ColumnMapping = Readonly<Record<string, FieldSource>>;

export interface MappingProblem {
  readonly code:
    | 'missing-required'
    | 'no-channel'
    | 'required-left-empty'
    | 'empty-constant'
    | 'invalid-constant'
    | 'unknown-field'
    | 'missing-column';
  readonly field?: string;
  readonly message: string;
}

/** Something the user should know about an acceptable mapping; it does not block. */
export interface MappingNote {
  readonly code: 'mobile-left-empty' | 'timezone-per-row';
  readonly field: string;
  readonly message: string;
}

// react-hook-form leaves `undefined` behind for a field the user cleared; treat it as unmapped
// rather than letting a form state crash the rules.
function present(mapping: ColumnMapping): [string, FieldSource][] {
  return Object.entries(mapping).filter(
    (entry): entry is [string, FieldSource] => entry[1] !== undefined,
  );
}

/**
 * Column name the generated resource uses for a constant value of `field` (the wizard adds that
 * column to the file it uploads, so fieldMapping can name it).
 */
export function constantColumnName(field: string): string {
  return `${field} (set for every row)`;
}

/**
 * The same text for the same mapping however it was built (key order, object shape), to tell
 * whether work done for one mapping (the check of every row) still holds for another.
 */
export function mappingSignature(mapping: ColumnMapping): string {
  const entries = present(mapping).map(([field, source]) => [
    field,
    source.kind,
    source.kind === 'column' ? source.column : source.kind === 'constant' ? source.value : '',
  ]);
  entries.sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1));
  return JSON.stringify(entries);
}

/** Whispir field → resource column: the `fieldMapping` of the import request. */
export function toFieldMapping(mapping: ColumnMapping): Record<string, string> {
  const fieldMapping: Record<string, string> = {};
  for (const [field, source] of present(mapping)) {
    if (source.kind === 'column') fieldMapping[field] = source.column;
    else fieldMapping[field] = constantColumnName(field);
  }
  return fieldMapping;
}

export interface GeneratedColumn {
  readonly field: string;
  readonly column: string;
  /** The same for every row; '' for a field left empty. */
  readonly value: string;
}

/**
 * The columns the wizard must add to the file it uploads, so that every name in
 * `toFieldMapping(mapping)` exists: one per constant, and an empty one per field left empty.
 * Whispir would blank a missing column too (§3.3), but an explicit column keeps the uploaded file
 * and the rejected-rows report self-explanatory.
 */
export function generatedColumns(mapping: ColumnMapping): GeneratedColumn[] {
  const columns: GeneratedColumn[] = [];
  for (const [field, source] of present(mapping)) {
    if (source.kind === 'column') continue;
    columns.push({
      field,
      column: constantColumnName(field),
      value: source.kind === 'constant' ? source.value : '',
    });
  }
  return columns;
}

function labelOf(field: string): string {
  if (isCustomFieldKey(field)) return `the custom field ${customFieldName(field)}`;
  return findContactField(field)?.label ?? field;
}

// One sentence each, naming the fix. The examples are the values most of Whispir's (Australian)
// customers would pick; the mapping step offers the full suggestions list.
const MISSING_REQUIRED: Readonly<Record<string, string>> = {
  firstName:
    'Whispir requires First name: drag the column with first names onto it (or choose it in the field’s list), or set one value for every row.',
  lastName:
    'Whispir requires Last name: drag the column with last names onto it (or choose it in the field’s list), or set one value for every row.',
  workMobilePhone1:
    'Whispir requires Work mobile to be mapped: drag your mobile column onto it (or choose it in the field’s list), or choose "Leave empty" for an email-only list.',
  workCountry:
    'Whispir requires Country: drag your country column onto it (or choose it in the field’s list), or set one country for every row, such as "Australia".',
  timezone:
    'Whispir requires Time zone: drag your time zone column onto it (or choose it in the field’s list), or set one time zone for every row, such as "Australia/Sydney".',
};

const ROW_REQUIRED = new Set<string>(ROW_REQUIRED_KEYS);

/**
 * Row-required fields that may still be left without a column: the review proposes a time zone
 * for each row from its state, city, country or mobile (docs/whispir-api.md §A6).
 */
const WORKED_OUT_PER_ROW = new Set<string>(['timezone']);

/** Why a value set for every row cannot be sent, or undefined when Whispir takes it. */
function constantProblem(field: string, value: string): string | undefined {
  const format = findContactField(field)?.format;
  const text = value.trim();
  if (format === 'timezone' && !codedValueFits('timezone', text))
    return `"${text}" is not a time zone Whispir takes: pick one from the list, such as Australia/Sydney or +10.`;
  if (format === 'country' && !codedValueFits('country', text))
    return `"${text}" is not a country Whispir recognises: pick one from the list, such as Australia.`;
  return undefined;
}

function hasValue(source: FieldSource | undefined): boolean {
  if (source === undefined) return false;
  if (source.kind === 'column') return true;
  return source.kind === 'constant' && source.value.trim().length > 0;
}

export interface MappingRuleOptions {
  /** The file's headers; when given, a mapping to a column the file lacks is a problem. */
  readonly columns?: readonly string[];
}

/** What stops this mapping from being accepted by Whispir, each with a one-sentence fix. */
export function checkMappingRules(
  mapping: ColumnMapping,
  options: MappingRuleOptions = {},
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const key of REQUIRED_MAPPING_KEYS) {
    if (mapping[key]) continue;
    problems.push({
      code: 'missing-required',
      field: key,
      message:
        MISSING_REQUIRED[key] ??
        `Whispir requires ${labelOf(key)}: drag a column onto it (or choose one in its list), or set one value for every row.`,
    });
  }

  const columns = options.columns === undefined ? undefined : new Set(options.columns);
  for (const [field, source] of present(mapping)) {
    const label = labelOf(field);
    if (!isContactFieldKey(field) && !isCustomFieldKey(field)) {
      problems.push({
        code: 'unknown-field',
        field,
        message: `"${field}" is not a Whispir contact field: remove it, or add it as a custom field.`,
      });
    } else if (
      source.kind === 'empty' &&
      ROW_REQUIRED.has(field) &&
      !WORKED_OUT_PER_ROW.has(field)
    ) {
      problems.push({
        code: 'required-left-empty',
        field,
        message: `Every contact needs ${label}, so it cannot be left empty: drag a column onto it (or choose one in its list), or set one value for every row.`,
      });
    } else if (source.kind === 'constant' && source.value.trim().length === 0) {
      problems.push({
        code: 'empty-constant',
        field,
        message: `Type the value ${label} should have in every row, or drag a column onto it (or choose one in its list).`,
      });
    } else if (source.kind === 'constant' && constantProblem(field, source.value)) {
      problems.push({
        code: 'invalid-constant',
        field,
        message: constantProblem(field, source.value) as string,
      });
    } else if (source.kind === 'column' && columns !== undefined && !columns.has(source.column)) {
      problems.push({
        code: 'missing-column',
        field,
        message: `The column "${source.column}" mapped to ${label} is not in this file: drag another column onto ${label}.`,
      });
    }
  }

  if (!CHANNEL_KEYS.some((key) => hasValue(mapping[key]))) {
    problems.push({
      code: 'no-channel',
      message:
        'Map at least one email or mobile column (Work email, Personal email, Work mobile or Personal mobile), so each contact can be reached.',
    });
  }
  return problems;
}

/** Things worth telling the user about a mapping that Whispir will accept. */
export function mappingNotes(mapping: ColumnMapping): MappingNote[] {
  const notes: MappingNote[] = [];
  if (mapping.timezone?.kind === 'empty') {
    notes.push({
      code: 'timezone-per-row',
      field: 'timezone',
      message:
        'Time zone has no column: the review proposes one for each row from its state, city, country or mobile number; a row it cannot place, you set there.',
    });
  }
  if (mapping.workMobilePhone1?.kind === 'empty') {
    notes.push({
      code: 'mobile-left-empty',
      field: 'workMobilePhone1',
      message:
        'Work mobile is left empty for every contact, as Whispir allows for an email-only list: these contacts get no SMS until a mobile is added.',
    });
  }
  return notes;
}
