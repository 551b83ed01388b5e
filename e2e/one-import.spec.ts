import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import {
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
  writeContactsCsv,
  CONTACT_HEADER,
} from './support';

/** Issue 13 "Trust": one import at a time per browser, every way of finishing ends on the result, safe files. */

test.afterEach(resetSandboxConfig);

/** From the preview to the import settings, in "Always add new contacts" mode. */
async function toSettings(page: Page): Promise<void> {
  await previewToSettings(page);
  await page.getByRole('radio', { name: /Always add new contacts/ }).check();
}

/** The page has settled (React's development mode mounts twice): a dropped file is read. */
const settled = (page: Page) => expect(page.getByText('✓ connection works')).toBeVisible();

async function contactsReadyToImport(page: Page): Promise<void> {
  await page.goto('/');
  await settled(page);
  await dropFile(page, 'contacts.csv');
  await toSettings(page);
}

/** Holds the page's uploads (POST …/resources) until the returned function is called. */
async function holdUploads(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.endsWith('/resources'),
    async (route) => {
      if (route.request().method() === 'POST') await released;
      await route.continue().catch(() => undefined);
    },
  );
  return release;
}

const contactCount = async () => (await sandboxApi.contacts()).length;

test('two tabs, one import: the second tab says why it waits and sends only after the first', async ({
  page,
  context,
}) => {
  await contactsReadyToImport(page);
  // The first tab's upload is held until the test lets it go: it is sending meanwhile.
  const letGo = await holdUploads(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByTestId('part-1')).toContainText('Uploading the file');

  const second = await context.newPage();
  await second.goto('/');
  const waiting = second.getByRole('region', { name: 'An import is running in another tab' });
  await expect(waiting).toContainText('“contacts.csv” to My Company (default)');
  await expect(waiting).toContainText('takes over by itself');
  await expect(second.getByRole('button', { name: 'Resume sending' })).toHaveCount(0);

  // A new import in the second tab waits too.
  await settled(second);
  await expectNoAxeViolations(second, 'a tab waiting for another one');
  await dropFile(second, 'contacts.csv');
  await toSettings(second);
  const importThere = second.getByRole('button', { name: 'Import 5 contacts' });
  await expect(importThere).toBeDisabled();
  await expect(second.getByRole('main')).toContainText('An import is running in another tab.');

  letGo();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible({
    timeout: 30_000,
  });
  await expect.poll(contactCount, { timeout: 10_000 }).toBe(5);
  expect(await sandboxImports()).toHaveLength(1);

  // The first tab has finished: the second can send, without a reload.
  await expect(importThere).toBeEnabled();
  await expect(second.getByRole('main')).not.toContainText('An import is running in another tab');
  await importThere.click();
  await expect(second.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible({
    timeout: 30_000,
  });
  // Two imports the user asked for, one after the other: 5 + 5 contacts, never more.
  await expect.poll(contactCount, { timeout: 10_000 }).toBe(10);
  expect(await sandboxImports()).toHaveLength(2);
});

test('a second tab resumes an interrupted import only once its owner is gone, and sends it once', async ({
  page,
  context,
}) => {
  await contactsReadyToImport(page);
  await holdUploads(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  await expect(page.getByTestId('part-1')).toContainText('Uploading the file');

  const second = await context.newPage();
  await second.goto('/');
  await expect(
    second.getByRole('region', { name: 'An import is running in another tab' }),
  ).toBeVisible();
  await expect(second.getByRole('button', { name: 'Resume sending' })).toHaveCount(0);

  // The first tab is closed mid-send: the second one takes the import over by itself.
  await page.close();
  const banner = second.getByRole('region', { name: 'An import was interrupted' });
  await expect(banner).toContainText('0 of 1 part accepted', { timeout: 15_000 });
  await banner.getByRole('button', { name: 'Resume sending' }).click();
  await expect(second.getByRole('heading', { name: 'Import finished' })).toBeVisible({
    timeout: 30_000,
  });
  await expect.poll(contactCount, { timeout: 10_000 }).toBe(5);
  expect(await sandboxImports()).toHaveLength(1);
});

test('marking the last unknown part as arrived shows the result, and a reload shows it once more', async ({
  page,
}) => {
  await contactsReadyToImport(page);
  await loseTheFirstImportAnswer(page);
  await page.getByRole('button', { name: 'Import 5 contacts' }).click();
  const part = page.getByTestId('part-1');
  await expect(part).toContainText('Not known — needs your decision', { timeout: 30_000 });
  // The user checks Whispir: the contacts are there.
  await expect.poll(contactCount, { timeout: 10_000 }).toBe(5);

  await page.getByRole('button', { name: 'Part 1 did arrive' }).click();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible();
  await expect(page.getByText('5 of 5 rows from “contacts.csv” were sent')).toBeVisible();
  await expect(page.getByTestId('row-accounting')).toBeVisible();

  // A reload shows the finished import once; after Done it is gone.
  await page.reload();
  const finished = page.getByRole('region', { name: 'Import finished' });
  await expect(finished).toContainText('all 5 rows were sent');
  await finished.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('The import of “contacts.csv” is complete.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Choose your contact file' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toHaveCount(0);
  expect(await contactCount()).toBe(5);
  expect(await sandboxImports()).toHaveLength(1);
});

test('"Download the rows sent" of a file that came with semicolons is written with semicolons', async ({
  page,
}) => {
  const rows = 4;
  const file = writeContactsCsv(
    'semicolons-sent.csv',
    rows,
    (i) =>
      `Zoë${i};"Müller; GmbH ${i}";person.${i}@example.com;614${String(i).padStart(8, '0')};Australia;+10`,
    CONTACT_HEADER.replaceAll(',', ';'),
  );
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText(`${rows} rows and 6 columns`)).toBeVisible();
  await toSettings(page);
  await page.getByRole('button', { name: `Import ${rows} contacts` }).click();
  await expect(page.getByRole('heading', { name: 'Import sent to Whispir' })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the rows sent (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('semicolons-sent-sent.csv');
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  // One line per row and a header; Excel set for semicolons opens it in columns.
  const [header = '', first = ''] = text.slice(1).split('\r\n');
  expect(header.split(';')).toContain('firstName');
  const cells = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
  expect(cells).toHaveLength(1 + rows);
  expect(cells[1]?.[cells[0]?.indexOf('lastName') ?? -1]).toBe('Müller; GmbH 0');
  expect(first).toContain('"Müller; GmbH 0"');
});

test('"Download the rows not sent" is a spreadsheet-safe CSV with no live formula', async ({
  page,
}) => {
  const quote = (cell: string) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const rows = 6;
  const file = writeContactsCsv('formulas-not-sent.csv', rows, (i) =>
    [
      `=HYPERLINK("http://evil.example/${i}","click")`,
      "=cmd|' /C calc'!A0",
      `person.${i}@example.com`,
      `614${String(i).padStart(8, '0')}`,
      'Australia',
      '+10',
    ]
      .map(quote)
      .join(','),
  );
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText(`${rows} rows and 6 columns`)).toBeVisible();
  await toSettings(page);
  await configureSandbox({ faults: 'latency:4000:resources' });
  await page.getByRole('button', { name: `Import ${rows} contacts` }).click();
  await expect(page.getByTestId('part-1')).toContainText('Uploading the file');
  // The upload may start while the file is still being stored; a reload then would leave
  // nothing to resume (ADR 011). Once it is stored, the job is in the journal.
  await expect(page.getByText('Preparing the files to send…')).toHaveCount(0);
  await page.reload();
  await configureSandbox({ faults: '' });

  const banner = page.getByRole('region', { name: 'An import was interrupted' });
  const downloading = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download the rows not sent' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('formulas-not-sent-not-sent.csv');
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const cells = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  expect(cells).toHaveLength(1 + rows);
  const live = cells.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
  expect(live).toEqual([]);
  const [header = [], first = []] = cells;
  expect(first[header.indexOf('firstName')]).toBe('\'=HYPERLINK("http://evil.example/0","click")');
  expect(first[header.indexOf('lastName')]).toBe("'=cmd|' /C calc'!A0");
  expect(first[header.indexOf('timezone')]).toBe("'+10");
  // Nothing was sent meanwhile.
  expect(await sandboxImports()).toHaveLength(0);
});
