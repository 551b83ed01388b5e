/**
 * What the review step and the worker exchange about the rows under review. Shared by the
 * protocol, the worker's review session and the UI; no logic here.
 */
import type { FixSummary } from '../domain/validation/summaries';
import type {
  ContactFix,
  FixKind,
  RowProblemCode,
  RowProblemSeverity,
} from '../domain/validation/problems';
import type { SubmitPolicy } from '../domain/validation/submit-policy';

export type { FixKind, FixSummary, SubmitPolicy };

/**
 * The row rules' codes plus the intake's "wrong number of fields" and "not a contact at all"
 * (a JSON item that is text, or a line cut short): a row is never dropped.
 */
export type ReviewProblemCode =
  | RowProblemCode
  | 'row-too-many-fields'
  | 'row-too-few-fields'
  | 'row-unreadable';

export interface ReviewProblem {
  /** The file row number (as a spreadsheet shows it). */
  readonly row: number;
  readonly field: string | null;
  readonly code: ReviewProblemCode;
  readonly message: string;
  readonly severity: RowProblemSeverity;
  readonly value?: string;
  readonly fix?: ContactFix;
  readonly relatedFields?: readonly string[];
}

/** Which rows the grid shows. */
export type ReviewFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'errors' }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'field'; readonly field: string | null }
  | { readonly kind: 'code'; readonly code: ReviewProblemCode };

/** One Whispir field shown as a grid column. */
export interface ReviewColumn {
  readonly field: string;
  readonly label: string;
  /** "column Email", "set for every row", "left empty". */
  readonly source: string;
}

export interface ReviewRow {
  /** Index of the row in the file's data rows (0-based); the key for edits and skips. */
  readonly index: number;
  /** File row number, as Excel and the intake messages show it. */
  readonly rowNumber: number;
  /** The mapped values as they stand (edits and fixes applied), one per review column. */
  readonly values: readonly string[];
  /** Fields whose value differs from the file's. */
  readonly edited: readonly string[];
  readonly problems: readonly ReviewProblem[];
  readonly skipped: boolean;
}

export interface ReviewWindow {
  readonly version: number;
  /** Rows matching the filter. */
  readonly total: number;
  readonly start: number;
  readonly rows: readonly ReviewRow[];
}

/** Every row of the file in exactly one of sent, skipped and rejected. */
export interface RowAccountingCounts {
  readonly total: number;
  readonly sent: number;
  readonly skipped: number;
  readonly rejected: number;
}

export interface ProblemCount {
  readonly code: ReviewProblemCode;
  readonly severity: RowProblemSeverity;
  readonly count: number;
  readonly label: string;
}

export interface FieldCount {
  readonly field: string | null;
  readonly label: string;
  readonly errors: number;
  readonly warnings: number;
}

export interface ReviewSummary {
  /** Grows with every change; windows of an older version are stale. */
  readonly version: number;
  readonly columns: readonly ReviewColumn[];
  readonly totalRows: number;
  readonly rowsWithErrors: number;
  /** Rows with errors that are not skipped. */
  readonly openErrorRows: number;
  readonly byCode: readonly ProblemCount[];
  readonly byField: readonly FieldCount[];
  readonly fixes: readonly FixSummary[];
  readonly policy: SubmitPolicy;
  /** Under 'block', true while rows with errors remain. */
  readonly blocked: boolean;
  /** Valid rows held back while blocked (0 otherwise). */
  readonly held: number;
  readonly accounting: RowAccountingCounts;
  /** "9,688 will be sent, 312 skipped." */
  readonly message: string;
  /** Rows that are one person by the import's match rule, not counting skipped rows. */
  readonly duplicates: { readonly groups: number; readonly rows: number };
  /**
   * Edits made under another mapping whose column is not imported now, kept aside (mapping the
   * column again brings them back): "3 edits were in the Email column".
   */
  readonly setAside: readonly { readonly source: string; readonly count: number }[];
  /** Rows that will be sent with a value of the file cleared (listed in the rejected-rows report). */
  readonly rowsWithClearedValues: number;
  readonly undo?: string;
  readonly redo?: string;
}

/** A coded column's distinct values, for the values panel. */
export interface CodedValues {
  readonly field: string;
  readonly label: string;
  /** What the proposals are for; `text` for a column with a short list but no rule. */
  readonly kind: 'status' | 'country' | 'timezone' | 'text';
  readonly values: readonly {
    readonly value: string;
    readonly count: number;
    /** The value Whispir takes, when the wizard can tell; undefined when the user must choose. */
    readonly proposed?: string;
  }[];
}
