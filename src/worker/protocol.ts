/**
 * Messages between the UI and the intake worker. Rows stay in the worker; the UI receives
 * summaries and the windows of rows it shows.
 */
import type { ColumnMapping } from '../domain/mapping/mapping';
import type { ResourceFormat, ResourceMimeType } from '../domain/resource/formats';
import type { PartPlan } from '../domain/resource/parts';

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

/** The upload as planned in the worker: what the UI shows before sending. */
export interface UploadSummary {
  readonly format: ResourceFormat;
  readonly mimeType: ResourceMimeType;
  readonly fieldMapping: Readonly<Record<string, string>>;
  readonly rowCount: number;
  readonly parts: readonly PartPlan[];
}

export interface PartBody {
  readonly name: string;
  readonly base64: string;
}

export type WorkerRequest =
  | { readonly id: number; readonly type: 'open'; readonly file: File }
  | { readonly id: number; readonly type: 'rows'; readonly start: number; readonly count: number }
  | {
      readonly id: number;
      readonly type: 'prepare-upload';
      readonly mapping: ColumnMapping;
      readonly format: ResourceFormat;
    }
  | { readonly id: number; readonly type: 'part-body'; readonly part: number };

export type WorkerResponse =
  | { readonly id: number; readonly type: 'result'; readonly value: unknown }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
