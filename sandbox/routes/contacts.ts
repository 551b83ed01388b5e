/**
 * `/contacts` and `/contacts/{id}`, at the root and under a workspace (Part B §5): a paginated
 * list with contains-search on any field, create with the mandatory fields, full-replace PUT.
 */
import type { Context, Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { newContactId } from '../ids.ts';
import { contactBody, type ContactView } from '../representations.ts';
import { checkContactRequest, contactFieldKey } from '../requests.ts';
import { pageStatus, sendEntity, sendError, sendList } from '../wire.ts';
import { endpoint } from './endpoint.ts';
import { pageLinks, readPage } from './paging.ts';

/** Query parameters that are not searches. */
const CONTROL_PARAMS = new Set([
  'limit',
  'offset',
  'sortFields',
  'sortOrder',
  'fields',
  'customFields',
  'apikey',
]);

const fieldList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((name) => contactFieldKey(name.trim()))
    .filter((name): name is string => name !== undefined);

function viewOf(c: Context<SandboxEnv>): ContactView {
  return {
    fields: fieldList(c.req.query('fields')),
    customFields: c.req.query('customFields') === 'true',
  };
}

export function mountContacts(app: Hono<SandboxEnv>, deps: SandboxDeps, prefix: string): void {
  const { store } = deps;
  const notFound = (c: Context<SandboxEnv>) =>
    sendError(c, 404, undefined, `No contact with id ${c.req.param('id')} in this workspace`);

  endpoint(app, deps, `${prefix}/contacts`, 'contact', {
    GET: (c) => {
      const page = readPage(c.req.query());
      if (!page) return sendError(c, 400, undefined, 'limit and offset must be whole numbers');
      const search: Record<string, string> = {};
      for (const [name, value] of Object.entries(c.req.query())) {
        const field = CONTROL_PARAMS.has(name) ? undefined : contactFieldKey(name);
        if (field && value) search[field] = value;
      }
      const workspace = c.get('workspace');
      const { total, items } = store.listContacts(workspace.id, {
        search,
        sortFields: fieldList(c.req.query('sortFields')),
        sortOrder: c.req.query('sortOrder') === 'desc' ? 'desc' : 'asc',
        ...page,
      });
      const view = viewOf(c);
      return sendList(c, 'contact', 'contacts', 'contact', {
        status: pageStatus(page.offset, items.length, total),
        items: items.map((contact) => contactBody(c.get('base'), contact, workspace, view)),
        links: pageLinks(c.req.url, page, items.length, total),
      });
    },
    POST: (c, body) => {
      const checked = checkContactRequest(body);
      if (!checked.ok) return sendError(c, 422, checked.errorText);
      const workspace = c.get('workspace');
      const id = newContactId();
      store.insertContact(workspace.id, id, checked.value, new Date().toISOString());
      const contact = store.getContact(workspace.id, id);
      if (!contact) return sendError(c, 500);
      return sendEntity(
        c,
        201,
        'contact',
        'contact',
        contactBody(c.get('base'), contact, workspace, viewOf(c)),
        {
          Location: `${c.get('base')}/contacts/${id}`,
        },
      );
    },
  });

  endpoint(app, deps, `${prefix}/contacts/:id`, 'contact', {
    GET: (c) => {
      const workspace = c.get('workspace');
      const contact = store.getContact(workspace.id, c.req.param('id') ?? '');
      if (!contact) return notFound(c);
      return sendEntity(
        c,
        200,
        'contact',
        'contact',
        contactBody(c.get('base'), contact, workspace, viewOf(c)),
      );
    },
    PUT: (c, body) => {
      const workspace = c.get('workspace');
      const id = c.req.param('id') ?? '';
      if (!store.getContact(workspace.id, id)) return notFound(c);
      const checked = checkContactRequest(body);
      if (!checked.ok) return sendError(c, 422, checked.errorText);
      // A full replacement: fields missing from the body are removed (Part B §5.1).
      store.updateContact(workspace.id, id, checked.value, new Date().toISOString());
      return c.body(null, 204);
    },
    DELETE: (c) =>
      store.deleteContact(c.get('workspace').id, c.req.param('id') ?? '')
        ? c.body(null, 204)
        : notFound(c),
  });
}
