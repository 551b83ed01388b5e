/**
 * One Whispir endpoint: the verbs it supports (others 405), media-type negotiation (415), the
 * workspace it acts on (404), the body under the size limit (413) and well-formedness (400,
 * including XML nested deeper than `MAX_XML_DEPTH`, refused before it is parsed).
 * Handlers receive a parsed body and only decide what to answer; a handler that must not parse
 * a large body on the server's thread takes the bytes instead (`RawBodyHandler`) and answers
 * the same 400s itself (`readRequestBody`).
 */
import type { Context, Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { tooLarge } from '../gateway.ts';
import type { Format } from '../request-env.ts';
import {
  formatFromAccept,
  formatFromContentType,
  readBodyLimited,
  readRequestBody,
  sendError,
  type Entity,
} from '../wire.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type Handler = (
  c: Context<SandboxEnv>,
  body: Record<string, unknown>,
) => Response | Promise<Response>;

/** A POST or PUT handler given the body's bytes (within the size limit) and format, unparsed. */
export interface RawBodyHandler {
  raw(c: Context<SandboxEnv>, bytes: Buffer, format: Format): Promise<Response>;
}

/** The XML root element of each entity's request body. */
const XML_ROOT: Record<Entity, string> = {
  workspace: 'workspace',
  resource: 'resource',
  importcontact: 'import',
  contact: 'contact',
};

export function endpoint(
  app: Hono<SandboxEnv>,
  deps: SandboxDeps,
  path: string,
  entity: Entity,
  handlers: Partial<Record<Method, Handler | RawBodyHandler>>,
): void {
  app.all(path, async (c) => {
    const handler = handlers[c.req.method as Method];
    if (!handler)
      return sendError(c, 405, undefined, undefined, { Allow: Object.keys(handlers).join(', ') });

    // DELETE needs neither header (Part B §1.3); every other verb answers in the Accept type.
    if (c.req.method !== 'DELETE') {
      const format = formatFromAccept(c.req.header('accept'), entity);
      if (!format) return sendError(c, 415);
      c.set('format', format);
    }
    const hasBody = c.req.method === 'POST' || c.req.method === 'PUT';
    const bodyFormat = hasBody && formatFromContentType(c.req.header('content-type'), entity);
    if (hasBody && !bodyFormat) return sendError(c, 415);

    const wid = c.req.param('wid');
    const workspace = deps.store.getWorkspace(wid ?? deps.store.defaultWorkspaceId);
    if (!workspace) return sendError(c, 404, undefined, `No workspace with id ${wid}`);
    c.set('workspace', workspace);
    c.set('base', `${new URL(c.req.url).origin}${wid ? `/workspaces/${wid}` : ''}`);

    if (!bodyFormat) {
      if (typeof handler === 'function') return handler(c, {});
      throw new Error(`a handler that takes a body on ${c.req.method} ${path}`);
    }
    const read = await readBodyLimited(c.req.raw, deps.options.maxRequestBytes);
    if (!read.ok) return tooLarge(c, deps.options.maxRequestBytes);
    if (typeof handler !== 'function') return handler.raw(c, read.bytes, bodyFormat);
    const parsed = readRequestBody(read.bytes, bodyFormat, XML_ROOT[entity]);
    if (!parsed.ok) return sendError(c, 400, undefined, parsed.errorDetail);
    return handler(c, parsed.body);
  });
}
