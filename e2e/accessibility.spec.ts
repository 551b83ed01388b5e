import {
  columnCard,
  dropFile,
  expect,
  expectNoAxeViolations,
  fixturePath,
  keyboardDropOn,
  tabTo,
  test,
  fieldSelect,
} from './support';
import type { Page } from '@playwright/test';
import { openReview, reviewGrid, reviewRow } from './review-support';

test('every step passes an axe scan', async ({ page }) => {
  await page.goto('/');
  await expectNoAxeViolations(page, 'the upload step');

  await dropFile(page, 'contacts.csv');
  await expect(page.getByRole('heading', { name: 'Check your rows' })).toBeVisible();
  await expectNoAxeViolations(page, 'the preview step');

  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the mapping step');
  await fieldSelect(page, 'Time zone (required)').selectOption({ label: '— not imported —' });
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByText('More fields').click();
  await expectNoAxeViolations(page, 'the mapping step with errors and all fields');
  await fieldSelect(page, 'Time zone (required)').selectOption({ label: 'Column “timezone”' });
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
  await expect(page.getByTestId('row-accounting')).toBeVisible();
  await expectNoAxeViolations(page, 'the review step');
  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await expect(page.getByRole('heading', { name: 'Choose how to import' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Workspace' })).toBeEnabled();
  await expectNoAxeViolations(page, 'the settings step');

  await page.getByRole('button', { name: /Import 5 contacts/ }).click();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible();
  await expectNoAxeViolations(page, 'the result step');
});

test('the whole journey works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, page.getByRole('button', { name: 'Choose a file…' }));
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(fixturePath('contacts.csv'));
  await expect(page.getByRole('heading', { name: 'Check your rows' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Continue to matching' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeFocused();
  await tabTo(page, columnCard(page, 'Mobile'));
  await keyboardDropOn(page, 'Work mobile');
  await expect(fieldSelect(page, 'Work mobile')).toHaveValue('column:Mobile');
  await tabTo(page, page.getByRole('button', { name: 'Continue to review' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Continue to import settings' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Choose how to import' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Import 5 contacts' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeFocused();
  await expect(page.getByTestId('count-created')).toHaveText('5');
});

/** Fails when the focus has fallen to the page (the body), as it did when a control went away. */
async function expectFocusKept(page: Page, where: string) {
  const focused = await page.evaluate(() => {
    const active = document.activeElement;
    return !active || active === document.body ? 'the page' : active.outerHTML.slice(0, 120);
  });
  expect(focused, where).not.toBe('the page');
}

test('the focus stays on a control while the wizard works, and moves on when the control goes', async ({
  page,
}) => {
  // Check rows: an arrow key on a reading choice re-reads the file, and the choice keeps the focus.
  await page.goto('/');
  await dropFile(page, 'contacts.csv');
  const separator = page.getByRole('combobox', { name: 'Separator' });
  await tabTo(page, separator);
  await page.keyboard.press('ArrowDown');
  await expect(separator).toHaveValue(';');
  await expect(separator).toBeFocused();
  await expect(page.getByRole('group', { name: 'How the file was read' })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.keyboard.press('ArrowUp');
  await expect(separator).toHaveValue(',');
  await expect(separator).toBeFocused();

  await openReview(page, 'review-mix.csv');
  const announcer = page.getByTestId('review-announcer');

  // The row panel's fix names the field as the user knows it, and the focus stays on the page.
  await tabTo(page, reviewGrid(page).locator('[tabindex="0"]'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('heading', { name: 'Row 4', exact: true })).toBeVisible();
  const useFix = page.getByRole('button', { name: 'Use “61412345678” for Work mobile' });
  await tabTo(page, useFix);
  await page.keyboard.press('Enter');
  await expect(announcer).toContainText('Row 4: Work mobile set to “61412345678”.');
  await expect(announcer).not.toContainText('workMobilePhone1');
  await expect(reviewRow(page, 4)).toHaveCount(0);
  await expectFocusKept(page, 'after the row panel fix');

  // A suggested fix applied goes from the list: the focus goes to the next one.
  const fixes = page.getByRole('button', { name: /^Apply to all/ });
  const before = await fixes.count();
  await tabTo(page, fixes.first());
  await page.keyboard.press('Enter');
  await expect(fixes).toHaveCount(before - 1);
  await expect(page.locator(':focus')).toHaveText(/^Apply (to )?all/);

  // Undo keeps the focus while it runs.
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await tabTo(page, undo);
  await page.keyboard.press('Enter');
  await expect(fixes).toHaveCount(before);
  await expect(undo).toBeFocused();

  // A filter chosen says how many rows it shows.
  const show = page.getByLabel('Show', { exact: true });
  await tabTo(page, show);
  await page.keyboard.press('Home');
  await expect(announcer).toHaveText(/^All rows: 8 rows shown\.$/);

  // Tab in a cell's editor saves it and moves to the next cell.
  await tabTo(page, reviewGrid(page).locator('[tabindex="0"]'));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'First name, row 2' });
  await expect(editor).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' J');
  await page.keyboard.press('Tab');
  await expect(reviewRow(page, 2).getByRole('gridcell', { name: /^Smith/ })).toBeFocused();
  await expect(reviewRow(page, 2)).toContainText('John J');
});
