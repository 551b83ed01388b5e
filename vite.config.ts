import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { resolveWhispirTarget } from './src/config/whispir-target.ts';
import { whispirProxyPlugin } from './src/proxy/vite-plugin.ts';
import { sandboxPlugin } from './sandbox/vite-plugin.ts';

export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const target = resolveWhispirTarget(env);
  return {
    // The proxy (src/proxy) answers /api/* in front of Vite, as `npm run serve` does in production.
    plugins: [react(), whispirProxyPlugin(target, env), sandboxPlugin(target, env)],
    define: {
      __WHISPIR_TARGET_LABEL__: JSON.stringify(target.label),
      __WHISPIR_IS_SANDBOX__: JSON.stringify(target.isSandbox),
      // The target's scheme, host and path (resolveWhispirTarget refuses credentials in it), so
      // the API inspector can show full URLs.
      __WHISPIR_TARGET_URL__: JSON.stringify(target.url),
    },
    // No CORS from Vite either: the app is same-origin, and a preflight is the proxy's to refuse.
    server: { host: '127.0.0.1', port: 5173, cors: false },
    preview: { host: '127.0.0.1', port: 4173, cors: false },
    worker: { format: 'es' },
  };
});
