// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FileSummary } from '../../worker/protocol';
import { ReadingControls } from './reading-controls';
import { render } from '../test-render';

const file = {
  fileName: 'contacts.csv',
  format: 'delimited',
  encoding: 'utf-8',
  delimiter: ',',
  headerRow: 1,
  hasHeader: true,
  overrides: {},
} as unknown as FileSummary;

function mount(reading: boolean, onChange: () => void) {
  render(<ReadingControls file={file} disabled={reading} onChange={onChange} />);
}

const separator = () =>
  [...document.querySelectorAll('label')]
    .find((label) => label.textContent?.startsWith('Separator'))
    ?.querySelector('select');

function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  act(() => select.dispatchEvent(new Event('change', { bubbles: true })));
}

describe('ReadingControls', () => {
  it('keeps the focus on a choice while the file is read again, and ignores changes meanwhile', () => {
    const onChange = vi.fn();
    mount(false, onChange);
    const select = separator();
    if (!select) throw new Error('no Separator choice');
    select.focus();
    choose(select, ';');
    expect(onChange).toHaveBeenCalledWith({ delimiter: ';' });

    // Reading: the choice stays focusable (a `disabled` fieldset dropped the focus on the page).
    mount(true, onChange);
    expect(document.activeElement).toBe(select);
    expect(select.disabled).toBe(false);
    expect(select.closest('fieldset')?.getAttribute('aria-disabled')).toBe('true');
    choose(select, '|');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(select.value).toBe(',');
  });
});
