import { dropFile, expect, test } from './support';

// `npm start` runs the development server: React's development mode mounts every component,
// unmounts it and mounts it again, which once left the wizard with a closed file reader.
test('npm start: the development server reads a file and imports it into the sandbox', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('✓ connection works')).toBeVisible();
  await dropFile(page, 'contacts.csv');
  await expect(page.getByText('5 rows and 7 columns')).toBeVisible();
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByTestId('row-accounting')).toHaveText(
    '5 will be sent, 0 skipped by you, 0 rejected — 5 rows in the file',
  );
  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible();
  await expect(page.getByTestId('count-created')).toHaveText('5');
});
