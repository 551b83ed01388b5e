import { expect, fieldSelect, test } from './support';

test("the browser's Back button and the stepper go back a step without losing work", async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Use a sample CSV file' }).click();
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await fieldSelect(page, 'Personal email').selectOption({ label: 'Column “Email”' });
  await page.getByRole('button', { name: 'Continue to review' }).click();
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

test("after the wizard's own Back, one press of the browser's Back goes back one more step", async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Use a sample CSV file' }).click();
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
  // The stepper jumps back two steps, the Back button one more.
  const steps = page.getByRole('navigation', { name: 'Import steps' });
  await steps.getByRole('button', { name: /Check rows/ }).click();
  await expect(page.getByRole('heading', { name: 'Check your rows' })).toBeVisible();
  // The link to the file's problems scrolls without a history entry of its own.
  await page.getByRole('link', { name: /to look at, below the rows/ }).click();
  await expect(page.getByRole('heading', { name: /to look at$/ })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Choose your contact file' })).toBeVisible();
});
