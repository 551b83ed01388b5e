// @vitest-environment jsdom
import { act, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { firstStillThere, unavailableWhen, useFocusKeeper } from './focus';
import { render } from '../test-render';

const mount = render;

const button = (name: string) =>
  [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === name);

describe('unavailableWhen', () => {
  it('keeps the focus on a control that becomes unavailable, and ignores a press meanwhile', () => {
    const pressed = vi.fn();
    const submitted = vi.fn();
    function Busy({ busy }: { busy: boolean }) {
      return (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submitted();
          }}
        >
          <button type="submit" {...unavailableWhen(busy, pressed)}>
            Apply
          </button>
        </form>
      );
    }
    mount(<Busy busy={false} />);
    button('Apply')?.focus();
    render(<Busy busy />);
    expect(document.activeElement).toBe(button('Apply'));
    expect(button('Apply')?.getAttribute('aria-disabled')).toBe('true');
    act(() => button('Apply')?.click());
    expect(pressed).not.toHaveBeenCalled();
    expect(submitted).not.toHaveBeenCalled();

    render(<Busy busy={false} />);
    expect(button('Apply')?.hasAttribute('aria-disabled')).toBe(false);
    act(() => button('Apply')?.click());
    expect(pressed).toHaveBeenCalledTimes(1);
    expect(submitted).toHaveBeenCalledTimes(1);
  });
});

describe('useFocusKeeper', () => {
  // Fixes in a group; applying one takes it off the page.
  function Fixes({ initial }: { initial: string[] }) {
    const [fixes, setFixes] = useState(initial);
    const keeper = useFocusKeeper(
      (lost) => firstStillThere(lost.following) ?? document.getElementById('after'),
    );
    return (
      <div {...keeper}>
        <ul data-focus-group="fixes">
          {fixes.map((fix) => (
            <li key={fix}>
              <button
                type="button"
                onClick={() => setFixes((all) => all.filter((other) => other !== fix))}
              >
                {fix}
              </button>
            </li>
          ))}
        </ul>
        <h3 id="after" tabIndex={-1}>
          Problems
        </h3>
        <button type="button">Elsewhere</button>
      </div>
    );
  }

  it('hands the focus to the next control of the group when the focused one goes', () => {
    mount(<Fixes initial={['First fix', 'Second fix', 'Third fix']} />);
    button('First fix')?.focus();
    act(() => button('First fix')?.click());
    expect(document.activeElement).toBe(button('Second fix'));
    // The last one of the group: the keeper's own choice.
    button('Third fix')?.focus();
    act(() => button('Third fix')?.click());
    expect(document.activeElement).toBe(document.getElementById('after'));
  });

  it('leaves the focus where the user put it', () => {
    mount(<Fixes initial={['First fix', 'Second fix']} />);
    const first = button('First fix');
    first?.focus();
    button('Elsewhere')?.focus();
    act(() => first?.click());
    expect(document.activeElement).toBe(button('Elsewhere'));
  });
});
