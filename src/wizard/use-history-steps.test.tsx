// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useHistorySteps } from './use-history-steps';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.useRealTimers();
});

function Steps({ step, onBack }: { step: number; onBack: () => void }) {
  useHistorySteps(step, onBack);
  return null;
}

const stateStep = () => (history.state as { wizardStep?: number } | null)?.wizardStep;

/** The browser's Back as the page sees it: the entry before, then its popstate. */
function browserBackTo(step: number) {
  act(() => window.dispatchEvent(new PopStateEvent('popstate', { state: { wizardStep: step } })));
}

/** Shows a step; with `settle`, its tasks (the entry's push) run too. */
function show(step: number, onBack: () => void, settle = true) {
  root ??= createRoot(document.createElement('div'));
  act(() => root?.render(<Steps step={step} onBack={onBack} />));
  if (settle) act(() => vi.runAllTimers());
}

describe('useHistorySteps', () => {
  it('pushes an entry for each step forward, in a task of its own', () => {
    const onBack = vi.fn();
    show(0, onBack);
    show(1, onBack, false);
    expect(stateStep()).toBe(0);
    act(() => vi.runAllTimers());
    expect(stateStep()).toBe(1);
    browserBackTo(0);
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('a Back pressed before the new step has its entry goes back one step, not two', () => {
    const onBack = vi.fn();
    show(2, onBack);
    show(3, onBack);
    // Step 4 is shown; its entry is still due when the person presses Back: the browser leaves
    // step 3's entry for step 2's.
    show(4, onBack, false);
    browserBackTo(2);
    expect(onBack).toHaveBeenCalledTimes(1);
    // Step 3 has an entry where the browser is, and step 4's push does not come after all.
    expect(stateStep()).toBe(3);
    show(3, onBack);
    expect(stateStep()).toBe(3);
  });

  it('a step left before its entry was pushed keeps its entry: Back from the next goes back one', () => {
    const onBack = vi.fn();
    show(2, onBack);
    const entries = history.length;
    // Step 3 is shown and left for step 4 before its entry's task has run.
    show(3, onBack, false);
    show(4, onBack);
    expect(history.length).toBe(entries + 2);
    expect(stateStep()).toBe(4);
    browserBackTo(3);
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('a Back asked for just before the step had its entry, carried out just after, goes back one', () => {
    const onBack = vi.fn();
    for (const step of [2, 3, 4]) show(step, onBack);
    // The browser counted back from step 3's entry, then step 4's was pushed.
    browserBackTo(2);
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(stateStep()).toBe(3);
  });

  it('a jump of two steps from the history menu, once the step has settled, goes back two', () => {
    const onBack = vi.fn();
    for (const step of [2, 3, 4]) show(step, onBack);
    act(() => vi.advanceTimersByTime(5_000));
    browserBackTo(2);
    expect(onBack).toHaveBeenCalledTimes(2);
  });
});
