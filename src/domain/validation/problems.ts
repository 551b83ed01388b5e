/**
 * What row validation reports. Problems are data the review step renders and the rejected-rows
 * report prints; nothing here throws for bad input.
 */
import { formatCount } from '../intake/problems';

/** Stable codes; the UI, the report and tests key on these, messages may be reworded. */
export const ROW_PROBLEM_CODES = [
  'required-missing',
  'no-channel',
  'email-invalid',
  'email-case',
  'phone-invalid',
  'phone-needs-country-code',
  'phone-format',
  'phone-extension',
  'timezone-invalid',
  'timezone-format',
  'country-unknown',
  'country-code',
  'country-alias',
  'status-invalid',
  'phone-landline',
  'phone-is-mobile',
  'whitespace',
  'formula-guard',
  'name-not-split',
  'several-values',
  'duplicate-contact',
] as const;

export type RowProblemCode = (typeof ROW_PROBLEM_CODES)[number];

export type RowProblemSeverity = 'error' | 'warning';

/**
 * Errors stop a row from becoming a contact as it stands (Whispir needs a different value);
 * warnings are worth a look but the row can be sent unchanged.
 */
export const ROW_PROBLEM_SEVERITY: Readonly<Record<RowProblemCode, RowProblemSeverity>> = {
  'required-missing': 'error',
  'no-channel': 'error',
  'email-invalid': 'error',
  'email-case': 'warning',
  'phone-invalid': 'error',
  'phone-needs-country-code': 'error',
  'phone-format': 'error',
  'phone-extension': 'error',
  'timezone-invalid': 'error',
  'timezone-format': 'error',
  'country-unknown': 'error',
  'country-code': 'error',
  'country-alias': 'warning',
  'status-invalid': 'error',
  'phone-landline': 'warning',
  'phone-is-mobile': 'warning',
  whitespace: 'warning',
  'formula-guard': 'error',
  'name-not-split': 'error',
  'several-values': 'warning',
  'duplicate-contact': 'warning',
};

/** The kinds of fix on offer; the review step offers each kind as one "fix all" action. */
export type FixKind =
  | 'phone-country-code'
  | 'phone-format'
  | 'phone-extension'
  | 'country-name'
  | 'timezone-format'
  | 'timezone-from-place'
  | 'status-value'
  | 'move-landline'
  | 'move-mobile'
  | 'clear-invalid'
  | 'trim'
  | 'formula-guard'
  | 'split-name'
  | 'email-lowercase'
  | 'email-characters'
  | 'split-values'
  | 'keep-first';

/**
 * A suggested new value for one cell. The value is the cell fully normalised (trimmed too), so
 * applying it once clears every problem of that cell and applying it twice changes nothing.
 */
export interface ContactFix {
  readonly field: string;
  readonly value: string;
  readonly kind: FixKind;
  /** A second cell the fix sets: a number moved to the field it belongs in. */
  readonly alsoSet?: { readonly field: string; readonly value: string };
  /** What a proposal was read from, for the "fix all" label: `{ source: 'State', basis: 'NSW' }`. */
  readonly reason?: { readonly source: string; readonly basis: string };
}

export interface RowProblem {
  /** The input row's number, as the caller numbered it. */
  readonly row: number;
  /** The Whispir field key, or null for a problem of the row as a whole. */
  readonly field: string | null;
  readonly code: RowProblemCode;
  readonly message: string;
  readonly severity: RowProblemSeverity;
  /** The cell's value as read, for problems about one cell. */
  readonly value?: string;
  readonly fix?: ContactFix;
  /** Fields a row-level rule is about (e.g. the channels of `no-channel`), to highlight them. */
  readonly relatedFields?: readonly string[];
  /** Other rows involved (duplicates), at most a handful. */
  readonly relatedRows?: readonly number[];
}

/** The mapped values of one input row: Whispir field key → cell text; unmapped fields absent. */
export type ContactRow = Readonly<Record<string, string>>;

/** "9,688": one fixed style so tests and users everywhere read the same text. */
export { formatCount };

/** "1 mobile number" / "312 mobile numbers". */
export function pluralise(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
