import { queryOptions, useQuery } from '@tanstack/react-query';
import { workspaceListSchema, type Workspace } from '../domain/whispir/api-schemas';
import { MEDIA_TYPES } from '../domain/whispir/media-types';
import { whispirRequest } from './whispir-http';

/** GET /workspaces — every workspace of the account. */
export async function getWorkspaces(signal?: AbortSignal): Promise<Workspace[]> {
  const response = await whispirRequest({
    method: 'GET',
    path: '/workspaces',
    mediaType: MEDIA_TYPES.workspace,
    signal,
    purpose: 'List the workspaces, for the choice of where the contacts go',
  });
  return workspaceListSchema.parse(response.json ?? {}).workspaces;
}

export const getWorkspacesQueryOptions = () =>
  queryOptions({
    queryKey: ['workspaces'],
    queryFn: ({ signal }) => getWorkspaces(signal),
    staleTime: 60_000,
  });

export const useWorkspaces = () => useQuery(getWorkspacesQueryOptions());
