import { idFromLocation } from '../domain/whispir/ids';
import { MEDIA_TYPES } from '../domain/whispir/media-types';
import { resourceCreatedSchema } from '../domain/whispir/api-schemas';
import { WhispirApiError, whispirRequest, workspacePath } from './whispir-http';

export interface CreateResourceInput {
  readonly workspaceId?: string;
  readonly name: string;
  readonly mimeType: 'text/csv' | 'application/json' | 'application/xml';
  /** The file's base64 text (sent as `derefUri` without being made a string here). */
  readonly base64: Blob;
  readonly signal?: AbortSignal;
}

/** POST /resources (or /workspaces/{id}/resources): uploads the file, returns its id. */
export async function createResource(
  input: CreateResourceInput,
): Promise<{ id: string; location: string }> {
  const response = await whispirRequest({
    method: 'POST',
    path: `${workspacePath(input.workspaceId)}/resources`,
    mediaType: MEDIA_TYPES.resource,
    body: { name: input.name, scope: 'private', mimeType: input.mimeType },
    blobMember: { name: 'derefUri', value: input.base64 },
    signal: input.signal,
    purpose: `Upload “${input.name}” as a resource: the file the import will read`,
  });
  const body = resourceCreatedSchema.safeParse(response.json ?? {});
  const id =
    (response.location && idFromLocation(response.location)) ||
    (body.success ? body.data.id : undefined);
  if (!id)
    throw new WhispirApiError(response.status, 'Whispir created the file but did not say its id.');
  return { id, location: response.location ?? '' };
}
