/**
 * The review grid fits its columns (issue 14, item 8): at 1280×720 the usual columns show
 * without a sideways scroll; on a phone (390×844) and at 200 % zoom the row number and the
 * names stay put while the other columns scroll sideways, inside the grid only; a long value is
 * shown whole when its cell has the focus.
 *
 * 200 % zoom is emulated with a 640×360 viewport: browser zoom divides the CSS pixels of the
 * window by two, which is what reflows the page. (A device scale factor of 2 at 1280×720 only
 * draws the same 1280-pixel layout more sharply, so it would not test the layout at all.)
 */
import type { Locator, Page } from '@playwright/test';
import { reviewGrid, reviewRow } from './review-support';
import { expect, expectNoAxeViolations, tabTo, test, writeContactsCsv } from './support';

const LONG_EMAIL = 'maximilian.featherstonehaugh-worthington@accounts.example-enterprises.com.au';
const FIRST = ['Olivia', 'Liam', 'Alexandra', 'Noah', 'Charlotte', 'Jack', 'Isabella', 'Oliver'];
const LAST = ['Nguyen', "O'Brien", 'Montgomery-Smythe', 'Williams', 'Papadopoulos', 'Chen'];
const ZONES = ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Perth', 'Pacific/Auckland'];

/**
 * A typical import: first and last name, email, mobile, country and time zone (the columns the
 * grid shows by default), with ordinary values; the first row has a very long email.
 */
function typicalFile(): string {
  return writeContactsCsv('grid-layout.csv', 40, (i) => {
    // 48 different people: none is a duplicate of another.
    const first = FIRST[i % FIRST.length] ?? 'Ann';
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Lee';
    const email =
      i === 0
        ? LONG_EMAIL
        : `${first}.${last}`.toLowerCase().replace(/[^a-z.-]/g, '') + '@example.com.au';
    const mobile = `614${String(12_345_000 + i).padStart(8, '0')}`;
    return `${first},${last},${email},${mobile},Australia,${ZONES[i % ZONES.length] ?? '+10'}`;
  });
}

const DEFAULT_HEADERS = [
  'Row',
  'First name',
  'Last name',
  'Work email',
  'Work mobile',
  'Country',
  'Time zone',
  'Send?',
];

async function openTypicalReview(page: Page): Promise<void> {
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(typicalFile());
  await expect(page.getByText('40 rows and 6 columns')).toBeVisible();
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
  await expect(page.getByTestId('row-accounting')).toHaveText(
    '40 will be sent, 0 skipped by you, 0 rejected — 40 rows in the file',
  );
  await expect(reviewRow(page, 2)).toBeVisible();
}

/** The grid's scroll box: its scrollable and visible widths, and the page's. */
function widths(page: Page) {
  return reviewGrid(page).evaluate((grid) => {
    const box = grid.parentElement as HTMLElement;
    const root = document.documentElement;
    return {
      gridScroll: box.scrollWidth,
      gridClient: box.clientWidth,
      pageScroll: root.scrollWidth,
      pageClient: root.clientWidth,
    };
  });
}

/**
 * True when the element is inside the grid's visible box and is what a person sees at its
 * middle and near both ends (nothing sticky is drawn over it).
 */
function inSight(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const port = (
      node.closest('[role=grid]')?.parentElement as HTMLElement
    ).getBoundingClientRect();
    const inside =
      box.left >= port.left - 1 &&
      box.right <= port.right + 1 &&
      box.top >= port.top - 1 &&
      box.bottom <= port.bottom + 1;
    const y = box.top + Math.min(box.height / 2, 14);
    const seen = [box.left + 4, box.left + box.width / 2, box.right - 4].every((x) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === node || node.contains(hit));
    });
    return inside && seen;
  });
}

const header = (page: Page, name: string) =>
  reviewGrid(page).getByRole('columnheader', { name: new RegExp(`^${name.replace('?', '\\?')}`) });

test('at 1280×720 the usual columns all show, with no sideways scroll', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTypicalReview(page);
  await reviewGrid(page).scrollIntoViewIfNeeded();
  const measured = await widths(page);
  console.log(`1280×720: ${JSON.stringify(measured)}`);
  expect(measured.gridScroll, 'the grid has no sideways scroll').toBeLessThanOrEqual(
    measured.gridClient,
  );
  expect(measured.pageScroll, 'nor the page').toBeLessThanOrEqual(measured.pageClient);
  // Headless Chromium draws no scrollbars; a desktop browser's vertical one takes up to 17 px.
  // The columns still fit in a box that much narrower (a thicker border stands in for it).
  const withScrollbar = await reviewGrid(page).evaluate(async (grid) => {
    const box = grid.parentElement as HTMLElement;
    box.style.borderRightWidth = '18px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const fits = { scroll: box.scrollWidth, client: box.clientWidth };
    box.style.borderRightWidth = '';
    return fits;
  });
  console.log(`1280×720 with a 17 px scrollbar: ${JSON.stringify(withScrollbar)}`);
  expect(withScrollbar.scroll).toBeLessThanOrEqual(withScrollbar.client);
  for (const name of DEFAULT_HEADERS) {
    const box = await header(page, name).boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x, `${name} starts in the window`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${name} ends in the window`).toBeLessThanOrEqual(1280);
    expect(await inSight(header(page, name)), `${name} is in sight`).toBe(true);
  }
  // A usual value is shown whole without a focus; only the very long email is cut.
  const row3 = reviewRow(page, 3);
  for (const cell of await row3.getByRole('gridcell').all()) {
    const cut = await cell.evaluate((node) => node.scrollWidth > node.clientWidth);
    expect(cut, `row 3: ${await cell.textContent()}`).toBe(false);
  }
  await page.screenshot({ path: '/tmp/review-grid-1280x720.png' });
});

for (const viewport of [
  { width: 390, height: 844, what: 'a phone (390×844)', scheme: 'light' as const },
  { width: 640, height: 360, what: '200 % zoom (1280×720 at 200 %)', scheme: 'dark' as const },
]) {
  test(`on ${viewport.what} the row number and names stay while the other columns scroll inside the grid`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.emulateMedia({ colorScheme: viewport.scheme });
    await openTypicalReview(page);
    const grid = reviewGrid(page);
    await grid.scrollIntoViewIfNeeded();
    const tag = `${viewport.width}x${viewport.height}`;
    await page.screenshot({ path: `/tmp/review-grid-${tag}-start.png` });
    const before = await widths(page);
    expect(before.gridScroll, 'some columns are off to the side').toBeGreaterThan(
      before.gridClient,
    );

    // Sideways with the mouse wheel (a trackpad's sideways swipe), over the grid, to its far side.
    await reviewRow(page, 4).getByRole('rowheader').hover();
    await page.mouse.wheel(before.gridScroll, 0);
    await expect(header(page, 'Send?')).toBeInViewport();
    await expect.poll(() => inSight(header(page, 'Send?'))).toBe(true);
    const row = reviewRow(page, 2);
    for (const name of ['Row', 'First name', 'Last name'])
      expect(await inSight(header(page, name)), `${name} header stays`).toBe(true);
    expect(await inSight(row.getByRole('rowheader')), 'the row number stays').toBe(true);
    expect(
      await inSight(row.getByRole('gridcell', { name: 'Olivia', exact: true })),
      'first name',
    ).toBe(true);
    expect(
      await inSight(row.getByRole('gridcell', { name: 'Nguyen', exact: true })),
      'last name',
    ).toBe(true);
    const after = await widths(page);
    console.log(`${tag} scrolled: ${JSON.stringify(after)}`);
    expect(after.pageScroll, 'the page itself never scrolls sideways').toBeLessThanOrEqual(
      after.pageClient,
    );
    await page.screenshot({ path: `/tmp/review-grid-${tag}-scrolled.png` });

    // Back to the start by keyboard: every cell reached is in sight, never under the names.
    await page.mouse.wheel(-before.gridScroll, 0);
    const row3 = reviewRow(page, 3);
    await tabTo(page, grid.locator('[tabindex="0"]').first());
    await page.keyboard.press('ArrowDown');
    await expect(row3.getByRole('gridcell', { name: 'Liam', exact: true })).toBeFocused();
    for (const name of ['Nguyen', 'liam.nguyen@example.com.au', '61412345001', 'Australia']) {
      await page.keyboard.press('ArrowRight');
      const cell = row3.getByRole('gridcell', { name, exact: true });
      await expect(cell).toBeFocused();
      await expect.poll(() => inSight(cell), `${name} is in sight`).toBe(true);
    }
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(row3.getByRole('button', { name: 'Skip row 3' })).toBeFocused();
    await page.screenshot({ path: `/tmp/review-grid-${tag}-keyboard-end.png` });
    for (const name of ['Australia/Melbourne', 'Australia', '61412345001']) {
      await page.keyboard.press('ArrowLeft');
      const cell = row3.getByRole('gridcell', { name, exact: true });
      await expect(cell).toBeFocused();
      await expect.poll(() => inSight(cell), `${name} is in sight`).toBe(true);
    }
    await page.keyboard.press('ArrowLeft');
    const email = row3.getByRole('gridcell', { name: 'liam.nguyen@example.com.au', exact: true });
    await expect(email).toBeFocused();
    await expect.poll(() => inSight(email), 'the email is clear of the names').toBe(true);
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Work email, row 3' });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue('liam.nguyen@example.com.au');
    await page.keyboard.press('Escape');
    await expect(email).toBeFocused();
    expect((await widths(page)).pageScroll).toBeLessThanOrEqual(before.pageClient);
    await expectNoAxeViolations(page, `the review grid on ${viewport.what}, ${viewport.scheme}`);
  });
}

test('a long email is cut in the row but shown whole on focus, and named in full on hover', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTypicalReview(page);
  const cell = reviewRow(page, 2).getByRole('gridcell', { name: LONG_EMAIL });
  const cut = () => cell.evaluate((node) => node.scrollWidth > node.clientWidth + 1);
  expect(await cut(), 'the long email does not fit its column').toBe(true);
  await expect(cell, 'the pointer shows it whole').toHaveAttribute('title', LONG_EMAIL);

  await tabTo(page, reviewGrid(page).locator('[tabindex="0"]').first());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(cell).toBeFocused();
  expect(await cut(), 'focused, the cell shows all of it').toBe(false);
  // Every line of the value lies inside the cell, and the cell inside the grid's view.
  const lines = await cell.evaluate((node) => {
    const text = node.querySelector('.cell-text') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(text);
    const outer = node.getBoundingClientRect();
    return [...range.getClientRects()].map(
      (line) =>
        line.left >= outer.left - 0.5 &&
        line.right <= outer.right + 0.5 &&
        line.top >= outer.top - 0.5 &&
        line.bottom <= outer.bottom + 0.5,
    );
  });
  expect(lines.length, 'wrapped over a few lines').toBeGreaterThan(1);
  expect(lines.every(Boolean), 'each line inside the cell').toBe(true);
  expect(await inSight(cell)).toBe(true);
  await page.screenshot({ path: '/tmp/review-grid-long-email-focused.png' });

  // The next cell down is covered only while the focus is here.
  await page.keyboard.press('ArrowDown');
  expect(await cut()).toBe(true);
});
