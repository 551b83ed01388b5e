/**
 * Whispir's `Location` headers may carry the API key as `?apikey=...` (Part A §12). Anything we
 * keep (the journal) or show (the API inspector) goes through here first.
 */

/** Query parameters whose value is a secret. Compared case-insensitively. */
const SECRET_PARAMS = ['apikey', 'api_key', 'access_token', 'token', 'password'];

/** Replaces the value of every secret query parameter with `replacement`. */
export function redactUrlSecrets(url: string, replacement = '‹redacted›'): string {
  return url.replace(/([?&])([^=&#]+)=([^&#]*)/g, (whole, separator: string, name: string) =>
    SECRET_PARAMS.includes(decodeName(name).toLowerCase())
      ? `${separator}${name}=${replacement}`
      : whole,
  );
}

/** Removes every secret query parameter (and a `?` left empty). */
export function removeUrlSecrets(url: string): string {
  const [beforeHash = '', ...hash] = url.split('#');
  const [base = '', query] = splitOnce(beforeHash, '?');
  if (query === undefined) return url;
  const kept = query
    .split('&')
    .filter(
      (pair) =>
        pair !== '' &&
        !SECRET_PARAMS.includes(decodeName(pair.split('=', 1)[0] ?? '').toLowerCase()),
    );
  const rebuilt = kept.length ? `${base}?${kept.join('&')}` : base;
  return hash.length ? `${rebuilt}#${hash.join('#')}` : rebuilt;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

const SECRET_PARAM_IN_TEXT = new RegExp(
  `([?&;])(${SECRET_PARAMS.join('|')})=([^&#"'\\s<>\\\\]*)`,
  'gi',
);

/**
 * Every secret query parameter's value in free text (a JSON or XML body holding links) replaced.
 * Unlike `redactUrlSecrets`, a value ends at a quote, space or tag, so the text around it stays
 * valid JSON or XML.
 */
export function redactSecretParamsInText(text: string, replacement = '‹redacted›'): string {
  return text.replace(
    SECRET_PARAM_IN_TEXT,
    (_whole, separator: string, name: string) => `${separator}${name}=${replacement}`,
  );
}
