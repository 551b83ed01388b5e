/**
 * The template a person can download from the first step: the columns most imports need, named
 * as the matching step recognises them, so a filled-in template matches itself.
 */
import { writeSpreadsheetCsv } from '../export/spreadsheet-file';
import { findContactField } from '../whispir/contact-fields';

/** Whispir fields in the template, in the order people fill them in. */
export const TEMPLATE_FIELDS = [
  'firstName',
  'lastName',
  'workEmailAddress1',
  'workMobilePhone1',
  'workCountry',
  'workState',
  'timezone',
  'department',
  'jobTitle',
] as const;

export const TEMPLATE_FILE_NAME = 'whispir-contacts-template.csv';

/** The template's header row, one label per field. */
export function templateHeaders(): string[] {
  return TEMPLATE_FIELDS.map((key) => findContactField(key)?.label ?? key);
}

/** The template as a spreadsheet-safe CSV: the header row only, nothing to delete before use. */
export function contactTemplateCsv(): string {
  return writeSpreadsheetCsv(templateHeaders(), []);
}
