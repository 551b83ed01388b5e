/** The sandbox's HTTP surface, composed: CORS, common headers, sandbox-only routes, the gateway, Whispir routes. */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { SandboxDeps, SandboxEnv } from './context.ts';
import { gateway } from './gateway.ts';
import { adminRoutes } from './routes/admin.ts';
import { mountContacts } from './routes/contacts.ts';
import { mountImports } from './routes/imports.ts';
import { mountResources } from './routes/resources.ts';
import { mountWorkspaces } from './routes/workspaces.ts';
import { sendError } from './wire.ts';

/** Root paths act on "My Company"; the same routes exist under `/workspaces/{id}`. */
const SCOPES = ['', '/workspaces/:wid'];

export function createApp(deps: SandboxDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  // Whispir documents no preflight; the sandbox answers one so a browser can call it (Part B §6.4).
  // Not on its own routes, which take no credentials: no web page may read or use them.
  const whispirCors = cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'x-api-key', 'Content-Type', 'Accept'],
    exposeHeaders: ['Location', 'X-Error-Code', 'X-Error-Detail'],
    maxAge: 600,
  });
  app.use('*', (c, next) => (c.req.path.startsWith('/__sandbox/') ? next() : whispirCors(c, next)));
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'max-age=0');
    c.res.headers.set('Expires', new Date().toUTCString());
  });
  app.route('/__sandbox', adminRoutes(deps));
  app.use('*', gateway(deps));
  mountWorkspaces(app, deps);
  for (const prefix of SCOPES) {
    mountResources(app, deps, prefix);
    mountImports(app, deps, prefix);
    mountContacts(app, deps, prefix);
  }
  app.notFound((c) => sendError(c, 404));
  app.onError((error, c) => {
    console.error('[sandbox]', error);
    return sendError(c, 500, undefined, error.message);
  });
  return app;
}
