/// <reference lib="webworker" />
/**
 * The intake worker: a dispatcher from each command of the protocol (src/worker/protocol.ts) to
 * the session that holds the file, its reviews and its upload (src/worker/intake-session.ts).
 */
import { samplePart } from '../domain/submission/part-sample';
import { IntakeSession, type TaskContext } from './intake-session';
import {
  answerRequest,
  type CommandHandlers,
  type RequestMessage,
  type WorkerInbound,
  type WorkerResponse,
} from './protocol';
import { warmUp } from './read-file';
import { serveRequests } from './serve-requests';

const session = new IntakeSession();
// Once the worker takes messages (a file dropped at once is read first). Five times: a first
// read of the sample took 7-15 ms and the next 1-5 ms, as the code got compiled further; after
// five, the first look at a dropped file took 4-13 ms, against 10-21 after one.
setTimeout(() => {
  for (let run = 0; run < 5; run++) warmUp();
}, 0);

const post = (message: WorkerResponse) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

/** Each command, by name; a command that changes the review answers with its new summary. */
const handlers: CommandHandlers<TaskContext> = {
  open: (request, task) => session.open(request.file, task),
  reread: (request, task) => session.reread(request.overrides, task),
  rows: (request) => session.rows(request.start, request.count),
  'prepare-upload': (request, task) => session.prepareUpload(request.mapping, request.format, task),
  'part-body': (request) => session.partBody(request.part),
  'part-sample': async (request) =>
    samplePart(await request.base64.text(), request.mimeType, request.fieldMapping, request.size),
  // Back from the settings, or a mapping that did not change: keep the work done.
  validate: async (request, task) => (await session.reviewFor(request.mapping, task)).summary(),
  'review-summary': () => session.review.summary(),
  'review-window': (request) => session.review.window(request.start, request.count, request.filter),
  'next-error': (request) =>
    session.review.nextError(request.filter, request.after, request.backwards),
  'apply-fix': (request) => changed(() => session.review.applyFix(request.kind, request.field)),
  'edit-cell': (request) =>
    changed(() => session.review.editCell(request.index, request.field, request.value)),
  'set-skipped': (request) =>
    changed(() => session.review.setSkipped(request.rows, request.skipped)),
  'merge-duplicates': () => changed(() => session.review.mergeDuplicates()),
  'apply-all-fixes': () => changed(() => session.review.applyAllFixes()),
  'upload-sample': (request) => session.review.uploadSample(request.size),
  'drop-set-aside': () => changed(() => session.review.dropSetAside()),
  'set-column': (request) =>
    changed(() => session.review.setColumn(request.field, request.value, request.filter)),
  'replace-in-column': (request) =>
    changed(() =>
      session.review.replaceInColumn(
        request.field,
        request.find,
        request.replacement,
        request.filter,
        request.wholeCell,
      ),
    ),
  'coded-values': (request) => session.review.codedValues(request.field) ?? null,
  'apply-value-map': (request) =>
    changed(() => session.review.applyValueMap(request.field, request.map)),
  undo: () => changed(() => session.review.undo()),
  redo: () => changed(() => session.review.redo()),
  'set-policy': (request) => changed(() => session.review.setPolicy(request.policy)),
  'rejected-report': () => session.review.rejectedReport(),
};

function changed(change: () => unknown) {
  change();
  return session.review.summary();
}

function taskFor(request: RequestMessage, isCancelled: () => boolean): TaskContext {
  return {
    isCancelled,
    onProgress: (value) => post({ id: request.id, type: 'progress', value }),
    onReadProgress: (value) => post({ id: request.id, type: 'progress', value }),
    onPreview: (value) => post({ id: request.id, type: 'preview', value }),
  };
}

const receive = serveRequests(
  (request, isCancelled) => answerRequest(request, handlers, taskFor(request, isCancelled)),
  post,
);
self.onmessage = (event: MessageEvent<WorkerInbound>) => receive(event.data);
