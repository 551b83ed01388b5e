/**
 * Before sending: how many of the rows are already contacts in the chosen workspace. Up to
 * `SAMPLE_BEFORE_SENDING` rows (every row of a smaller file) are looked up, paced within the
 * rate limit, and the check stops when the workspace changes, the step is left, or on Stop.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { searchContact } from '../../api/search-contacts';
import { SAMPLE_BEFORE_SENDING, describeExisting } from '../../domain/submission/verification';
import { IMPORT_MODE_TEXT } from '../../domain/whispir/import-modes';
import { createPacer } from '../../submission/pacer';
import type { IntakeClient } from '../../worker/intake-client';

export type ExistingCheck =
  | { readonly status: 'idle' }
  | {
      readonly status: 'checking' | 'done' | 'stopped';
      readonly looked: number;
      readonly sampled: number;
      readonly matched: number;
    }
  | { readonly status: 'failed'; readonly message: string };

export function useExistingCheck(
  intake: IntakeClient,
  workspace: { readonly id: string; readonly name: string } | undefined,
  ratePerSecond: number,
) {
  const [state, setState] = useState<ExistingCheck>({ status: 'idle' });
  const controller = useRef<AbortController>(undefined);
  const workspaceId = workspace?.id;
  const workspaceName = workspace?.name ?? '';

  const stop = useCallback(() => controller.current?.abort(), []);

  useEffect(() => {
    if (workspaceId === undefined) return;
    const abort = new AbortController();
    controller.current = abort;
    const pacer = createPacer({ ratePerSecond });
    let looked = 0;
    let matched = 0;
    let sampled = 0;
    void (async () => {
      try {
        const rows = await intake.uploadSample(SAMPLE_BEFORE_SENDING);
        sampled = rows.length;
        setState({ status: 'checking', looked, sampled, matched });
        for (const row of rows) {
          if (abort.signal.aborted) break;
          const name = `${row.firstName ?? ''} ${row.lastName ?? ''}`.trim();
          const found = await searchContact({
            workspaceId: workspaceId || undefined,
            row,
            purpose: `Before sending: is ${name} already a contact in ${workspaceName}?`,
            signal: abort.signal,
            beforeRequest: (signal) => pacer.wait(signal),
            // A contact there may share the row's mobile and not its email: each is asked.
            everyChannel: true,
          });
          looked++;
          if (found) matched++;
          setState({ status: 'checking', looked, sampled, matched });
        }
        setState({ status: abort.signal.aborted ? 'stopped' : 'done', looked, sampled, matched });
      } catch (error) {
        if (abort.signal.aborted) setState({ status: 'stopped', looked, sampled, matched });
        else
          setState({
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
      }
    })();
    return () => abort.abort();
  }, [intake, workspaceId, workspaceName, ratePerSecond]);

  return { state, stop };
}

/** What each choice above does with the contacts found, in the choices' own words. */
export const EXISTING_MEANS =
  `“${IMPORT_MODE_TEXT.replace.label}” updates them, “${IMPORT_MODE_TEXT.ignore.label}” ` +
  `leaves them as they are, “${IMPORT_MODE_TEXT.duplicate.label}” adds a second copy.`;

/** The check of contacts already there, as a screen reader hears it: its start and its result. */
export function existingCheckAnnouncement(check: ExistingCheck, workspace: string): string {
  switch (check.status) {
    case 'idle':
      return '';
    case 'checking':
      return `Looking in ${workspace} for the rows to send…`;
    case 'done':
    case 'stopped':
      if (check.sampled === 0) return '';
      return `${describeExisting(check.matched, check.looked, workspace)}${check.status === 'stopped' ? ' (stopped early)' : ''}: ${EXISTING_MEANS}`;
    case 'failed':
      return `Could not look in the workspace: ${check.message}`;
  }
}
