import { useEffect, useRef } from 'react';
import { mappingSignature, type ColumnMapping } from '../../domain/mapping/mapping';

/** Pause in the mapping changes before the rows are checked in the background. */
export const CHECK_AHEAD_AFTER_MS = 400;

/**
 * The rows are checked in the background with the mapping as it stands (once the changes pause),
 * so the review is ready when the user gets there; the review takes the check over. The opening
 * mapping joins the check the preview started, in the same moment.
 */
export function useCheckAhead(
  mapping: ColumnMapping,
  onCheckAhead: ((mapping: ColumnMapping, signal: AbortSignal) => void) | undefined,
) {
  // Keyed by what the mapping says, not by the object: the form hands out a new object with the
  // same choices (a saved mapping applied, a re-render), and restarting the check of every row
  // for it threw the work done so far away (seen at a million rows: the check began again as
  // the matching step opened).
  const signature = mappingSignature(mapping);
  const opening = useRef(signature);
  const latest = useRef(mapping);
  latest.current = mapping;
  useEffect(() => {
    if (!onCheckAhead) return;
    const controller = new AbortController();
    const start = () => onCheckAhead(latest.current, controller.signal);
    const changed = signature !== opening.current;
    const timer = changed ? setTimeout(start, CHECK_AHEAD_AFTER_MS) : undefined;
    if (!changed) start();
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [signature, onCheckAhead]);
}
