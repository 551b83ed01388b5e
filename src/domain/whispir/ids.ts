/**
 * The id at the end of a `Location` header. Whispir's may be `http://` and may carry
 * `?apikey=...` (Part A §12), so ids are taken as the last path segment, never parsed further.
 */
export function idFromLocation(location: string): string | undefined {
  const path = location.split(/[?#]/, 1)[0] ?? '';
  const match = /\/([^/]+)\/?$/.exec(path);
  return match?.[1];
}
