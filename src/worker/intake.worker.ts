/// <reference lib="webworker" />
/**
 * The intake worker: reads the file, keeps its rows, answers windows of rows and builds the
 * upload. It only switches on commands; the work is in src/domain.
 */
import {
  buildResourceCsv,
  encodeBase64Utf8,
  planResource,
} from '../domain/resource/build-resource';
import { readContactFile, type ContactTable } from './read-file';
import type { BuiltResource, WorkerRequest, WorkerResponse } from './protocol';

const PREVIEW_ROWS = 20;
const MAX_PROBLEMS_SENT = 200;

let table: ContactTable | undefined;

function reply(message: WorkerResponse): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'open': {
      table = await readContactFile(request.file);
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
    case 'build-resource': {
      const current = requireTable();
      const plan = planResource(current.headers, request.mapping);
      const csv = buildResourceCsv(plan, current.rows);
      const base64 = encodeBase64Utf8(csv);
      const built: BuiltResource = {
        fileName: request.fileName,
        mimeType: 'text/csv',
        base64,
        byteLength: new TextEncoder().encode(csv).length,
        rowCount: current.rows.length,
        fieldMapping: plan.fieldMapping,
      };
      return built;
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
