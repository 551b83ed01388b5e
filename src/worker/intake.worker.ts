/// <reference lib="webworker" />
/**
 * The intake worker: reads the file, keeps its rows, answers windows of rows, holds the review
 * of every row (validation, edits, skips, undo) and builds the upload from it. It only switches
 * on commands; the work is in src/domain and the review session.
 */
import type { IntakeOverrides, IntakeResult } from '../domain/intake/read-table';
import { mappingSignature, type ColumnMapping } from '../domain/mapping/mapping';
import { encodeBase64Utf8 } from '../domain/resource/build-resource';
import { resourceName } from '../domain/resource/resource-name';
import type { StepProgress } from '../domain/progress/steps';
import { partFile, preparingUpload, type PreparedUpload } from '../domain/resource/upload-plan';
import { runCooperatively } from './cooperative';
import type {
  PartBody,
  UploadSummary,
  WorkerInbound,
  WorkerRequest,
  WorkerResponse,
} from './protocol';
import { QUICK_LOOK_BYTES, quickLook, readWhole, summarise } from './read-file';
import { HeldReviews } from './held-reviews';
import { ReviewSession } from './review-session';
import { serveRequests } from './serve-requests';

let bytes: Uint8Array | undefined;
let fileName = '';
let table: IntakeResult | undefined;
let upload: PreparedUpload | undefined;
const reviews = new HeldReviews();

const post = (message: WorkerResponse) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

function postQuickLook(id: number, head: Uint8Array, size: number, overrides: IntakeOverrides) {
  const first = quickLook(head, fileName, overrides);
  if (first)
    post({ id, type: 'preview', value: summarise(fileName, size, first, overrides, false) });
}

function read(id: number, overrides: IntakeOverrides, lookedAlready = false) {
  if (!bytes) throw new Error('No file has been opened in this worker.');
  const current = bytes;
  if (!lookedAlready) postQuickLook(id, current, current.length, overrides);
  upload = undefined;
  reviews.clear();
  table = readWhole(current, fileName, overrides, (value) => post({ id, type: 'progress', value }));
  return summarise(fileName, current.length, table, overrides, true);
}

async function handle(request: WorkerRequest, isCancelled: () => boolean): Promise<unknown> {
  const onProgress = (value: StepProgress) => post({ id: request.id, type: 'progress', value });
  switch (request.type) {
    case 'open': {
      fileName = request.file.name;
      // The first look reads only the start of the file, so it shows however large the file is.
      const head = new Uint8Array(await request.file.slice(0, QUICK_LOOK_BYTES + 1).arrayBuffer());
      postQuickLook(request.id, head, request.file.size, {});
      bytes = new Uint8Array(await request.file.arrayBuffer());
      return read(request.id, {}, true);
    }
    case 'reread':
      return read(request.id, request.overrides);
    case 'rows': {
      const current = requireTable();
      return {
        rows: current.rows.slice(request.start, request.start + request.count),
        rowNumbers: current.rowNumbers.slice(request.start, request.start + request.count),
      };
    }
    case 'prepare-upload': {
      upload = undefined;
      // The review decides which rows go and with which values; a mapping never reviewed
      // (or changed since) gets a fresh review: rows in error are left out, never sent blind.
      const session = await reviewFor(request.mapping, isCancelled, onProgress);
      const input = session.uploadInput();
      const result = await runCooperatively(
        preparingUpload({
          headers: input.headers,
          rows: input.rows,
          total: input.accounting.sent,
          mapping: input.mapping,
          format: request.format,
          fileName,
        }),
        { isCancelled, onProgress },
      );
      if (!result.ok) throw new Error(result.message);
      upload = result.upload;
      const summary: UploadSummary = {
        format: upload.format,
        mimeType: upload.mimeType,
        fieldMapping: upload.fieldMapping,
        rowCount: upload.rowCount,
        parts: upload.parts,
        accounting: input.accounting,
      };
      return summary;
    }
    case 'validate':
      // Back from the settings, or a mapping that did not change: keep the work done.
      return (await reviewFor(request.mapping, isCancelled, onProgress)).summary();
    case 'review-summary':
      return requireReview().summary();
    case 'review-window':
      return requireReview().window(request.start, request.count, request.filter);
    case 'next-error':
      return requireReview().nextError(request.filter, request.after, request.backwards);
    case 'apply-fix':
      requireReview().applyFix(request.kind, request.field);
      return requireReview().summary();
    case 'edit-cell':
      requireReview().editCell(request.index, request.field, request.value);
      return requireReview().summary();
    case 'set-skipped':
      requireReview().setSkipped(request.rows, request.skipped);
      return requireReview().summary();
    case 'drop-set-aside':
      requireReview().dropSetAside();
      return requireReview().summary();
    case 'upload-sample':
      return requireReview().uploadSample(request.size);
    case 'apply-all-fixes':
      requireReview().applyAllFixes();
      return requireReview().summary();
    case 'merge-duplicates':
      requireReview().mergeDuplicates();
      return requireReview().summary();
    case 'set-column':
      requireReview().setColumn(request.field, request.value, request.filter);
      return requireReview().summary();
    case 'replace-in-column':
      requireReview().replaceInColumn(
        request.field,
        request.find,
        request.replacement,
        request.filter,
        request.wholeCell,
      );
      return requireReview().summary();
    case 'coded-values':
      return requireReview().codedValues(request.field) ?? null;
    case 'apply-value-map':
      requireReview().applyValueMap(request.field, request.map);
      return requireReview().summary();
    case 'undo':
      requireReview().undo();
      return requireReview().summary();
    case 'redo':
      requireReview().redo();
      return requireReview().summary();
    case 'set-policy':
      requireReview().setPolicy(request.policy);
      return requireReview().summary();
    case 'rejected-report':
      return requireReview().rejectedReport();
    case 'part-body': {
      if (!upload) throw new Error('The upload has not been prepared.');
      const part = upload.parts[request.part - 1];
      if (!part) throw new Error(`There is no part ${request.part}.`);
      const body: PartBody = {
        name: resourceName(
          fileName,
          upload.format,
          upload.parts.length > 1 ? part.part : undefined,
        ),
        base64: encodeBase64Utf8(partFile(upload, part)),
      };
      return body;
    }
  }
}

function requireReview(): ReviewSession {
  const review = reviews.review;
  if (!review) throw new Error('The rows have not been checked yet.');
  return review;
}

/** The review of `mapping`: one held for it (with the user's changes), else every row checked anew. */
async function reviewFor(
  mapping: ColumnMapping,
  isCancelled: () => boolean,
  onProgress: (value: StepProgress) => void,
): Promise<ReviewSession> {
  const held = reviews.find(mappingSignature(mapping));
  if (held) return held;
  // The edits, fixes and skips made under another mapping carry over (issue 14: going back to
  // change the mapping never wipes the work).
  const donor = reviews.donor()?.work();
  const review = await runCooperatively(ReviewSession.checking(requireTable(), mapping, donor), {
    isCancelled,
    onProgress,
  });
  reviews.hold(review);
  return review;
}

function requireTable(): IntakeResult {
  if (!table) throw new Error('No file has been read in this worker.');
  return table;
}

const receive = serveRequests(handle, post);
self.onmessage = (event: MessageEvent<WorkerInbound>) => receive(event.data);
