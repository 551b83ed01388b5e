/// <reference lib="webworker" />
/**
 * The intake worker: reads the file, keeps its rows, answers windows of rows and builds the
 * upload. It only switches on commands; the work is in src/domain.
 */
import type { IntakeOverrides, IntakeResult } from '../domain/intake/read-table';
import { encodeBase64Utf8 } from '../domain/resource/build-resource';
import { resourceName } from '../domain/resource/resource-name';
import { partFile, prepareUpload, type PreparedUpload } from '../domain/resource/upload-plan';
import type { PartBody, UploadSummary, WorkerRequest, WorkerResponse } from './protocol';
import { quickLook, readWhole, summarise } from './read-file';

let bytes: Uint8Array | undefined;
let fileName = '';
let table: IntakeResult | undefined;
let upload: PreparedUpload | undefined;

const post = (message: WorkerResponse) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

function read(id: number, overrides: IntakeOverrides) {
  if (!bytes) throw new Error('No file has been opened in this worker.');
  const current = bytes;
  const first = quickLook(current, fileName, overrides);
  if (first)
    post({
      id,
      type: 'preview',
      value: summarise(fileName, current.length, first, overrides, false),
    });
  upload = undefined;
  table = readWhole(current, fileName, overrides, (value) => post({ id, type: 'progress', value }));
  return summarise(fileName, current.length, table, overrides, true);
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'open':
      fileName = request.file.name;
      bytes = new Uint8Array(await request.file.arrayBuffer());
      return read(request.id, {});
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
      const current = requireTable();
      const result = prepareUpload(
        current.headers,
        current.rows,
        request.mapping,
        request.format,
        fileName,
      );
      if (!result.ok) throw new Error(result.message);
      upload = result.upload;
      const summary: UploadSummary = {
        format: upload.format,
        mimeType: upload.mimeType,
        fieldMapping: upload.fieldMapping,
        rowCount: upload.rowCount,
        parts: upload.parts,
      };
      return summary;
    }
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

function requireTable(): IntakeResult {
  if (!table) throw new Error('No file has been read in this worker.');
  return table;
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).then(
    (value) => post({ id: request.id, type: 'result', value }),
    (error: unknown) =>
      post({
        id: request.id,
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
