import type { Page } from '@playwright/test';
import { expect, test, writeContactsCsv } from './support';

/** A layout shift the user did not cause (the browser's own "hadRecentInput" rule, as CLS). */
interface Shift {
  readonly value: number;
  readonly moved: string[];
}

/** Records every layout shift not caused by input within 500 ms, from before the page loads. */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: { value: number; moved: string[] }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    interface LayoutShift extends PerformanceEntry {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        if (entry.hadRecentInput) continue;
        shifts.push({
          value: entry.value,
          moved: entry.sources.map((source) => {
            const node = source.node;
            const element = node instanceof Element ? node : node?.parentElement;
            const text = (element?.textContent ?? '').trim().slice(0, 40);
            return `<${element?.tagName.toLowerCase() ?? '?'}> "${text}" y ${Math.round(source.previousRect.y)} → ${Math.round(source.currentRect.y)}`;
          }),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts since the last call, checked: together under 0.01 (CLS counts 0.1 as good). */
async function expectSteady(page: Page, phase: string): Promise<void> {
  // Two frames, so a shift of the last render is reported before it is read.
  const shifts = await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const recorded = (window as unknown as { __shifts: Shift[] }).__shifts;
    return recorded.splice(0, recorded.length);
  });
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
  expect(
    total,
    `${phase}: the layout moved by itself (${total.toFixed(4)}): ${JSON.stringify(shifts.flatMap((s) => s.moved))}`,
  ).toBeLessThan(0.01);
}

test('nothing on the page moves by itself while rows are read, checked, prepared and sent', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Every tenth mobile has no country code: the review has errors to show.
  const big = writeContactsCsv('steady-200k.csv', 200_000);
  await recordShifts(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.goto('/');
  await expect(page.getByText('✓ connection works')).toBeVisible();
  await expectSteady(page, 'start (connection check)');

  // A large file shows its first rows at once, then the rest arrives.
  await page.locator('input[type=file]').setInputFiles(big);
  await expect(page.getByRole('progressbar', { name: 'Reading…' })).toBeVisible();
  await expect(page.getByText('200,000 rows and 6 columns')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Read the whole file' })).toBeVisible();
  await expectSteady(page, 'preview (first look, then the whole file)');

  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await expect(page.getByRole('heading', { name: 'Match your columns' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByTestId('row-accounting')).toHaveText(
    '180,000 will be sent, 0 skipped by you, 20,000 rejected — 200,000 rows in the file',
    { timeout: 60_000 },
  );
  await expectSteady(page, 'review (every row checked)');

  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await expect(page.getByText(/180,000 contacts will be sent in/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByLabel('Workspace', { exact: true })).toBeEnabled();
  await expectSteady(page, 'settings (workspaces and parts arrive)');

  await page.getByRole('radio', { name: /Always add new contacts/ }).check();
  await page.getByRole('button', { name: 'Import 180,000 contacts' }).click();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByTestId('count-created')).toHaveText('180,000');
  await expectSteady(page, 'sending and the result');
});
