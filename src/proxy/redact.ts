/**
 * What the proxy removes from an answer before the browser sees it: every configured secret
 * (API key, password, token, Basic credential) in any of the ways a server may write it back
 * (raw, URL- or form-encoded, escaped in JSON or in HTML and XML, base64, as UTF-16), each
 * matched exactly (in any case, a password would blank a town of that name in an email),
 * and the value of any `apikey=`-like parameter in a link (Whispir's links may carry one,
 * docs/whispir-api.md §A12).
 */
import { redactSecretParamsInText } from '../domain/whispir/url-secrets.ts';

export const REDACTED = '‹redacted›';

/** The same, for header values, which must stay ASCII. */
export const REDACTED_ASCII = 'REDACTED';

/** The shortest part of a secret's base64 searched for inside longer base64 (72 bits). */
const MIN_BASE64_CORE = 12;

/** Every spelling of `secret` a server echoing it might use (HTML's are `markupPattern`'s). */
export function secretForms(secret: string): string[] {
  const url = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  const percent = [
    url,
    // A form's "+" for a space.
    url.replace(/%20/g, '+'),
    // Java's URLEncoder and PHP's urlencode: all but letters, digits and . - _ (Java: and *).
    percentEncoded(secret, /[A-Za-z0-9.\-*_]/, true),
    percentEncoded(secret, /[A-Za-z0-9.\-_]/, true),
    // RFC 3986 (PHP's rawurlencode, Python's quote with safe=''), Python's quote (keeps "/"),
    // and quote_plus.
    percentEncoded(secret, /[A-Za-z0-9.\-_~]/, false),
    percentEncoded(secret, /[A-Za-z0-9.\-_~/]/, false),
    percentEncoded(secret, /[A-Za-z0-9.\-_~]/, true),
  ];
  return [
    secret,
    ...percent,
    // Each also with lower-case hex digits (%2f).
    ...percent.map((form) => form.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())),
    json,
    // JSON writers that escape "/" (PHP, Java) or "<", ">" and "&" (Go).
    json.replace(/\//g, '\\/'),
    json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    // .NET's JavaScriptEncoder: HTML's unsafe characters and all beyond ASCII, in upper-case hex;
    // Python's json.dumps: all beyond ASCII, in lower case.
    unicodeEscaped(json, /\\"|[<>&'+`]|[^ -~\t\n\r]/g, true),
    unicodeEscaped(json, /[^ -~\t\n\r]/g, false),
    ...base64Forms(Buffer.from(secret)),
    // A UTF-16 answer read as UTF-8 or Latin-1, the secret as it is and as JSON writes it.
    ...utf16Forms(secret),
    ...utf16Forms(json),
  ];
}

/** `secret`'s UTF-8 bytes percent-encoded, except the characters `keep` matches. */
function percentEncoded(secret: string, keep: RegExp, spaceAsPlus: boolean): string {
  return [...secret]
    .map((c) => {
      if (keep.test(c)) return c;
      if (c === ' ' && spaceAsPlus) return '+';
      return [...Buffer.from(c)]
        .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
    })
    .join('');
}

/** `json` with the characters `which` matches written as `\uXXXX` (`\"` counts as `"`). */
function unicodeEscaped(json: string, which: RegExp, upper: boolean): string {
  return json.replace(which, (c) => {
    const hex = (c === '\\"' ? 34 : c.charCodeAt(0)).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });
}

/**
 * The secret's base64, standard and URL-safe: whole (the secret alone), and the part that stays
 * the same wherever the secret stands inside a longer base64 text. Base64 writes 3 bytes as 4
 * characters, so the bytes before the secret (0, 1 or 2 past a multiple of 3) change its first
 * characters and the bytes after change its last: only the characters made of the secret's bits
 * alone are searched for, when there are at least `MIN_BASE64_CORE` of them.
 */
function base64Forms(bytes: Buffer): string[] {
  const forms = [bytes.toString('base64').replace(/=+$/, '')];
  for (const offset of [0, 1, 2]) {
    const text = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    if (end - first >= MIN_BASE64_CORE) forms.push(text.slice(first, end));
  }
  return forms.flatMap((form) => [form, form.replace(/\+/g, '-').replace(/\//g, '_')]);
}

/**
 * `text` as UTF-16 (little- and big-endian) would look read as Latin-1 or as UTF-8 (how the
 * proxy reads an answer): each ASCII character beside a NUL, others as their two bytes, or as
 * U+FFFD where they are not UTF-8. A NUL or U+FFFD at either end is dropped, as it depends on
 * the bytes around the secret. A form left with fewer than 8 characters of the secret's own is not
 * searched for (it would match most UTF-16 text).
 */
function utf16Forms(text: string): string[] {
  const little = Buffer.from(text, 'utf16le');
  const big = Buffer.from(little).swap16();
  return [little, big]
    .flatMap((bytes) => [bytes.toString('latin1'), bytes.toString('utf8')])
    .map((form) => form.replace(/^[\0\uFFFD]+|[\0\uFFFD]+$/g, ''))
    .filter((form) => form.replace(/[\0\uFFFD]/g, '').length >= 8);
}

/**
 * The secret as HTML or XML escapes it, as a pattern: each of `& < > " '` as its named entity
 * or a decimal or hex character reference (`&#39;`, `&#039;`, `&#x27;`, `&#X3C;`), or as it is,
 * each on its own, since every writer picks its own mix (Python: `&#x27;`, PHP: `&#039;`, Go:
 * `&#34;`). Undefined when the secret has none of them.
 */
function markupPattern(secret: string): string | undefined {
  if (!/[&<>"']/.test(secret)) return undefined;
  const reference = (name: string, code: number) => {
    const hex = code.toString(16).replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
    return `(?:&${name};|&#0*${code};|&#[xX]0*${hex};|${escapeRegExp(String.fromCharCode(code))})`;
  };
  const entities: Record<string, string> = {
    '&': reference('amp', 38),
    '<': reference('lt', 60),
    '>': reference('gt', 62),
    '"': reference('quot', 34),
    "'": reference('apos', 39),
  };
  return [...secret].map((c) => entities[c] ?? escapeRegExp(c)).join('');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function secretRedactor(
  secrets: readonly string[],
): (text: string, replacement?: string) => string {
  // Each as a pattern, with the length of its shortest match.
  const patterns = new Map<string, number>();
  for (const secret of secrets) {
    for (const form of secretForms(secret))
      if (form !== '') patterns.set(escapeRegExp(form), form.length);
    const markup = markupPattern(secret);
    if (markup) patterns.set(markup, secret.length);
  }
  const sources = [...patterns]
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b[1] - a[1])
    .map(([source]) => source);
  const pattern = sources.length === 0 ? undefined : new RegExp(sources.join('|'), 'g');
  return (text, replacement = REDACTED) =>
    redactSecretParamsInText(
      pattern ? text.replace(pattern, () => replacement) : text,
      replacement,
    );
}
