import type { FieldSource } from '../../domain/mapping/mapping';
import { findContactField, type ContactField } from '../../domain/whispir/contact-fields';

/**
 * What every contact needs: these four (a column, or one value for every row; Time zone may be
 * left to the review, which works one out for each row), and an email or mobile.
 */
export const REQUIRED_SECTION = ['firstName', 'lastName', 'workCountry', 'timezone'];
/**
 * Any one of these is enough. Whispir's import also wants the Work mobile key in its field
 * mapping: when nothing feeds it, the wizard sends it an empty column (see `useMappingForm`).
 */
export const CHANNEL_SECTION = [
  'workEmailAddress1',
  'workMobilePhone1',
  'personalEmailAddress1',
  'personalMobilePhone1',
];
export const HINTS: Readonly<Record<string, string>> = {
  timezone:
    'Whispir needs one for every contact. Without a column, the review works it out for each row.',
};

export const hasValue = (source: FieldSource | undefined) =>
  source?.kind === 'column' || (source?.kind === 'constant' && source.value.trim().length > 0);

export const pickFields = (keys: readonly string[]) =>
  keys.map((key) => findContactField(key)).filter((field): field is ContactField => Boolean(field));
