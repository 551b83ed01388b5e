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
