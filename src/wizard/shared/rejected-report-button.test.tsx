// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { IntakeClient } from '../../worker/intake-client';
import { RejectedReportButton } from './rejected-report-button';
import { render } from '../test-render';

vi.mock('../download', () => ({ downloadFile: vi.fn() }));

describe('RejectedReportButton', () => {
  it('keeps the focus while the report is made, and says when it is downloaded', async () => {
    let finish: (csv: string) => void = () => undefined;
    const rejectedReport = vi.fn(
      () =>
        new Promise<string>((resolve) => {
          finish = resolve;
        }),
    );
    render(
      <RejectedReportButton
        intake={{ rejectedReport } as unknown as IntakeClient}
        fileName="staff.csv"
      />,
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
