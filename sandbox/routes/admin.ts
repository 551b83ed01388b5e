/**
 * Sandbox-only endpoints under `/__sandbox/` (Part A §10): health, reset, import status,
 * run-time config and public resource downloads. No Whispir auth: the sandbox is loopback-only.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { runtimeConfigOf, runtimeConfigSchema } from '../options.ts';
import { importStatusBody } from '../representations.ts';
import type { ImportRecord } from '../store.ts';

export function adminRoutes(deps: SandboxDeps): Hono<SandboxEnv> {
  const { store, runner, limiter, config } = deps;
  const admin = new Hono<SandboxEnv>();
  // A browser sends an Origin with every request but a plain GET: a page (any site the developer
  // visits) may not reset the sandbox or change it. Tests, scripts and the proxy send none.
  admin.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.header('origin') !== undefined)
      return c.json({ message: 'The sandbox-only routes do not answer web pages.' }, 403);
    await next();
  });
  const statusOf = (record: ImportRecord) =>
    importStatusBody(
      record,
      store.getWorkspace(record.workspaceId)?.projectName ?? '',
      store.importFailures(record.id),
    );

  admin.get('/health', (c) => c.json({ ok: true }));

  admin.post('/reset', (c) => {
    runner.reset();
    store.reset();
    limiter.reset();
    Object.assign(config, runtimeConfigOf(deps.options));
    return c.body(null, 204);
  });

  admin.get('/imports', (c) => c.json({ imports: store.listImports().map(statusOf) }));

  admin.get('/imports/:id', (c) => {
    const record = store.getImport(c.req.param('id'));
    return record ? c.json(statusOf(record)) : c.json({ error: 'No such import' }, 404);
  });

  admin.get('/config', (c) => c.json(config));

  admin.put('/config', async (c) => {
    const parsed = runtimeConfigSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    Object.assign(config, parsed.data);
    return c.json(config);
  });

  admin.get('/public/resources/:id/:name', (c) => {
    const resource = store
      .listWorkspaces()
      .map((w) => store.getResource(w.id, c.req.param('id')))
      .find((r) => r?.scope === 'public');
    const content = resource && store.getResourceContent(resource.id);
    return content
      ? c.body(new Uint8Array(content), 200, { 'Content-Type': resource.mimeType })
      : c.json({ error: 'No such public resource' }, 404);
  });

  return admin;
}
