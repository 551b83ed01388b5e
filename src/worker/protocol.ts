/**
 * Messages between the UI and the intake worker. Rows stay in the worker; the UI receives
 * summaries and the windows of rows it shows.
 */
import type { ColumnMapping } from '../domain/mapping/mapping';

export interface IntakeProblemView {
  readonly code: string;
  readonly message: string;
  readonly row?: number;
  readonly severity: 'error' | 'warning' | 'info';
}

export interface Detection {
  readonly label: string;
  readonly value: string;
}

/** What the UI knows about the file it was given. */
export interface FileSummary {
  readonly fileName: string;
  readonly byteLength: number;
  readonly headers: readonly string[];
  readonly rowCount: number;
  readonly previewRows: readonly (readonly string[])[];
  /** File row number (1-based, as a spreadsheet shows it) of each preview row. */
  readonly previewRowNumbers: readonly number[];
  readonly problems: readonly IntakeProblemView[];
  readonly problemCount: number;
  readonly detections: readonly Detection[];
}

export interface BuiltResource {
  readonly fileName: string;
  readonly mimeType: 'text/csv';
  readonly base64: string;
  readonly byteLength: number;
  readonly rowCount: number;
  readonly fieldMapping: Readonly<Record<string, string>>;
}

export type WorkerRequest =
  | { readonly id: number; readonly type: 'open'; readonly file: File }
  | { readonly id: number; readonly type: 'rows'; readonly start: number; readonly count: number }
  | {
      readonly id: number;
      readonly type: 'build-resource';
      readonly mapping: ColumnMapping;
      readonly fileName: string;
    };

export type WorkerResponse =
  | { readonly id: number; readonly type: 'result'; readonly value: unknown }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
