import type { Page } from '@playwright/test';

/**
 * Clicks the enabled button with exactly this text, as the page's own click() would. The bench
 * scripts click from inside the page: finding a button with getByRole computes accessible names
 * over the whole page in its main thread (25–130 ms tasks of Playwright's own, which the
 * long-task figures would count as the app's).
 */
export async function clickButton(page: Page, text: string, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    (label) =>
      [...document.querySelectorAll('button')].some(
        (button) => button.textContent?.trim() === label && !button.disabled,
      ),
    text,
    { polling: 50, timeout: timeoutMs },
  );
  await page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find(
      (candidate) => candidate.textContent?.trim() === label && !candidate.disabled,
    );
    button?.click();
  }, text);
}
