// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CustomFieldAdder } from './custom-field-adder';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  host = undefined;
  root = undefined;
});

describe('CustomFieldAdder', () => {
  it('says at once why a name is refused', () => {
    const onAdd = vi.fn();
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    act(() => root?.render(<CustomFieldAdder existing={[]} onAdd={onAdd} />));
    const add = [...document.querySelectorAll('button')].find(
      (button) => button.textContent === 'Add custom field',
    );
    act(() => add?.click());
    expect(onAdd).not.toHaveBeenCalled();
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).not.toBe('');
    expect(alert?.id).toBe('custom-field-error');
  });
});
