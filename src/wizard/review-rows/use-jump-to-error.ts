import { useCallback } from 'react';
import type { IntakeClient } from '../../worker/intake-client';
import type { ReviewFilter, ReviewSummary } from '../../worker/protocol';
import type { ActiveCell } from './review-grid';
import { cellProblems } from './review-text';

interface Options {
  readonly intake: IntakeClient;
  readonly summary: ReviewSummary | undefined;
  readonly filter: ReviewFilter;
  readonly active: ActiveCell;
  readonly setActive: (update: (previous: ActiveCell) => ActiveCell) => void;
  readonly announce: (message: string) => void;
}

/**
 * Next error (F8) and previous error (Shift+F8) in the current view: the grid moves to the row's
 * first cell in error and its problems are announced.
 */
export function useJumpToError({ intake, summary, filter, active, setActive, announce }: Options) {
  return useCallback(
    (backwards: boolean) => {
      if (!summary) return;
      // Before the first jump nothing has been visited, so the first row counts as "next".
      const after = active.jump === 0 && !backwards ? -1 : active.position;
      const columns = summary.columns;
      intake
        .nextError(filter, after, backwards)
        .then(async (position) => {
          if (position < 0) {
            announce('No row with errors is left in this view.');
            return;
          }
          // Land on the row's first cell in error (the row number for a whole-row problem).
          const [row] = (await intake.reviewWindow(position, 1, filter)).rows;
          const errors = row?.problems.filter((p) => p.severity === 'error') ?? [];
          const col =
            columns.findIndex((column) => cellProblems(errors, column.field).length > 0) + 1;
          setActive((previous) => ({ position, col, jump: previous.jump + 1 }));
          if (row) announce(`Row ${row.rowNumber}: ${errors.map((p) => p.message).join(' ')}`);
        })
        .catch(() => undefined);
    },
    [intake, filter, active.position, active.jump, summary, setActive, announce],
  );
}
