/**
 * Start from where the data is: cells copied from a spreadsheet are pasted on the first step and
 * read like a dropped file; a template with Whispir's common columns can be downloaded there.
 */
import { readFileSync } from 'node:fs';
import { expect, sandboxApi, test } from './support';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

// What Excel and Google Sheets put on the clipboard: tab-separated, header row first.
const COPIED = [
  ['First name', 'Last name', 'Email', 'Mobile', 'Country', 'Time zone'],
  ['Ruby', 'Chen', 'ruby.chen@example.com', '0412 555 001', 'Australia', 'Australia/Perth'],
  [
    'Omar',
    'Haddad',
    'omar.haddad@example.com',
    '+64 21 555 002',
    'New Zealand',
    'Pacific/Auckland',
  ],
]
  .map((row) => row.join('\t'))
  .join('\r\n');

test('pasted cells are imported like a dropped file', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((text) => navigator.clipboard.writeText(text), COPIED);
  await page.getByLabel(/Or paste cells copied from Excel/).focus();
  await page.keyboard.press('ControlOrMeta+V');

  await expect(page.getByRole('heading', { name: 'Check your rows' })).toBeVisible();
  await expect(page.getByText('2 rows and 6 columns')).toBeVisible();
  await expect(
    page.getByRole('table').getByRole('cell', { name: 'Haddad', exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByTestId('row-accounting')).toBeVisible();
  await page
    .getByRole('button', { name: /^Apply all \d+ suggested fixes$|^Apply to all/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await page.getByRole('button', { name: /^Import 2 contacts/ }).click();
  await expect(page.getByTestId('count-created')).toHaveText('2');
  const contacts = await sandboxApi.contacts();
  expect(contacts.map((c) => [c.lastName, c.workMobilePhone1, c.timezone]).sort()).toEqual([
    ['Chen', '61412555001', 'Australia/Perth'],
    ['Haddad', '6421555002', 'Pacific/Auckland'],
  ]);
});

test('one copied cell is not a list, and says so', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.clipboard.writeText('Ruby'));
  await page.getByLabel(/Or paste cells copied from Excel/).focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByRole('alert')).toContainText('with the header row first');
  await expect(page.getByRole('heading', { name: 'Choose your contact file' })).toBeVisible();
});

test('the template downloads with the columns the matching step recognises', async ({ page }) => {
  await page.goto('/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a template' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('whispir-contacts-template.csv');
  const text = readFileSync((await file.path()) ?? '', 'utf8');
  expect(text.replace('\uFEFF', '').trim()).toBe(
    'First name,Last name,Work email,Work mobile,Country,Work state,Time zone,Department,Job title',
  );
});
