import { describe, expect, it } from 'vitest';
import {
  describeCancelled,
  describeCause,
  describeImportGaveUp,
  describeImportRefused,
  describeImportUnknown,
  describeRetrying,
  describeUploadGaveUp,
  describeUploadRefused,
} from './part-messages';

describe('part messages', () => {
  it.each([
    [{ status: 429 }, 'Whispir asked us to slow down'],
    [{ status: 403, errorCode: 'ERR_403_DEVELOPER_OVER_QPS' }, 'Whispir asked us to slow down'],
    [{ status: 0 }, 'the connection dropped'],
    [{ status: 502 }, 'Whispir had a temporary problem (502)'],
    [{ status: 404 }, 'Whispir answered 404'],
  ])('describeCause(%j) = %s', (failure, expected) => {
    expect(describeCause(failure)).toBe(expected);
  });

  it.each([
    [
      describeImportUnknown(2, 'network', 'duplicate'),
      "Part 2: the connection dropped while Whispir was starting the import, so we can't tell whether it ran. Check the contacts in Whispir, then send this part again or mark it done. This job always adds new contacts, so sending it again after it ran would add them twice.",
    ],
    [
      describeImportUnknown(3, 'server', 'replace', 504),
      "Part 3: Whispir answered with an error (504) while starting the import, so we can't tell whether it ran. Check the contacts in Whispir, then send this part again or mark it done. In this mode, sending it again updates or skips contacts that already arrived rather than adding them twice.",
    ],
    [
      describeRetrying(1, 'resource', { status: 503 }, 1_250, 2, 6),
      'Part 1: Whispir had a temporary problem (503) while uploading the file. Trying again in 1.3 s (attempt 2 of 6).',
    ],
    [
      describeUploadRefused(1, {
        status: 413,
        message: 'The request is larger than Whispir accepts (413)',
      }),
      'Part 1: Whispir did not accept the file. The request is larger than Whispir accepts (413). Nothing from this part was imported; fix the cause, then send this part again.',
    ],
    [
      describeUploadGaveUp(4, { status: 0 }, 6),
      'Part 4: the file could not be uploaded after 6 tries (last: the connection dropped). Nothing from this part was imported; send this part again later.',
    ],
    [
      describeImportRefused(2, { status: 404, message: 'Whispir could not find that (404).' }),
      'Part 2: Whispir refused to start the import. Whispir could not find that (404). No contacts from this part were imported. The uploaded file may have expired; sending this part again uploads it again. You can send this part again.',
    ],
    [
      describeImportGaveUp(5, 6),
      'Part 5: Whispir kept asking us to slow down, so the import was not started after 6 tries. No contacts from this part were imported; send this part again in a minute.',
    ],
    [
      describeCancelled(1, true),
      'Part 1: cancelled after the file was uploaded and before the import started. Resuming sends only the import.',
    ],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
