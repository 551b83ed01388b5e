/**
 * Messages between the UI and the intake worker. Rows stay in the worker; the UI receives
 * summaries and the windows of rows it shows.
 */
import type { IntakeOverrides } from '../domain/intake/read-table';
import type { Detection, IntakeProblem } from '../domain/intake';
import type { IntakeFormat } from '../domain/intake/format';
import type { SheetInfo } from '../domain/intake/workbook';
import type { ColumnMapping } from '../domain/mapping/mapping';
import type { ResourceFormat, ResourceMimeType } from '../domain/resource/formats';
import type { PartPlan } from '../domain/resource/parts';
import type { FixKind, ReviewFilter, RowAccountingCounts, SubmitPolicy } from './review-types';

export type { Detection, IntakeOverrides, IntakeProblem };
export type * from './review-types';

/** What the UI knows about the file it was given. */
export interface FileSummary {
  readonly fileName: string;
  readonly byteLength: number;
  /** False for the quick first look at a large file, while the rest is still being read. */
  readonly complete: boolean;
  readonly format?: IntakeFormat;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly looksMerged: boolean;
  readonly headerRow: number;
  readonly hasHeader: boolean;
  readonly sheets?: readonly SheetInfo[];
  readonly sheet?: string;
  readonly headers: readonly string[];
  readonly rowCount: number;
  readonly previewRows: readonly (readonly string[])[];
  /** File row number (1-based, as a spreadsheet shows it) of each preview row. */
  readonly previewRowNumbers: readonly number[];
  /**
   * Preview cells too long to show were cut to what the screens show; each is listed with its
   * full length (`row` indexes `previewRows`). The file's rows keep every character.
   */
  readonly shortenedCells?: readonly ShortenedCell[];
  readonly problems: readonly IntakeProblem[];
  readonly problemCount: number;
  readonly detections: readonly Detection[];
  readonly overrides: IntakeOverrides;
}

export interface ShortenedCell {
  readonly row: number;
  readonly column: number;
  readonly length: number;
}

export interface ReadProgress {
  /** Share of the work done (of the file read), 0..1. */
  readonly fraction: number;
  readonly rows: number;
  /** Rows in all, when known (checking rows, preparing the upload). */
  readonly total?: number;
}

/** The upload as planned in the worker: what the UI shows before sending. */
export interface UploadSummary {
  readonly format: ResourceFormat;
  readonly mimeType: ResourceMimeType;
  readonly fieldMapping: Readonly<Record<string, string>>;
  readonly rowCount: number;
  readonly parts: readonly PartPlan[];
  /** Every row of the file: sent + skipped + rejected = total. */
  readonly accounting: RowAccountingCounts;
}

export interface PartBody {
  readonly name: string;
  readonly base64: string;
}

export type WorkerRequest =
  | { readonly id: number; readonly type: 'open'; readonly file: File }
  | { readonly id: number; readonly type: 'reread'; readonly overrides: IntakeOverrides }
  | { readonly id: number; readonly type: 'rows'; readonly start: number; readonly count: number }
  | {
      readonly id: number;
      readonly type: 'prepare-upload';
      readonly mapping: ColumnMapping;
      readonly format: ResourceFormat;
    }
  | { readonly id: number; readonly type: 'part-body'; readonly part: number }
  | { readonly id: number; readonly type: 'validate'; readonly mapping: ColumnMapping }
  | { readonly id: number; readonly type: 'review-summary' }
  | {
      readonly id: number;
      readonly type: 'review-window';
      readonly start: number;
      readonly count: number;
      readonly filter: ReviewFilter;
    }
  | {
      readonly id: number;
      readonly type: 'next-error';
      readonly filter: ReviewFilter;
      readonly after: number;
      readonly backwards: boolean;
    }
  | {
      readonly id: number;
      readonly type: 'apply-fix';
      readonly kind: FixKind;
      readonly field: string | 'all';
    }
  | {
      readonly id: number;
      readonly type: 'edit-cell';
      readonly index: number;
      readonly field: string;
      readonly value: string;
    }
  | {
      readonly id: number;
      readonly type: 'set-skipped';
      readonly rows: readonly number[] | 'all-with-errors';
      readonly skipped: boolean;
    }
  | { readonly id: number; readonly type: 'merge-duplicates' }
  | { readonly id: number; readonly type: 'apply-all-fixes' }
  | { readonly id: number; readonly type: 'upload-sample'; readonly size: number }
  | { readonly id: number; readonly type: 'drop-set-aside' }
  | {
      readonly id: number;
      readonly type: 'set-column';
      readonly field: string;
      readonly value: string;
      readonly filter: ReviewFilter;
    }
  | {
      readonly id: number;
      readonly type: 'replace-in-column';
      readonly field: string;
      readonly find: string;
      readonly replacement: string;
      readonly filter: ReviewFilter;
      readonly wholeCell: boolean;
    }
  | { readonly id: number; readonly type: 'coded-values'; readonly field: string }
  | {
      readonly id: number;
      readonly type: 'apply-value-map';
      readonly field: string;
      readonly map: Readonly<Record<string, string>>;
    }
  | { readonly id: number; readonly type: 'undo' }
  | { readonly id: number; readonly type: 'redo' }
  | { readonly id: number; readonly type: 'set-policy'; readonly policy: SubmitPolicy }
  | { readonly id: number; readonly type: 'rejected-report' };

/** Stops the request `target` at its next pause; what it built so far is dropped. */
export interface CancelMessage {
  readonly type: 'cancel';
  readonly target: number;
}

export type WorkerInbound = WorkerRequest | CancelMessage;

export type WorkerResponse =
  | { readonly id: number; readonly type: 'result'; readonly value: unknown }
  | { readonly id: number; readonly type: 'preview'; readonly value: FileSummary }
  | { readonly id: number; readonly type: 'progress'; readonly value: ReadProgress }
  | {
      readonly id: number;
      readonly type: 'error';
      readonly message: string;
      /** The request was stopped by a cancel. */
      readonly cancelled?: boolean;
    };
