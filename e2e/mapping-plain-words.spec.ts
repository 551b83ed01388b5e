/**
 * The matching step in plain words: Whispir's API names only on demand, required marks that say
 * what every contact really needs, a time zone the review works out for each row, values for
 * every row picked from a list, and a remembered mapping applied with an Undo.
 */
import type { Page } from '@playwright/test';
import {
  continueThroughReview,
  dropFile,
  expect,
  expectNoAxeViolations,
  fieldSelect,
  fieldTarget,
  sandboxImports,
  test,
} from './support';

async function openMatching(page: Page, fixture: string) {
  await dropFile(page, fixture);
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeVisible();
}

const matchingHeading = (page: Page) =>
  page.getByRole('heading', { name: 'Match your columns to Whispir fields' });

test('Whispir field names are hidden until asked for, and the choice is remembered', async ({
  page,
}) => {
  await page.goto('/');
  await openMatching(page, 'opaque-headers.csv');
  const toggle = page.getByRole('checkbox', { name: 'Show Whispir field names' });
  await expect(toggle).not.toBeChecked();
  await expect(fieldTarget(page, 'workMobilePhone1')).toContainText('Work mobile');
  await expect(page.getByText('workMobilePhone1', { exact: true })).toHaveCount(0);
  await expect(page.getByText('firstName', { exact: true })).toHaveCount(0);

  await toggle.check();
  await expect(page.getByText('workMobilePhone1', { exact: true })).toBeVisible();
  await expect(
    fieldTarget(page, 'firstName').getByText('firstName', { exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the mapping step with the Whispir field names shown');

  // A new visit (the page reloaded, the next file) keeps the choice.
  await page.reload();
  await openMatching(page, 'opaque-headers.csv');
  await expect(page.getByRole('checkbox', { name: 'Show Whispir field names' })).toBeChecked();
  await expect(page.getByText('workMobilePhone1', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show Whispir field names' }).uncheck();
  await expect(page.getByText('workMobilePhone1', { exact: true })).toHaveCount(0);
  await page.reload();
  await openMatching(page, 'opaque-headers.csv');
  await expect(page.getByRole('checkbox', { name: 'Show Whispir field names' })).not.toBeChecked();
});

test('the required marks say what every contact needs: names and country, a time zone, one email or mobile', async ({
  page,
}) => {
  await page.goto('/');
  await openMatching(page, 'contacts.csv');
  await expect(page.getByRole('heading', { name: 'Needed for every contact' })).toBeVisible();
  for (const name of ['First name', 'Last name', 'Country', 'Time zone'])
    await expect(fieldSelect(page, `${name} (required)`)).toBeVisible();
  await expect(fieldSelect(page, 'Time zone (required)')).toHaveAccessibleDescription(
    /Without a column, the review works it out for each row/,
  );
  // Work mobile is one of the ways to reach a person, not required on its own.
  await expect(fieldSelect(page, 'Work mobile')).toBeVisible();
  await expect(fieldSelect(page, 'Work mobile (required)')).toHaveCount(0);
  await expect(
    page.getByText('Each contact needs at least one of these: an email or a mobile.'),
  ).toBeVisible();

  // With nothing to reach the contacts, that is what is asked for, once.
  for (const field of ['Work email', 'Work mobile', 'Personal email', 'Personal mobile'])
    await fieldSelect(page, field).selectOption({ label: '— not imported —' });
  await expect(
    page.getByText('4 of 5 required fields matched. Still needed: an email or mobile.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Map at least one email or mobile column');
  await expect(alert).not.toContainText('Work mobile to be mapped');
  await expectNoAxeViolations(page, 'the mapping step asking for an email or mobile');

  // An email-only list goes on without a word about Work mobile: the wizard gives Whispir the
  // empty Work mobile column its import needs.
  await fieldSelect(page, 'Work email').selectOption({ label: 'Column “Email”' });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await continueThroughReview(page);
  // Updating existing contacts would clear their mobiles: said before sending, with the way out.
  const warning = page.getByTestId('clearing-warning');
  await expect(warning).toContainText(
    'each contact this import updates would lose its Work mobile',
  );
  await page.getByRole('radio', { name: /Skip existing contacts/ }).check();
  await expect(warning).toHaveCount(0);
  await page.getByRole('radio', { name: /Update existing contacts/ }).check();
  await expect(warning).toBeVisible();
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByTestId('count-created')).toHaveText('5');
  const [received] = await sandboxImports();
  expect(received?.fieldMapping).toMatchObject({
    workEmailAddress1: 'Email',
    workMobilePhone1: 'workMobilePhone1 (set for every row)',
  });
});

test('a file without a time-zone column is told the review works one out for each row', async ({
  page,
}) => {
  await page.goto('/');
  await openMatching(page, 'no-timezone.csv');
  const timezone = fieldSelect(page, 'Time zone (required)');
  await expect(timezone.locator('option:checked')).toHaveText(
    'Worked out for each row on the review',
  );
  const note = fieldTarget(page, 'timezone').getByText(
    'Time zone has no column: the review proposes one for each row from its state, city, country or mobile number; a row it cannot place, you set there.',
  );
  await expect(note).toBeVisible();
  await expect(timezone).toHaveAccessibleDescription(/the review proposes one for each row/);
  await expect(page.getByText('5 of 5 required fields matched.')).toBeVisible();
  await expectNoAxeViolations(page, 'the mapping step with the time zone worked out per row');
});

test('a time zone or country for every row is picked from the list: free text is refused', async ({
  page,
}) => {
  await page.goto('/');
  await openMatching(page, 'no-timezone.csv');
  await fieldSelect(page, 'Time zone (required)').selectOption({
    label: 'Same value for every row…',
  });
  const zone = page.getByLabel('Value for every row');
  await zone.fill('AEST');
  await expect(
    page.getByText('“AEST” is not a time zone Whispir takes: choose one from the list.'),
  ).toBeVisible();
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByRole('alert')).toContainText('"AEST" is not a time zone Whispir takes');
  await expect(matchingHeading(page)).toBeVisible();
  await expectNoAxeViolations(page, 'the mapping step refusing a time zone');

  // The list offers the zones of the file's countries (Australia, France, Germany, New Zealand)
  // before the rest of the world's.
  const listId = await zone.getAttribute('list');
  const listed = await page
    .locator(`datalist[id="${listId}"] option`)
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  const newYork = listed.indexOf('America/New_York');
  expect(newYork).toBeGreaterThan(0);
  for (const ownZone of ['Australia/Sydney', 'Europe/Paris', 'Europe/Berlin', 'Pacific/Auckland']) {
    expect(listed.indexOf(ownZone), ownZone).toBeGreaterThanOrEqual(0);
    expect(listed.indexOf(ownZone), ownZone).toBeLessThan(newYork);
  }

  await zone.fill('Australia/Sydney');
  await expect(page.getByText(/is not a time zone Whispir takes/)).toHaveCount(0);
  await expect(zone).not.toHaveAttribute('aria-invalid', 'true');

  // A country for every row likewise.
  await fieldSelect(page, 'Country (required)').selectOption({
    label: 'Same value for every row…',
  });
  const country = fieldTarget(page, 'workCountry').getByLabel('Value for every row');
  await country.fill('Oz');
  await expect(
    page.getByText('“Oz” is not a country Whispir recognises: choose one from the list.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByRole('alert')).toContainText('"Oz" is not a country Whispir recognises');
  await country.fill('Australia');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
});

test('a remembered mapping that fits every column is applied with a notice, and Undo restores the automatic one', async ({
  page,
}) => {
  await page.goto('/');
  await openMatching(page, 'opaque-headers.csv');
  for (const [column, field] of [
    ['Field A', 'First name (required)'],
    ['Field B', 'Last name (required)'],
    ['Field C', 'Work email'],
    ['Field D', 'Work mobile'],
    ['Field E', 'Country (required)'],
  ] as const) {
    await fieldSelect(page, field).selectOption({ label: `Column “${column}”` });
  }
  await page.getByText('Save, export or import mappings').click();
  await page.getByLabel('Name for this mapping').fill('Opaque staff');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Saved the mapping as “Opaque staff”.')).toBeVisible();

  // Next time, the same columns: the mapping is applied on arrival and said so.
  await page.reload();
  await openMatching(page, 'opaque-headers.csv');
  const notice = page.getByText(/^Applied your mapping “Opaque staff” of .+ —/);
  await expect(notice).toBeVisible();
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('column:Field A');
  await expect(fieldSelect(page, 'Country (required)')).toHaveValue('column:Field E');
  await expect(fieldSelect(page, 'Work mobile')).toHaveValue('column:Field D');
  // It is not offered a second time while it stands.
  await expect(page.getByRole('button', { name: /Use the mapping “Opaque staff”/ })).toHaveCount(0);
  await expectNoAxeViolations(page, 'the mapping step with a remembered mapping applied');

  await page.getByRole('button', { name: 'Undo' }).click();
  const undone = page.getByText('Undone: your columns are matched automatically again.');
  await expect(undone).toBeFocused();
  // The automatic mapping only proposes content-based matches for these opaque headers.
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('');
  await expect(fieldSelect(page, 'Work mobile')).toHaveValue('');
  const offer = page.getByRole('button', {
    name: /Use the mapping “Opaque staff” from .*: 5 of 5 columns match/,
  });
  await expect(offer).toBeVisible();
  await expectNoAxeViolations(page, 'the mapping step after Undo');
  await offer.click();
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('column:Field A');

  // A file with only some of those columns gets an offer, nothing applied.
  await page.reload();
  await page.locator('input[type=file]').setInputFiles({
    name: 'fewer-columns.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Field A,Field B,Field C,Notes\nZoë,Nguyen,zoe@example.com,VIP\n'),
  });
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await expect(matchingHeading(page)).toBeVisible();
  await expect(
    page.getByRole('button', {
      name: /Use the mapping “Opaque staff” from .*: 3 of 4 columns match/,
    }),
  ).toBeVisible();
  await expect(page.getByText(/^Applied your mapping/)).toHaveCount(0);
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('');
});
