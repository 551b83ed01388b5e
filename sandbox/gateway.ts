/**
 * What Whispir's API gateway does before a request reaches an endpoint, in its order: the size
 * limit (by declared length), the API key, the rate limits, injected faults, then the user
 * credential. Sandbox-only paths (`/__sandbox/*`) pass straight through.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxDeps, SandboxEnv } from './context.ts';
import { decideFault, parseFaults, type FaultRule } from './faults.ts';
import { pathKind, sendError } from './wire.ts';

/** Whispir's gateway answers an oversized body with a bare JSON string (OpenAPI 413). */
export function tooLarge(c: Context<SandboxEnv>, maxBytes: number): Response {
  return c.json(`HTTP content length exceeded ${maxBytes} bytes.`, 413, { Connection: 'close' });
}

/** Basic `user:password` or Bearer `token`; anything else is a 401. */
export function isAuthorised(
  header: string | undefined,
  credentials: { username: string; password: string; bearerToken: string },
): boolean {
  const [scheme = '', value = ''] = (header ?? '').trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return value === credentials.bearerToken;
  if (scheme.toLowerCase() !== 'basic') return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return (
    colon >= 0 &&
    decoded.slice(0, colon) === credentials.username &&
    decoded.slice(colon + 1) === credentials.password
  );
}

export function gateway(deps: SandboxDeps): MiddlewareHandler<SandboxEnv> {
  let cachedSpec = '';
  let cachedRules: FaultRule[] = [];
  const faultRules = () => {
    if (deps.config.faults !== cachedSpec) {
      cachedSpec = deps.config.faults;
      cachedRules = parseFaults(cachedSpec).rules;
    }
    return cachedRules;
  };

  return async (c, next) => {
    if (c.req.path.startsWith('/__sandbox/')) return next();
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > deps.options.maxRequestBytes) return tooLarge(c, deps.options.maxRequestBytes);

    const key = c.req.header('x-api-key') ?? c.req.query('apikey');
    if (!key) return c.json({ message: 'Forbidden' }, 403);
    if (key !== deps.options.apiKey)
      return c.json({ message: 'Forbidden' }, 403, {
        'X-Error-Code': 'ERR_403_DEVELOPER_INACTIVE',
      });

    const verdict = deps.limiter.check(key, deps.config);
    if (!verdict.ok)
      return sendError(c, verdict.status, undefined, verdict.detail, {
        'X-Error-Code': verdict.code,
        'X-Error-Detail': verdict.detail,
      });

    const fault = decideFault(faultRules(), pathKind(c.req.path));
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.action === 'drop') {
      // A dropped connection: the client sees a network error, never an HTTP answer.
      c.env.incoming.socket.destroy();
      return c.body(null, 500);
    }
    if (fault.action === 'status') return sendError(c, fault.status, undefined, 'injected fault');

    if (!isAuthorised(c.req.header('authorization'), deps.options)) return sendError(c, 401);
    await next();
  };
}
