/**
 * Mounts the proxy in front of Vite's own middleware for `npm start` and `npm run preview`, so
 * the development and preview servers answer `/api/*` exactly as `npm run serve` does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import { withTargetMeta } from '../config/target-meta.ts';
import type { WhispirTarget } from '../config/whispir-target.ts';
import { allowedHostsFrom, createProxyApp } from './proxy-app.ts';
import { LOOPBACK_HOSTS } from './proxy-rules.ts';
import { signInFrom, signInMiddleware } from './sign-in.ts';

export function whispirProxyPlugin(
  target: WhispirTarget,
  env: Record<string, string | undefined>,
): Plugin {
  const mount = (
    middlewares: Connect.Server,
    host: string | boolean | undefined,
    warn: (line: string) => void,
  ) => {
    // Listening beyond this machine (`--host`) needs a sign-in, as `npm run serve` does
    // (sign-in.ts), the sandbox's too: people try their real spreadsheets in it.
    const signIn = signInFrom({ ...env, HOST: host === true ? '0.0.0.0' : host || env.HOST });
    const app = createProxyApp({
      target,
      allowedHosts: allowedHostsFrom(env, LOOPBACK_HOSTS),
      log: warn,
      signIn: signInMiddleware(signIn, { log: warn }),
    });
    const listener = getRequestListener(app.fetch);
    // One name for the page, as `npm run serve` does (serve.ts): a tab on "localhost" and one on
    // "127.0.0.1" would each have their own lock and journal.
    const canonical =
      allowedHostsFrom(env, []).length === 0 && typeof host === 'string'
        ? LOOPBACK_HOSTS.find((name) => name === (host === '::1' ? '[::1]' : host))
        : undefined;
    middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
      if (request.url?.startsWith('/api/')) return void listener(request, response);
      const requested = request.headers.host ?? '';
      const [, name = '', port = ''] = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(requested) ?? [];
      if (canonical && name && name !== canonical && LOOPBACK_HOSTS.includes(name)) {
        response.writeHead(308, {
          location: `http://${canonical}${port ? `:${port}` : ''}${request.url ?? '/'}`,
        });
        return void response.end();
      }
      next();
    });
  };
  return {
    name: 'whispir-proxy',
    configureServer(server) {
      mount(server.middlewares, server.config.server.host, (line) =>
        server.config.logger.warn(line),
      );
    },
    // The page says where the calls go (build-info.ts), as `npm run serve` writes it.
    transformIndexHtml(html) {
      return withTargetMeta(html, target);
    },
    configurePreviewServer(server) {
      mount(server.middlewares, server.config.preview.host, (line) =>
        server.config.logger.warn(line),
      );
    },
  };
}
