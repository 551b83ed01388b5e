// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IntakeClient } from '../../worker/intake-client';
import { RejectedReportButton } from './rejected-report-button';

vi.mock('../download', () => ({ downloadFile: vi.fn() }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  host = undefined;
  root = undefined;
});

describe('RejectedReportButton', () => {
  it('keeps the focus while the report is made, and says when it is downloaded', async () => {
    let finish: (csv: string) => void = () => undefined;
    const rejectedReport = vi.fn(
      () =>
        new Promise<string>((resolve) => {
          finish = resolve;
        }),
    );
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    act(() =>
      root?.render(
        <RejectedReportButton
          intake={{ rejectedReport } as unknown as IntakeClient}
          fileName="staff.csv"
        />,
      ),
    );
    const button = document.querySelector('button');
    const status = document.querySelector('[role="status"]');
    button?.focus();
    act(() => button?.click());
    expect(button?.textContent).toBe('Preparing the report…');
    expect(document.activeElement).toBe(button);
    expect(status?.textContent).toBe('Preparing the rejected-rows report…');
    act(() => button?.click());
    expect(rejectedReport).toHaveBeenCalledTimes(1);

    await act(async () => {
      finish('row,status\n');
      await Promise.resolve();
    });
    expect(document.activeElement).toBe(button);
    expect(status?.textContent).toMatch(/^The rejected-rows report is downloaded: .+\.csv\.$/);
  });
});
