/** `/workspaces` and `/workspaces/{id}`: list, create, retrieve (Part B §4). */
import type { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { workspaceBody } from '../representations.ts';
import { newWorkspaceId } from '../ids.ts';
import { checkWorkspaceRequest } from '../requests.ts';
import { pageStatus, sendEntity, sendError, sendList } from '../wire.ts';
import { endpoint } from './endpoint.ts';
import { pageLinks, readPage } from './paging.ts';

export function mountWorkspaces(app: Hono<SandboxEnv>, deps: SandboxDeps): void {
  endpoint(app, deps, '/workspaces', 'workspace', {
    GET: (c) => {
      const origin = new URL(c.req.url).origin;
      const all = deps.store.listWorkspaces();
      // Workspaces are not paginated unless the caller asks (Part B §4).
      const paged = c.req.query('limit') !== undefined || c.req.query('offset') !== undefined;
      const page = paged ? readPage(c.req.query()) : { limit: all.length, offset: 0 };
      if (!page) return sendError(c, 400, undefined, 'limit and offset must be whole numbers');
      const items = all.slice(page.offset, page.offset + page.limit);
      return sendList(c, 'workspace', 'workspaces', 'workspace', {
        status: pageStatus(page.offset, items.length, all.length),
        items: items.map((w) => workspaceBody(origin, w)),
        links: paged ? pageLinks(c.req.url, page, items.length, all.length) : [],
      });
    },
    POST: (c, body) => {
      const checked = checkWorkspaceRequest(body);
      if (!checked.ok) return sendError(c, 422, checked.errorText);
      const workspace = deps.store.createWorkspace({ id: newWorkspaceId(), ...checked.value });
      const payload = workspaceBody(new URL(c.req.url).origin, workspace);
      const location = `${new URL(c.req.url).origin}/workspaces/${workspace.id}`;
      return sendEntity(c, 201, 'workspace', 'workspace', payload, { Location: location });
    },
  });

  endpoint(app, deps, '/workspaces/:wid', 'workspace', {
    GET: (c) =>
      sendEntity(
        c,
        200,
        'workspace',
        'workspace',
        workspaceBody(new URL(c.req.url).origin, c.get('workspace')),
      ),
  });
}
