import { useEffect, useRef } from 'react';

/**
 * Makes the browser's Back button go back one wizard step instead of leaving the page: every
 * step forward pushes a history entry, and a Back press (popstate) steps the wizard back. While
 * `blocked` (an import is under way), a Back press leaves the wizard where it is.
 */
export function useHistorySteps(
  stepIndex: number,
  onBrowserBack: () => void,
  blocked = false,
): void {
  const shown = useRef<number | undefined>(undefined);
  const back = useRef(onBrowserBack);
  const isBlocked = useRef(blocked);
  useEffect(() => {
    back.current = onBrowserBack;
    isBlocked.current = blocked;
  });

  useEffect(() => {
    const previous = shown.current;
    shown.current = stepIndex;
    if (previous === undefined || stepIndex <= previous) {
      history.replaceState({ wizardStep: stepIndex }, '');
    } else {
      history.pushState({ wizardStep: stepIndex }, '');
    }
  }, [stepIndex]);

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      const target = (event.state as { wizardStep?: number } | null)?.wizardStep;
      if (target === undefined || shown.current === undefined || target >= shown.current) return;
      if (isBlocked.current) {
        // Undo the browser's step back: the page stays on the step, and so does its entry.
        history.pushState({ wizardStep: shown.current }, '');
        return;
      }
      for (let i = target; i < shown.current; i++) back.current();
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
}
