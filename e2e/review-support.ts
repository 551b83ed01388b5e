import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { dropFile, expect } from './support';

/** Drops a file, accepts the automatic mapping and waits for the review's first counts. */
export async function openReview(page: Page, fixture: string): Promise<void> {
  await page.goto('/');
  await dropFile(page, fixture);
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
  await expect(page.getByTestId('row-accounting')).toBeVisible();
}

/** The review's grid. */
export const reviewGrid = (page: Page) => page.getByRole('grid', { name: 'Rows to review' });

/** One row of the grid, by its file row number. */
export const reviewRow = (page: Page, rowNumber: number) =>
  reviewGrid(page).getByRole('row', { name: new RegExp(`^Row ${rowNumber}\\b`) });

/** A problem-type filter button of the summary ("Error: Not an email address: 3"). */
export const problemButton = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true });

/** Clicks the report button and returns the downloaded CSV, parsed (BOM removed). */
export async function downloadReport(page: Page): Promise<{
  name: string;
  text: string;
  rows: Record<string, string>[];
}> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download rejected rows (CSV)' }).first().click();
  const file = await download;
  const path = await file.path();
  const text = readFileSync(path, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  return { name: file.suggestedFilename(), text, rows: parsed.data };
}

/** Starts recording the main thread's long tasks (over 50 ms), before the page loads. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const durations: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks recorded since the last call (and forgets them). */
export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const durations = (window as unknown as { __longTasks: number[] }).__longTasks;
    return durations.splice(0, durations.length);
  });
}
