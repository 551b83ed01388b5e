import {
  columnCard,
  dragTo,
  dropFile,
  expect,
  fieldTarget,
  sandboxApi,
  test,
  fieldSelect,
  keyboardDropOn,
  continueThroughReview,
} from './support';

test('a person imports a CSV into a chosen workspace by dragging columns onto fields', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('Connected to: Local sandbox')).toBeVisible();

  await dropFile(page, 'contacts.csv');
  await expect(page.getByRole('heading', { name: 'Check your rows' })).toBeVisible();
  await expect(page.getByText('5 rows and 7 columns')).toBeVisible();
  const preview = page.getByRole('table');
  await expect(preview.getByRole('cell', { name: 'Zoë' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'François' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue to matching' }).click();

  await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeVisible();
  // Headers equal to Whispir field names are matched without help.
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('column:firstName');
  await expect(fieldSelect(page, 'Country (required)')).toHaveValue('column:workCountry');
  // The rest by real pointer drags.
  await dragTo(page, columnCard(page, 'Email'), fieldTarget(page, 'workEmailAddress1'));
  await expect(fieldSelect(page, 'Work email')).toHaveValue('column:Email');
  await dragTo(page, columnCard(page, 'Mobile'), fieldTarget(page, 'personalMobilePhone1'));
  await expect(fieldSelect(page, 'Personal mobile')).toHaveValue('column:Mobile');
  // Whispir insists on the work mobile key: this list keeps it empty.
  await fieldSelect(page, 'Work mobile').selectOption({
    label: 'Leave empty (email-only list)',
  });
  await page.getByText('More fields').click();
  await dragTo(page, columnCard(page, 'Department'), fieldTarget(page, 'department'));
  await expect(fieldSelect(page, 'Department')).toHaveValue('column:Department');
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await continueThroughReview(page);

  await expect(page.getByRole('heading', { name: 'Choose how to import' })).toBeVisible();
  await page.getByRole('radio', { name: /Always add new contacts/ }).check();
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Sales Team' });
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();

  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible();
  await expect(page.getByTestId('count-created')).toHaveText('5');
  await expect(page.getByTestId('count-failed')).toHaveText('0');

  // The sandbox, asked directly, holds the contacts in that workspace and nowhere else.
  const workspaces = await sandboxApi.workspaces();
  const sales = workspaces.find((workspace) => workspace.projectName === 'Sales Team');
  expect(sales).toBeDefined();
  const contacts = await sandboxApi.contacts(sales!.id);
  expect(contacts).toHaveLength(5);
  const zoe = contacts.find((contact) => contact.firstName === 'Zoë');
  expect(zoe).toMatchObject({
    lastName: 'Müller',
    workEmailAddress1: 'zoe.muller@example.com',
    personalMobilePhone1: '61412345003',
    workCountry: 'Australia',
    timezone: 'Australia/Melbourne',
    department: 'Marketing',
  });
  expect(zoe?.workMobilePhone1 ?? '').toBe('');
  for (const other of workspaces.filter((workspace) => workspace.id !== sales!.id)) {
    const elsewhere = await sandboxApi.contacts(
      other.projectName === 'My Company' ? undefined : other.id,
    );
    expect(elsewhere, `contacts in ${other.projectName}`).toEqual([]);
  }
});

test('the mapping step explains what Whispir requires before going on', async ({ page }) => {
  await page.goto('/');
  await dropFile(page, 'contacts.csv');
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  // Suppose the file's email and mobile were not recognised, and the time zone not wanted.
  for (const field of ['Time zone (required)', 'Work mobile', 'Work email']) {
    await fieldSelect(page, field).selectOption({ label: '— not imported —' });
  }
  await page.getByRole('button', { name: 'Continue to review' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Whispir requires Time zone');
  // Work mobile is one way to reach a contact, not asked for on its own.
  await expect(alert).not.toContainText('Whispir requires Work mobile');
  await expect(alert).toContainText('Map at least one email or mobile column');
  await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeVisible();

  // One value for every row satisfies the rule, and reaches the contacts.
  await fieldSelect(page, 'Time zone (required)').selectOption({
    label: 'Same value for every row…',
  });
  await page.getByLabel('Value for every row').fill('Australia/Sydney');
  await fieldSelect(page, 'Work mobile').selectOption({ label: 'Column “Mobile”' });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await continueThroughReview(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByTestId('count-created')).toHaveText('5');
  const contacts = await sandboxApi.contacts();
  expect(contacts.map((contact) => contact.timezone)).toEqual(Array(5).fill('Australia/Sydney'));
  expect(contacts.map((contact) => contact.workMobilePhone1).sort()).toEqual([
    '61412345001',
    '61412345002',
    '61412345003',
    '61412345005',
    '6421123004',
  ]);
});

test('a column can be dragged onto a field with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await dropFile(page, 'contacts.csv');
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  const mobile = columnCard(page, 'Mobile');
  await mobile.focus();
  await keyboardDropOn(page, 'Work mobile');
  await expect(fieldSelect(page, 'Work mobile')).toHaveValue('column:Mobile');
  await expect(page.locator('#mapping-announcer')).toContainText(
    'Dropped column Mobile on Work mobile',
  );
});
