import { createImport } from '../../api/create-import';
import { createResource } from '../../api/create-resource';
import { waitForSandboxImport } from '../../api/get-sandbox-import';
import { IS_SANDBOX } from '../../config/build-info';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import type { IntakeClient } from '../../worker/intake-client';
import type { FileSummary } from '../../worker/protocol';
import type { ImportSettings, SubmitOutcome } from '../wizard-state';

export interface SubmitInput {
  readonly intake: IntakeClient;
  readonly file: FileSummary;
  readonly mapping: ColumnMapping;
  readonly settings: ImportSettings;
  readonly onStage: (stage: string) => void;
  readonly signal?: AbortSignal;
}

/** Per part, the two Whispir calls of an import: create the resource, then the import. */
export async function submitImport(input: SubmitInput): Promise<SubmitOutcome> {
  const { intake, mapping, settings, onStage, signal } = input;
  const workspaceId = settings.workspaceId || undefined;
  onStage('Preparing the file to upload…');
  const upload = await intake.prepareUpload(mapping, 'csv');
  const parts: SubmitOutcome['parts'][number][] = [];
  for (const part of upload.parts) {
    const of = upload.parts.length > 1 ? ` (part ${part.part} of ${upload.parts.length})` : '';
    const body = await intake.partBody(part.part);
    onStage(`Uploading the file to Whispir${of}…`);
    const resource = await createResource({
      workspaceId,
      name: body.name,
      mimeType: upload.mimeType,
      base64: body.base64,
      signal,
    });
    onStage(`Starting the import${of}…`);
    const started = await createImport({
      workspaceId,
      resourceId: resource.id,
      fieldMapping: upload.fieldMapping,
      importMode: settings.importMode,
      signal,
    });
    let sandbox: SubmitOutcome['parts'][number]['sandbox'];
    if (IS_SANDBOX && started.id) {
      onStage(`Whispir accepted the import${of}; waiting for the sandbox to finish it…`);
      sandbox = await waitForSandboxImport(started.id, signal);
    }
    parts.push({
      part: part.part,
      rows: part.end - part.start,
      resourceId: resource.id,
      importId: started.id,
      importLocation: started.location,
      sandbox,
    });
  }
  return { rowsSent: upload.rowCount, fieldMapping: upload.fieldMapping, parts };
}
