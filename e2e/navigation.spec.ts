import { expect, fieldSelect, test } from './support';

test("the browser's Back button and the stepper go back a step without losing work", async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Use a sample CSV file' }).click();
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await fieldSelect(page, 'Personal email').selectOption({ label: 'Column “Email”' });
  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await expect(page.getByRole('heading', { name: 'Choose how to import' })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeVisible();
  // The mapping, including the field chosen by hand, is still there.
  await expect(fieldSelect(page, 'Personal email')).toHaveValue('column:Email');

  const steps = page.getByRole('navigation', { name: 'Import steps' });
  await steps.getByRole('button', { name: /Check rows/ }).click();
  await expect(page.getByRole('heading', { name: 'Check your rows' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await expect(fieldSelect(page, 'Personal email')).toHaveValue('column:Email');
});
