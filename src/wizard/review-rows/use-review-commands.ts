import { useCallback, useState } from 'react';
import type { IntakeClient } from '../../worker/intake-client';
import type { ReviewSummary } from '../../worker/protocol';

/** Runs one change in the worker; `done` words its outcome from the new summary. */
export type ReviewChange = (
  run: () => Promise<ReviewSummary>,
  done: (summary: ReviewSummary) => string,
) => void;

/**
 * The review's commands: `change` runs one change in the worker (busy meanwhile), hands the new
 * summary on and announces the outcome (or why it did not work); `undo` and `redo` are changes
 * too. `announcement` is what the step's live region says; `announce` says something else there.
 */
export function useReviewCommands(
  intake: IntakeClient,
  onSummary: (summary: ReviewSummary) => void,
) {
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const change: ReviewChange = useCallback(
    (run, done) => {
      setBusy(true);
      run().then(
        (result) => {
          onSummary(result);
          setBusy(false);
          setAnnouncement(`${done(result)} ${result.message}`);
        },
        (error: unknown) => {
          setBusy(false);
          setAnnouncement(
            `That did not work: ${error instanceof Error ? error.message : String(error)}`,
          );
        },
      );
    },
    [onSummary],
  );

  // Stable (no summary inside), so a shortcut pressed right after a change is never handled by
  // a listener that still holds the summary from before it; the worker ignores an empty stack.
  const undo = useCallback(
    () =>
      change(
        () => intake.undo(),
        (result) => (result.redo ? `Undone: ${result.redo}.` : ''),
      ),
    [change, intake],
  );
  const redo = useCallback(
    () =>
      change(
        () => intake.redo(),
        (result) => (result.undo ? `Redone: ${result.undo}.` : ''),
      ),
    [change, intake],
  );

  return { busy, announcement, announce: setAnnouncement, change, undo, redo };
}
