/**
 * The same-origin proxy as a Hono app: `/api/whispir/*` to the one configured Whispir target
 * with the server's credentials, `/api/sandbox/*` to the sandbox's own report when the target is
 * the sandbox. One app serves `npm start`, `npm run preview` and `npm run serve` (see
 * `vite-plugin.ts` and `serve.ts`), so the rules cannot drift between them.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PROXY_REFUSED_HEADER } from '../config/proxy-contract.ts';
import type { WhispirTarget } from '../config/whispir-target.ts';
import {
  checkAllowedCall,
  checkOwnPage,
  FORWARDED_REQUEST_HEADERS,
  forwardedQuery,
  isPassedAnswerHeader,
  SANDBOX_CALLS,
  WHISPIR_CALLS,
  type Refusal,
} from './proxy-rules.ts';
import { REDACTED_ASCII, secretRedactor } from './redact.ts';

/** Whispir takes bodies up to 10,485,760 bytes (docs/whispir-api.md §A9); the margin lets
 * Whispir, not the proxy, answer a body just over its limit with its own 413. */
export const MAX_REQUEST_BYTES = 11 * 1024 * 1024;
/** How long Whispir has to answer a call, its whole answer read. */
export const UPSTREAM_TIMEOUT_MS = 120_000;
/** The wizard's calls are answered in kilobytes (a search page is 20 contacts); an answer past
 * this is not read on, so a faulty or hostile upstream cannot fill the server's memory. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

class AnswerTooLarge extends Error {}
class UpstreamTimedOut extends Error {}

/** The answer's text, read until it ends or passes `max` bytes (then the read is cancelled). */
async function readCapped(answer: Response, max: number): Promise<string> {
  if (!answer.body) return '';
  const reader = answer.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new AnswerTooLarge(
        `its answer was over ${max.toLocaleString('en')} bytes, far more than any call the ` +
          'wizard makes is answered with, so the proxy did not pass it on',
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface ProxyOptions {
  readonly target: WhispirTarget;
  /** Host names (no port) the app's page is served under. */
  readonly allowedHosts: readonly string[];
  /** Where refusals and upstream failures are written, already redacted. */
  readonly log?: (line: string) => void;
  /** Who may use it at all (sign-in.ts); `npm run serve` asks before any route instead. */
  readonly signIn?: MiddlewareHandler;
  /** `UPSTREAM_TIMEOUT_MS` unless told (tests wait less). */
  readonly upstreamTimeoutMs?: number;
}

export function createProxyApp(options: ProxyOptions): Hono {
  const { target } = options;
  const redact = secretRedactor(target.secrets);
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.upstreamTimeoutMs ?? UPSTREAM_TIMEOUT_MS;
  const app = new Hono();

  const refused = (c: Context, refusal: Refusal) => {
    const url = new URL(c.req.url);
    log(
      `proxy refused ${c.req.method} ${redact(url.pathname + url.search)} (${refusal.rule}` +
        `${c.req.header('origin') ? `, origin ${c.req.header('origin')}` : ''})`,
    );
    return c.json({ message: refusal.message, rule: refusal.rule }, refusal.status, {
      [PROXY_REFUSED_HEADER]: refusal.rule,
      'cache-control': 'no-store',
    });
  };

  const forward =
    (prefix: string, calls: typeof WHISPIR_CALLS, base: string) => async (c: Context) => {
      const url = new URL(c.req.url);
      const method = c.req.method;
      const path = url.pathname.slice(prefix.length) || '/';
      const facts = { method, path, header: (name: string) => c.req.header(name) };
      const refusal =
        checkOwnPage(facts, options) ?? checkAllowedCall(facts, calls, url.searchParams);
      if (refusal) return refused(c, refusal);

      // The size is enforced while the body streams in (bodyLimit below), chunked bodies too.
      const body = method === 'POST' ? await c.req.arrayBuffer() : undefined;
      const headers = new Headers();
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = c.req.header(name);
        if (value) headers.set(name, value);
      }
      for (const [name, value] of Object.entries(target.headers)) headers.set(name, value);

      // A timer of our own, not AbortSignal.timeout inside AbortSignal.any: on Node 20 the
      // garbage collector could drop that timeout's signal, so a hung Whispir held the call for
      // ever. Cleared once the answer is read or the caller has gone.
      const abort = new AbortController();
      const caller = c.req.raw.signal;
      const timer = setTimeout(
        () =>
          abort.abort(new UpstreamTimedOut(`did not answer within ${timeoutMs / 1000} seconds`)),
        timeoutMs,
      );
      const callerGone = () => abort.abort(caller.reason);
      if (caller.aborted) callerGone();
      else caller.addEventListener('abort', callerGone, { once: true });

      let answer: Response;
      let text: string;
      try {
        answer = await fetch(`${base}${path}${forwardedQuery(method, url.searchParams)}`, {
          method,
          headers,
          body,
          redirect: 'manual',
          signal: abort.signal,
        });
        text = redact(await readCapped(answer, MAX_ANSWER_BYTES));
      } catch (caught) {
        // An abort rejects with whatever it was aborted with, or an AbortError naming nothing.
        const error =
          abort.signal.reason instanceof UpstreamTimedOut ? abort.signal.reason : caught;
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof AnswerTooLarge) {
          log(`proxy: ${method} ${redact(path)} from ${target.label}: ${reason}`);
          return c.json({ message: `${target.label} answered, but ${reason}.` }, 502);
        }
        if (error instanceof UpstreamTimedOut) {
          log(`proxy: ${method} ${redact(path)} to ${target.label}: ${reason}`);
          return c.json(
            {
              message:
                `${target.label} ${reason}, so the proxy stopped waiting.` +
                (method === 'POST'
                  ? ' It may still have done what was asked: check in Whispir before trying again.'
                  : ''),
            },
            502,
          );
        }
        log(
          `proxy: ${method} ${redact(path)} got no answer from ${target.label}: ${redact(reason)}`,
        );
        return c.json(
          {
            message: `${target.label} could not be reached through the proxy (${redact(reason)}).`,
          },
          502,
        );
      } finally {
        clearTimeout(timer);
        caller.removeEventListener('abort', callerGone);
      }
      if (answer.status < 200 || answer.status > 599) {
        log(`proxy: ${method} ${redact(path)} from ${target.label}: status ${answer.status}`);
        return c.json(
          {
            message: `${target.label} answered with status ${answer.status}, which HTTP does not have.`,
          },
          502,
        );
      }
      const answerHeaders = new Headers({ 'cache-control': 'no-store' });
      answer.headers.forEach((value, name) => {
        if (isPassedAnswerHeader(name)) answerHeaders.set(name, redact(value, REDACTED_ASCII));
      });
      const empty = [101, 204, 205, 304].includes(answer.status);
      return new Response(empty ? null : text, { status: answer.status, headers: answerHeaders });
    };

  // Whatever fails unforeseen is logged by its kind, never its text (which may quote a header).
  app.onError((error, c) => {
    log(`proxy: ${c.req.method} ${redact(new URL(c.req.url).pathname)} failed (${error.name})`);
    return c.json({ message: `The proxy failed on this call (${error.name}).` }, 500);
  });
  if (options.signIn) app.use('/api/*', options.signIn);
  // A body over the limit is refused as it streams in, before it is held in memory.
  app.use('/api/*', bodyLimit({ maxSize: MAX_REQUEST_BYTES, onError: (c) => tooLarge(c) }));
  const whispir = forward('/api/whispir', WHISPIR_CALLS, target.url);
  app.all('/api/whispir', whispir);
  app.all('/api/whispir/*', whispir);
  if (target.isSandbox) {
    app.all('/api/sandbox/*', forward('/api/sandbox', SANDBOX_CALLS, `${target.url}/__sandbox`));
  }
  app.all('/api/*', (c) =>
    c.json(
      {
        message:
          'No such route. The sandbox-only routes exist only when the target is the sandbox.',
      },
      404,
    ),
  );
  return app;
}

function tooLarge(c: Context) {
  return c.json(
    { message: `The request body is over ${MAX_REQUEST_BYTES.toLocaleString('en')} bytes.` },
    413,
  );
}

/** Host names the app may be served under: loopback, plus `APP_ALLOWED_HOSTS` (comma-separated). */
export function allowedHostsFrom(env: Record<string, string | undefined>, base: readonly string[]) {
  const extra = (env.APP_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return [...base, ...extra];
}
