import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Back / Continue of a step, in a bar fixed at the bottom of the window. Its height (more than
 * one line when zoomed or narrow) is kept in `--step-actions-height`, so the page leaves room
 * for it and a focused control is never scrolled under it.
 */
export function StepActions({ children }: { readonly children: ReactNode }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--step-actions-height', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--step-actions-height');
    };
  }, []);
  return (
    <div ref={bar} className="actions step-actions">
      {children}
    </div>
  );
}
