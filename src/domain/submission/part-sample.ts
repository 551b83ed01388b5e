/**
 * The rows a part is checked by, from the part's file as it was sent (base64, as the journal
 * keeps it): decoded, read back and sampled in the intake worker, so a 10 MB part is never parsed
 * on the page's thread (it took ~210 ms a part, the page frozen meanwhile). Only the sampled rows
 * become contacts: the others are looked at in place (a contact for each of a part's ~77,000 rows
 * was garbage the worker's collector had to chase, once per accepted part).
 */
import { readPartFile } from '../export/rows-not-sent';
import { MATCH_CHANNEL_KEYS } from '../whispir/match-rule';
import { decodeBase64Utf8 } from '../resource/build-resource';
import type { ResourceMimeType } from '../resource/formats';
import { contactsOfPart, spreadIndexes, type SentContact } from './verification';

export function samplePart(
  base64: string,
  mimeType: ResourceMimeType,
  fieldMapping: Readonly<Record<string, string>>,
  size: number,
): SentContact[] {
  const table = readPartFile(mimeType, decodeBase64Utf8(base64));
  const column = (field: string) => {
    const name = fieldMapping[field];
    return name === undefined ? -1 : table.headers.indexOf(name);
  };
  const first = column('firstName');
  const last = column('lastName');
  const channels = MATCH_CHANNEL_KEYS.map(column).filter((index) => index >= 0);
  const has = (row: readonly string[], index: number) => index >= 0 && Boolean(row[index]?.trim());
  // `isFindable`'s test, on the cells: a first and last name, and a channel the match rule uses.
  const findable: number[] = [];
  table.rows.forEach((row, index) => {
    if (has(row, first) && has(row, last) && channels.some((channel) => has(row, channel)))
      findable.push(index);
  });
  const picked = spreadIndexes(findable.length, size).map(
    (at) => table.rows[findable[at] as number] as readonly string[],
  );
  return contactsOfPart({ headers: table.headers, rows: picked }, fieldMapping);
}
