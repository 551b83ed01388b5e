// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import { CHECK_AHEAD_AFTER_MS, useCheckAhead } from './use-check-ahead';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.useRealTimers();
});

const byEmail = (column: string): ColumnMapping => ({
  firstName: { kind: 'column', column: 'First' },
  workEmailAddress1: { kind: 'column', column },
});

interface Check {
  readonly mapping: ColumnMapping;
  readonly signal: AbortSignal;
}

// One handler for every render, as the wizard passes one (a useCallback).
function mount(checks: Check[]) {
  root = createRoot(document.createElement('div'));
  const render = (mapping: ColumnMapping) =>
    act(() => root?.render(<Stable mapping={mapping} checks={checks} />));
  return render;
}
const handlers = new WeakMap<Check[], (m: ColumnMapping, signal: AbortSignal) => void>();
function Stable({ mapping, checks }: { mapping: ColumnMapping; checks: Check[] }) {
  let handler = handlers.get(checks);
  if (!handler) {
    handler = (m, signal) => checks.push({ mapping: m, signal });
    handlers.set(checks, handler);
  }
  useCheckAhead(mapping, handler);
  return null;
}

describe('useCheckAhead', () => {
  it('checks the opening mapping at once', () => {
    const checks: Check[] = [];
    mount(checks)(byEmail('Email'));
    expect(checks).toHaveLength(1);
    expect(checks[0]?.signal.aborted).toBe(false);
  });

  it('keeps the check running when the form hands out an equal mapping again', () => {
    const checks: Check[] = [];
    const render = mount(checks);
    render(byEmail('Email'));
    render(byEmail('Email'));
    act(() => vi.advanceTimersByTime(CHECK_AHEAD_AFTER_MS * 2));
    expect(checks).toHaveLength(1);
    expect(checks[0]?.signal.aborted).toBe(false);
  });

  it('stops the old check and starts the new mapping once the changes pause', () => {
    const checks: Check[] = [];
    const render = mount(checks);
    render(byEmail('Email'));
    render(byEmail('Work email'));
    expect(checks[0]?.signal.aborted).toBe(true);
    expect(checks).toHaveLength(1);
    act(() => vi.advanceTimersByTime(CHECK_AHEAD_AFTER_MS));
    expect(checks).toHaveLength(2);
    expect(checks[1]?.mapping.workEmailAddress1).toEqual({ kind: 'column', column: 'Work email' });
    expect(checks[1]?.signal.aborted).toBe(false);
  });
});
