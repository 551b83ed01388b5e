// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { IntakeClient } from '../../worker/intake-client';
import type { ReviewSummary } from '../../worker/protocol';
import { ColumnTools } from './column-tools';
import { render } from '../test-render';

const summary = {
  version: 1,
  columns: [{ field: 'workCountry', label: 'Country', source: 'column Country' }],
  totalRows: 40,
} as unknown as ReviewSummary;

const intake = {
  codedValues: vi.fn(() =>
    Promise.resolve({
      field: 'workCountry',
      label: 'Country',
      kind: 'country',
      values: [
        { value: '', count: 2 },
        { value: 'AU', count: 38, proposed: 'Australia' },
      ],
    }),
  ),
} as unknown as IntakeClient;

type Change = Parameters<typeof ColumnTools>[0]['change'];

function mount(change: Change, busy = false) {
  render(
    <ColumnTools
      intake={intake}
      summary={summary}
      filter={{ kind: 'all' }}
      filterLabel="All rows"
      busy={busy}
      change={change}
    />,
  );
}

const button = (name: RegExp) =>
  [...document.querySelectorAll('button')].find((candidate) =>
    name.test(candidate.textContent ?? ''),
  );

function type(input: HTMLInputElement, value: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setValue?.call(input, value);
  act(() => input.dispatchEvent(new Event('input', { bubbles: true })));
}

describe('ColumnTools', () => {
  it('says a column set for every row as done, with Undo offered, not as undone', () => {
    const change = vi.fn<Change>();
    mount(change);
    const input = document.querySelector<HTMLInputElement>('input[placeholder="Type a country"]');
    if (!input) throw new Error('no value input');
    type(input, 'Australia');
    act(() => button(/^Set every row$/)?.click());
    const done = change.mock.calls[0]?.[1];
    const after = { undo: 'Country set to "Australia" in 40 rows' } as ReviewSummary;
    expect(done?.(after)).toBe(
      'Country set to "Australia" in 40 rows. Press Undo to take it back.',
    );
  });

  it('keeps "Set every row" focused while busy, and does not send it twice', () => {
    const change = vi.fn<Change>();
    mount(change);
    const input = document.querySelector<HTMLInputElement>('input[placeholder="Type a country"]');
    if (!input) throw new Error('no value input');
    type(input, 'Australia');
    const set = button(/^Set every row$/);
    set?.focus();
    act(() => set?.click());
    mount(change, true);
    expect(set?.disabled).toBe(false);
    expect(set?.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(set);
    act(() => set?.click());
    expect(change).toHaveBeenCalledTimes(1);
  });

  it('names the empty value plainly, and gives the focus back to the button that opened the values', async () => {
    mount(vi.fn<Change>());
    const show = button(/^Show the values of Country$/);
    show?.focus();
    await act(async () => {
      show?.click();
      await Promise.resolve();
    });
    const labels = [...document.querySelectorAll('.values-panel input')].map((input) =>
      input.getAttribute('aria-label'),
    );
    expect(labels).toEqual(['Country for empty cells', 'Country for “AU”']);
    const close = button(/^Close$/);
    close?.focus();
    act(() => close?.click());
    expect(document.querySelector('.values-panel')).toBeNull();
    expect(document.activeElement).toBe(show);
  });
});
