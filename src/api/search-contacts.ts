import { z } from 'zod';
import {
  SEARCH_FIELDS,
  isSameContact,
  searchQueriesFor,
  searchQueryFor,
  type SentContact,
} from '../domain/submission/verification';
import { linkSchema } from '../domain/whispir/api-schemas';
import { MEDIA_TYPES } from '../domain/whispir/media-types';
import { whispirRequest, workspacePath } from './whispir-http';

/** Whispir pages contact lists 20 at a time (docs/whispir-api.md §B5.4). */
export const SEARCH_PAGE_SIZE = 20;
/** Pages read per row before giving up: 100 contacts whose name contains the row's. */
const MAX_PAGES = 5;

const contactListSchema = z.object({
  contacts: z
    .array(
      z.looseObject({
        id: z.string().optional(),
        link: z.array(linkSchema).optional(),
      }),
    )
    .optional(),
});

export interface FoundContact {
  readonly id?: string;
  /** The contact's own address in the API (its `self` link), when Whispir gives one. */
  readonly uri?: string;
}

export interface SearchContactInput {
  readonly workspaceId?: string;
  readonly row: SentContact;
  /** Why the search is made, for the API inspector ("check of part 2"). */
  readonly purpose: string;
  readonly signal?: AbortSignal;
  /** Called before each request, to keep within the account's rate limit. */
  readonly beforeRequest?: (signal?: AbortSignal) => Promise<void>;
  /**
   * Searches by each of the row's channels in turn until one finds it, not only the first: a
   * contact already there may share the row's mobile but not its email. The check after an
   * import leaves this off, since an imported row's contact has the row's own first channel.
   */
  readonly everyChannel?: boolean;
}

/**
 * GET /contacts (or /workspaces/{id}/contacts) with the row's name and one channel as
 * "contains" filters, following the pages, keeping only the row's own contact by the import's
 * match rule. Undefined when it is not there.
 */
export async function searchContact(input: SearchContactInput): Promise<FoundContact | undefined> {
  const queries = input.everyChannel ? searchQueriesFor(input.row) : [searchQueryFor(input.row)];
  for (const query of queries) {
    const found = await searchOne(input, query);
    if (found) return found;
  }
  return undefined;
}

async function searchOne(
  input: SearchContactInput,
  filters: Record<string, string>,
): Promise<FoundContact | undefined> {
  const query = new URLSearchParams(filters);
  query.set('fields', SEARCH_FIELDS.join(','));
  query.set('limit', String(SEARCH_PAGE_SIZE));
  for (let page = 0; page < MAX_PAGES; page++) {
    query.set('offset', String(page * SEARCH_PAGE_SIZE));
    await input.beforeRequest?.(input.signal);
    const response = await whispirRequest({
      method: 'GET',
      path: `${workspacePath(input.workspaceId)}/contacts?${query.toString()}`,
      mediaType: MEDIA_TYPES.contact,
      signal: input.signal,
      purpose: input.purpose,
    });
    const contacts = contactListSchema.parse(response.json ?? {}).contacts ?? [];
    const found = contacts.find((contact) => isSameContact(input.row, contact));
    if (found) return { id: found.id, uri: found.link?.find((link) => link.rel === 'self')?.uri };
    if (contacts.length < SEARCH_PAGE_SIZE) return undefined;
  }
  return undefined;
}
