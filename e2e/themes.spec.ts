import { expect, expectNoAxeViolations, test } from './support';

const THEMES = ['light', 'dark'] as const;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

for (const colorScheme of THEMES) {
  for (const viewport of SIZES) {
    test(`every step passes axe in the ${colorScheme} theme at ${viewport.width}×${viewport.height}`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      const where = (step: string) =>
        `${step} (${colorScheme}, ${viewport.width}×${viewport.height})`;
      await page.goto('/');
      await expect(page.getByText('✓ connection works')).toBeVisible();
      await expectNoAxeViolations(page, where('choose file'));
      await page.getByRole('button', { name: 'Use a sample CSV file' }).click();
      await expect(page.getByRole('heading', { name: 'Check your rows' })).toBeVisible();
      await expectNoAxeViolations(page, where('check rows'));
      await page.getByRole('button', { name: 'Continue to matching' }).click();
      await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeVisible();
      await expectNoAxeViolations(page, where('match columns'));
      await page.getByRole('button', { name: 'Continue to review' }).click();
      const settings = page.getByRole('heading', { name: 'Choose how to import' });
      const review = page.getByRole('heading', { name: /review/i });
      await expect(settings.or(review)).toBeVisible();
      if (await review.isVisible()) {
        await expectNoAxeViolations(page, where('review'));
        await page.getByRole('button', { name: 'Continue to import settings' }).click();
      }
      await expect(settings).toBeVisible();
      await expectNoAxeViolations(page, where('import settings'));
      await page.getByRole('button', { name: /^Import \d+ contacts?$/ }).click();
      await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible();
      await page.getByText('API inspector', { exact: true }).click();
      await expectNoAxeViolations(page, where('result with the API inspector open'));
    });
  }
}
