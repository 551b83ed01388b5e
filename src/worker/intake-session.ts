/**
 * What the intake worker holds for the page: the file's bytes and rows, the reviews of its
 * mappings, and the upload built from one. One object, so the worker entry is only a dispatcher
 * and the state can be tested without a worker.
 */
import type { IntakeOverrides, IntakeResult } from '../domain/intake/read-table';
import { rowsSlice } from '../domain/intake/row-store';
import { mappingSignature, type ColumnMapping } from '../domain/mapping/mapping';
import type { StepProgress } from '../domain/progress/steps';
import { encodeBase64Utf8 } from '../domain/resource/build-resource';
import type { ResourceFormat } from '../domain/resource/formats';
import { resourceName } from '../domain/resource/resource-name';
import { partFile, preparingUpload, type PreparedUpload } from '../domain/resource/upload-plan';
import { runCooperatively } from './cooperative';
import { HeldReviews } from './held-reviews';
import type { FileSummary, PartBody, ReadProgress, UploadSummary } from './protocol';
import { QUICK_LOOK_BYTES, quickLook, readFile, summarise } from './read-file';
import { ReviewSession } from './review-session';

/** What a long task reports and listens to. */
export interface TaskContext {
  readonly isCancelled: () => boolean;
  readonly onProgress: (value: StepProgress) => void;
  readonly onPreview: (summary: FileSummary) => void;
  readonly onReadProgress: (value: ReadProgress) => void;
}

export class IntakeSession {
  /**
   * The file, not its bytes: they are read again for a re-read with other choices, so a 91 MiB
   * file's bytes are not held beside its rows for the whole session.
   */
  private file: Blob | undefined;
  private fileName = '';
  private table: IntakeResult | undefined;
  private upload: PreparedUpload | undefined;
  private readonly reviews = new HeldReviews();

  /** Reads a file: a first look at its start at once, then the whole of it. */
  async open(file: File, task: TaskContext): Promise<FileSummary> {
    this.fileName = file.name;
    this.file = file;
    return this.read(file, {}, task);
  }

  /** Reads the same file again with the person's choices (encoding, delimiter, header, sheet). */
  async reread(overrides: IntakeOverrides, task: TaskContext): Promise<FileSummary> {
    if (!this.file) throw new Error('No file has been opened in this worker.');
    return this.read(this.file, overrides, task);
  }

  rows(start: number, count: number): { rows: string[][]; rowNumbers: number[] } {
    const table = this.requireTable();
    return {
      rows: rowsSlice(table.rows, start, count),
      rowNumbers: table.rowNumbers.slice(start, start + count),
    };
  }

  /** The review of `mapping`: one held for it (with the person's changes), else every row checked anew. */
  async reviewFor(mapping: ColumnMapping, task: TaskContext): Promise<ReviewSession> {
    const held = this.reviews.find(mappingSignature(mapping));
    if (held) return held;
    // The edits, fixes and skips made under another mapping carry over: going back to change
    // the mapping never wipes the work.
    const donor = this.reviews.donor()?.work();
    const review = await runCooperatively(
      ReviewSession.checking(this.requireTable(), mapping, donor),
      task,
    );
    this.reviews.hold(review);
    return review;
  }

  get review(): ReviewSession {
    const review = this.reviews.review;
    if (!review) throw new Error('The rows have not been checked yet.');
    return review;
  }

  /** Builds the upload from the review of `mapping` and plans its parts. */
  async prepareUpload(
    mapping: ColumnMapping,
    format: ResourceFormat,
    task: TaskContext,
  ): Promise<UploadSummary> {
    this.upload = undefined;
    // The review decides which rows go and with which values; a mapping never reviewed (or
    // changed since) gets a fresh review: rows in error are left out, never sent blind.
    const session = await this.reviewFor(mapping, task);
    const input = session.uploadInput();
    const result = await runCooperatively(
      preparingUpload({
        headers: input.headers,
        rows: input.rows,
        total: input.accounting.sent,
        mapping: input.mapping,
        format,
        fileName: this.fileName,
        rowAt: input.rowAt,
        rowNumberOf: input.rowNumberOf,
      }),
      task,
    );
    if (!result.ok) throw new Error(result.message);
    const upload = result.upload;
    this.upload = upload;
    return {
      format: upload.format,
      mimeType: upload.mimeType,
      fieldMapping: upload.fieldMapping,
      rowCount: upload.rowCount,
      parts: upload.parts,
      accounting: input.accounting,
      emptyFields: input.emptyFields,
    };
  }

  /**
   * The file of one part (1-based) of the prepared upload: its base64 text in a Blob, which the
   * browser holds (posted to the page as a handle, stored and sent from there without a copy).
   */
  partBody(part: number): PartBody {
    const upload = this.upload;
    if (!upload) throw new Error('The upload has not been prepared.');
    const plan = upload.parts[part - 1];
    if (!plan) throw new Error(`There is no part ${part}.`);
    return {
      name: resourceName(
        this.fileName,
        upload.format,
        upload.parts.length > 1 ? plan.part : undefined,
      ),
      base64: new Blob([encodeBase64Utf8(partFile(upload, plan))], { type: 'text/plain' }),
    };
  }

  private async read(
    file: Blob,
    overrides: IntakeOverrides,
    task: TaskContext,
  ): Promise<FileSummary> {
    // The first look reads only the start of the file, so it shows however large the file is.
    const head = new Uint8Array(await file.slice(0, QUICK_LOOK_BYTES + 1).arrayBuffer());
    const first = quickLook(head, this.fileName, overrides);
    if (first) task.onPreview(summarise(this.fileName, file.size, first, overrides, false));
    this.upload = undefined;
    this.reviews.clear();
    // The rows of the last read are let go before this one's are made.
    this.table = undefined;
    this.table = await readFile(
      file,
      this.fileName,
      overrides,
      task.onReadProgress,
      task.isCancelled,
    );
    return summarise(this.fileName, file.size, this.table, overrides, true);
  }

  private requireTable(): IntakeResult {
    if (!this.table) throw new Error('No file has been read in this worker.');
    return this.table;
  }
}
