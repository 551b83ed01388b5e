/** Whispir's list paging: `limit` at most 20 (default 20), `offset`, and `next`/`prev` links. */
import type { Link } from '../xml.ts';

export const MAX_PAGE_SIZE = 20;

export interface Page {
  readonly limit: number;
  readonly offset: number;
}

/** Reads `limit`/`offset`; a limit of 0 or above 20 means 20. `undefined` means 400. */
export function readPage(query: Record<string, string | undefined>): Page | undefined {
  const limit = query.limit === undefined ? MAX_PAGE_SIZE : Number(query.limit);
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  if (!Number.isInteger(limit) || !Number.isInteger(offset) || limit < 0 || offset < 0)
    return undefined;
  return { limit: limit === 0 || limit > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : limit, offset };
}

/** `next`/`prev` links for a page, keeping the request's other query parameters. */
export function pageLinks(url: string, page: Page, count: number, total: number): Link[] {
  const links: Link[] = [];
  const at = (offset: number) => {
    const target = new URL(url);
    target.searchParams.set('offset', String(offset));
    target.searchParams.set('limit', String(page.limit));
    return target.toString();
  };
  if (page.offset + count < total)
    links.push({ uri: at(page.offset + page.limit), rel: 'next', method: 'GET' });
  if (page.offset > 0)
    links.push({ uri: at(Math.max(0, page.offset - page.limit)), rel: 'prev', method: 'GET' });
  return links;
}
