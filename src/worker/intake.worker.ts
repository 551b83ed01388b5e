/// <reference lib="webworker" />
/**
 * The intake worker: reads the file, keeps its rows, answers windows of rows and builds the
 * upload. It only switches on commands; the work is in src/domain.
 */
import { encodeBase64Utf8 } from '../domain/resource/build-resource';
import { resourceName } from '../domain/resource/resource-name';
import { partFile, prepareUpload, type PreparedUpload } from '../domain/resource/upload-plan';
import { readContactFile, type ContactTable } from './read-file';
import type { PartBody, UploadSummary, WorkerRequest, WorkerResponse } from './protocol';

const PREVIEW_ROWS = 20;
const MAX_PROBLEMS_SENT = 200;

let table: ContactTable | undefined;
let fileName = '';
let upload: PreparedUpload | undefined;

function reply(message: WorkerResponse): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'open': {
      table = await readContactFile(request.file);
      fileName = request.file.name;
      upload = undefined;
      return {
        fileName: request.file.name,
        byteLength: request.file.size,
        headers: table.headers,
        rowCount: table.rows.length,
        previewRows: table.rows.slice(0, PREVIEW_ROWS),
        previewRowNumbers: table.rowNumbers.slice(0, PREVIEW_ROWS),
        problems: table.problems.slice(0, MAX_PROBLEMS_SENT),
        problemCount: table.problems.length,
        detections: table.detections,
      };
    }
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
      const multiple = upload.parts.length > 1;
      const body: PartBody = {
        name: resourceName(fileName, upload.format, multiple ? part.part : undefined),
        base64: encodeBase64Utf8(partFile(upload, part)),
      };
      return body;
    }
  }
}

function requireTable(): ContactTable {
  if (!table) throw new Error('No file has been opened in this worker.');
  return table;
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).then(
    (value) => reply({ id: request.id, type: 'result', value }),
    (error: unknown) =>
      reply({
        id: request.id,
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
