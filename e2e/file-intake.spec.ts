import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { CONTACT_COLUMNS_WITH_DEPARTMENT, csvLine } from '../src/domain/samples/contact-files';
import { createRandom, seededContact } from '../src/domain/samples/seeded-contacts';
import { dropFile, expect, test, writeTestFile } from './support';

const preview = (page: Page) => page.getByRole('region', { name: 'First rows of the file' });
const chips = (page: Page) => page.getByRole('list', { name: 'What the wizard detected' });

const FIXTURES = [
  {
    file: 'imports-page-sample.csv',
    mime: 'text/csv',
    rows: 2,
    columns: 6,
    chips: ['Separated by ,', 'Read as UTF-8'],
    values: ['John', '61423456789'],
  },
  {
    file: 'semicolon-decimal.csv',
    mime: 'text/csv',
    rows: 10,
    columns: 7,
    chips: ['Separated by ;'],
    values: ['Zoë', '0412345678', '12,50'],
  },
  {
    file: 'windows-1252.csv',
    mime: 'text/csv',
    rows: 9,
    columns: 6,
    chips: ['Read as Windows-1252'],
    values: ['Zoë', 'François', 'Müller', '0412345678'],
  },
  {
    file: 'utf16le-bom.txt',
    mime: 'text/plain',
    rows: 10,
    columns: 6,
    chips: ['Read as UTF-16 LE', 'Separated by tab'],
    values: ['Zoë', 'Tāmati', 'Łucja', '0412345678'],
  },
  {
    file: 'two-sheets.xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows: 9,
    columns: 6,
    chips: ['Excel workbook', 'Sheet "Contacts"'],
    values: ['Zoë', '0412345678'],
  },
  {
    file: 'contacts.xls',
    mime: 'application/vnd.ms-excel',
    rows: 9,
    columns: 6,
    chips: ['Excel 97–2003 workbook'],
    values: ['Zoë', '0412345678'],
  },
  {
    file: 'contacts.ods',
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    rows: 8,
    columns: 6,
    chips: ['OpenDocument spreadsheet'],
    values: ['Zoë', '0412345678'],
  },
  {
    file: 'whispir.json',
    mime: 'application/json',
    rows: 6,
    columns: 6,
    chips: ['JSON', '6 records from contacts'],
    values: ['Zoë', '0412345678'],
  },
  {
    file: 'whispir.xml',
    mime: 'application/xml',
    rows: 6,
    columns: 6,
    chips: ['XML', '6 records from ns2:import/ns2:contacts/ns2:contact'],
    values: ['Zoë', '0412345678'],
  },
  {
    file: 'header-on-row-3.csv',
    mime: 'text/csv',
    rows: 5,
    columns: 6,
    chips: ['Header on row 3'],
    values: ['Zoë', '0412345678'],
  },
];

for (const fixture of FIXTURES) {
  test(`reads ${fixture.file} with the right values and detections`, async ({ page }) => {
    await page.goto('/');
    await dropFile(page, fixture.file, fixture.mime);
    await expect(
      page.getByText(`${fixture.rows} rows and ${fixture.columns} columns`),
    ).toBeVisible();
    for (const chip of fixture.chips) await expect(chips(page)).toContainText(chip);
    for (const value of fixture.values) {
      await expect(
        preview(page).getByRole('cell', { name: value, exact: true }).first(),
      ).toBeVisible();
    }
    await expect(preview(page)).not.toContainText('\uFFFD');
  });
}

test('the Imports page sample: the stray comma is reported and the row kept', async ({ page }) => {
  await page.goto('/');
  await dropFile(page, 'imports-page-sample.csv');
  await expect(
    page.getByText('Row 3 has 7 fields, the header has 6 — is there an unquoted comma?'),
  ).toBeVisible();
  const row3 = preview(page).getByRole('row', { name: /^3 / });
  await expect(row3).toContainText('jane.smith@testcompany');
  await expect(row3.getByRole('cell').last()).toHaveText('+10');
});

test('an Excel number shown as 6.14E+11 is read with every digit, and another sheet can be picked', async ({
  page,
}) => {
  await page.goto('/');
  await dropFile(page, 'two-sheets.xlsx');
  await expect(
    page.getByText(
      'Cell D10 shows 6.14124E+11 (scientific notation), but the workbook keeps the whole number: 614123987654 was read.',
    ),
  ).toBeVisible();
  await expect(preview(page).getByRole('cell', { name: '614123987654' })).toBeVisible();
  const sheet = page.getByRole('combobox', { name: 'Sheet' });
  await expect(sheet.getByRole('option')).toHaveText([
    /^Notes \(\d+ rows\)/,
    /^Contacts \(10 rows\)/,
  ]);
  await sheet.selectOption({
    label: (await sheet.getByRole('option').first().textContent()) ?? '',
  });
  await expect(chips(page)).toContainText('Sheet "Notes"');
  await expect(page.getByText('9 rows and 6 columns')).toHaveCount(0);
  await sheet.selectOption({ label: 'Contacts (10 rows)' });
  await expect(page.getByText('9 rows and 6 columns')).toBeVisible();
});

test('the encoding and the separator can be changed, with an instant re-preview', async ({
  page,
}) => {
  await page.goto('/');
  await dropFile(page, 'windows-1252.csv');
  await expect(preview(page).getByRole('cell', { name: 'François' })).toBeVisible();
  const encoding = page.getByRole('combobox', { name: 'Characters (encoding)' });
  await encoding.selectOption('utf-8');
  await expect(chips(page)).toContainText('Read as UTF-8');
  await expect(preview(page).getByRole('cell', { name: 'François' })).toHaveCount(0);
  await encoding.selectOption('windows-1252');
  await expect(preview(page).getByRole('cell', { name: 'François' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Separator' }).selectOption({ label: 'Tab' });
  await expect(page.getByRole('alert')).toContainText('Every line landed in one column');
  await expect(page.getByText('9 rows and 1 column')).toBeVisible();
  await page.getByRole('combobox', { name: 'Separator' }).selectOption({ label: 'Comma ,' });
  await expect(page.getByText('9 rows and 6 columns')).toBeVisible();
});

test('the header row can be moved and a file without a header declared', async ({ page }) => {
  await page.goto('/');
  await dropFile(page, 'header-on-row-3.csv');
  await expect(page.getByText(/Rows 1 and 2 above the header were skipped/)).toBeVisible();
  // The box shows the file as re-read by the worker, so it turns checked once that is done.
  const noHeader = page.getByRole('checkbox', { name: 'The file has no header row' });
  await noHeader.click();
  await expect(noHeader).toBeChecked();
  await expect(preview(page).getByRole('columnheader', { name: 'Column 1' })).toBeVisible();
  await expect(preview(page).getByRole('cell', { name: 'Given name' })).toBeVisible();
});

test('a filtered workbook imports the rows it shows, and its hidden rows on request', async ({
  page,
}) => {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['First name', 'Last name', 'Email', 'State'],
    ['Ann', 'Lee', 'ann@example.com', 'NSW'],
    ['Bob', 'Ng', 'bob@example.com', 'VIC'],
    ['Cat', 'Ray', 'cat@example.com', 'NSW'],
  ]);
  sheet['!rows'] = [{}, {}, { hidden: true }, {}];
  const file = writeTestFile(
    'filtered.xlsx',
    new Uint8Array(
      XLSX.write(
        { SheetNames: ['Staff'], Sheets: { Staff: sheet } },
        { bookType: 'xlsx', type: 'array' },
      ) as ArrayBuffer,
    ),
  );
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('2 rows and 4 columns')).toBeVisible();
  await expect(page.getByText(/Row 3 is hidden in the workbook/)).toBeVisible();
  await expect(preview(page).getByRole('cell', { name: 'Bob', exact: true })).toHaveCount(0);
  const include = page.getByRole('checkbox', { name: /Import hidden rows too \(1 hidden/ });
  // The box shows the file as re-read by the worker, so it turns checked once that is done.
  await include.click();
  await expect(include).toBeChecked();
  await expect(page.getByText('3 rows and 4 columns')).toBeVisible();
  await expect(preview(page).getByRole('cell', { name: 'Bob', exact: true })).toBeVisible();
});

test('files that cannot be contacts get a specific message', async ({ page }) => {
  await page.goto('/');
  const png = writeTestFile('photo.csv', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  await page.locator('input[type=file]').setInputFiles(png);
  await expect(page.getByRole('alert')).toContainText("“photo.csv” can't be imported");
  await expect(page.getByRole('alert')).toContainText(/PNG|image/i);

  const empty = writeTestFile('empty.csv', '');
  await page.locator('input[type=file]').setInputFiles(empty);
  await expect(page.getByRole('alert')).toContainText("“empty.csv” can't be imported");
  await expect(page.getByRole('alert')).toContainText(/empty/i);
  await expect(page.getByRole('heading', { name: 'Choose your contact file' })).toBeVisible();
});

test('a 200,000-row file previews before it is read, shows progress, and can be cancelled', async ({
  page,
}) => {
  // Seeded contacts (no problem rows, so every line has the header's width) plus notes: 26 columns.
  const notes = Array.from({ length: 19 }, (_, i) => `note${i}`);
  const random = createRandom(17);
  const lines = [csvLine([...CONTACT_COLUMNS_WITH_DEPARTMENT, ...notes])];
  let firstEmail = '';
  for (let i = 0; i < 200_000; i++) {
    const { values } = seededContact(random, i, { problemRate: 0 });
    if (i === 0) firstEmail = values[2] ?? '';
    lines.push(csvLine([...values, ...notes.map((note) => `${note}-${i}`)]));
  }
  const big = writeTestFile('big-200k.csv', lines.join('\n'));

  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(big);
  // The first rows show while the file is still being read.
  await expect(preview(page).getByRole('cell', { name: firstEmail, exact: true })).toBeVisible();
  const progress = page.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue to matching' })).toBeDisabled();
  const first = Number(await progress.getAttribute('value'));
  await expect
    .poll(async () => Number(await progress.getAttribute('value')))
    .toBeGreaterThan(first);
  await page.getByRole('button', { name: 'Cancel reading' }).click();
  await expect(page.getByRole('heading', { name: 'Choose your contact file' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Reading “big-200k.csv” was cancelled.');

  // After a cancel the wizard still reads files.
  await page.locator('input[type=file]').setInputFiles(big);
  await expect(page.getByText('200,000 rows and 26 columns')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Continue to matching' })).toBeEnabled();
});

test('a large Windows-1252 export whose first accent comes megabytes in is read as Windows-1252', async ({
  page,
}) => {
  // Large text is read a piece at a time as UTF-8 while no byte says otherwise; this file's
  // first byte that is not UTF-8 (ë, 0xEB) is in its last line, past the first pieces.
  const lines = ['firstName,lastName,workEmailAddress1,workMobilePhone1'];
  for (let i = 0; i < 200_000; i++)
    lines.push(`Ann${i},Lee,ann${i}@example.com,614${String(i).padStart(8, '0')}`);
  lines.push('Zoë,Müller,zoe@example.com,61499999999');
  const legacy = writeTestFile(
    'legacy-1252.csv',
    Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'),
  );

  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(legacy);
  await expect(page.getByText('200,001 rows and 4 columns')).toBeVisible({ timeout: 30_000 });
  await expect(chips(page)).toContainText('Read as Windows-1252');
  await expect(page.getByRole('button', { name: 'Continue to matching' })).toBeEnabled();
});
