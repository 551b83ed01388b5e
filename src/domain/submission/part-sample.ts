/**
 * The rows a part is checked by, from the part's file as it was sent (base64, as the journal
 * keeps it): decoded, read back and sampled in the intake worker, so a 10 MB part is never parsed
 * on the page's thread (it took a few hundred milliseconds a part, the page frozen meanwhile).
 */
import { readPartFile } from '../export/rows-not-sent';
import { decodeBase64Utf8 } from '../resource/build-resource';
import type { ResourceMimeType } from '../resource/formats';
import { contactsOfPart, spreadSample, type SentContact } from './verification';

export function samplePart(
  base64: string,
  mimeType: ResourceMimeType,
  fieldMapping: Readonly<Record<string, string>>,
  size: number,
): SentContact[] {
  const table = readPartFile(mimeType, decodeBase64Utf8(base64));
  return spreadSample(contactsOfPart(table, fieldMapping), size);
}
