/**
 * One file from several part files of the same upload (for "download the rows not sent"): the
 * header, opening and closing are kept once, the records of every part in order.
 */
import type { ResourceMimeType } from './formats';

const XML_OPEN = '<ns2:contacts>';
const XML_CLOSE = '</ns2:contacts>';

export function mergePartFiles(mimeType: ResourceMimeType, files: readonly string[]): string {
  if (files.length <= 1) return files[0] ?? '';
  switch (mimeType) {
    case 'text/csv': {
      const [first, ...rest] = files;
      const bodies = rest.map((file) => file.slice(file.indexOf('\n') + 1));
      return [first, ...bodies].map((file) => (file?.endsWith('\n') ? file : `${file}\n`)).join('');
    }
    case 'application/json': {
      const contacts = files.flatMap(
        (file) => (JSON.parse(file) as { contacts: unknown[] }).contacts,
      );
      return `${JSON.stringify({ contacts }, null, 1)}\n`;
    }
    case 'application/xml': {
      const first = files[0] ?? '';
      const head = first.slice(0, first.indexOf(XML_OPEN) + XML_OPEN.length);
      const tail = first.slice(first.lastIndexOf(XML_CLOSE));
      const inner = files.map((file) =>
        file.slice(file.indexOf(XML_OPEN) + XML_OPEN.length, file.lastIndexOf(XML_CLOSE)),
      );
      return head + inner.join('') + tail;
    }
  }
}
