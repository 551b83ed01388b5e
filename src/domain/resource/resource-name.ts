/**
 * A resource name Whispir is happy with: letters, digits, `-` and `.` only (a space becomes
 * `%20` in public URLs), ending in the extension of the format sent.
 */
export function resourceName(
  fileName: string,
  extension: 'csv' | 'json' | 'xml',
  part?: number,
): string {
  const base =
    fileName
      .replace(/\.[^.]*$/, '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'contacts';
  return `${base}${part === undefined ? '' : `-part-${part}`}.${extension}`;
}
