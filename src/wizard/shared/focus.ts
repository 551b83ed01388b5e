/**
 * Keeping the keyboard focus somewhere useful while the wizard works. A control that is
 * `disabled` while it has the focus, or taken off the page, drops the focus on the body: a
 * keyboard user starts again from the top of the page and a screen reader says nothing.
 */
import { useLayoutEffect, useRef, type FocusEvent } from 'react';

/** True when the focus is nowhere: the browser put it on the body (or on nothing at all). */
export const focusIsLost = () =>
  !document.activeElement || document.activeElement === document.body;

/**
 * Props for a control that may have the focus when it becomes unavailable (while the wizard is
 * busy, say): it keeps the focus, says it is unavailable (aria-disabled, styled as disabled) and
 * ignores a press meanwhile. A submit button's press is cancelled, so its form is not sent.
 */
export function unavailableWhen<E extends { preventDefault(): void }>(
  unavailable: boolean,
  onClick?: (event: E) => void,
) {
  return {
    'aria-disabled': unavailable ? true : undefined,
    onClick: (event: E) => {
      if (unavailable) event.preventDefault();
      else onClick?.(event);
    },
  } as const;
}

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** The control that last had the focus inside a part of the page, and what followed it there. */
export interface KeptFocus {
  readonly element: HTMLElement;
  /** The controls after it in its group (`data-focus-group`, else the part), in tab order. */
  readonly following: readonly HTMLElement[];
  /** Its group's `data-focus-group`, when it has one. */
  readonly group: string | undefined;
}

/**
 * Follows the focus inside a part of the page (spread `handlers` on its element). After each
 * render of the component, when the control that had the focus has left the page and taken the
 * focus with it, the focus goes to `rescue`'s answer instead: the next control of its group
 * still there, say, or the grid. Not when the user moved the focus out themselves.
 */
export function useFocusKeeper(
  rescue: (lost: KeptFocus) => HTMLElement | null | undefined,
  { following = true }: { readonly following?: boolean } = {},
) {
  const kept = useRef<KeptFocus>(undefined);
  const handlers = {
    onFocus: (event: FocusEvent<HTMLElement>) => {
      const element = event.target;
      const groupElement = element.closest<HTMLElement>('[data-focus-group]');
      const scope =
        groupElement && event.currentTarget.contains(groupElement)
          ? groupElement
          : event.currentTarget;
      // The grid's cells hand the focus on by their own rule (one focusable cell at a time), and
      // arrow keys move it there at every press: nothing to look up after them.
      const all =
        following && groupElement?.dataset.focusGroup !== 'grid'
          ? [...scope.querySelectorAll<HTMLElement>(TABBABLE)].filter(
              (candidate) => candidate.tabIndex >= 0,
            )
          : [];
      const at = all.indexOf(element);
      kept.current = {
        element,
        following: at < 0 ? [] : all.slice(at + 1),
        group: scope === groupElement ? groupElement.dataset.focusGroup : undefined,
      };
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      // Focus moved on (inside, its onFocus follows; outside, it is no longer ours to keep).
      // A removed control gives no other element, and stays kept for the rescue below.
      if (event.relatedTarget) kept.current = undefined;
    },
  };
  useLayoutEffect(() => {
    const lost = kept.current;
    if (!lost || lost.element.isConnected || !focusIsLost()) return;
    kept.current = undefined;
    rescue(lost)?.focus();
  });
  return handlers;
}

/** The first of `candidates` still on the page and able to take the focus, if any. */
export function firstStillThere(candidates: readonly HTMLElement[]): HTMLElement | undefined {
  return candidates.find((candidate) => candidate.isConnected && !candidate.matches(':disabled'));
}
