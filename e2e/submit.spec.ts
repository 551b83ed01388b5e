import { downloadReport } from './review-support';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import {
  SANDBOX_URL,
  configureSandbox,
  continueThroughReview,
  previewToSettings,
  resetSandboxConfig,
  dropFile,
  expect,
  loseTheFirstImportAnswer,
  sandboxApi,
  sandboxImports,
  test,
  writeContactsCsv,
} from './support';

test.afterEach(resetSandboxConfig);

/** contacts.csv dropped and carried to the settings step, in "Always add new contacts" mode. */
async function contactsReadyToImport(page: Page): Promise<void> {
  await page.goto('/');
  await dropFile(page, 'contacts.csv');
  await previewToSettings(page);
  await page.getByRole('radio', { name: /Always add new contacts/ }).check();
}

const inspector = (page: Page) => page.getByRole('complementary', { name: 'API inspector' });

test('a file larger than one request is sent in parts and imports completely', async ({ page }) => {
  test.setTimeout(180_000);
  const big = writeContactsCsv(
    'big-3-parts.csv',
    200_000,
    (i) =>
      `Firstname${i},Lastname${i},firstname.lastname.${i}@a-rather-long-company-domain.example.com,614${String(i).padStart(8, '0')},Australia,Australia/Sydney`,
  );
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(big);
  await expect(page.getByText('200,000 rows and 6 columns')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await continueThroughReview(page);
  const plan = page.getByText(/200,000 contacts will be sent in \d+ parts/);
  await expect(plan).toBeVisible({ timeout: 60_000 });
  const parts = Number(/in (\d+) parts/.exec((await plan.textContent()) ?? '')?.[1]);
  expect(parts).toBeGreaterThanOrEqual(3);
  await page.getByRole('radio', { name: /Always add new contacts/ }).check();
  await page.getByRole('button', { name: 'Import 200,000 contacts' }).click();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible({
    timeout: 150_000,
  });
  await expect(page.getByTestId('count-created')).toHaveText('200,000');
  const imports = await sandboxImports();
  expect(imports).toHaveLength(parts);
  expect(imports.reduce((sum, received) => sum + received.rows.total, 0)).toBe(200_000);
  expect(imports.every((received) => received.rows.failed === 0)).toBe(true);
});

/**
 * Uses up the sandbox's per-second quota for the API key for `ms`, with requests of our own, so
 * that every request the wizard sends meanwhile is over the limit, whatever the clock says.
 */
async function keepQuotaUsedUp(ms: number): Promise<void> {
  const headers = {
    'x-api-key': 'sandbox-key',
    authorization: `Basic ${Buffer.from('sandbox:sandbox').toString('base64')}`,
    accept: 'application/vnd.whispir.workspace-v1+json',
  };
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await fetch(`${SANDBOX_URL}/workspaces`, { headers }).then((response) =>
      response.arrayBuffer(),
    );
    // A new second's one request is taken within a few milliseconds of the second starting.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('over the rate limit, requests are retried and every contact arrives once', async ({
  page,
}) => {
  await contactsReadyToImport(page);
  await configureSandbox({ qps: 1 });
  const busy = keepQuotaUsedUp(2_500);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await busy;
  await expect(page.getByTestId('count-created')).toHaveText('5', { timeout: 30_000 });
  // The sandbox said "over the limit", and the wizard waited and tried again. (Which of its
  // requests met the limit depends on where the sandbox's seconds fall, not only the upload.)
  await inspector(page).getByText('API inspector').click();
  await expect(
    inspector(page)
      .getByText(/(POST|GET) \/\S+ → 403/)
      .first(),
  ).toBeVisible();
  // Lift the limit so the checks below are not themselves refused.
  await configureSandbox({ qps: 0 });
  expect(await sandboxApi.contacts()).toHaveLength(5);
  expect(await sandboxImports()).toHaveLength(1);
});

test('a 503 on the upload is retried; a dropped import is never resent without asking', async ({
  page,
}) => {
  await contactsReadyToImport(page);
  await configureSandbox({ faults: 'status:503:resources' });
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await inspector(page).getByText('API inspector').click();
  await expect(inspector(page).getByText('POST /resources → 503').first()).toBeVisible();
  // Whispir recovers for uploads, but the import's connection drops.
  await configureSandbox({ faults: 'drop:imports' });
  const part = page.getByTestId('part-1');
  await expect(part).toContainText('Not known — needs your decision', { timeout: 30_000 });
  await expect(part).toContainText("we can't tell whether it ran");
  expect(await sandboxImports()).toHaveLength(0);
  expect(await sandboxApi.contacts()).toHaveLength(0);

  await configureSandbox({ faults: '' });
  // It may still be importing in Whispir: sending again is asked once more.
  await page.getByRole('button', { name: 'Send part 1 again' }).click();
  const confirm = page.getByRole('button', { name: 'Send part 1 again anyway' });
  await expect(confirm).toBeFocused();
  await page.getByRole('button', { name: 'Don’t send it' }).click();
  await expect(page.getByRole('button', { name: 'Send part 1 again' })).toBeFocused();
  expect(await sandboxImports()).toHaveLength(0);
  await page.getByRole('button', { name: 'Send part 1 again' }).click();
  await confirm.click();
  await expect(page.getByTestId('count-created')).toHaveText('5');
  expect(await sandboxApi.contacts()).toHaveLength(5);
  expect(await sandboxImports()).toHaveLength(1);
});

test('a reload in the middle of sending offers to resume, and resuming completes the import', async ({
  page,
}) => {
  await contactsReadyToImport(page);
  await configureSandbox({ faults: 'latency:4000:resources' });
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByTestId('part-1')).toContainText('Uploading the file');
  // The upload may start while the file is still being stored; a reload then would leave
  // nothing to resume (ADR 011). Once it is stored, the job is in the journal.
  await expect(page.getByText('Preparing the files to send…')).toHaveCount(0);
  await page.reload();
  await configureSandbox({ faults: '' });

  const banner = page.getByRole('region', { name: 'An import was interrupted' });
  await expect(banner).toContainText('“contacts.csv” to My Company (default)');
  await expect(banner).toContainText('0 of 1 part accepted');
  await banner.getByRole('button', { name: 'Resume sending' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({
    timeout: 30_000,
  });
  await expect.poll(async () => (await sandboxApi.contacts()).length, { timeout: 10_000 }).toBe(5);
  await page.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Choose your contact file' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'An import was interrupted' })).toHaveCount(0);
});

test('after a reload, the rows no part holds are still counted, and their report downloads', async ({
  page,
}) => {
  await page.goto('/');
  await dropFile(page, 'review-mix.csv');
  await previewToSettings(page);
  await configureSandbox({ faults: 'latency:4000:resources' });
  await page.getByRole('button', { name: 'Import 2 contacts' }).click();
  await expect(page.getByTestId('part-1')).toContainText('Uploading the file');
  // Once the files are stored (ADR 011), the job is in the journal: a reload can resume it.
  await expect(page.getByText('Preparing the files to send…')).toHaveCount(0);
  await page.reload();
  await configureSandbox({ faults: '' });

  const banner = page.getByRole('region', { name: 'An import was interrupted' });
  await expect(banner).toContainText(
    'Of the file’s 8 rows, 0 skipped and 6 rejected were not part of the import.',
  );
  const report = await downloadReport(page);
  expect(report.name).toBe('review-mix-rejected-rows.csv');
  expect(report.rows.map((row) => [row.row, row.status])).toEqual([
    ['3', 'rejected'],
    ['4', 'rejected'],
    ['5', 'rejected'],
    ['7', 'rejected'],
    ['8', 'rejected'],
    ['9', 'rejected'],
  ]);
  expect(report.rows[0]?.problems).toContain('is there an unquoted comma?');
  await banner.getByRole('button', { name: 'Resume sending' }).click();
  const finished = page.getByRole('region', { name: 'Import finished' });
  await expect(finished).toContainText('all 2 rows were sent', { timeout: 30_000 });
  await expect(finished).toContainText('6 rejected were not part of the import');
});

test('after a reload, a part that may have run is the person’s decision: nothing to resume', async ({
  page,
}) => {
  await contactsReadyToImport(page);
  await loseTheFirstImportAnswer(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByTestId('part-1')).toContainText('Not known — needs your decision', {
    timeout: 30_000,
  });
  await page.reload();
  const banner = page.getByRole('region', { name: 'An import was interrupted' });
  await expect(banner).toContainText('0 of 1 part accepted');
  await expect(banner.getByRole('button', { name: 'Part 1 did arrive' })).toBeVisible();
  // "Resume sending" would send nothing: it is not offered.
  await expect(banner.getByRole('button', { name: 'Resume sending' })).toHaveCount(0);
  await banner.getByRole('button', { name: 'Send part 1 again' }).click();
  await expect(banner.getByRole('button', { name: 'Send part 1 again anyway' })).toBeFocused();
  expect(await sandboxImports()).toHaveLength(1);
});

test('no secret reaches the page, its storage or the inspector, and the inspector curl works', async ({
  page,
}) => {
  await page.goto('/');
  await dropFile(page, 'contacts.csv');
  await previewToSettings(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByTestId('count-created')).toHaveText('5');
  // From the header, as a presenter would: the inspector opens and takes the focus.
  await page.getByRole('link', { name: /^Show the API calls \(\d+\)$/ }).click();
  await expect(inspector(page).locator('summary').first()).toBeFocused();
  await expect(inspector(page).getByText('Every call goes through this app')).toBeInViewport();
  const upload = inspector(page).locator('details.exchange', { hasText: 'POST /resources → 201' });
  await upload.locator('summary').click();
  await expect(upload).toContainText('x-api-key: ‹redacted›');
  await upload.getByRole('button', { name: 'Show the decoded file' }).click();
  await expect(upload.getByLabel('Decoded file')).toContainText('olivia.nguyen@example.com');

  const secrets = ['sandbox-key', Buffer.from('sandbox:sandbox').toString('base64')];
  const html = await page.content();
  const storage = await page.evaluate(async () => {
    const dump: string[] = [
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
    ];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        dump.push(JSON.stringify(values));
      }
      db.close();
    }
    return dump.join('\n');
  });
  for (const secret of secrets) {
    expect(html.includes(secret), `${secret} in the page`).toBe(false);
    expect(storage.includes(secret), `${secret} in browser storage`).toBe(false);
  }

  // The curl holds placeholders; with the secrets filled in from the environment it works.
  const curl = (await upload.getByTestId('curl').textContent()) ?? '';
  expect(curl).toContain('$WHISPIR_API_KEY');
  for (const secret of secrets) expect(curl.includes(secret)).toBe(false);
  const output = execFileSync('bash', ['-c', curl], {
    env: {
      ...process.env,
      WHISPIR_API_KEY: 'sandbox-key',
      WHISPIR_USERNAME: 'sandbox',
      WHISPIR_PASSWORD: 'sandbox',
    },
    encoding: 'utf8',
  });
  expect(output).toMatch(/^HTTP\/1\.1 201/m);
});

test('a double click on Import imports once', async ({ page }) => {
  await contactsReadyToImport(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).dblclick();
  await expect(page.getByTestId('count-created')).toHaveText('5');
  // "Always add new contacts": a second import would have made ten.
  await expect.poll(async () => (await sandboxApi.contacts()).length).toBe(5);
  expect(await sandboxImports()).toHaveLength(1);
});

test('while an import is under way, neither Back nor the stepper leaves the step', async ({
  page,
}) => {
  // The sandbox takes two seconds per import, so the wizard waits on this step.
  await configureSandbox({ importDelayMs: 2_000 });
  await contactsReadyToImport(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  const sending = page.getByRole('heading', { name: /^Sending to / });
  await expect(page.getByTestId('part-1')).toContainText('Accepted by Whispir');
  await page.goBack();
  await expect(sending).toBeVisible();
  const stepper = page.getByRole('navigation', { name: 'Import steps' });
  await expect(stepper.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Back' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible();
  await expect(page.getByTestId('count-created')).toHaveText('5');
  expect(await sandboxImports()).toHaveLength(1);
  // The step the browser went back to is still the one after it, once the import is done.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible();
});

test('Cancel sending stops the import; Resume sending, focused, completes it once', async ({
  page,
}) => {
  await contactsReadyToImport(page);
  await configureSandbox({ qps: 1 });
  // Every request is over the limit for a while, so the wizard is still waiting to retry.
  const busy = keepQuotaUsedUp(3_000);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await page.getByRole('button', { name: 'Cancel sending' }).click();
  const resume = page.getByRole('button', { name: 'Resume sending' });
  await expect(resume).toBeFocused();
  await busy;
  await configureSandbox({ qps: 0 });
  expect(await sandboxImports()).toHaveLength(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-created')).toHaveText('5', { timeout: 30_000 });
  expect(await sandboxImports()).toHaveLength(1);
});

test('building the parts can be stopped, and nothing can be sent until they are built again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Large enough that building its parts takes about a second: time to press Stop.
  const big = writeContactsCsv(
    'stop-preparing-500k.csv',
    500_000,
    (i) =>
      `Firstname${i},Lastname${i},firstname.lastname.${i}@a-rather-long-company-domain.example.com,614${String(i).padStart(8, '0')},Australia,Australia/Sydney`,
  );
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(big);
  await expect(page.getByText('500,000 rows and 6 columns')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByTestId('row-accounting')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await page.getByRole('button', { name: 'Stop preparing' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    /Preparing stopped after [\d,]+( of 500,000)? rows\. Nothing has been sent/,
  );
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Prepare the upload again' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/500,000 contacts will be sent in \d+ parts/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('button', { name: 'Import 500,000 contacts' })).toBeEnabled();
});
