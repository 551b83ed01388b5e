import { useEffect, useRef } from 'react';
import type { ColumnMapping } from '../../domain/mapping/mapping';

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
  const opening = useRef(mapping);
  useEffect(() => {
    if (!onCheckAhead) return;
    const controller = new AbortController();
    const start = () => onCheckAhead(mapping, controller.signal);
    const changed = mapping !== opening.current;
    const timer = changed ? setTimeout(start, CHECK_AHEAD_AFTER_MS) : undefined;
    if (!changed) start();
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [mapping, onCheckAhead]);
}
