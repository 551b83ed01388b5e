/**
 * The row rules, as data. A rule names fields and a plain-language message; the evaluator in
 * validate-contact.ts knows how to check each kind. Format rules come from the catalogue's
 * `format`, so every phone, email, country and time zone field is checked, not only the
 * mobile.
 */
import {
  CHANNEL_KEYS,
  CONTACT_FIELDS,
  ROW_REQUIRED_KEYS,
  findContactField,
} from '../whispir/contact-fields';
import type { RowProblemCode } from './problems';

/** The formats with a check of their own; other fields are only trimmed. */
export type CheckedFormat = 'email' | 'phone' | 'country' | 'timezone' | 'status';

export type RowRule =
  /** The field must have a non-blank value (Part A §6). */
  | { readonly kind: 'required'; readonly field: string }
  /** At least one of the fields must have a non-blank value; `code` defaults to `no-channel`. */
  | {
      readonly kind: 'oneOf';
      readonly fields: readonly string[];
      readonly message: string;
      readonly code?: RowProblemCode;
    }
  /** A non-blank value must be in Whispir's format for `check`. */
  | { readonly kind: 'format'; readonly field: string; readonly check: CheckedFormat };

const CHECKED_FORMATS: ReadonlySet<string> = new Set<CheckedFormat>([
  'email',
  'phone',
  'country',
  'timezone',
  'status',
]);

function isCheckedFormat(format: string): format is CheckedFormat {
  return CHECKED_FORMATS.has(format);
}

/** Part A §6's row minimum, then one format rule per catalogue field that has a format. */
export const ROW_RULES: readonly RowRule[] = [
  ...ROW_REQUIRED_KEYS.map((field): RowRule => ({ kind: 'required', field })),
  {
    kind: 'oneOf',
    fields: CHANNEL_KEYS,
    message: 'Row has no email or mobile, so Whispir cannot create the contact.',
  },
  ...CONTACT_FIELDS.flatMap((field): RowRule[] =>
    isCheckedFormat(field.format)
      ? [{ kind: 'format', field: field.key, check: field.format }]
      : [],
  ),
];

/** The label people see for a field key ("Work mobile"); custom fields show their key. */
export function fieldLabel(field: string): string {
  return findContactField(field)?.label ?? field;
}

/** `workPhone1` → `workPhoneAreaCode1`: the area code field that completes a phone, if any. */
export function areaCodeFieldOf(field: string): string | undefined {
  const match = /^(work|personal|other)(Phone|Fax)(\d)$/.exec(field);
  if (!match) return undefined;
  const key = `${match[1]}${match[2]}AreaCode${match[3]}`;
  return findContactField(key) ? key : undefined;
}

/** The rules in the shape the evaluator walks per row; built once per rule set. */
export interface CompiledRules {
  readonly required: readonly { readonly field: string; readonly label: string }[];
  readonly oneOf: readonly {
    readonly fields: readonly string[];
    readonly message: string;
    readonly code: RowProblemCode;
  }[];
  readonly formats: ReadonlyMap<
    string,
    { readonly check: CheckedFormat; readonly label: string; readonly areaCode?: string }
  >;
}

/** Turns a rule table into lookups, so a row costs one pass over its own fields. */
export function compileRules(rules: readonly RowRule[]): CompiledRules {
  const required: { field: string; label: string }[] = [];
  const oneOf: { fields: readonly string[]; message: string; code: RowProblemCode }[] = [];
  const formats = new Map<string, { check: CheckedFormat; label: string; areaCode?: string }>();
  for (const rule of rules) {
    if (rule.kind === 'required')
      required.push({ field: rule.field, label: fieldLabel(rule.field) });
    else if (rule.kind === 'oneOf') {
      oneOf.push({ fields: rule.fields, message: rule.message, code: rule.code ?? 'no-channel' });
    } else {
      const areaCode = rule.check === 'phone' ? areaCodeFieldOf(rule.field) : undefined;
      formats.set(rule.field, { check: rule.check, label: fieldLabel(rule.field), areaCode });
    }
  }
  return { required, oneOf, formats };
}
