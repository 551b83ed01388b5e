/**
 * The page's `<meta name="whispir-target">`: the server that serves the page writes where its
 * proxy sends the calls (label, sandbox or not, base URL; never a secret), and the page reads
 * it (build-info.ts). The target is the running server's, not the one the build happened to see.
 */
export interface TargetMeta {
  readonly label: string;
  readonly isSandbox: boolean;
  readonly url: string;
}

const META_NAME = 'whispir-target';

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `html` with the tag added at the start of its `<head>` (or replacing one already there). */
export function withTargetMeta(html: string, target: TargetMeta): string {
  const json = JSON.stringify({
    label: target.label,
    isSandbox: target.isSandbox,
    url: target.url,
  });
  const tag = `<meta name="${META_NAME}" content="${escapeAttribute(json)}" />`;
  const existing = new RegExp(`<meta name="${META_NAME}"[^>]*>`);
  // A function, so a "$'" in the URL is written as it is, not read as a replacement pattern.
  if (existing.test(html)) return html.replace(existing, () => tag);
  if (/<head[\s>]/i.test(html))
    return html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${tag}`);
  // A page with no <head> written out: the parser puts a tag before the content in it.
  return /^<!doctype html>/i.test(html)
    ? html.replace(/^<!doctype html>/i, (doctype) => `${doctype}${tag}`)
    : `${tag}${html}`;
}

/** The tag's values, or undefined when the page has none or it cannot be read. */
export function readTargetMeta(doc: Pick<Document, 'querySelector'>): TargetMeta | undefined {
  const content = doc.querySelector(`meta[name="${META_NAME}"]`)?.getAttribute('content');
  if (!content) return undefined;
  try {
    const value: unknown = JSON.parse(content);
    if (typeof value !== 'object' || value === null) return undefined;
    const { label, isSandbox, url } = value as Record<string, unknown>;
    if (typeof label !== 'string' || typeof isSandbox !== 'boolean' || typeof url !== 'string')
      return undefined;
    return { label, isSandbox, url };
  } catch {
    return undefined;
  }
}
