import { createImport } from '../../api/create-import';
import { createResource } from '../../api/create-resource';
import { waitForSandboxImport } from '../../api/get-sandbox-import';
import { IS_SANDBOX } from '../../config/build-info';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import { resourceName } from '../../domain/resource/resource-name';
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

/** The two Whispir calls of an import: create the resource, then the import that reads it. */
export async function submitImport(input: SubmitInput): Promise<SubmitOutcome> {
  const { intake, file, mapping, settings, onStage, signal } = input;
  const workspaceId = settings.workspaceId || undefined;
  onStage('Preparing the file to upload…');
  const built = await intake.buildResource(mapping, resourceName(file.fileName, 'csv'));
  onStage('Uploading the file to Whispir…');
  const resource = await createResource({
    workspaceId,
    name: built.fileName,
    mimeType: built.mimeType,
    base64: built.base64,
    signal,
  });
  onStage('Starting the import…');
  const started = await createImport({
    workspaceId,
    resourceId: resource.id,
    fieldMapping: built.fieldMapping,
    importMode: settings.importMode,
    signal,
  });
  let sandbox: SubmitOutcome['sandbox'];
  if (IS_SANDBOX && started.id) {
    onStage('Whispir accepted the import; waiting for the sandbox to finish it…');
    sandbox = await waitForSandboxImport(started.id, signal);
  }
  return {
    rowsSent: built.rowCount,
    resourceId: resource.id,
    resourceLocation: resource.location,
    importId: started.id,
    importLocation: started.location,
    fieldMapping: built.fieldMapping,
    sandbox,
  };
}
