import type { SavedMapping } from '../../domain/mapping/saved-mappings';
import { customFieldName, isCustomFieldKey } from '../../domain/mapping/custom-fields';
import { findContactField } from '../../domain/whispir/contact-fields';
import { AUTOMATIC_PREFIX } from './saved-mappings-store';

/** A field's name on screen: the catalogue's label, or "Name (custom)" for a custom field. */
export const labelOf = (key: string) =>
  findContactField(key)?.label ??
  (isCustomFieldKey(key) ? `${customFieldName(key)} (custom)` : key);

export const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

const savedOn = (iso: string) => {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
};

/** "the mapping you used for staff.csv on 30 Nov", or "your mapping “Staff list” of 30 Nov". */
export const savedMappingName = (saved: SavedMapping) =>
  saved.name.startsWith(AUTOMATIC_PREFIX)
    ? `the mapping you used for ${saved.name.slice(AUTOMATIC_PREFIX.length)} on ${savedOn(saved.savedAt)}`
    : `your mapping “${saved.name}” of ${savedOn(saved.savedAt)}`;
