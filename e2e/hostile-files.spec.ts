/**
 * Hostile files (issue 13, item 9): a zip bomb is refused with its limits and the tab lives on;
 * a 10,000-column file and a 5 MB cell show capped, say so, and never freeze the page. Each test
 * records the longest main-thread task per step (PerformanceObserver 'longtask') in its
 * annotations; the bound asserted is generous, to catch the old multi-second freezes only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bombXlsx, smallXlsx, understate } from './fixtures/zip-bombs';
import { columnCard, expect, test } from './support';

const MB = 1024 * 1024;
/** Far above a smooth page (50 ms), far below the freezes testers saw (1.2–9.2 s). */
const FREEZE_MS = 1000;

const preview = (page: Page) => page.getByRole('region', { name: 'First rows of the file' });
const fileInput = (page: Page) => page.locator('input[type=file]');

function writeFile(name: string, content: string | Uint8Array): string {
  const dir = path.join(test.info().outputDir, 'files');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Records every long task (> 50 ms) of the page's main thread from its first script on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest task since the last call (0 when none took over 50 ms); starts afresh. */
async function longestTask(page: Page): Promise<number> {
  // Two frames, so a task that just ended has been reported.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    const longest = Math.max(0, ...w.longTasks);
    w.longTasks = [];
    return longest;
  });
}

function record(step: string, ms: number): void {
  test.info().annotations.push({ type: 'longest task', description: `${step}: ${ms} ms` });
}

const CONTACT = ['firstName', 'lastName', 'workEmailAddress1', 'workMobilePhone1'];
const contact = (r: number) => [
  `First${r}`,
  `Last${r}`,
  `p${r}@example.com`,
  `614000000${String(r).padStart(2, '0')}`,
];

function wideCsv(columns: number, rows: number): string {
  const names = [...CONTACT, 'workCountry', 'timezone'];
  for (let c = names.length; c < columns; c++) names.push(`extra${c + 1}`);
  const lines = [names.join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = [...contact(r), 'Australia', '+10'];
    for (let c = cells.length; c < columns; c++) cells.push(`v${r}-${c + 1}`);
    lines.push(cells.join(','));
  }
  return lines.join('\n');
}

test.describe('hostile files', () => {
  test.beforeEach(async ({ page }) => watchLongTasks(page));

  test('zip bombs are refused with their limits, and the page goes on to read a real file', async ({
    page,
  }) => {
    await page.goto('/');
    await longestTask(page);
    const bombs = [
      // Like the testers' 7.5 MB one that crashed the tab: 2 GB unpacked (built small here).
      {
        name: 'bomb-2gb.xlsx',
        bytes: bombXlsx(2048 * MB),
        says: /would unpack from 2\.0 MB to 2\.0 GB\. The limits are 1\.0 GB unpacked in all and 100 times the stored size/,
      },
      // Like the 1.85 MB one that said "no data in any of them": 500 MB, within 1 GB in all.
      {
        name: 'bomb-500mb.xlsx',
        bytes: bombXlsx(500 * MB),
        says: /part "xl\/worksheets\/sheet1\.xml" would unpack from [\d.]+ KB to 500\.0 MB, [\d,]+ times its stored size/,
      },
      // One that lies: its directory declares 100 bytes for 200 MB.
      {
        name: 'bomb-liar.xlsx',
        bytes: understate(bombXlsx(200 * MB), 'xl/worksheets/sheet1.xml', 100),
        says: /unpacks to more than its ZIP directory declares/,
      },
    ];
    for (const bomb of bombs) {
      expect(bomb.bytes.length).toBeLessThan(3 * MB);
      await fileInput(page).setInputFiles(writeFile(bomb.name, bomb.bytes));
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(
        `“${bomb.name}” can't be imported: This workbook was not opened`,
      );
      await expect(alert).toContainText(bomb.says);
      await expect(alert).not.toContainText('no data');
      await expect(page.getByRole('heading', { name: 'Choose your contact file' })).toBeVisible();
      record(bomb.name, await longestTask(page));
    }
    // The tab is alive: the next file is read as usual.
    const honest = smallXlsx([
      [...CONTACT, 'workCountry', 'timezone'],
      [...contact(1), 'Australia', '+10'],
    ]);
    await fileInput(page).setInputFiles(writeFile('honest.xlsx', honest));
    await expect(page.getByText('1 row and 6 columns')).toBeVisible();
    await expect(preview(page).getByRole('cell', { name: 'First1', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Continue to matching' }).click();
    await expect(
      page.getByRole('heading', { name: 'Match your columns to Whispir fields' }),
    ).toBeVisible();
  });

  test('10,000 columns: the first 200 are shown, every one can be found, nothing freezes', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const file = writeFile('wide.csv', wideCsv(10_000, 20));
    await page.goto('/');
    await longestTask(page);
    await fileInput(page).setInputFiles(file);
    await expect(page.getByText('20 rows and 10,000 columns')).toBeVisible();
    await expect(page.getByText('Showing the first 200 of 10,000 columns.')).toBeVisible();
    await expect(preview(page).getByRole('cell', { name: 'First0', exact: true })).toBeVisible();
    await expect(preview(page).getByRole('columnheader', { name: 'extra200' })).toBeVisible();
    await expect(preview(page).getByRole('columnheader', { name: 'extra201' })).toHaveCount(0);
    const onPreview = await longestTask(page);
    record('preview', onPreview);

    await page.getByRole('button', { name: 'Continue to matching' }).click();
    await expect(
      page.getByRole('heading', { name: 'Match your columns to Whispir fields' }),
    ).toBeVisible();
    await expect(page.getByText(/Showing the first 50 of 10,000 columns/)).toBeVisible();
    await expect(page.getByText('5 of 5 required fields matched.')).toBeVisible();
    const onMapping = await longestTask(page);
    record('mapping', onMapping);
    // A column beyond the first 200 is found by name and can be matched like any other.
    await expect(columnCard(page, 'extra9999')).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Find a column' }).fill('extra9999');
    await expect(page.getByText('1 of 10,000 columns match “extra9999”.')).toBeVisible();
    await expect(columnCard(page, 'extra9999')).toBeVisible();
    const onFind = await longestTask(page);
    record('find a column', onFind);

    await page.getByRole('button', { name: 'Continue to review' }).click();
    await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
    await expect(page.getByTestId('row-accounting')).toBeVisible();
    await expect(page.getByRole('row', { name: /Row 2\b/ })).toContainText('First0');
    const onReview = await longestTask(page);
    record('review', onReview);

    for (const ms of [onPreview, onMapping, onFind, onReview]) expect(ms).toBeLessThan(FREEZE_MS);
  });

  test('a 5 MB cell is shown shortened with its length, and kept whole', async ({ page }) => {
    const huge = 'x'.repeat(5_000_000);
    const file = writeFile(
      'huge-cell.csv',
      [
        [...CONTACT, 'workCountry', 'timezone', 'department'].join(','),
        [...contact(1), 'Australia', '+10', huge].join(','),
        [...contact(2), 'Australia', '+10', 'Sales'].join(','),
      ].join('\n'),
    );
    await page.goto('/');
    await longestTask(page);
    await fileInput(page).setInputFiles(file);
    await expect(page.getByText('2 rows and 7 columns')).toBeVisible();
    const cut = preview(page).getByRole('cell', { name: /cell shortened, 5,000,000 characters/ });
    await expect(cut).toBeVisible();
    expect(((await cut.textContent()) ?? '').length).toBeLessThan(600);
    const onPreview = await longestTask(page);
    record('preview', onPreview);

    await page.getByRole('button', { name: 'Continue to matching' }).click();
    await expect(
      page.getByRole('heading', { name: 'Match your columns to Whispir fields' }),
    ).toBeVisible();
    // Matched automatically; its card's samples are the shortened text, not 5 MB.
    await expect(columnCard(page, 'department')).toContainText('→ Department');
    const onMapping = await longestTask(page);
    record('mapping', onMapping);

    await page.getByRole('button', { name: 'Continue to review' }).click();
    await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
    await expect(page.getByTestId('row-accounting')).toBeVisible();
    const cell = page.getByRole('gridcell', { name: /cell shortened, 5,000,000 characters/ });
    await expect(cell).toBeVisible();
    const onReview = await longestTask(page);
    record('review', onReview);
    // Nothing was lost: editing the cell starts from all 5,000,000 characters.
    await cell.click();
    const editor = page.getByRole('textbox', { name: 'Department, row 2' });
    await expect(editor).toBeVisible();
    expect(await editor.evaluate((input: HTMLInputElement) => input.value.length)).toBe(5_000_000);

    for (const ms of [onPreview, onMapping, onReview]) expect(ms).toBeLessThan(FREEZE_MS);
  });
});
