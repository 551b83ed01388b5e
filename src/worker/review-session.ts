/**
 * The review of every row, held in the worker: the file's rows stay untouched; edits and fixes
 * live in an overlay of mapped (Whispir field) values; skips in a set; every change has an
 * inverse on an undo stack. The rules themselves are the domain's (src/domain/validation).
 */
import { checkRowShape } from '../domain/intake/delimited';
import { endsEmpty, endsEveryLine } from '../domain/intake/read-table';
import { buildRejectedRowsCsv, collectReportRows } from '../domain/export/rejected-report';
import { reportDelimiterFor } from '../domain/export/spreadsheet-file';
import {
  constantColumnName,
  mappingSignature,
  toFieldMapping,
  type ColumnMapping,
  type FieldSource,
} from '../domain/mapping/mapping';
import { contactsOfPart, spreadIndexes } from '../domain/submission/verification';
import { ROWS_PER_STEP, pauseAt, progressOf, runSteps, type Steps } from '../domain/progress/steps';
import { formatCount, type RowProblem } from '../domain/validation/problems';
import { fieldLabel } from '../domain/validation/rules';
import { planSubmission, type SubmitPolicy } from '../domain/validation/submit-policy';
import { codedKindOf, proposeCodedValue } from '../domain/validation/coded-values';
import {
  DuplicateIndex,
  MatchBatch,
  duplicateWarnings,
  mergeGroup,
  rowMatchName,
  rowMatchValues,
  type MatchValues,
} from '../domain/validation/duplicates';
import { ProblemTally } from '../domain/validation/summaries';
import {
  collectContactProblems,
  createCheckContext,
  type ContactCheckContext,
} from '../domain/validation/validate-contact';
import { PLACE_FIELDS, placeOf } from '../domain/validation/place';
import type { PlaceEvidence } from '../domain/validation/timezone-proposals';
import { checkTimezone } from '../domain/validation/timezones';
import { createRowChecker, type RowChecker } from '../domain/validation/row-checker';
import type { Rows } from '../domain/intake/row-store';
import { CHANNEL_KEYS, findContactField } from '../domain/whispir/contact-fields';
import type {
  CodedValues,
  FieldCount,
  FixKind,
  ProblemCount,
  ReviewColumn,
  ReviewFilter,
  ReviewProblem,
  ReviewProblemCode,
  ReviewRow,
  ReviewSummary,
  ReviewWindow,
} from './review-types';

/** The part of the intake result the review needs. */
export interface ReviewTable {
  readonly headers: readonly string[];
  readonly rows: Rows;
  readonly rowNumbers: readonly number[];
  /** The separator of a delimited file, for the "unquoted comma?" hint; undefined otherwise. */
  readonly delimiter?: string;
  /** What reading found; a row that is no contact at all (`UNREADABLE_CODES`) is an error. */
  readonly problems?: readonly {
    readonly code: string;
    readonly severity: string;
    readonly message: string;
    readonly row?: number;
    readonly rows?: readonly number[];
  }[];
}

/**
 * Reading's codes for a row that holds no contact at all: a JSON item that is text or a list, a
 * JSON Lines line cut short. The row is kept with no values and this error, so it is counted
 * and rejected with its reason unless the person types its values in or skips it.
 */
const UNREADABLE_CODES: ReadonlySet<string> = new Set(['json-invalid', 'json-item-not-object']);

type Source =
  | { readonly kind: 'column'; readonly index: number }
  | { readonly kind: 'value'; readonly value: string };

interface CellChange {
  readonly index: number;
  readonly field: string;
  /** Overlay value before and after; undefined = the file's own value. */
  readonly before: string | undefined;
  readonly after: string | undefined;
}

type Operation =
  | {
      readonly kind: 'cells';
      readonly label: string;
      readonly changes: readonly CellChange[];
      /** A row whose field-count problem this edit settled (the user looked at the row). */
      readonly shapeReviewed?: number;
    }
  | {
      readonly kind: 'skip';
      readonly label: string;
      readonly indexes: readonly number[];
      readonly skipped: boolean;
    }
  | {
      /** "Send one of each": the keepers' blanks filled, the other rows skipped with a reason. */
      readonly kind: 'merge';
      readonly label: string;
      readonly changes: readonly CellChange[];
      readonly skips: readonly { readonly index: number; readonly reason: string }[];
    };

export const PROBLEM_LABELS: Readonly<Record<ReviewProblemCode, string>> = {
  'required-missing': 'Required value missing',
  'no-channel': 'No email or mobile',
  'email-invalid': 'Not an email address',
  'email-case': 'Email has capital letters',
  'phone-invalid': 'Not a usable phone number',
  'phone-needs-country-code': 'Phone without country code',
  'phone-format': 'Phone with spaces or symbols',
  'phone-extension': 'Phone with an extension',
  'timezone-invalid': 'Unknown time zone',
  'timezone-format': 'Time zone written differently',
  'country-unknown': 'Unknown country',
  'country-code': 'Country code instead of name',
  'country-alias': 'Country spelled differently',
  'status-invalid': 'Not a Whispir status',
  'phone-landline': 'Landline in a mobile field',
  'phone-is-mobile': 'Mobile in a phone field',
  whitespace: 'Spaces around a value',
  'formula-guard': 'Apostrophe from a spreadsheet export',
  'name-not-split': 'Whole name in first and last name',
  'several-values': 'Several values in one address field',
  'duplicate-contact': 'Same person as another row',
  'row-too-many-fields': 'Row has too many fields',
  'row-too-few-fields': 'Row has too few fields',
  'row-unreadable': 'Not a contact in the file',
};

const EMPTY: readonly ReviewProblem[] = [];

/** The rows reading found to hold no contact, by index, with its reason. */
function unreadableRowsOf(table: ReviewTable): ReadonlyMap<number, string> {
  const byNumber = new Map<number, string>();
  for (const found of table.problems ?? []) {
    if (found.severity !== 'error' || !UNREADABLE_CODES.has(found.code)) continue;
    if (found.row !== undefined) byNumber.set(found.row, found.message);
    // Past the ones named one by one, the rest share one problem: each row is told it alone.
    for (const row of found.rows ?? [])
      byNumber.set(
        row,
        `${found.message.includes(' more lines ') ? 'Line' : 'Item'} ${row} is not a contact.`,
      );
  }
  const byIndex = new Map<number, string>();
  if (byNumber.size === 0) return byIndex;
  table.rowNumbers.forEach((number, index) => {
    const message = byNumber.get(number);
    if (message !== undefined) byIndex.set(index, message);
  });
  return byIndex;
}

/** Between a column's name and its field in an edit's source key (no header has it). */
const FIELD_OF_SHARED = '\u0000';

/**
 * An edit's source key read back: `column:<name>\0<field>[\0shared]` for a column (shared: it
 * fed other fields too), `field:<field>` for a value, `added:<field>` for an added field.
 */
function parseSourceKey(key: string): {
  readonly kind: string;
  readonly name: string;
  readonly column: string;
  readonly field: string | undefined;
  readonly shared: boolean;
} {
  const [kind = '', ...rest] = key.split(':');
  const name = rest.join(':');
  const [column = '', field, shared] = name.split(FIELD_OF_SHARED);
  return { kind, name, column, field, shared: shared !== undefined };
}

/** Fields a row's match keys depend on (the country completes local mobiles). */
const MATCH_FIELDS: ReadonlySet<string> = new Set([
  'firstName',
  'lastName',
  ...CHANNEL_KEYS,
  'workCountry',
]);

/** A coded field with more distinct values than this is not offered as a values panel. */
export const MAX_CODED_VALUES = 50;

function describeSource(source: FieldSource): string {
  switch (source.kind) {
    case 'column':
      return `column ${source.column}`;
    case 'constant':
      return 'set for every row';
    case 'empty':
      return 'left empty';
  }
}

/** One line per column whose edits are set aside: "3 edits were in the Email column". */
function setAsideCounts(edits: readonly CarriedEdit[]): ReviewSummary['setAside'] {
  const bySource = new Map<string, { label: string; count: number }>();
  for (const edit of edits) {
    const entry = bySource.get(edit.source) ?? { label: edit.label, count: 0 };
    entry.count++;
    bySource.set(edit.source, entry);
  }
  return [...bySource].map(([source, { label, count }]) => {
    const { kind, column, field } = parseSourceKey(source);
    return {
      source:
        kind === 'column'
          ? `the ${column} column${field ? ` (as ${fieldLabel(field)})` : ''}`
          : label,
      count,
    };
  });
}

/** An edit as another mapping's review can place it again. */
export interface CarriedEdit {
  readonly index: number;
  /** `column:<header>`, `field:<key>` (a value set on the review) or `added:<key>` (by a fix). */
  readonly source: string;
  /** The field's label where the edit was made, for words about it. */
  readonly label: string;
  readonly value: string;
}

/** What one review hands to the review of another mapping of the same file. */
export interface ReviewWork {
  readonly edits: readonly CarriedEdit[];
  readonly setAside: readonly CarriedEdit[];
  readonly skips: readonly { readonly index: number; readonly reason?: string }[];
  readonly shapeReviewed: readonly number[];
  readonly policy: SubmitPolicy;
}

function pluralRows(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'row' : 'rows'}`;
}

function sortedNumbers(values: Iterable<number>): number[] {
  return [...values].sort((a, b) => a - b);
}

export class ReviewSession {
  readonly mappingSignature: string;
  private readonly fields: string[];
  private readonly sources: Source[];
  /** Each field's column in the table, -1 for a field with one value (`sources`, for reading rows). */
  private readonly sourceColumns: number[];
  /** The fields with one value that is not blank, and that value. */
  private readonly constants: [number, string][];
  private readonly columns: ReviewColumn[];
  private readonly context: ContactCheckContext;
  private readonly overlay = new Map<number, Map<string, string>>();
  private readonly shapeReviewed = new Set<number>();
  /** Rows that hold no contact at all, by index, with reading's reason (`UNREADABLE_CODES`). */
  private readonly unreadableRows: ReadonlyMap<number, string>;
  /** Whether the file ends every line with a separator (`endsEveryLine`), once counted. */
  private trailingSeparators: boolean | undefined;
  private readonly own = new Map<number, ReviewProblem[]>();
  private readonly duplicates = new Map<number, ReviewProblem[]>();
  /** The problems of `own` and `duplicates` counted, kept up to date as they change. */
  private tally = new ProblemTally();
  private readonly errorRows = new Set<number>();
  private readonly skipped = new Set<number>();
  /** Edits carried from another mapping with no place in this one (their column is unmapped). */
  private readonly setAside: CarriedEdit[] = [];
  /** Fields a fix added to the mapping (a landline moved into Work phone). */
  private readonly addedFields = new Set<string>();
  /** Why a row was skipped, when the wizard skipped it for the user ("merged into row 4"). */
  private readonly skipReasons = new Map<number, string>();
  /** Rows (not skipped) under their match keys: the same person on several rows. */
  private readonly people: DuplicateIndex;
  /** For `keysOf`, which the index may call while a row's own check is using `channelScratch`. */
  private readonly keysScratch: (string | undefined)[] = new Array(CHANNEL_KEYS.length);
  private duplicateCounts = { groups: 0, rows: 0 };
  private readonly channelScratch: (string | undefined)[] = new Array(CHANNEL_KEYS.length);
  private readonly undoStack: Operation[] = [];
  private readonly redoStack: Operation[] = [];
  private policy: SubmitPolicy = 'skip-invalid';
  private version = 1;
  private filterCache: { key: string; version: number; indexes: number[] } | undefined;

  /** Checks every row at once (tests, and a mapping the user never reviewed). */
  static create(table: ReviewTable, mapping: ColumnMapping, carried?: ReviewWork): ReviewSession {
    return runSteps(ReviewSession.checking(table, mapping, carried));
  }

  /**
   * Checks every row, pausing with its progress; the session exists only once all are checked.
   * `carried` is the work of the review of another mapping of the same file: its edits land on
   * the field now filled from the same column (or the same field, for values set on the review),
   * its skips on the same rows; edits with no place in this mapping are set aside, not lost.
   */
  static *checking(
    table: ReviewTable,
    mapping: ColumnMapping,
    carried?: ReviewWork,
  ): Steps<ReviewSession> {
    const session = new ReviewSession(table, mapping);
    if (carried) session.adopt(carried);
    yield* session.validateAll();
    return session;
  }

  /** Where a field's values come from, as a key another mapping can find again. */
  private sourceKeyOf(fieldIndex: number): string {
    const field = this.fields[fieldIndex] as string;
    const source = this.sources[fieldIndex];
    if (this.addedFields.has(field)) return `added:${field}`;
    if (source?.kind === 'column' && source.index >= 0) {
      // The column and the field: another mapping gives the edit back to the same field while
      // the column still feeds it, else to the fields the column feeds now (the column was
      // moved to another field) — but only an edit of a column that fed this field alone: a
      // split whole name's last name is no first name.
      const shared = this.sources.some(
        (other, i) => i !== fieldIndex && other.kind === 'column' && other.index === source.index,
      );
      const key = `column:${this.table.headers[source.index] ?? ''}${FIELD_OF_SHARED}${field}`;
      return shared ? `${key}${FIELD_OF_SHARED}shared` : key;
    }
    return `field:${field}`;
  }

  /** The fields of this mapping that an edit keyed by `key` belongs to, if any. */
  private fieldsForSource(key: string): string[] | undefined {
    const { kind, name, column: columnName, field, shared } = parseSourceKey(key);
    if (kind === 'column') {
      const column = this.table.headers.indexOf(columnName);
      const fed = this.fields.filter((_, i) => {
        const source = this.sources[i];
        return source?.kind === 'column' && source.index === column;
      });
      if (field !== undefined && fed.includes(field)) return [field];
      return fed.length > 0 && !shared ? fed : undefined;
    }
    const at = this.fields.indexOf(name);
    // A field now filled from a column is the column's: an edit of the old per-row value
    // would hide the column the user just chose.
    if (at >= 0) return this.sources[at]?.kind === 'value' ? [name] : undefined;
    if (kind === 'added') {
      this.ensureField(name);
      return [name];
    }
    return undefined;
  }

  private adopt(work: ReviewWork): void {
    for (const edit of [...work.edits, ...work.setAside]) {
      const fields = this.fieldsForSource(edit.source);
      if (fields) for (const field of fields) this.setOverlay(edit.index, field, edit.value);
      else this.setAside.push(edit);
    }
    for (const skip of work.skips) {
      this.skipped.add(skip.index);
      if (skip.reason) this.skipReasons.set(skip.index, skip.reason);
    }
    for (const index of work.shapeReviewed) this.shapeReviewed.add(index);
    this.policy = work.policy;
  }

  /** The user's work here, for the review of another mapping to take over (see `checking`). */
  work(): ReviewWork {
    const edits: CarriedEdit[] = [];
    for (const [index, cells] of this.overlay)
      for (const [field, value] of cells) {
        const fieldIndex = this.fields.indexOf(field);
        if (fieldIndex >= 0)
          edits.push({
            index,
            source: this.sourceKeyOf(fieldIndex),
            label: fieldLabel(field),
            value,
          });
      }
    return {
      edits,
      setAside: [...this.setAside],
      skips: [...this.skipped].map((index) => ({ index, reason: this.skipReasons.get(index) })),
      shapeReviewed: [...this.shapeReviewed],
      policy: this.policy,
    };
  }

  /** Anything to carry to another mapping's review. */
  hasWork(): boolean {
    return (
      this.overlay.size > 0 ||
      this.skipped.size > 0 ||
      this.setAside.length > 0 ||
      this.policy !== 'skip-invalid'
    );
  }

  /** Forgets the edits set aside (their column is not imported). */
  dropSetAside(): number {
    const dropped = this.setAside.length;
    this.setAside.length = 0;
    if (dropped) this.version++;
    return dropped;
  }

  private constructor(
    private readonly table: ReviewTable,
    private readonly mapping: ColumnMapping,
  ) {
    this.mappingSignature = mappingSignature(mapping);
    this.unreadableRows = unreadableRowsOf(table);
    this.people = new DuplicateIndex(
      (index) => rowMatchName(this.contactOf(index)),
      (index) => this.keysOf(index),
      table.rows.length,
    );
    const entries = Object.entries(mapping).filter(
      (entry): entry is [string, FieldSource] => entry[1] !== undefined,
    );
    this.fields = entries.map(([field]) => field);
    const first = mapping.firstName;
    const last = mapping.lastName;
    this.context = createCheckContext({
      namesFromOneColumn:
        first?.kind === 'column' && last?.kind === 'column' && first.column === last.column,
    });
    this.sources = entries.map(([, source]) =>
      source.kind === 'column'
        ? { kind: 'column', index: table.headers.indexOf(source.column) }
        : { kind: 'value', value: source.kind === 'constant' ? source.value : '' },
    );
    this.sourceColumns = this.sources.map((source) =>
      source.kind === 'column' ? source.index : -1,
    );
    this.constants = this.sources.flatMap((source, f): [number, string][] =>
      source.kind === 'value' && source.value !== '' ? [[f, source.value]] : [],
    );
    this.columns = entries.map(([field, source]) => ({
      field,
      label: fieldLabel(field),
      source: describeSource(source),
    }));
  }

  // ---- values -----------------------------------------------------------------------------

  private originalValue(index: number, fieldIndex: number): string {
    const source = this.sources[fieldIndex];
    if (!source) return '';
    if (source.kind === 'value') return source.value;
    return source.index < 0 ? '' : (this.table.rows.cell(index, source.index) ?? '');
  }

  /** The row's value of each field, in the order of `fields`, into `values`. */
  private valuesOf(index: number, values: string[]): string[] {
    this.table.rows.cellsOf(index, this.sourceColumns, values);
    for (const [f, value] of this.constants) values[f] = value;
    const edits = this.overlay.size > 0 ? this.overlay.get(index) : undefined;
    if (edits) {
      for (let f = 0; f < this.fields.length; f++) {
        const edited = edits.get(this.fields[f] as string);
        if (edited !== undefined) values[f] = edited;
      }
    }
    return values;
  }

  /** The row as field → value. */
  private contactOf(index: number): Record<string, string> {
    const values = this.valuesOf(index, new Array<string>(this.fields.length));
    const contact: Record<string, string> = {};
    this.fields.forEach((field, f) => (contact[field] = values[f] as string));
    return contact;
  }

  private endsEveryLine(): boolean {
    if (this.trailingSeparators === undefined) {
      const { rows, headers } = this.table;
      let trailing = 0;
      for (let i = 0; i < rows.length; i++) {
        if (rows.width(i) > headers.length && endsEmpty(rows, i, headers.length)) trailing++;
      }
      this.trailingSeparators = endsEveryLine(trailing, rows.length);
    }
    return this.trailingSeparators;
  }

  private shapeProblem(index: number): ReviewProblem | undefined {
    if (this.shapeReviewed.has(index)) return undefined;
    const unreadable = this.unreadableRows.get(index);
    if (unreadable !== undefined)
      return {
        row: this.table.rowNumbers[index] ?? index + 1,
        field: null,
        code: 'row-unreadable',
        message: `${unreadable} Type its values into the row, or skip it.`,
        severity: 'error',
      };
    const width = this.table.headers.length;
    if (index >= this.table.rows.length || this.table.rows.width(index) === width) return undefined;
    const cells = this.table.rows.row(index);
    const rowNumber = this.table.rowNumbers[index] ?? index + 1;
    const found = checkRowShape(cells, width, rowNumber, this.table.delimiter ?? null);
    if (!found || (found.code !== 'row-too-many-fields' && found.code !== 'row-too-few-fields'))
      return undefined;
    // Extra values that are not empty sit in the wrong columns: sending them would create a
    // wrong contact, so the row needs a look (an edit of the row settles it) or a skip.
    const misplaced = cells.length > width && cells.slice(width).some((cell) => cell !== '');
    // Only empty fields past the header's, in a file that ends every line so: nothing to look
    // at. In other files the row may have its values shifted right by an unquoted comma.
    if (cells.length > width && !misplaced && this.endsEveryLine()) return undefined;
    return {
      row: rowNumber,
      field: null,
      code: found.code,
      message: misplaced
        ? `${found.message} The values may be in the wrong columns: correct the row or skip it.`
        : found.message,
      severity: misplaced ? 'error' : 'warning',
    };
  }

  // ---- validation -------------------------------------------------------------------------

  private *validateAll(): Steps<void> {
    const { rows } = this.table;
    const checker = createRowChecker(this.fields, this.context);
    const count = rows.length;
    const people = new MatchBatch(count);
    // The rows go in blocks through an ordinary method, so the hot loop is not a generator's.
    for (let start = 0; start < count; start += ROWS_PER_STEP) {
      if (start > 0) yield progressOf(start, count);
      this.addRows(checker, start, Math.min(count, start + ROWS_PER_STEP), people);
    }
    for (const _ of this.people.addAll(people)) yield progressOf(count, count);
    this.refreshDuplicates();
    const unreadable = this.unreadableRows.size > 0;
    for (let i = 0; i < count; i++) {
      if (pauseAt(i)) yield progressOf(count, count);
      if (
        rows.width(i) === this.table.headers.length &&
        !(unreadable && this.unreadableRows.has(i))
      )
        continue;
      const shape = this.shapeProblem(i);
      if (!shape) continue;
      const list = this.own.get(i);
      if (list) list.unshift(shape);
      else this.own.set(i, [shape]);
      if (shape.severity === 'error') this.errorRows.add(i);
    }
    this.recount();
  }

  /** Counts every problem held (once the rows are checked; changes then keep it up to date). */
  private recount(): void {
    this.tally = new ProblemTally();
    for (const problems of this.own.values()) this.tally.add(problems);
    for (const problems of this.duplicates.values()) this.tally.add(problems);
  }

  /** Every problem held: the rows' own, then the duplicate warnings. */
  private *allProblems(): Generator<ReviewProblem> {
    for (const problems of this.own.values()) yield* problems;
    for (const problems of this.duplicates.values()) yield* problems;
  }

  /** A row's own problems, replaced (none: `undefined`), and counted. */
  private setOwn(index: number, problems: ReviewProblem[] | undefined): void {
    const before = this.own.get(index);
    if (before) this.tally.remove(before);
    if (problems) {
      this.own.set(index, problems);
      this.tally.add(problems);
    } else if (before) this.own.delete(index);
  }

  private addRows(checker: RowChecker, from: number, to: number, people: MatchBatch): void {
    const { rowNumbers } = this.table;
    const channels = this.channelScratch;
    // One array of values for the block's rows, refilled: the check keeps nothing of it, and a
    // million new objects were garbage the collector had to chase.
    const values = new Array<string>(this.fields.length);
    const found: RowProblem[] = [];
    for (let i = from; i < to; i++) {
      this.valuesOf(i, values);
      if (!checker.check(rowNumbers[i] ?? i + 1, values, found, channels) && found.length > 0) {
        this.own.set(i, found.slice());
        if (found.some((p) => p.severity === 'error')) this.errorRows.add(i);
        found.length = 0;
      }
      // A skipped row (carried over from another mapping's review) is nobody's duplicate.
      if (!this.skipped.has(i)) people.add(i, channels);
    }
  }

  /** The row's match keys as it stands (one check of the row). */
  private keysOf(index: number): MatchValues {
    const contact = this.contactOf(index);
    collectContactProblems(contact, 0, this.context, [], this.keysScratch);
    return rowMatchValues(this.keysScratch);
  }

  /** The "same person as row N" warnings, from the groups as they stand. */
  private refreshDuplicates(): void {
    for (const problems of this.duplicates.values()) this.tally.remove(problems);
    this.duplicates.clear();
    this.duplicateCounts = { groups: 0, rows: 0 };
    if (this.people.isEmpty) return;
    const rowNumberOf = (index: number) => this.table.rowNumbers[index] ?? index + 1;
    const groups = this.people.groups();
    for (const group of groups)
      for (const { index, problem } of duplicateWarnings(group, rowNumberOf))
        this.duplicates.set(index, [problem]);
    for (const problems of this.duplicates.values()) this.tally.add(problems);
    this.duplicateCounts = { groups: groups.length, rows: this.duplicates.size };
  }

  /** Checks one row again after a change, and returns its match keys as they now stand. */
  private revalidate(index: number): MatchValues {
    const out: RowProblem[] = [];
    const rowNumber = this.table.rowNumbers[index] ?? index + 1;
    const contact = this.contactOf(index);
    collectContactProblems(contact, rowNumber, this.context, out, this.channelScratch);
    const shape = this.shapeProblem(index);
    const problems: ReviewProblem[] = shape ? [shape, ...out] : out;
    this.setOwn(index, problems.length > 0 ? problems : undefined);
    if (problems.some((p) => p.severity === 'error')) this.errorRows.add(index);
    else this.errorRows.delete(index);
    return rowMatchValues(this.channelScratch);
  }

  private problemsOf(index: number): readonly ReviewProblem[] {
    const own = this.own.get(index);
    const dups = this.duplicates.get(index);
    if (own && dups) return [...own, ...dups];
    return own ?? dups ?? EMPTY;
  }

  // ---- changes ----------------------------------------------------------------------------

  private setOverlay(index: number, field: string, value: string | undefined): void {
    let edits = this.overlay.get(index);
    if (value === undefined) {
      edits?.delete(field);
      if (edits && edits.size === 0) this.overlay.delete(index);
      return;
    }
    if (!edits) this.overlay.set(index, (edits = new Map()));
    edits.set(field, value);
  }

  private changeFor(index: number, field: string, value: string): CellChange | undefined {
    const fieldIndex = this.fields.indexOf(field);
    if (fieldIndex < 0) return undefined;
    const before = this.overlay.get(index)?.get(field);
    const original = this.originalValue(index, fieldIndex);
    const after = value === original ? undefined : value;
    if (before === after) return undefined;
    return { index, field, before, after };
  }

  private applyCells(changes: readonly CellChange[], useAfter: boolean): boolean {
    const touched = new Map<number, boolean>();
    for (const change of changes) {
      const keyed = MATCH_FIELDS.has(change.field);
      if (keyed && !touched.get(change.index) && !this.skipped.has(change.index))
        // Before the first change of a row's match fields: its keys as the index holds them.
        this.people.remove(change.index, this.keysOf(change.index));
      touched.set(change.index, (touched.get(change.index) ?? false) || keyed);
    }
    // Undone in reverse, so a cell changed twice in one step (a fix, then a move) ends as it was.
    const ordered = useAfter ? changes : [...changes].reverse();
    for (const change of ordered)
      this.setOverlay(change.index, change.field, useAfter ? change.after : change.before);
    let keysChanged = false;
    for (const [index, keyed] of touched) {
      const keys = this.revalidate(index);
      if (keyed && !this.skipped.has(index)) {
        this.people.add(index, keys);
        keysChanged = true;
      }
    }
    return keysChanged;
  }

  /** A skipped row is not sent, so it is nobody's duplicate; a restored row is again. */
  private applySkip(indexes: readonly number[], skipped: boolean): boolean {
    let changed = false;
    for (const index of indexes) {
      if (this.skipped.has(index) === skipped) continue;
      const keys = this.keysOf(index);
      if (skipped) {
        this.skipped.add(index);
        this.people.remove(index, keys);
      } else {
        this.skipped.delete(index);
        this.people.add(index, keys);
      }
      changed ||= keys.some((value) => value !== undefined);
    }
    return changed;
  }

  private perform(operation: Operation, forward: boolean): void {
    let keysChanged: boolean;
    if (operation.kind === 'cells') {
      if (operation.shapeReviewed !== undefined) {
        if (forward) this.shapeReviewed.add(operation.shapeReviewed);
        else this.shapeReviewed.delete(operation.shapeReviewed);
      }
      keysChanged = this.applyCells(operation.changes, forward);
    } else if (operation.kind === 'skip') {
      keysChanged = this.applySkip(
        operation.indexes,
        forward ? operation.skipped : !operation.skipped,
      );
    } else {
      // Skips after the fills going forward, before them going back, so the index sees each
      // row's keys as they are when it leaves or rejoins.
      const indexes = operation.skips.map((skip) => skip.index);
      if (forward) {
        keysChanged = this.applyCells(operation.changes, true);
        keysChanged = this.applySkip(indexes, true) || keysChanged;
        for (const skip of operation.skips) this.skipReasons.set(skip.index, skip.reason);
      } else {
        keysChanged = this.applySkip(indexes, false);
        keysChanged = this.applyCells(operation.changes, false) || keysChanged;
        for (const skip of operation.skips) this.skipReasons.delete(skip.index);
      }
    }
    if (keysChanged) this.refreshDuplicates();
    this.version++;
  }

  private record(operation: Operation): void {
    this.undoStack.push(operation);
    this.redoStack.length = 0;
    this.perform(operation, true);
  }

  /** True once the user changed anything here: an edit, a fix, a skip (even undone), the policy. */
  hasChanges(): boolean {
    return this.undoStack.length > 0 || this.redoStack.length > 0 || this.policy !== 'skip-invalid';
  }

  /** Sets one cell (a Whispir field of one row) and checks the row again. */
  editCell(index: number, field: string, value: string): void {
    if (index < 0 || index >= this.table.rows.length) return;
    const change = this.changeFor(index, field, value);
    const shape = this.shapeProblem(index);
    if (!change && !shape) return;
    const rowNumber = this.table.rowNumbers[index] ?? index + 1;
    this.record({
      kind: 'cells',
      label: `edit of ${fieldLabel(field)} in row ${rowNumber}`,
      changes: change ? [change] : [],
      shapeReviewed: shape ? index : undefined,
    });
  }

  /**
   * Adds a field the mapping does not have, empty in every row, so a fix can move a value into it
   * (a landline from Work mobile into Work phone). It is then part of the upload like any other.
   */
  private ensureField(field: string): void {
    if (this.fields.includes(field)) return;
    this.addedFields.add(field);
    this.fields.push(field);
    this.sources.push({ kind: 'value', value: '' });
    this.sourceColumns.push(-1);
    this.columns.push({ field, label: fieldLabel(field), source: 'added by a fix' });
  }

  /** Applies every suggested fix of one kind (for one field, or all fields). */
  applyFix(kind: FixKind, field: string | 'all'): number {
    const changes: CellChange[] = [];
    for (const [index, problems] of this.own) {
      for (const p of problems) {
        const fix = p.fix;
        if (!fix || fix.kind !== kind || (field !== 'all' && fix.field !== field)) continue;
        const change = this.changeFor(index, fix.field, fix.value);
        if (change) changes.push(change);
        if (fix.alsoSet) {
          this.ensureField(fix.alsoSet.field);
          const also = this.changeFor(index, fix.alsoSet.field, fix.alsoSet.value);
          if (also) changes.push(also);
        }
      }
    }
    if (changes.length === 0) return 0;
    const cells = `${formatCount(changes.length)} ${changes.length === 1 ? 'cell' : 'cells'}`;
    this.record({
      kind: 'cells',
      label: `fix of ${field === 'all' ? cells : `${cells} of ${fieldLabel(field)}`}`,
      changes,
    });
    return changes.length;
  }

  /** Skips or restores rows; 'all-with-errors' means every row that still has an error. */
  setSkipped(target: readonly number[] | 'all-with-errors', skipped: boolean): number {
    const candidates = target === 'all-with-errors' ? sortedNumbers(this.errorRows) : target;
    const indexes = candidates.filter(
      (index) =>
        index >= 0 && index < this.table.rows.length && this.skipped.has(index) !== skipped,
    );
    if (indexes.length === 0) return 0;
    const rows =
      indexes.length === 1
        ? `row ${this.table.rowNumbers[indexes[0] as number] ?? ''}`
        : `${formatCount(indexes.length)} rows`;
    this.record({
      kind: 'skip',
      label: `${skipped ? 'skip' : 'restore'} of ${rows}`,
      indexes,
      skipped,
    });
    return indexes.length;
  }

  /**
   * Every suggested fix at once, as one step: the fixes on offer now, then those that only
   * appear once these are made (a landline is recognised once its number is in Whispir's form).
   * Returns the number of cells changed.
   */
  applyAllFixes(): number {
    const all: CellChange[] = [];
    for (let round = 0; round < 4; round++) {
      const changes: CellChange[] = [];
      for (const [index, problems] of this.own) {
        if (this.skipped.has(index)) continue;
        // One fix per cell a round: two fixes of one cell would each start from its old value.
        const used = new Set<string>();
        for (const { fix } of problems) {
          if (!fix || used.has(fix.field) || (fix.alsoSet && used.has(fix.alsoSet.field))) continue;
          used.add(fix.field);
          const change = this.changeFor(index, fix.field, fix.value);
          if (change) changes.push(change);
          if (fix.alsoSet) {
            used.add(fix.alsoSet.field);
            this.ensureField(fix.alsoSet.field);
            const also = this.changeFor(index, fix.alsoSet.field, fix.alsoSet.value);
            if (also) changes.push(also);
          }
        }
      }
      if (changes.length === 0) break;
      this.applyCells(changes, true);
      all.push(...changes);
    }
    if (all.length === 0) return 0;
    // Applied round by round above; recorded once, so one undo takes every round back.
    this.applyCells(all, false);
    this.record({
      kind: 'cells',
      label: `every suggested fix (${formatCount(all.length)} ${all.length === 1 ? 'cell' : 'cells'})`,
      changes: all,
    });
    return all.length;
  }

  /** Rows the filter selects, as indexes (every row for 'all'). */
  private selected(filter: ReviewFilter): number[] {
    return (
      this.indexesFor(filter) ?? Array.from({ length: this.table.rows.length }, (_, index) => index)
    );
  }

  /** Sets one value in a column, for every row the filter shows (undoable as one step). */
  setColumn(field: string, value: string, filter: ReviewFilter): number {
    const changes = this.selected(filter).flatMap(
      (index) => this.changeFor(index, field, value) ?? [],
    );
    if (changes.length === 0) return 0;
    this.record({
      kind: 'cells',
      label: `${fieldLabel(field)} set to "${value}" in ${pluralRows(changes.length)}`,
      changes,
    });
    return changes.length;
  }

  /**
   * Replaces text in a column, in every row the filter shows: `find` anywhere in the cell (any
   * case), or the whole cell when `wholeCell`.
   */
  replaceInColumn(
    field: string,
    find: string,
    replacement: string,
    filter: ReviewFilter,
    wholeCell = false,
  ): number {
    const fieldIndex = this.fields.indexOf(field);
    if (fieldIndex < 0 || find === '') return 0;
    const lower = find.toLowerCase();
    const pattern = new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    const changes: CellChange[] = [];
    for (const index of this.selected(filter)) {
      const current = this.overlay.get(index)?.get(field) ?? this.originalValue(index, fieldIndex);
      const next = wholeCell
        ? current.trim().toLowerCase() === lower.trim()
          ? replacement
          : current
        : current.replace(pattern, () => replacement);
      if (next === current) continue;
      const change = this.changeFor(index, field, next);
      if (change) changes.push(change);
    }
    if (changes.length === 0) return 0;
    this.record({
      kind: 'cells',
      label: `"${find}" replaced with "${replacement}" in ${fieldLabel(field)}, ${pluralRows(changes.length)}`,
      changes,
    });
    return changes.length;
  }

  /**
   * The distinct values of a coded field (status, a country, a time zone, or any field with a
   * short list of values), with how many rows hold each and the value Whispir takes proposed;
   * undefined when the column holds more than `MAX_CODED_VALUES` distinct values.
   */
  codedValues(field: string): CodedValues | undefined {
    const fieldIndex = this.fields.indexOf(field);
    if (fieldIndex < 0) return undefined;
    const kind = codedKindOf(field, findContactField(field)?.format);
    const counts = new Map<string, number>();
    // A time zone abbreviation is read in its rows' places ("EST" in Queensland): the places
    // (state, city, country) each value that is not a zone already is found with.
    const placeFields = [...PLACE_FIELDS.state, ...PLACE_FIELDS.city, ...PLACE_FIELDS.country];
    const readsPlaces =
      kind === 'timezone' && placeFields.some((name) => this.fields.includes(name));
    const places = new Map<string, Map<string, Omit<PlaceEvidence, 'timezoneText'>>>();
    const isZone = new Map<string, boolean>();
    for (let index = 0; index < this.table.rows.length; index++) {
      if (this.skipped.has(index)) continue;
      const value = this.overlay.get(index)?.get(field) ?? this.originalValue(index, fieldIndex);
      counts.set(value, (counts.get(value) ?? 0) + 1);
      if (counts.size > MAX_CODED_VALUES) return undefined;
      if (!readsPlaces) continue;
      let zone = isZone.get(value);
      if (zone === undefined) isZone.set(value, (zone = checkTimezone(value).kind === 'valid'));
      if (zone) continue;
      const place = placeOf((name) => {
        const at = this.fields.indexOf(name);
        return at < 0
          ? undefined
          : (this.overlay.get(index)?.get(name) ?? this.originalValue(index, at));
      });
      const seen = places.get(value) ?? new Map<string, Omit<PlaceEvidence, 'timezoneText'>>();
      if (seen.size <= MAX_CODED_VALUES) seen.set(JSON.stringify(place), place);
      places.set(value, seen);
    }
    return {
      field,
      label: fieldLabel(field),
      kind: kind ?? 'text',
      values: [...counts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([value, count]) => ({
          value,
          count,
          proposed: kind
            ? proposeCodedValue(kind, value, [...(places.get(value)?.values() ?? [])])
            : undefined,
        })),
    };
  }

  /** Rewrites a coded field's values as mapped (`from` → `to`), in every row, as one step. */
  applyValueMap(field: string, map: Readonly<Record<string, string>>): number {
    const fieldIndex = this.fields.indexOf(field);
    if (fieldIndex < 0) return 0;
    const changes: CellChange[] = [];
    for (let index = 0; index < this.table.rows.length; index++) {
      const current = this.overlay.get(index)?.get(field) ?? this.originalValue(index, fieldIndex);
      const next = Object.hasOwn(map, current) ? map[current] : undefined;
      if (next === undefined || next === current) continue;
      const change = this.changeFor(index, field, next);
      if (change) changes.push(change);
    }
    if (changes.length === 0) return 0;
    this.record({
      kind: 'cells',
      label: `values of ${fieldLabel(field)} in ${pluralRows(changes.length)}`,
      changes,
    });
    return changes.length;
  }

  /**
   * "Send one of each": every group of rows that are one person becomes its fullest row, with
   * blanks filled from the others, and the others skipped ("merged into row 4"). One step.
   */
  mergeDuplicates(): { groups: number; skipped: number } {
    const groups = this.people.groups();
    const changes: CellChange[] = [];
    const skips: { index: number; reason: string }[] = [];
    for (const group of groups) {
      const rows = group.rows.map((index) => ({ index, contact: this.contactOf(index) }));
      // Only a row that will be sent can stand for the others: one still in error would leave
      // the person out. A group with no such row is left for the person to fix.
      const { keeper, fill } = mergeGroup(rows, (index) => !this.errorRows.has(index));
      if (keeper < 0) continue;
      for (const [field, value] of Object.entries(fill)) {
        const change = this.changeFor(keeper, field, value);
        if (change) changes.push(change);
      }
      const keeperRow = this.table.rowNumbers[keeper] ?? keeper + 1;
      for (const index of group.rows)
        if (index !== keeper)
          skips.push({ index, reason: `the same person as row ${keeperRow}, merged into it` });
    }
    if (skips.length === 0) return { groups: 0, skipped: 0 };
    this.record({
      kind: 'merge',
      label: `one of each of ${formatCount(groups.length)} ${groups.length === 1 ? 'person' : 'people'} (${pluralRows(skips.length)} merged)`,
      changes,
      skips,
    });
    return { groups: groups.length, skipped: skips.length };
  }

  undo(): boolean {
    const operation = this.undoStack.pop();
    if (!operation) return false;
    this.perform(operation, false);
    this.redoStack.push(operation);
    return true;
  }

  redo(): boolean {
    const operation = this.redoStack.pop();
    if (!operation) return false;
    this.perform(operation, true);
    this.undoStack.push(operation);
    return true;
  }

  setPolicy(policy: SubmitPolicy): void {
    if (policy === this.policy) return;
    this.policy = policy;
    this.version++;
  }

  // ---- reading ----------------------------------------------------------------------------

  private indexesFor(filter: ReviewFilter): number[] | undefined {
    if (filter.kind === 'all') return undefined;
    const key = JSON.stringify(filter);
    if (this.filterCache?.key === key && this.filterCache.version === this.version)
      return this.filterCache.indexes;
    let indexes: number[];
    if (filter.kind === 'errors') indexes = sortedNumbers(this.errorRows);
    else if (filter.kind === 'skipped') indexes = sortedNumbers(this.skipped);
    else {
      const matches = (p: ReviewProblem) =>
        filter.kind === 'field' ? p.field === filter.field : p.code === filter.code;
      const found = new Set<number>();
      for (const map of [this.own, this.duplicates])
        for (const [index, problems] of map) if (problems.some(matches)) found.add(index);
      indexes = sortedNumbers(found);
    }
    this.filterCache = { key, version: this.version, indexes };
    return indexes;
  }

  private rowAt(index: number): ReviewRow {
    const contact = this.contactOf(index);
    const edits = this.overlay.get(index);
    return {
      index,
      rowNumber: this.table.rowNumbers[index] ?? index + 1,
      values: this.fields.map((field) => contact[field] ?? ''),
      edited: edits ? [...edits.keys()] : [],
      problems: this.problemsOf(index),
      skipped: this.skipped.has(index),
    };
  }

  /** The rows the grid shows: `count` rows from position `start` of the filtered list. */
  window(start: number, count: number, filter: ReviewFilter): ReviewWindow {
    const indexes = this.indexesFor(filter);
    const total = indexes ? indexes.length : this.table.rows.length;
    const from = Math.max(0, Math.min(start, total));
    const to = Math.min(total, from + Math.max(0, count));
    const rows: ReviewRow[] = [];
    for (let position = from; position < to; position++)
      rows.push(this.rowAt(indexes ? (indexes[position] as number) : position));
    return { version: this.version, total, start: from, rows };
  }

  /**
   * Position (in the filtered list) of the next row after `after` that still has an error and
   * is not skipped, wrapping round; -1 when there is none.
   */
  nextError(filter: ReviewFilter, after: number, backwards = false): number {
    const indexes = this.indexesFor(filter);
    const total = indexes ? indexes.length : this.table.rows.length;
    if (total === 0) return -1;
    const open = (position: number) => {
      const index = indexes ? (indexes[position] as number) : position;
      return this.errorRows.has(index) && !this.skipped.has(index);
    };
    if (!indexes) {
      // The whole file: walk the (sorted) error rows rather than every row.
      const candidates = sortedNumbers(this.errorRows).filter((i) => !this.skipped.has(i));
      if (candidates.length === 0) return -1;
      if (backwards) {
        for (let k = candidates.length - 1; k >= 0; k--)
          if ((candidates[k] as number) < after) return candidates[k] as number;
        return candidates[candidates.length - 1] as number;
      }
      return candidates.find((i) => i > after) ?? (candidates[0] as number);
    }
    for (let step = 1; step <= total; step++) {
      const position = (((backwards ? after - step : after + step) % total) + total) % total;
      if (open(position)) return position;
    }
    return -1;
  }

  summary(): ReviewSummary {
    const { byCode, byField, fixes } = this.tally;
    const codes: ProblemCount[] = (Object.keys(PROBLEM_LABELS) as ReviewProblemCode[]).flatMap(
      (code) => {
        const entry = byCode.get(code);
        return entry
          ? [{ code, label: PROBLEM_LABELS[code], severity: entry.severity, count: entry.count }]
          : [];
      },
    );
    // Most errors first, then most warnings, then in the grid's order (whole-row problems first).
    const fields: FieldCount[] = [...byField]
      .map(([field, counts]) => ({
        field,
        label: field === null ? 'Whole row' : fieldLabel(field),
        ...counts,
      }))
      .sort(
        (a, b) =>
          b.errors - a.errors ||
          b.warnings - a.warnings ||
          this.fields.indexOf(a.field ?? '') - this.fields.indexOf(b.field ?? ''),
      );
    const total = this.table.rows.length;
    const plan = planSubmission({
      totalRows: total,
      skippedRows: this.skipped,
      rowsWithErrors: this.errorRows,
      policy: this.policy,
    });
    let openErrorRows = 0;
    for (const index of this.errorRows) if (!this.skipped.has(index)) openErrorRows++;
    const undo = this.undoStack[this.undoStack.length - 1];
    const redo = this.redoStack[this.redoStack.length - 1];
    return {
      version: this.version,
      columns: this.columns,
      totalRows: total,
      rowsWithErrors: this.errorRows.size,
      openErrorRows,
      byCode: codes,
      byField: fields,
      fixes: fixes.summaries(() => this.allProblems()),
      policy: this.policy,
      blocked: plan.blocked,
      held: plan.held,
      // Under 'block' the rows that would go once the errors are settled count as sent, so the
      // three numbers still add up to the file.
      accounting: {
        total,
        sent: plan.send + plan.held,
        skipped: plan.skipped,
        rejected: plan.rejected,
      },
      message: plan.message,
      duplicates: this.duplicateCounts,
      setAside: setAsideCounts(this.setAside),
      rowsWithClearedValues: this.countRowsWithClearedValues(),
      undo: undo?.label,
      redo: redo?.label,
    };
  }

  /**
   * Cells of a row that will be sent whose value from the file is not sent: cleared (by a fix
   * or by hand), and not moved to another field of the row. "Work email “x” was cleared."
   */
  private clearedValues(index: number): string[] {
    const edits = this.overlay.get(index);
    if (!edits) return [];
    // Numbers written elsewhere in the row by this review (a move puts them in Whispir's form).
    const numbers = [...edits.values()]
      .map((value) => value.replace(/\D+/g, ''))
      .filter((digits) => digits.length >= 6);
    const cleared: string[] = [];
    for (const [field, value] of edits) {
      if (value.trim() !== '') continue;
      const original = this.originalValue(index, this.fields.indexOf(field));
      if (original.trim() === '') continue;
      // Moved, not lost: a landline now in Work phone, or each of a cell's two numbers now in
      // a field of its own ("0414 555 666 ::: 0414 555 667").
      const written = (original.match(/\+?\d[\d\s().-]*\d/g) ?? [])
        .map((run) => run.replace(/\D+/g, '').replace(/^0+/, ''))
        .filter((digits) => digits.length >= 6);
      if (
        written.length > 0 &&
        written.every((digits) => numbers.some((number) => number.endsWith(digits)))
      )
        continue;
      cleared.push(`${fieldLabel(field)} “${original}” was cleared and not sent`);
    }
    return cleared;
  }

  private countRowsWithClearedValues(): number {
    let rows = 0;
    for (const [index, edits] of this.overlay) {
      if (this.skipped.has(index) || this.errorRows.has(index)) continue;
      let blank = false;
      for (const value of edits.values()) if (value.trim() === '') blank = true;
      if (blank && this.clearedValues(index).length > 0) rows++;
    }
    return rows;
  }

  /**
   * The rows that will not be sent (skipped, or still in error), and the rows sent with a value of
   * the file cleared, as the report's CSV.
   */
  rejectedReport(): string {
    const clearedByRow = new Map<number, string[]>();
    const { rows, rowNumbers, headers } = this.table;
    const numberOf = (index: number) => rowNumbers[index] ?? index + 1;
    for (const index of this.overlay.keys()) {
      if (this.skipped.has(index) || this.errorRows.has(index)) continue;
      const cleared = this.clearedValues(index);
      if (cleared.length) clearedByRow.set(numberOf(index), cleared);
    }
    const candidates = sortedNumbers(
      new Set([
        ...this.errorRows,
        ...this.skipped,
        ...[...this.overlay.keys()].filter((index) => clearedByRow.has(numberOf(index))),
      ]),
    );
    const problemsByRow = new Map(
      candidates.map((i) => {
        const reason = this.skipReasons.get(i);
        const problems = this.problemsOf(i);
        // The wizard's own reason for a skip it made, first: the row is not lost, it is merged.
        return [
          numberOf(i),
          reason && this.skipped.has(i)
            ? [{ message: `Skipped: ${reason}.`, severity: 'error' as const }, ...problems]
            : problems,
        ];
      }),
    );
    const report = collectReportRows({
      rows: candidates.map((i) => ({ row: numberOf(i), values: rows.row(i) })),
      problemsByRow,
      skippedRows: new Set([...this.skipped].map(numberOf)),
      clearedByRow,
    });
    return buildRejectedRowsCsv(headers, report, reportDelimiterFor(this.table.delimiter));
  }

  // ---- upload -----------------------------------------------------------------------------

  /** Rows that go to Whispir, in file order; throws when the policy blocks the import. */
  uploadInput(): {
    headers: string[];
    rows: Iterable<readonly string[]>;
    /** The row at a position of `rows` (made again each time it is asked for). */
    rowAt: (position: number) => readonly string[];
    /** The file row number of the row at a position of `rows`. */
    rowNumberOf: (position: number) => number;
    /** How many rows `rows` gives. */
    rowCount: number;
    mapping: ColumnMapping;
    accounting: ReviewSummary['accounting'];
    /** Fields sent with no value in any row (no column, and none set on the review). */
    emptyFields: string[];
  } {
    const summary = this.summary();
    if (summary.blocked) throw new Error(summary.message);
    const width = this.table.headers.length;
    // Constant and empty fields become per-row columns of the same name as the domain gives
    // them, so an edited or fixed value of such a field reaches its row.
    // A column that feeds two fields (a whole name split into first and last name) gives the
    // second a copy of its own, so each field's edits reach only that field.
    const extra: { field: string; fieldIndex: number; name: string }[] = [];
    const mapping: Record<string, FieldSource> = {};
    const columnOf = new Map<string, number>();
    const usedColumns = new Set<number>();
    this.fields.forEach((field, fieldIndex) => {
      const source = this.sources[fieldIndex] as Source;
      if (source.kind === 'column' && !usedColumns.has(source.index)) {
        mapping[field] = this.mapping[field] as FieldSource;
        if (source.index >= 0) {
          columnOf.set(field, source.index);
          usedColumns.add(source.index);
        }
      } else {
        const name =
          source.kind === 'column'
            ? `${field} (from ${this.table.headers[source.index] ?? ''})`
            : constantColumnName(field);
        columnOf.set(field, width + extra.length);
        extra.push({ field, fieldIndex, name });
        mapping[field] = { kind: 'column', column: name };
      }
    });
    const headers = [...this.table.headers, ...extra.map(({ name }) => name)];
    const { skipped, errorRows, overlay } = this;
    const all = this.table.rows;
    const original = (index: number, fieldIndex: number) => this.originalValue(index, fieldIndex);
    // Under either policy a row still in error is not sent ('block' refuses above instead).
    const sent = new Int32Array(all.length);
    let count = 0;
    for (let index = 0; index < all.length; index++)
      if (!skipped.has(index) && !errorRows.has(index)) sent[count++] = index;
    const rowOf = (index: number): readonly string[] => {
      const cells = all.row(index);
      const edits = overlay.get(index);
      if (extra.length === 0 && !edits) return cells;
      const out = new Array<string>(width + extra.length);
      for (let c = 0; c < width; c++) out[c] = cells[c] ?? '';
      for (let e = 0; e < extra.length; e++)
        out[width + e] = original(index, (extra[e] as { fieldIndex: number }).fieldIndex);
      if (edits)
        for (const [field, value] of edits) {
          const column = columnOf.get(field);
          if (column !== undefined) out[column] = value;
        }
      return out;
    };
    // A part's rows are made again when its file is built: they must be the rows planned.
    const planned = this.version;
    const rowAt = (position: number): readonly string[] => {
      if (this.version !== planned)
        throw new Error(
          'The rows to send changed after the upload was planned. Go back to the import settings to plan it again.',
        );
      if (position < 0 || position >= count) throw new RangeError(`No row ${position} to send.`);
      return rowOf(sent[position] as number);
    };
    function* rows(): Generator<readonly string[]> {
      for (let position = 0; position < count; position++) yield rowOf(sent[position] as number);
    }
    const rowNumberOf = (position: number): number => {
      const index = sent[position] ?? position;
      return this.table.rowNumbers[index] ?? index + 1;
    };
    return {
      headers,
      rows: rows(),
      rowAt,
      rowNumberOf,
      rowCount: count,
      mapping,
      accounting: summary.accounting,
      emptyFields: this.fieldsSentEmpty(),
    };
  }

  /**
   * Fields with no column and no value for every row ("Leave empty", the Work mobile Whispir
   * requires of an email-only list, a time zone worked out on the review) that no row to send
   * got a value for on the review. Only the review's edits are read: the file has none there.
   */
  private fieldsSentEmpty(): string[] {
    const candidates = this.fields.filter((_, fieldIndex) => {
      const source = this.sources[fieldIndex] as Source;
      return source.kind === 'value' && source.value.trim() === '';
    });
    if (candidates.length === 0) return [];
    const filled = new Set<string>();
    for (const [index, edits] of this.overlay) {
      if (this.skipped.has(index) || this.errorRows.has(index)) continue;
      for (const [field, value] of edits) if (value.trim() !== '') filled.add(field);
      if (filled.size === candidates.length) break;
    }
    return candidates.filter((field) => !filled.has(field));
  }

  /**
   * Up to `size` of the rows that will be sent, spread through them, as Whispir fields: what the
   * check before sending looks up in the workspace. Every row when there are fewer.
   */
  uploadSample(size: number): Record<string, string>[] {
    const input = this.uploadInput();
    const picked = spreadIndexes(input.rowCount, size).map(input.rowAt);
    // The same reading of rows into Whispir fields as the check after sending uses.
    return contactsOfPart({ headers: input.headers, rows: picked }, toFieldMapping(input.mapping));
  }
}
