import type { ImportMode } from '../domain/whispir/import-modes';
import { idFromLocation } from '../domain/whispir/ids';
import { MEDIA_TYPES } from '../domain/whispir/media-types';
import { whispirRequest, workspacePath } from './whispir-http';

export interface CreateImportInput {
  readonly workspaceId?: string;
  readonly resourceId: string;
  readonly fieldMapping: Readonly<Record<string, string>>;
  readonly importMode: ImportMode;
  readonly signal?: AbortSignal;
}

/** POST /imports (or /workspaces/{id}/imports): starts the import; Whispir answers 202. */
export async function createImport(
  input: CreateImportInput,
): Promise<{ id: string | undefined; location: string }> {
  const response = await whispirRequest({
    method: 'POST',
    path: `${workspacePath(input.workspaceId)}/imports`,
    mediaType: MEDIA_TYPES.importContact,
    body: {
      resourceId: input.resourceId,
      importType: 'contact',
      importOptions: { fieldMapping: input.fieldMapping, importMode: input.importMode },
    },
    signal: input.signal,
    purpose: `Create the import from resource ${input.resourceId.slice(0, 8)}…, in ${input.importMode} mode`,
  });
  const location = response.location ?? '';
  return { id: idFromLocation(location), location };
}
