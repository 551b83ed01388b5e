/** `/resources` and `/resources/{id}`, at the root and under a workspace (Part B §2). */
import type { Context, Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { resourceBody } from '../representations.ts';
import { newLongId } from '../ids.ts';
import { pageStatus, sendEntity, sendError, sendList } from '../wire.ts';
import { endpoint } from './endpoint.ts';
import { pageLinks, readPage } from './paging.ts';

const SORTABLE = ['name', 'scope', 'mimeType'] as const;

export function mountResources(app: Hono<SandboxEnv>, deps: SandboxDeps, prefix: string): void {
  const { store } = deps;
  const notFound = (c: Context<SandboxEnv>) =>
    sendError(c, 404, undefined, `No resource with id ${c.req.param('id')} in this workspace`);

  endpoint(app, deps, `${prefix}/resources`, 'resource', {
    GET: (c) => {
      const page = readPage(c.req.query());
      if (!page) return sendError(c, 400, undefined, 'limit and offset must be whole numbers');
      const all = store.listResources(c.get('workspace').id, {
        scope: c.req.query('scope'),
        name: c.req.query('name'),
      });
      const sortField = SORTABLE.find((f) => c.req.query('sortFields')?.split(',')[0] === f);
      if (sortField) all.sort((a, b) => a[sortField].localeCompare(b[sortField]));
      if (c.req.query('sortOrder') === 'desc' && sortField) all.reverse();
      const items = all.slice(page.offset, page.offset + page.limit);
      return sendList(c, 'resource', 'resources', 'resource', {
        status: pageStatus(page.offset, items.length, all.length),
        items: items.map((r) => resourceBody(c.get('base'), r, false)),
        links: pageLinks(c.req.url, page, items.length, all.length),
      });
    },
    POST: {
      async raw(c, bytes, format) {
        const read = await deps.files.readResourceBody(bytes, format, deps.options.maxFileBytes);
        if (!read.ok) return sendError(c, 400, undefined, read.errorDetail);
        if (!read.checked.ok) return sendError(c, 422, read.checked.errorText);
        const resource = store.createResource(
          c.get('workspace').id,
          newLongId(),
          read.checked.value,
        );
        const payload = resourceBody(c.get('base'), resource, true);
        return sendEntity(c, 201, 'resource', 'resource', payload, {
          Location: `${c.get('base')}/resources/${resource.id}`,
        });
      },
    },
  });

  endpoint(app, deps, `${prefix}/resources/:id`, 'resource', {
    GET: (c) => {
      const resource = store.getResource(c.get('workspace').id, c.req.param('id') ?? '');
      if (!resource) return notFound(c);
      return sendEntity(
        c,
        200,
        'resource',
        'resource',
        resourceBody(c.get('base'), resource, true),
      );
    },
    PUT: {
      async raw(c, bytes, format) {
        const read = await deps.files.readResourceBody(bytes, format, deps.options.maxFileBytes);
        if (!read.ok) return sendError(c, 400, undefined, read.errorDetail);
        const id = c.req.param('id') ?? '';
        if (!store.getResource(c.get('workspace').id, id)) return notFound(c);
        if (!read.checked.ok) return sendError(c, 422, read.checked.errorText);
        store.replaceResource(c.get('workspace').id, id, read.checked.value);
        return c.body(null, 204);
      },
    },
    DELETE: (c) =>
      store.deleteResource(c.get('workspace').id, c.req.param('id') ?? '')
        ? c.body(null, 204)
        : notFound(c),
  });
}
