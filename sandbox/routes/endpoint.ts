/**
 * One Whispir endpoint: the verbs it supports (others 405), media-type negotiation (415), the
 * workspace it acts on (404), the body under the size limit (413) and well-formedness (400,
 * including XML nested deeper than `MAX_XML_DEPTH`, refused before it is parsed).
 * Handlers receive a parsed body and only decide what to answer.
 */
import type { Context, Hono } from 'hono';
import type { SandboxDeps, SandboxEnv } from '../context.ts';
import { tooLarge } from '../gateway.ts';
import {
  formatFromAccept,
  formatFromContentType,
  parseRequestBody,
  readBodyLimited,
  sendError,
  type Entity,
} from '../wire.ts';
import { MAX_XML_DEPTH, scanXmlNesting } from '../xml.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type Handler = (
  c: Context<SandboxEnv>,
  body: Record<string, unknown>,
) => Response | Promise<Response>;

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
  handlers: Partial<Record<Method, Handler>>,
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

    if (!bodyFormat) return handler(c, {});
    const read = await readBodyLimited(c.req.raw, deps.options.maxRequestBytes);
    if (!read.ok) return tooLarge(c, deps.options.maxRequestBytes);
    if (bodyFormat === 'xml' && scanXmlNesting(read.text) === 'too-deep')
      return sendError(
        c,
        400,
        undefined,
        `The XML body nests elements deeper than ${MAX_XML_DEPTH} levels`,
      );
    const body = parseRequestBody(read.text, bodyFormat, XML_ROOT[entity]);
    if (!body)
      return sendError(
        c,
        400,
        undefined,
        read.text.trim()
          ? `The ${bodyFormat.toUpperCase()} body could not be parsed as a ${XML_ROOT[entity]}`
          : 'java.io.EOFException: No content to map to Object due to end of input',
      );
    return handler(c, body);
  });
}
