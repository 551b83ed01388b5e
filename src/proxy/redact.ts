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

/** Every spelling of `secret` a server echoing it might use. */
export function secretForms(secret: string): string[] {
  const url = encodeURIComponent(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  const markup = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return [
    secret,
    url,
    // Lower-case hex digits (%2f), and a form's "+" for a space.
    url.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    url.replace(/%20/g, '+'),
    json,
    // JSON writers that escape "/" (PHP, Java) or "<", ">" and "&" (Go).
    json.replace(/\//g, '\\/'),
    json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    // .NET's JavaScriptEncoder: HTML's unsafe characters and all beyond ASCII, in upper-case hex;
    // Python's json.dumps: all beyond ASCII, in lower case.
    unicodeEscaped(json, /\\"|[<>&'+`]|[^ -~\t\n\r]/g, true),
    unicodeEscaped(json, /[^ -~\t\n\r]/g, false),
    markup,
    markup.replace(/'/g, '&#39;'),
    markup.replace(/'/g, '&apos;'),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    // A UTF-16 answer read as UTF-8: a NUL beside each ASCII character.
    [...secret].join('\0'),
  ];
}

/** `json` with the characters `which` matches written as `\uXXXX` (`\"` counts as `"`). */
function unicodeEscaped(json: string, which: RegExp, upper: boolean): string {
  return json.replace(which, (c) => {
    const hex = (c === '\\"' ? 34 : c.charCodeAt(0)).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });
}

export function secretRedactor(
  secrets: readonly string[],
): (text: string, replacement?: string) => string {
  const forms = [...new Set(secrets.flatMap(secretForms))]
    .filter((form) => form !== '')
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  const pattern =
    forms.length === 0
      ? undefined
      : new RegExp(forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text, replacement = REDACTED) =>
    redactSecretParamsInText(
      pattern ? text.replace(pattern, () => replacement) : text,
      replacement,
    );
}
