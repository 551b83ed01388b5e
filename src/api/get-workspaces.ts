import { queryOptions, useQuery } from '@tanstack/react-query';
import { workspaceListSchema, type Workspace } from '../domain/whispir/api-schemas';
import { MEDIA_TYPES } from '../domain/whispir/media-types';
import { whispirRequest } from './whispir-http';

/**
 * Whispir's list pages take at most 20 (docs/whispir-api.md B1). Its docs say workspaces are
 * not paged and its OpenAPI spec pages them: the list is asked for a page at a time, and read on
 * while a page says there is another.
 */
export const WORKSPACE_PAGE_SIZE = 20;
/** 1,000 workspaces; an account with more picks from the first ones. */
const MAX_PAGES = 50;

/** GET /workspaces — every workspace of the account, page after page. */
export async function getWorkspaces(signal?: AbortSignal): Promise<Workspace[]> {
  const all: Workspace[] = [];
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await whispirRequest({
      method: 'GET',
      path: `/workspaces?limit=${WORKSPACE_PAGE_SIZE}&offset=${page * WORKSPACE_PAGE_SIZE}`,
      mediaType: MEDIA_TYPES.workspace,
      signal,
      purpose:
        page === 0
          ? 'List the workspaces, for the choice of where the contacts go'
          : `List the workspaces, page ${page + 1}`,
    });
    const list = workspaceListSchema.parse(response.json ?? {});
    let added = 0;
    for (const workspace of list.workspaces) {
      if (seen.has(workspace.id)) continue;
      seen.add(workspace.id);
      all.push(workspace);
      added++;
    }
    // A "next" link says there is more. With no links at all, a full page of new workspaces
    // may have more after it; a server that does not page answers all of them at once (or the
    // same ones again, which add nothing).
    const more = list.link
      ? list.link.some((link) => link.rel === 'next')
      : list.workspaces.length === WORKSPACE_PAGE_SIZE && added > 0;
    if (!more) break;
  }
  return all;
}

export const getWorkspacesQueryOptions = () =>
  queryOptions({
    queryKey: ['workspaces'],
    queryFn: ({ signal }) => getWorkspaces(signal),
    staleTime: 60_000,
  });

export const useWorkspaces = () => useQuery(getWorkspacesQueryOptions());
