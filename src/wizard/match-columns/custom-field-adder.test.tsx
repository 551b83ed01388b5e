// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CustomFieldAdder } from './custom-field-adder';
import { render } from '../test-render';

describe('CustomFieldAdder', () => {
  it('says at once why a name is refused', () => {
    const onAdd = vi.fn();
    render(<CustomFieldAdder existing={[]} onAdd={onAdd} />);
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
