/**
 * Component tests' one way to put React on the page (jsdom): `render` draws an element into a
 * root of its own, again into the same root when called again in a test, and every root is
 * unmounted and taken off the page after each test.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  host = undefined;
  root = undefined;
});

/** Draws `element` (in the test's root, made on first use) and returns the element holding it. */
export function render(element: ReactNode): HTMLElement {
  host ??= document.body.appendChild(document.createElement('div'));
  const current = (root ??= createRoot(host));
  act(() => current.render(element));
  return host;
}
