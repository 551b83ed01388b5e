/** "contacts.csv" → "contacts-rejected-rows.csv". */
export function reportFileName(fileName: string | undefined): string {
  const base = (fileName ?? 'contacts').replace(/\.[^.]+$/, '') || 'contacts';
  return `${base}-rejected-rows.csv`;
}
