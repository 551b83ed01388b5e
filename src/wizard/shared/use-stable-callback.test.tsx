// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useStableCallback } from './use-stable-callback';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
});

function Probe({ offset, seen }: { offset: number; seen: ((n: number) => number)[] }) {
  const callback = useStableCallback((n: number) => n + offset);
  seen.push(callback);
  return null;
}

describe('useStableCallback', () => {
  it('keeps one identity across renders and calls the latest handler', () => {
    const seen: ((n: number) => number)[] = [];
    root = createRoot(document.createElement('div'));
    act(() => root?.render(<Probe offset={1} seen={seen} />));
    const first = seen[0];
    expect(first?.(1)).toBe(2);
    act(() => root?.render(<Probe offset={11} seen={seen} />));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((callback) => callback === first)).toBe(true);
    expect(first?.(1)).toBe(12);
  });
});
