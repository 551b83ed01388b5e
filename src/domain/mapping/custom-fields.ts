/**
 * Custom contact fields: set up for a company by Whispir, mappable in imports, searched as
 * `custom_<Name>=value` (Part B §5.3). Decision: the mapping (and so fieldMapping) keys a custom
 * field as `custom_<Name>`, the one spelling the public docs show; the user types only `<Name>`.
 * The name is checked for shape only: the wizard cannot list a company's custom fields.
 */
import { CONTACT_FIELDS } from '../whispir/contact-fields';

export const CUSTOM_FIELD_PREFIX = 'custom_';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const KEY = /^custom_[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Whether `key` is a custom field key (`custom_StaffId`). */
export function isCustomFieldKey(key: string): boolean {
  return KEY.test(key);
}

/** The mapping key of a custom field named `name`. */
export function customFieldKey(name: string): string {
  return `${CUSTOM_FIELD_PREFIX}${name}`;
}

/** The name the user typed, from a custom field key (`custom_StaffId` → `StaffId`). */
export function customFieldName(key: string): string {
  return key.startsWith(CUSTOM_FIELD_PREFIX) ? key.slice(CUSTOM_FIELD_PREFIX.length) : key;
}

export type CustomFieldNameResult =
  | { readonly ok: true; readonly name: string; readonly key: string }
  | { readonly ok: false; readonly message: string };

const STANDARD_KEYS = new Map(CONTACT_FIELDS.map((field) => [field.key.toLowerCase(), field]));

/**
 * Checks a custom field name as the user typed it: trimmed, an optional `custom_` prefix
 * dropped, then a letter followed by up to 63 letters, digits or underscores. Refuses the name of
 * a standard field and one already added (compared ignoring case, as people type it).
 */
export function parseCustomFieldName(
  input: string,
  existing: readonly string[] = [],
): CustomFieldNameResult {
  const trimmed = input.trim();
  const name = trimmed.toLowerCase().startsWith(CUSTOM_FIELD_PREFIX)
    ? trimmed.slice(CUSTOM_FIELD_PREFIX.length)
    : trimmed;
  if (name.length === 0) {
    return { ok: false, message: 'Type the name of the custom field as it is set up in Whispir.' };
  }
  if (!NAME.test(name)) {
    const squeezed = name.replace(/[^A-Za-z0-9_]+/g, '');
    const hint = NAME.test(squeezed) ? ` Did you mean "${squeezed}"?` : '';
    return {
      ok: false,
      message: `A custom field name starts with a letter and has only letters, digits and underscores (at most 64).${hint}`,
    };
  }
  const standard = STANDARD_KEYS.get(name.toLowerCase());
  if (standard) {
    return {
      ok: false,
      message: `"${name}" is already a Whispir field (${standard.label}): drag your column onto it instead.`,
    };
  }
  if (existing.some((other) => customFieldName(other).toLowerCase() === name.toLowerCase())) {
    return { ok: false, message: `The custom field "${name}" is already in the list.` };
  }
  return { ok: true, name, key: customFieldKey(name) };
}
