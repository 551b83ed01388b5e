/**
 * Messages between the UI and the intake worker. Rows stay in the worker; the UI receives
 * summaries and the windows of rows it shows.
 */
import type { IntakeProblem } from '../domain/intake/problems';
import type { Detection, IntakeOverrides } from '../domain/intake/read-table';
import type { IntakeFormat } from '../domain/intake/format';
import type { SheetInfo } from '../domain/intake/workbook';
import type { SentContact } from '../domain/submission/verification';
import type { ColumnMapping } from '../domain/mapping/mapping';
import type { ResourceFormat, ResourceMimeType } from '../domain/resource/formats';
import type { PartPlan } from '../domain/resource/parts';
import type {
  CodedValues,
  FixKind,
  ReviewFilter,
  ReviewSummary,
  ReviewWindow,
  RowAccountingCounts,
  SubmitPolicy,
} from './review-types';

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
  /**
   * Columns with no name and no value in any row (`IntakeResult.emptyColumns`), by their shown
   * names: the matching step leaves them out. Only in a complete summary.
   */
  readonly emptyColumns?: readonly string[];
  readonly rowCount: number;
  /** Data rows the workbook hides (a filter's): left out unless the person includes them. */
  readonly hiddenRows?: number;
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
  /** Whispir fields sent with no value in any row (see `ReviewSession.fieldsSentEmpty`). */
  readonly emptyFields: readonly string[];
}

/** A part's file: its name and its base64 text in a Blob (see `partBodySchema`). */
export interface PartBody {
  readonly name: string;
  readonly base64: Blob;
}

/**
 * Every command the worker answers: what the UI sends with it, and what comes back. The client
 * and the worker are both typed from this one map, so a command cannot drift between them.
 */
export interface WorkerCommands {
  open: { request: { readonly file: File }; response: FileSummary };
  reread: { request: { readonly overrides: IntakeOverrides }; response: FileSummary };
  rows: {
    request: { readonly start: number; readonly count: number };
    response: { rows: string[][]; rowNumbers: number[] };
  };
  'prepare-upload': {
    request: { readonly mapping: ColumnMapping; readonly format: ResourceFormat };
    response: UploadSummary;
  };
  'part-body': { request: { readonly part: number }; response: PartBody };
  /** The rows a sent part is checked by, read from its file here rather than on the page. */
  'part-sample': {
    request: {
      /** The part's file as sent: its base64 text. */
      readonly base64: Blob;
      readonly mimeType: ResourceMimeType;
      readonly fieldMapping: Readonly<Record<string, string>>;
      readonly size: number;
    };
    response: SentContact[];
  };
  validate: { request: { readonly mapping: ColumnMapping }; response: ReviewSummary };
  'review-summary': { request: Record<never, never>; response: ReviewSummary };
  'review-window': {
    request: { readonly start: number; readonly count: number; readonly filter: ReviewFilter };
    response: ReviewWindow;
  };
  'next-error': {
    request: { readonly filter: ReviewFilter; readonly after: number; readonly backwards: boolean };
    response: number;
  };
  'apply-fix': {
    request: { readonly kind: FixKind; readonly field: string | 'all' };
    response: ReviewSummary;
  };
  'edit-cell': {
    request: { readonly index: number; readonly field: string; readonly value: string };
    response: ReviewSummary;
  };
  'set-skipped': {
    request: { readonly rows: readonly number[] | 'all-with-errors'; readonly skipped: boolean };
    response: ReviewSummary;
  };
  'merge-duplicates': { request: Record<never, never>; response: ReviewSummary };
  'apply-all-fixes': { request: Record<never, never>; response: ReviewSummary };
  'upload-sample': { request: { readonly size: number }; response: Record<string, string>[] };
  'drop-set-aside': { request: Record<never, never>; response: ReviewSummary };
  'set-column': {
    request: { readonly field: string; readonly value: string; readonly filter: ReviewFilter };
    response: ReviewSummary;
  };
  'replace-in-column': {
    request: {
      readonly field: string;
      readonly find: string;
      readonly replacement: string;
      readonly filter: ReviewFilter;
      readonly wholeCell: boolean;
    };
    response: ReviewSummary;
  };
  'coded-values': { request: { readonly field: string }; response: CodedValues | null };
  'apply-value-map': {
    request: { readonly field: string; readonly map: Readonly<Record<string, string>> };
    response: ReviewSummary;
  };
  undo: { request: Record<never, never>; response: ReviewSummary };
  redo: { request: Record<never, never>; response: ReviewSummary };
  'set-policy': { request: { readonly policy: SubmitPolicy }; response: ReviewSummary };
  'rejected-report': { request: Record<never, never>; response: string };
}

export type CommandName = keyof WorkerCommands;
export type RequestOf<K extends CommandName> = WorkerCommands[K]['request'];
export type ResponseOf<K extends CommandName> = WorkerCommands[K]['response'];

/** A command as posted to the worker: its name, the request's id and its fields. */
export type RequestMessage<K extends CommandName = CommandName> = {
  [C in K]: { readonly id: number; readonly type: C } & RequestOf<C>;
}[K];
export type WorkerRequest = RequestMessage;

/** A command's answer: the worker names the command it answers, with the value it gives. */
export type ResultMessage<K extends CommandName = CommandName> = {
  [C in K]: {
    readonly id: number;
    readonly type: 'result';
    readonly command: C;
    readonly value: ResponseOf<C>;
  };
}[K];

/** A command's request as posted: its name, its id and its fields. */
export function requestMessage<K extends CommandName>(
  command: K,
  id: number,
  body: RequestOf<K>,
): RequestMessage<K> {
  const messages: { [C in K]?: RequestMessage<C> } = {};
  return (messages[command] = { ...body, id, type: command });
}

/** For each command, the function its answer goes to (the client keeps one per request). */
export type AnswerHandlers = { [C in CommandName]?: (value: ResponseOf<C>) => void };

/**
 * Hands a result to the handler of the command it answers; false when there is none (an answer
 * to another command than the one asked). Typed per command, so no answer is cast.
 */
export function deliverAnswer<K extends CommandName>(
  message: ResultMessage<K>,
  handlers: AnswerHandlers,
): boolean {
  const handler = handlers[message.command];
  if (!handler) return false;
  handler(message.value);
  return true;
}

/** What each command of the worker does, typed from the command map. */
export type CommandHandlers<Context> = {
  [C in CommandName]: (
    request: RequestMessage<C>,
    context: Context,
  ) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** Runs the handler of a request's command and wraps its value as that command's answer. */
export async function answerRequest<K extends CommandName, Context>(
  request: RequestMessage<K>,
  handlers: CommandHandlers<Context>,
  context: Context,
): Promise<ResultMessage<K>> {
  const handler = handlers[request.type];
  const value = await handler(request, context);
  return resultOf(request, value);
}

function resultOf<K extends CommandName>(
  request: RequestMessage<K>,
  value: ResponseOf<K>,
): ResultMessage<K> {
  const answers: { [C in K]?: ResultMessage<C> } = {};
  return (answers[request.type] = {
    id: request.id,
    type: 'result',
    command: request.type,
    value,
  });
}

/** Stops the request `target` at its next pause; what it built so far is dropped. */
export interface CancelMessage {
  readonly type: 'cancel';
  readonly target: number;
}

export type WorkerInbound = WorkerRequest | CancelMessage;

export type WorkerResponse =
  | ResultMessage
  | { readonly id: number; readonly type: 'preview'; readonly value: FileSummary }
  | { readonly id: number; readonly type: 'progress'; readonly value: ReadProgress }
  | {
      readonly id: number;
      readonly type: 'error';
      readonly message: string;
      /** The request was stopped by a cancel. */
      readonly cancelled?: boolean;
    };
