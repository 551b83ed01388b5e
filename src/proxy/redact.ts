/**
 * What the proxy removes from an answer before the browser sees it: every configured secret
 * (API key, password, token, Basic credential), raw or URL-encoded, and the value of any
 * `apikey=`-like parameter in a link (Whispir's links may carry one, docs/whispir-api.md §A12).
 */
import { redactSecretParamsInText } from '../domain/whispir/url-secrets.ts';

export const REDACTED = '‹redacted›';

/** The same, for header values, which must stay ASCII. */
export const REDACTED_ASCII = 'REDACTED';

export function secretRedactor(
  secrets: readonly string[],
): (text: string, replacement?: string) => string {
  const forms = [...new Set(secrets.flatMap((secret) => [secret, encodeURIComponent(secret)]))]
    .filter((form) => form !== '')
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  return (text, replacement = REDACTED) => {
    let redacted = text;
    for (const form of forms) redacted = redacted.split(form).join(replacement);
    return redactSecretParamsInText(redacted, replacement);
  };
}
