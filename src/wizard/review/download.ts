/** Saves text as a file through the browser's download, as a link the user clicked. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "contacts.csv" → "contacts-rejected-rows.csv". */
export function reportFileName(fileName: string | undefined): string {
  const base = (fileName ?? 'contacts').replace(/\.[^.]+$/, '') || 'contacts';
  return `${base}-rejected-rows.csv`;
}
