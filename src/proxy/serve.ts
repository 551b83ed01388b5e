/**
 * `npm run serve`: the production server. Serves the built app from `dist/` and answers `/api/*`
 * with the same proxy as `npm start` (src/proxy/proxy-app.ts). With no Whispir target set it
 * also starts the local sandbox, so `npm run build && npm run serve` is a complete demo.
 *
 * Environment: `HOST` (default 127.0.0.1), `PORT` (default 8080), `APP_ALLOWED_HOSTS` (the host
 * names the page is served under besides loopback, e.g. behind a TLS-terminating proxy),
 * `APP_PASSWORD` / `APP_USERNAME` or `APP_AUTH=external` (who may use it, required when it is
 * reachable beyond this machine: sign-in.ts), the `WHISPIR_*` and `SANDBOX_*` variables of the
 * README; `--dir <folder>` serves another build.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { startSandboxIfTargeted } from '../../sandbox/vite-plugin.ts';
import { withTargetMeta } from '../config/target-meta.ts';
import { resolveWhispirTarget, TargetConfigError } from '../config/whispir-target.ts';
import { allowedHostsFrom, createProxyApp } from './proxy-app.ts';
import { checkOwnPage, LOOPBACK_HOSTS } from './proxy-rules.ts';
import { signInFrom, SignInConfigError, signInMiddleware } from './sign-in.ts';

/** What the page may load: only itself (the worker is a same-origin module; styles are inline). */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The loopback name a server listening on `listenHost` serves its page under, if it is one. */
function canonicalLoopback(listenHost = '127.0.0.1'): string | undefined {
  const name = listenHost === '::1' ? '[::1]' : listenHost;
  return LOOPBACK_HOSTS.includes(name) ? name : undefined;
}

export function createServerApp(options: {
  readonly dir: string;
  readonly env: Record<string, string | undefined>;
  readonly log?: (line: string) => void;
  /** The address it listens on (`HOST`): the one name its page is served under on loopback. */
  readonly listenHost?: string;
}): Hono {
  const target = resolveWhispirTarget(options.env);
  const signIn = signInFrom(options.env);
  // Served under its own names, loopback is not one of them: a rebound DNS name reaching the
  // server through a proxy in front (which forwards Host as 127.0.0.1) is refused.
  const configured = allowedHostsFrom(options.env, []);
  const allowedHosts = configured.length > 0 ? configured : LOOPBACK_HOSTS;
  const root = path.relative(process.cwd(), path.resolve(options.dir)) || '.';
  // The page says where this server's proxy sends the calls, whatever the build saw.
  const indexHtml = withTargetMeta(
    readFileSync(path.join(options.dir, 'index.html'), 'utf8'),
    target,
  );

  const app = new Hono();
  app.use('*', async (c, next) => {
    // The page itself is refused under a foreign Host too (a rebound DNS name).
    const host = checkOwnPage(
      {
        method: 'GET',
        path: '/',
        header: (name) => (name === 'host' ? c.req.header('host') : undefined),
      },
      { allowedHosts },
    );
    if (host?.rule === 'host') return c.json({ message: host.message, rule: host.rule }, 403);
    const canonical = configured.length === 0 ? canonicalLoopback(options.listenHost) : undefined;
    if (canonical && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      // One name for the page: a tab on "localhost" and one on "127.0.0.1" would each have
      // their own lock and journal, and two imports could run at once (one-import.spec.ts).
      const url = new URL(c.req.url);
      const requested = new URL(`http://${c.req.header('host') ?? ''}`);
      if (requested.hostname !== canonical && !url.pathname.startsWith('/api/'))
        return c.redirect(
          `http://${canonical}${requested.port ? `:${requested.port}` : ''}${url.pathname}${url.search}`,
          308,
        );
    }
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });
  // Every request, the page's too, once it is known to be for this server.
  app.use('*', signInMiddleware(signIn, { log: options.log }));
  app.route('/', createProxyApp({ target, allowedHosts, log: options.log }));
  // Only the build's own files: no dotfile, nothing a link inside it points to outside.
  const realRoot = realpathSync(options.dir);
  app.use('*', async (c, next) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('Not found', 404);
    }
    if (pathname.split(/[/\\]/).some((part) => part.startsWith('.')))
      return c.text('Not found', 404);
    const file = path.join(realRoot, pathname);
    if (
      existsSync(file) &&
      !`${realpathSync(file)}${path.sep}`.startsWith(`${realRoot}${path.sep}`)
    )
      return c.text('Not found', 404);
    await next();
  });
  for (const page of ['/', '/index.html']) app.get(page, (c) => c.html(indexHtml));
  app.use('/assets/*', serveStatic({ root }));
  app.use('*', serveStatic({ root }));
  // Any other page path is the single-page app.
  app.get('*', (c) => c.html(indexHtml));
  return app;
}

async function main() {
  const env = process.env;
  const dirFlag = process.argv.indexOf('--dir');
  const dir = path.resolve(dirFlag > 0 ? (process.argv[dirFlag + 1] ?? 'dist') : 'dist');
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(`No build in ${dir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  let app: Hono;
  try {
    app = createServerApp({
      dir,
      env,
      log: (line) => console.warn(line),
      listenHost: env.HOST || '127.0.0.1',
    });
  } catch (error) {
    const config = error instanceof TargetConfigError || error instanceof SignInConfigError;
    console.error(config ? (error as Error).message : error);
    process.exit(1);
  }
  const target = resolveWhispirTarget(env);
  const closeSandbox = await startSandboxIfTargeted(target, env);
  const hostname = env.HOST || '127.0.0.1';
  const port = Number(env.PORT || 8080);
  const signIn = signInFrom(env).kind;
  const server = serve(
    {
      fetch: app.fetch,
      hostname,
      port,
      // Timeouts are checked every second, not every 30 s (Node's default), so the limits below
      // hold to the second.
      serverOptions: { connectionsCheckingInterval: 1_000 },
    },
    () =>
      console.log(
        `Whispir contact import on http://${hostname}:${port} → ${target.label}` +
          (signIn === 'password'
            ? ' (sign-in: APP_PASSWORD)'
            : signIn === 'external'
              ? ' (sign-in: left to what is in front of this server, APP_AUTH=external)'
              : ''),
      ),
  );
  // A caller that sends its headers or body a byte at a time is cut off (Node waits 300 s): the
  // headers within 10 s, the whole request (an upload part of up to 10 MB) within 2 minutes.
  if ('requestTimeout' in server) {
    server.headersTimeout = 10_000;
    server.requestTimeout = 120_000;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      server.close();
      void (closeSandbox?.() ?? Promise.resolve()).then(() => process.exit(0));
    });
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) await main();
