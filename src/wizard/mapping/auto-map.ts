import type { ColumnMapping } from '../../domain/mapping/mapping';
import { CONTACT_FIELDS } from '../../domain/whispir/contact-fields';

const normalise = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Headers that equal a field's name (or its label) are matched automatically. */
export function autoMapExact(headers: readonly string[]): ColumnMapping {
  const mapping: Record<string, ColumnMapping[string]> = {};
  const byName = new Map<string, string>();
  for (const field of CONTACT_FIELDS) {
    byName.set(normalise(field.key), field.key);
    byName.set(normalise(field.label), field.key);
  }
  for (const header of headers) {
    const key = byName.get(normalise(header));
    if (key && !mapping[key]) mapping[key] = { kind: 'column', column: header };
  }
  return mapping;
}
