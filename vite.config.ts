import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type ProxyOptions } from 'vite';
import { resolveWhispirTarget, type WhispirTarget } from './src/config/whispir-target.ts';
import { sandboxPlugin } from './sandbox/vite-plugin.ts';

/**
 * The same-origin proxy: the browser only calls relative `/api/whispir/...` URLs; the proxy
 * forwards them to the one configured target and adds the credentials from the server's
 * environment. Whatever the browser sends as credentials is dropped.
 */
function whispirProxy(target: WhispirTarget): Record<string, ProxyOptions> {
  const routes: Record<string, ProxyOptions> = {
    '/api/whispir': {
      target: target.url,
      changeOrigin: true,
      rewrite: (path) => path.replace(/^\/api\/whispir/, '') || '/',
      configure: (proxy) => {
        proxy.on('proxyReq', (proxyReq) => {
          proxyReq.removeHeader('cookie');
          proxyReq.removeHeader('x-api-key');
          proxyReq.removeHeader('authorization');
          for (const [name, value] of Object.entries(target.headers))
            proxyReq.setHeader(name, value);
        });
      },
    },
  };
  if (target.isSandbox) {
    routes['/api/sandbox'] = {
      target: target.url,
      rewrite: (path) => path.replace(/^\/api\/sandbox/, '/__sandbox'),
    };
  }
  return routes;
}

export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const target = resolveWhispirTarget(env);
  const proxy = whispirProxy(target);
  return {
    plugins: [react(), sandboxPlugin(target, env)],
    define: {
      __WHISPIR_TARGET_LABEL__: JSON.stringify(target.label),
      __WHISPIR_IS_SANDBOX__: JSON.stringify(target.isSandbox),
      // The target's address (never a credential) so the API inspector can show full URLs.
      __WHISPIR_TARGET_URL__: JSON.stringify(target.url),
    },
    server: { host: '127.0.0.1', port: 5173, proxy },
    preview: { host: '127.0.0.1', port: 4173, proxy },
    worker: { format: 'es' },
  };
});
