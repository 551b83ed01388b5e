/**
 * `/imports`: POST only (every other verb, and anything on `/imports/{id}`, is 405). An accepted
 * import answers 202 with a `Location` and runs in the background (Part B §3).
 */
import type { Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { newLongId } from '../ids.ts';
import { isImportableMimeType } from '../resource-files.ts';
import { checkImportRequest } from '../requests.ts';
import { answerFormat, sendError, vendorType } from '../wire.ts';
import { endpoint } from './endpoint.ts';

export function mountImports(app: Hono<SandboxEnv>, deps: SandboxDeps, prefix: string): void {
  endpoint(app, deps, `${prefix}/imports`, 'importcontact', {
    POST: (c, body) => {
      const checked = checkImportRequest(body);
      if (!checked.ok) return sendError(c, 422, checked.errorText);
      const workspace = c.get('workspace');
      // A workspace-scoped import may only use that workspace's resources.
      const resource = deps.store.getResource(workspace.id, checked.value.resourceId);
      if (!resource)
        return sendError(
          c,
          422,
          `resourceId: no resource ${checked.value.resourceId} in workspace ${workspace.id}`,
        );
      if (!isImportableMimeType(resource.mimeType))
        return sendError(c, 422, `resourceId: a ${resource.mimeType} resource cannot be imported`);
      const id = newLongId();
      deps.store.createImport({ id, workspaceId: workspace.id, ...checked.value });
      deps.runner.enqueue(id);
      c.header('Location', `${c.get('base')}/imports/${id}`);
      c.header('Content-Type', vendorType('importcontact', answerFormat(c)));
      return c.body(null, 202);
    },
  });
  endpoint(app, deps, `${prefix}/imports/:id`, 'importcontact', {});
}
