import { useEffect, useRef } from 'react';

/**
 * Makes the browser's Back button go back one wizard step instead of leaving the page: every
 * step forward pushes a history entry, and a Back press (popstate) steps the wizard back.
 */
export function useHistorySteps(stepIndex: number, onBrowserBack: () => void): void {
  const shown = useRef<number | undefined>(undefined);
  const back = useRef(onBrowserBack);
  useEffect(() => {
    back.current = onBrowserBack;
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
      for (let i = target; i < shown.current; i++) back.current();
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
}
