/**
 * The sending step proves what arrived from Whispir itself (a search of the workspace), resolves
 * a lost answer by the same search, says before sending what already exists, and never hides a
 * button: no sideways overflow on any step or failure state, wide or narrow.
 */
import type { Page } from '@playwright/test';
import {
  SANDBOX_URL,
  configureSandbox,
  dropFile,
  expect,
  expectNoAxeViolations,
  loseTheFirstImportAnswer,
  previewToSettings,
  resetSandboxConfig,
  sandboxApi,
  sandboxImports,
  test,
} from './support';

test.afterEach(resetSandboxConfig);

/** Nothing sticks out sideways: the page never scrolls horizontally. */
async function expectNoSidewaysOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `sideways overflow on ${where}`).toBeLessThanOrEqual(clientWidth);
}

async function toSettings(page: Page): Promise<void> {
  await page.goto('/');
  await dropFile(page, 'contacts.csv');
  await previewToSettings(page);
}

const createContact = async (fields: Record<string, string>) => {
  const response = await fetch(`${SANDBOX_URL}/contacts`, {
    method: 'POST',
    headers: {
      'x-api-key': 'sandbox-key',
      authorization: `Basic ${Buffer.from('sandbox:sandbox').toString('base64')}`,
      'content-type': 'application/vnd.whispir.contact-v1+json',
      accept: 'application/vnd.whispir.contact-v1+json',
    },
    body: JSON.stringify({ workCountry: 'Australia', timezone: 'Australia/Sydney', ...fields }),
  });
  expect(response.status).toBe(201);
};

test('the result shows, per part, the sample of contacts found in the workspace', async ({
  page,
}) => {
  await toSettings(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByRole('heading', { name: /^Sending to / })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId('verified-total')).toContainText(
    'Found 5 of 5 sampled contacts in My Company (default).',
  );
  const part = page.getByTestId('result-part-1');
  await expect(part).toContainText('Found 5 of 5 sampled contacts');
  await part.getByText('The contacts found').click();
  await expect(part).toContainText('Olivia Nguyen');
  // The searches are in the inspector, each saying why it was made.
  await page.getByRole('link', { name: /^Show the API calls/ }).click();
  const inspector = page.getByRole('complementary', { name: 'API inspector' });
  await expect(inspector.getByText(/Check that part 1 arrived/).first()).toBeVisible();
  // The import says which call made the resource it reads.
  await expect(
    inspector.getByText(/^Create the import from resource .+\(call \d+\)$/),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the result with the proof of each part');
});

test('before sending, the settings say how many rows are already in the workspace', async ({
  page,
}) => {
  await createContact({
    firstName: 'Olivia',
    lastName: 'Nguyen',
    workEmailAddress1: 'olivia.nguyen@example.com',
    workMobilePhone1: '61412345001',
  });
  await createContact({
    firstName: 'Liam',
    lastName: 'Nguyen', // a namesake by the surname only: not the same contact
    workEmailAddress1: 'liam@example.com',
    workMobilePhone1: '61499999999',
  });
  await toSettings(page);
  await expect(page.getByTestId('existing-check')).toContainText(
    '1 of 5 sampled rows match contacts already in My Company (default): “Update existing contacts” updates them, “Skip existing contacts” leaves them as they are, “Always add new contacts” adds a second copy.',
    { timeout: 20_000 },
  );
  // Another workspace: checked again there.
  await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Sales Team' });
  await expect(page.getByTestId('existing-check')).toContainText(
    '0 of 5 sampled rows match contacts already in Sales Team',
    { timeout: 20_000 },
  );
});

test('a lost answer: the search shows its contacts, sending again is asked twice, nothing is resent', async ({
  page,
}) => {
  await toSettings(page);
  await page.getByRole('radio', { name: /Always add new contacts/ }).check();
  await loseTheFirstImportAnswer(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  const part = page.getByTestId('part-1');
  await expect(part).toContainText('Not known — needs your decision', { timeout: 30_000 });
  // Found contacts are no proof: an earlier import of the same file leaves the same ones.
  await expect(part).toContainText('Contacts with its details are in the workspace', {
    timeout: 30_000,
  });
  await expect(part).toContainText('they may have been there before this import');
  const arrived = page.getByRole('button', { name: 'Part 1 did arrive' });
  await expect(arrived).not.toHaveClass(/primary/);
  await page.getByRole('button', { name: 'Send part 1 again' }).click();
  await expect(page.getByRole('group', { name: /may still be importing part 1/ })).toBeVisible();
  await page.getByRole('button', { name: 'Don’t send it' }).click();
  await expectNoSidewaysOverflow(page, 'a part whose answer was lost');
  await arrived.click();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible();
  // Duplicate mode: a resend would have made ten.
  expect(await sandboxApi.contacts()).toHaveLength(5);
  expect(await sandboxImports()).toHaveLength(1);
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}×${viewport.height}, no step and no failure pushes a button off-screen`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expectNoSidewaysOverflow(page, 'the first step');
    await dropFile(page, 'contacts.csv');
    await expectNoSidewaysOverflow(page, 'the preview');
    await page.getByRole('button', { name: 'Continue to matching' }).click();
    await expectNoSidewaysOverflow(page, 'the matching step');
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await expect(page.getByTestId('row-accounting')).toBeVisible();
    await expectNoSidewaysOverflow(page, 'the review');
    await page.getByRole('button', { name: 'Continue to import settings' }).click();
    await expect(page.getByTestId('existing-check')).toContainText('sampled rows match', {
      timeout: 20_000,
    });
    await expectNoSidewaysOverflow(page, 'the settings');

    // Whispir answers 503 to the import: the part needs a decision, and its message is long.
    await configureSandbox({ faults: 'status:503:imports' });
    await page.getByRole('button', { name: /^Import \d+ contacts?$/ }).click();
    const part = page.getByTestId('part-1');
    await expect(part).toContainText('Not known — needs your decision', { timeout: 30_000 });
    await expectNoSidewaysOverflow(page, 'the sending step after a 503');
    const again = page.getByRole('button', { name: 'Send part 1 again' });
    await expect(again).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Part 1 did arrive' })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Download the rows not sent' })).toBeInViewport();

    await configureSandbox({ faults: '' });
    await again.click();
    const anyway = page.getByRole('button', { name: 'Send part 1 again anyway' });
    await expect(anyway).toBeInViewport();
    await expectNoSidewaysOverflow(page, 'the question before sending again');
    await anyway.click();
    await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible({
      timeout: 30_000,
    });
    await expectNoSidewaysOverflow(page, 'the result');
    await expect(page.getByRole('button', { name: 'Import another file' })).toBeInViewport();
  });
}

test('when the journal cannot be written, sending stops before anything could be sent twice', async ({
  page,
}) => {
  // The journal's first record of the job is written; every later one fails, as on a full disk.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    let jobWrites = 0;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if (this.name === 'jobs' && ++jobWrites > 1)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await toSettings(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByRole('alert')).toContainText(
    "This browser could not record the import's progress",
    { timeout: 20_000 },
  );
  // Stopped before the import: nothing reached the workspace.
  expect(await sandboxImports()).toHaveLength(0);
  expect(await sandboxApi.contacts()).toHaveLength(0);
});
