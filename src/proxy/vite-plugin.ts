/**
 * Mounts the proxy in front of Vite's own middleware for `npm start` and `npm run preview`, so
 * the development and preview servers answer `/api/*` exactly as `npm run serve` does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin } from 'vite';
import type { WhispirTarget } from '../config/whispir-target.ts';
import { allowedHostsFrom, createProxyApp } from './proxy-app.ts';
import { LOOPBACK_HOSTS } from './proxy-rules.ts';

export function whispirProxyPlugin(
  target: WhispirTarget,
  env: Record<string, string | undefined>,
): Plugin {
  const mount = (middlewares: Connect.Server, warn: (line: string) => void) => {
    const app = createProxyApp({
      target,
      allowedHosts: allowedHostsFrom(env, LOOPBACK_HOSTS),
      log: warn,
    });
    const listener = getRequestListener(app.fetch);
    middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
      if (request.url?.startsWith('/api/')) void listener(request, response);
      else next();
    });
  };
  return {
    name: 'whispir-proxy',
    configureServer(server) {
      mount(server.middlewares, (line) => server.config.logger.warn(line));
    },
    configurePreviewServer(server) {
      mount(server.middlewares, (line) => server.config.logger.warn(line));
    },
  };
}
