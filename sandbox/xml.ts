/**
 * Whispir's XML dialect, both ways. Entities live in `http://schemas.api.whispir.com`, list
 * wrappers and links in `.../dap`; field elements are unqualified (Part B §1.4, §7). Incoming
 * documents are matched on namespace URI and local name, never on prefix.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

export const NS_ENTITY = 'http://schemas.api.whispir.com';
export const NS_DAP = 'http://schemas.api.whispir.com/dap';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export interface Link {
  readonly uri: string;
  readonly rel: string;
  readonly method: string;
  readonly type?: string;
}

/** A value the renderers know how to write, in JSON and in XML. */
export type WireValue = string | number | boolean | null | WireValue[] | WireObject;
export interface WireObject {
  [key: string]: WireValue | undefined;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const linkXml = (prefix: string, link: WireObject): string =>
  `<${prefix}:link${Object.entries(link)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('')}/>`;

/** The children of an element: unqualified fields, `link` items in the dap prefix. */
function childrenXml(value: WireObject, linkPrefix: string): string {
  let out = '';
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    if (key === 'link' && Array.isArray(child)) {
      for (const link of child) out += linkXml(linkPrefix, link as WireObject);
    } else out += elementXml(key, child, linkPrefix);
  }
  return out;
}

function elementXml(name: string, value: WireValue, linkPrefix: string): string {
  if (value === null || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `<${name}/>`;
    const itemName = name.replace(/s$/, '');
    return `<${name}>${value.map((item) => elementXml(itemName, item, linkPrefix)).join('')}</${name}>`;
  }
  if (typeof value === 'object') return `<${name}>${childrenXml(value, linkPrefix)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** One entity document, e.g. `<ns2:workspace xmlns:ns2=".../" xmlns:ns3=".../dap">`. */
export function entityXml(entity: string, body: WireObject): string {
  return `${DECLARATION}<ns2:${entity} xmlns:ns2="${NS_ENTITY}" xmlns:ns3="${NS_DAP}">${childrenXml(body, 'ns3')}</ns2:${entity}>`;
}

/** A list document: `<ns2:return><status/><ns2:{collection}><ns2:{item}>...` in the dap namespace. */
export function listXml(
  collection: string,
  item: string,
  status: string,
  items: readonly WireObject[],
  links: readonly Link[],
): string {
  const itemsXml = items.map((i) => `<ns2:${item}>${childrenXml(i, 'ns2')}</ns2:${item}>`).join('');
  const collectionXml = items.length ? `<ns2:${collection}>${itemsXml}</ns2:${collection}>` : '';
  const linksXml = links.map((l) => linkXml('ns2', { ...l })).join('');
  return `${DECLARATION}<ns2:return xmlns:ns2="${NS_DAP}" xmlns:ns3="${NS_ENTITY}"><status>${escapeXml(status)}</status>${collectionXml}${linksXml}</ns2:return>`;
}

export function errorXml(body: { errorSummary: string; errorText: string; errorDetail: string }) {
  return `${DECLARATION}<ns3:error xmlns:ns2="${NS_DAP}" xmlns:ns3="${NS_ENTITY}"><errorSummary>${escapeXml(body.errorSummary)}</errorSummary><errorText>${escapeXml(body.errorText)}</errorText><errorDetail>${escapeXml(body.errorDetail)}</errorDetail></ns3:error>`;
}

/**
 * How deep incoming XML may nest. Whispir's documents need four levels (`import/contacts/
 * contact/field`); a DOM parse of a 1,000,000-deep body took seconds and the tree walk then
 * overflowed the stack, so anything deeper is refused before parsing.
 */
export const MAX_XML_DEPTH = 64;

/** The index just past `token` at or after `from`, or -1. */
function indexAfter(text: string, token: string, from: number): number {
  const at = text.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}

/** The index just past the `>` closing the tag at `start`, skipping quoted attribute values. */
function tagEnd(text: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return i + 1;
  }
  return -1;
}

/** The index just past a `<!DOCTYPE …>`, whose internal subset may hold `>` in many places. */
function declarationEnd(text: string, start: number): number {
  let quote = 0;
  let brackets = 0;
  for (let i = start + 2; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 60 && text.startsWith('<!--', i)) {
      i = indexAfter(text, '-->', i + 4) - 1;
      if (i < 0) return -1;
    } else if (ch === 91) brackets += 1;
    else if (ch === 93) brackets -= 1;
    else if (ch === 62 && brackets <= 0) return i + 1;
  }
  return -1;
}

/**
 * A linear scan of the markup, before any DOM is built: `too-deep` when elements nest deeper
 * than `limit`, `unterminated` when a tag, comment, CDATA section or declaration never closes
 * (not well-formed, so no parser would accept it either), else `ok`. Text is skipped with
 * `indexOf`, so the cost is a few milliseconds for a 10 MB document.
 */
export function scanXmlNesting(
  text: string,
  limit = MAX_XML_DEPTH,
): 'ok' | 'too-deep' | 'unterminated' {
  let depth = 0;
  for (let at = text.indexOf('<'); at >= 0; ) {
    let end: number;
    const next = text.charCodeAt(at + 1);
    if (next === 33 /* ! */) {
      if (text.startsWith('<!--', at)) end = indexAfter(text, '-->', at + 4);
      else if (text.startsWith('<![CDATA[', at)) end = indexAfter(text, ']]>', at + 9);
      else end = declarationEnd(text, at);
    } else if (next === 63 /* ? */) end = indexAfter(text, '?>', at + 2);
    else {
      end = tagEnd(text, at);
      if (next === 47 /* / */) depth -= 1;
      else if (end > 0) {
        // An empty element `<x/>` is a level too, but it closes itself.
        if (depth + 1 > limit) return 'too-deep';
        if (text.charCodeAt(end - 2) !== 47 /* / */) depth += 1;
      }
    }
    if (end < 0) return 'unterminated';
    at = text.indexOf('<', end);
  }
  return 'ok';
}

/** Parses XML text; `undefined` when it is not well-formed or nests deeper than `MAX_XML_DEPTH`. */
export function parseXmlDocument(text: string): Element | undefined {
  if (scanXmlNesting(text) !== 'ok') return undefined;
  try {
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
    return doc.documentElement ?? undefined;
  } catch {
    return undefined;
  }
}

export function childElements(element: Element): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling)
    if (node.nodeType === 1) out.push(node as Element);
  return out;
}

/** Leaf elements become strings, elements with element children become nested objects. */
export function elementToObject(element: Element): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const child of childElements(element)) {
    const name = child.localName ?? child.nodeName;
    out[name] = childElements(child).length ? elementToObject(child) : (child.textContent ?? '');
  }
  return out;
}

/**
 * Reads a request body whose root must be `entity` (any prefix; the entity namespace or none).
 * Returns `undefined` for malformed XML or another root.
 */
export function parseXmlEntity(text: string, entity: string): Record<string, unknown> | undefined {
  const root = parseXmlDocument(text);
  if (!root || root.localName !== entity) return undefined;
  if (root.namespaceURI && root.namespaceURI !== NS_ENTITY) return undefined;
  return elementToObject(root);
}
