/**
 * What the user reads about a part: what happened, in plain words, and what they can do.
 * Whispir's own message (already a sentence, from `WhispirApiError`) is quoted where it helps.
 */
import type { ImportMode } from '../whispir/import-modes';
import { isRateLimited } from './retry-policy';

export interface FailureDetail {
  readonly status: number;
  readonly errorCode?: string;
  readonly message?: string;
}

/** The cause of a failure, as the middle of a sentence. */
export function describeCause(failure: FailureDetail): string {
  if (isRateLimited(failure)) return 'Whispir asked us to slow down';
  if (failure.status === 0) return 'the connection dropped';
  if (failure.status >= 500) return `Whispir had a temporary problem (${failure.status})`;
  return `Whispir answered ${failure.status}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const withDetail = (failure: FailureDetail) =>
  failure.message ? ` ${ensureFullStop(failure.message.trim())}` : '';

function ensureFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function describeRetrying(
  part: number,
  step: 'resource' | 'import',
  failure: FailureDetail,
  delayMs: number,
  nextAttempt: number,
  maxAttempts: number,
): string {
  const doing = step === 'resource' ? 'uploading the file' : 'starting the import';
  return `Part ${part}: ${describeCause(failure)} while ${doing}. Trying again in ${seconds(delayMs)} (attempt ${nextAttempt} of ${maxAttempts}).`;
}

export function describeUploadRefused(part: number, failure: FailureDetail): string {
  return `Part ${part}: Whispir did not accept the file.${withDetail(failure)} Nothing from this part was imported; fix the cause, then send this part again.`;
}

export function describeUploadGaveUp(
  part: number,
  failure: FailureDetail,
  attempts: number,
): string {
  return `Part ${part}: the file could not be uploaded after ${attempts} tries (last: ${describeCause(failure)}). Nothing from this part was imported; send this part again later.`;
}

/**
 * Whether a refused import says its uploaded file is gone (expired, or unknown to Whispir): a
 * 404, or a 422 naming the resource (the sandbox's answer; Whispir's own is undocumented,
 * docs/whispir-api.md B3). Sending the part again then uploads it again.
 */
export function isResourceGone(failure: FailureDetail): boolean {
  return (
    failure.status === 404 || (failure.status === 422 && /resource/i.test(failure.message ?? ''))
  );
}

export function describeImportRefused(part: number, failure: FailureDetail): string {
  const resourceGone = isResourceGone(failure)
    ? ' The uploaded file may have expired; sending this part again uploads it again.'
    : '';
  return `Part ${part}: Whispir refused to start the import.${withDetail(failure)} No contacts from this part were imported.${resourceGone} You can send this part again.`;
}

export function describeImportGaveUp(part: number, attempts: number): string {
  return `Part ${part}: Whispir kept asking us to slow down, so the import was not started after ${attempts} tries. No contacts from this part were imported; send this part again in a minute.`;
}

const CHECK_AND_DECIDE =
  'Check the contacts in Whispir, then send this part again or mark it done.';

/** In `replace` and `ignore` modes a second import matches the first one's contacts. */
function resendNote(importMode: ImportMode): string {
  return importMode === 'duplicate'
    ? ' This job always adds new contacts, so sending it again after it ran would add them twice.'
    : ' In this mode, sending it again updates or skips contacts that already arrived rather than adding them twice.';
}

export type UnknownCause = 'network' | 'server' | 'cancelled';

export function describeImportUnknown(
  part: number,
  cause: UnknownCause,
  importMode: ImportMode,
  status?: number,
): string {
  const what =
    cause === 'network'
      ? 'the connection dropped while Whispir was starting the import'
      : cause === 'cancelled'
        ? 'you cancelled while Whispir was starting the import'
        : `Whispir answered with an error${status ? ` (${status})` : ''} while starting the import`;
  return `Part ${part}: ${what}, so we can't tell whether it ran. ${CHECK_AND_DECIDE}${resendNote(importMode)}`;
}

export function describeInterruptedImport(part: number, importMode: ImportMode): string {
  return `Part ${part}: the page was closed while Whispir was starting the import, so we can't tell whether it ran. ${CHECK_AND_DECIDE}${resendNote(importMode)}`;
}

export function describeMarkedDone(part: number): string {
  return `Part ${part}: marked as imported after you checked Whispir.`;
}

export function describeCancelled(part: number, resourceCreated: boolean): string {
  return resourceCreated
    ? `Part ${part}: cancelled after the file was uploaded and before the import started. Resuming sends only the import.`
    : `Part ${part}: cancelled before anything was imported. Resuming sends it again.`;
}

export function describeBodyUnavailable(part: number, detail: string): string {
  return `Part ${part}: the rows of this part are no longer available (${detail}). Open the file again to send them.`;
}
