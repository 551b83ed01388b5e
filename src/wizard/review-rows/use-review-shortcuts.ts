import { useEffect, useRef } from 'react';

interface Commands {
  readonly jumpToError: (backwards: boolean) => void;
  readonly undo: () => void;
  readonly redo: () => void;
}

/**
 * F8 / Shift+F8 anywhere on the step; Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) outside text fields.
 * Returns the ref for the step's element, which bounds where Ctrl+Z and the others apply.
 */
export function useReviewShortcuts({ jumpToError, undo, redo }: Commands) {
  const stepRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // The body counts too: a focus lost for a moment (a control that went with a change,
      // before it is handed on) must not turn Ctrl+Z into the browser's own undo.
      const inStep = (stepRef.current?.contains(target) ?? false) || target === document.body;
      const typing = target?.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text';
      if (event.key === 'F8' && !typing) {
        event.preventDefault();
        jumpToError(event.shiftKey);
        return;
      }
      if (!inStep || typing || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [jumpToError, undo, redo]);
  return stepRef;
}
