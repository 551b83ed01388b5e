/**
 * The one way the wizard hands the user a file: a download, as if they had clicked a link. The
 * object URL is revoked afterwards (some browsers read the blob after `click` returns, so not
 * at once), so a long session does not keep every file it ever offered in memory.
 */
export const REVOKE_AFTER_MS = 10_000;

export function downloadFile(fileName: string, content: string | Blob, mimeType: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: mimeType }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
