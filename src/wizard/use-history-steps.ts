import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Makes the browser's Back button go back one wizard step instead of leaving the page: every
 * step forward pushes a history entry, and a Back press (popstate) steps the wizard back. While
 * `blocked` (an import is under way), a Back press leaves the wizard where it is.
 */
/**
 * How soon after a step's entry is pushed a popstate two steps back is taken for one Back asked
 * for before the push (seen within a millisecond in Chromium); a jump of two steps from the
 * browser's history menu that soon after a step change is not likely.
 */
const BACK_IN_FLIGHT_MS = 1000;

export function useHistorySteps(
  stepIndex: number,
  onBrowserBack: () => void,
  blocked = false,
): void {
  const shown = useRef<number | undefined>(undefined);
  /** A step whose entry is due to be pushed (in a task of its own) and is not in history yet. */
  const pendingPush = useRef<number | undefined>(undefined);
  /** The step whose entry was pushed last, and when (`Date.now()`). */
  const lastPush = useRef<{ step: number; at: number } | undefined>(undefined);
  const back = useRef(onBrowserBack);
  const isBlocked = useRef(blocked);
  useEffect(() => {
    back.current = onBrowserBack;
    isBlocked.current = blocked;
  });

  // A layout effect: it runs as the step is put on screen. A step change is a transition, whose
  // plain effects may run after the step is painted; a Back pressed in between met the step
  // before and went back two steps.
  useLayoutEffect(() => {
    const previous = shown.current;
    shown.current = stepIndex;
    const forward = previous !== undefined && stepIndex > previous;
    if (forward) {
      // The step before was shown so briefly that its entry is still due (the person went on
      // before its task ran): it gets its entry now, first, or a Back from this step would find
      // the entry of the step before it and go back two steps.
      if (pendingPush.current !== undefined)
        history.pushState({ wizardStep: pendingPush.current }, '');
      pendingPush.current = stepIndex;
    }
    // In a task of its own: a history call waits on the browser (1–20 ms on a busy machine),
    // and this effect runs in the task that shows the new step.
    setTimeout(() => {
      if (forward) {
        // A Back that came first has dealt with this step's entry (see onPopState).
        if (pendingPush.current !== stepIndex) return;
        pendingPush.current = undefined;
        history.pushState({ wizardStep: stepIndex }, '');
        lastPush.current = { step: stepIndex, at: Date.now() };
        return;
      }
      const at = (history.state as { wizardStep?: number } | null)?.wizardStep;
      // The browser's Back brought the wizard here: its history is already on this step.
      if (previous !== undefined && at === stepIndex) return;
      // The wizard's own Back: the browser steps back with it, so its Back goes on from here.
      if (previous !== undefined && stepIndex < previous && at === previous) {
        history.go(stepIndex - previous);
        return;
      }
      history.replaceState({ wizardStep: stepIndex }, '');
    }, 0);
  }, [stepIndex]);

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      const target = (event.state as { wizardStep?: number } | null)?.wizardStep;
      if (target === undefined || shown.current === undefined || target >= shown.current) return;
      if (isBlocked.current) {
        // Undo the browser's step back: the page stays on the step, and so does its entry.
        history.forward();
        return;
      }
      const pushed = lastPush.current;
      if (
        target === shown.current - 2 &&
        pushed?.step === shown.current &&
        Date.now() - pushed.at < BACK_IN_FLIGHT_MS
      ) {
        // A Back asked for just before the shown step's entry was pushed, and carried out just
        // after: the browser counted from the entry of the step before, so it skipped that
        // step. The person pressed Back once, on the step they were looking at: one step back,
        // and that step gets a fresh entry where the browser now is.
        back.current();
        history.pushState({ wizardStep: shown.current - 1 }, '');
        return;
      }
      if (pendingPush.current !== undefined) {
        // Back was pressed before the shown step's entry was pushed: the browser left the entry
        // of the step before it, which is where the person means to go. That step gets a fresh
        // entry where the browser now is, and the push still due is dropped.
        pendingPush.current = undefined;
        back.current();
        history.pushState({ wizardStep: shown.current - 1 }, '');
        return;
      }
      for (let i = target; i < shown.current; i++) back.current();
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
}
