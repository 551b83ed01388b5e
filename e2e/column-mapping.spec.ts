import type { Page } from '@playwright/test';
import {
  columnCard,
  dragTo,
  dropFile,
  expect,
  expectNoAxeViolations,
  fieldSelect,
  fieldTarget,
  keyboardDropOn,
  continueThroughReview,
  sandboxApi,
  sandboxImports,
  tabTo,
  test,
  writeTestFile,
} from './support';

const EXPECTED_MAPPING = {
  firstName: 'Field A',
  lastName: 'Field B',
  workEmailAddress1: 'Field C',
  workMobilePhone1: 'Field D',
  workCountry: 'Field E',
  timezone: 'timezone (set for every row)',
};

async function importFromSettings(page: Page, rows: number) {
  await page.getByRole('button', { name: 'Continue to review' }).click();
  // The review offers country codes for the local mobiles, and to clear the Spanish number it
  // cannot use (that row still has an email), so opaque-headers.csv sends all of its 5 rows.
  await continueThroughReview(page, { applyFixes: true });
  await page.getByRole('radio', { name: /Always add new contacts/ }).check();
  await page.getByRole('button', { name: `Import ${rows} contacts` }).click();
  await expect(page.getByTestId('count-created')).toHaveText(String(rows));
}

test('a file mapped entirely with the mouse, by dragging', async ({ page }) => {
  await page.goto('/');
  await dropFile(page, 'opaque-headers.csv');
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  // Nothing is applied on a guess: content-based matches are only proposed.
  await expect(page.getByRole('heading', { name: 'Suggestions to check' })).toBeVisible();
  await expect(fieldSelect(page, 'Work email')).toHaveValue('');
  const drags: [string, string][] = [
    ['Field A', 'firstName'],
    ['Field B', 'lastName'],
    ['Field C', 'workEmailAddress1'],
    ['Field D', 'workMobilePhone1'],
    ['Field E', 'workCountry'],
  ];
  for (const [column, field] of drags)
    await dragTo(page, columnCard(page, column), fieldTarget(page, field));
  await fieldSelect(page, 'Time zone (required)').selectOption({
    label: 'Same value for every row…',
  });
  await page.getByLabel('Value for every row').fill('+10');
  await importFromSettings(page, 5);
  const [received] = await sandboxImports();
  expect(received?.fieldMapping).toEqual(EXPECTED_MAPPING);
});

test('the same file mapped entirely with the keyboard gives the same request', async ({ page }) => {
  await page.goto('/');
  await dropFile(page, 'opaque-headers.csv');
  await tabTo(page, page.getByRole('button', { name: 'Continue to matching' }));
  await page.keyboard.press('Enter');
  const drops: [string, string][] = [
    ['Field A', 'First name'],
    ['Field B', 'Last name'],
    ['Field C', 'Work email'],
    ['Field D', 'Work mobile'],
    ['Field E', 'Country'],
  ];
  for (const [column, label] of drops) {
    await tabTo(page, columnCard(page, column));
    await keyboardDropOn(page, label);
    await expect(page.locator('#mapping-announcer')).toContainText(
      `Dropped column ${column} on ${label}.`,
    );
  }
  const timezone = fieldSelect(page, 'Time zone (required)');
  await tabTo(page, timezone);
  await page.keyboard.press('End');
  await expect(timezone).toHaveValue('__constant__');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Value for every row')).toBeFocused();
  await page.keyboard.type('+10');
  await tabTo(page, page.getByRole('button', { name: 'Continue to review' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Apply to all 4' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Apply to all 4' })).toHaveCount(0);
  await tabTo(page, page.getByRole('button', { name: 'Continue to import settings' }));
  await page.keyboard.press('Enter');
  // A radio group is one Tab stop; the arrow keys choose within it.
  await tabTo(page, page.getByRole('radio', { name: /Update existing contacts/ }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Always add new contacts/ })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Import 4 contacts' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-created')).toHaveText('4');
  const [received] = await sandboxImports();
  expect(received?.fieldMapping).toEqual(EXPECTED_MAPPING);
  expect(received?.importMode).toBe('duplicate');
});

test('a remembered mapping is applied on the next import of the same file, and can be undone', async ({
  page,
}) => {
  await page.goto('/');
  await dropFile(page, 'opaque-headers.csv');
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  for (const [column, field] of [
    ['Field A', 'First name (required)'],
    ['Field B', 'Last name (required)'],
    ['Field C', 'Work email'],
    ['Field D', 'Work mobile'],
    ['Field E', 'Country (required)'],
  ] as const) {
    await fieldSelect(page, field).selectOption({ label: `Column “${column}”` });
  }
  await fieldSelect(page, 'Time zone (required)').selectOption({
    label: 'Same value for every row…',
  });
  await page.getByLabel('Value for every row').fill('+10');
  await importFromSettings(page, 5);

  await page.getByRole('button', { name: 'Import another file' }).click();
  await dropFile(page, 'opaque-headers.csv');
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  // The same columns: the mapping used last time is applied, and said so.
  await expect(
    page.getByText(/^Applied the mapping you used for opaque-headers\.csv on .+ —/),
  ).toBeVisible();
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('column:Field A');
  await expect(page.getByLabel('Value for every row')).toHaveValue('+10');
  // Undo goes back to the automatic matching; the mapping stays on offer.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('');
  const offer = page.getByRole('button', {
    name: /Use the mapping “Last used for opaque-headers.csv” from .*: 5 of 5 columns match/,
  });
  await offer.click();
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('column:Field A');
  await expect(page.getByLabel('Value for every row')).toHaveValue('+10');
  await importFromSettings(page, 5);
  const imports = await sandboxImports();
  expect(imports.map((received) => received.fieldMapping)).toEqual([
    EXPECTED_MAPPING,
    EXPECTED_MAPPING,
  ]);
});

test('a file without a time zone gets one value for every row, and the contacts carry it', async ({
  page,
}) => {
  await page.goto('/');
  await dropFile(page, 'no-timezone.csv');
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  // German headers are recognised by name.
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('column:Vorname');
  await expect(fieldSelect(page, 'Work mobile')).toHaveValue('column:Handy');
  // No time-zone column: the review would propose one per row; this person sets one for all.
  await expect(page.getByText(/Time zone has no column: the review proposes one/)).toBeVisible();
  await fieldSelect(page, 'Time zone (required)').selectOption({
    label: 'Same value for every row…',
  });
  await page.getByLabel('Value for every row').fill('Australia/Sydney');
  await importFromSettings(page, 4);
  const contacts = await sandboxApi.contacts();
  expect(contacts).toHaveLength(4);
  expect(contacts.map((contact) => contact.timezone)).toEqual(Array(4).fill('Australia/Sydney'));
});

test('the mapping step passes axe while a column is being dragged', async ({ page }) => {
  await page.goto('/');
  await dropFile(page, 'opaque-headers.csv');
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  const source = columnCard(page, 'Field A');
  const target = fieldTarget(page, 'firstName');
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await expect(target).toHaveClass(/over/);
  await expectNoAxeViolations(page, 'the mapping step while dragging');
  // axe may scroll while it checks contrast: point at the field again before letting go.
  const again = (await target.boundingBox())!;
  await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2, { steps: 3 });
  await page.mouse.up();
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('column:Field A');
});

test('a column with no name and no values is not offered for matching', async ({ page }) => {
  // A spreadsheet's spacer column, and a separator after the last name of each line.
  const file = writeTestFile(
    'spacer-column.csv',
    'First Name,Last Name,,Email,Mobile,Country,\nAnn,Lee,,ann@example.com,0412 345 678,Australia,\nBob,Ng,,bob@example.com,0413 111 222,Australia,\n',
  );
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeVisible();
  await expect(
    page.getByText(
      '2 columns have no name and no values in any row, so they are not listed: Column 3, Column 7.',
    ),
  ).toBeVisible();
  await expect(columnCard(page, 'Email')).toBeVisible();
  await expect(columnCard(page, 'Column 3')).toHaveCount(0);
  await expect(columnCard(page, 'Column 7')).toHaveCount(0);
  await expect(
    fieldSelect(page, 'Work email').locator('option', { hasText: 'Column 3' }),
  ).toHaveCount(0);
});
