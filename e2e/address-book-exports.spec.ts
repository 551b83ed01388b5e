/**
 * Exports from the address books people use, imported with no manual move: Google Contacts'
 * label columns and Outlook's business/home columns put each value in the right Whispir field.
 */
import type { Page } from '@playwright/test';
import { expect, fieldSelect, sandboxApi, test, writeTestFile } from './support';

const GOOGLE = `First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address
Olivia,,Nguyen,,,,,,,,Acme,CEO,Executive,,,,* myContacts,* Work,olivia@acme.com.au,Home,olivia.n@gmail.com,Mobile,+61 412 345 678,Work,(02) 9876 5432,Work,"1 George St, Sydney NSW 2000",1 George St,Sydney,,NSW,2000,Australia,
Liam,,Smith,,,,,,,,Acme,CTO,Technology,,,,* myContacts,* Work,liam@acme.com.au,,,Mobile,0413 222 333,Work,(03) 9123 4567,Work,"5 Collins St, Melbourne VIC 3000",5 Collins St,Melbourne,,VIC,3000,Australia,
`;

const OUTLOOK = `First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes
Olivia,,Nguyen,Ms,,,,,olivia@acme.com.au,,,,,(02) 9876 5432,,0412 345 678,,,,,,,,,,,,,,CEO,Executive,Acme,Level 3,,,,,1 George St,Sydney,NSW,2000,Australia,,,,,,,,,,,,,,,,,,,
Noah,,Williams,Mr,,,,,noah@acme.co.nz,,,,,(09) 300 1234,,021 123 4567,,,,,,,,,,,,,,CFO,Finance,Acme,,,,,,2 Queen St,Auckland,,1010,New Zealand,,,,,,,,,,,,,,,,,,,
`;

const FIELDS =
  'firstName,lastName,workEmailAddress1,personalEmailAddress1,workMobilePhone1,workPhone1,workCountry,workState,workSuburb,timezone,jobTitle,companyName,department';

async function importExport(page: Page, name: string, text: string) {
  const file = writeTestFile(name, text);
  await page.goto('/');
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeVisible();
}

async function acceptAndImport(page: Page, contacts: number) {
  if (await page.getByRole('button', { name: 'Continue to review' }).isVisible())
    await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByTestId('row-accounting')).toBeVisible();
  await page.getByRole('button', { name: /^Apply all \d+ suggested fixes$/ }).click();
  await expect(page.getByTestId('review-plan')).toContainText(`${contacts} will be sent`);
  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await page.getByRole('button', { name: new RegExp(`^Import ${contacts} contacts`) }).click();
  await expect(page.getByTestId('count-created')).toHaveText(String(contacts));
  const { contacts: stored = [] } = await sandboxApi.get<{ contacts?: Record<string, string>[] }>(
    `/contacts?limit=20&fields=${FIELDS}`,
    'application/vnd.whispir.contact-v1+json',
  );
  return new Map(stored.map((contact) => [contact.firstName ?? '', contact]));
}

test('a Google Contacts export: the label columns say which value is the mobile', async ({
  page,
}) => {
  await importExport(page, 'google-contacts.csv', GOOGLE);
  await expect(fieldSelect(page, 'Work mobile')).toHaveValue('column:Phone 1 - Value');
  await expect(fieldSelect(page, 'Work email')).toHaveValue('column:E-mail 1 - Value');
  await expect(fieldSelect(page, 'Country (required)')).toHaveValue('column:Address 1 - Country');
  const byName = await acceptAndImport(page, 2);
  expect(byName.get('Olivia')).toMatchObject({
    workEmailAddress1: 'olivia@acme.com.au',
    personalEmailAddress1: 'olivia.n@gmail.com',
    workMobilePhone1: '61412345678',
    workPhone1: '61298765432',
    workCountry: 'Australia',
    workState: 'NSW',
    timezone: 'Australia/Sydney',
    jobTitle: 'CEO',
    companyName: 'Acme',
    department: 'Executive',
  });
  expect(byName.get('Liam')).toMatchObject({
    workMobilePhone1: '61413222333',
    workPhone1: '61391234567',
    timezone: 'Australia/Melbourne',
  });
});

test('an Outlook export: business columns are the work fields, Mobile Phone the mobile', async ({
  page,
}) => {
  await importExport(page, 'outlook-contacts.csv', OUTLOOK);
  await expect(fieldSelect(page, 'Work mobile')).toHaveValue('column:Mobile Phone');
  await expect(fieldSelect(page, 'Country (required)')).toHaveValue(
    'column:Business Country/Region',
  );
  const byName = await acceptAndImport(page, 2);
  expect(byName.get('Olivia')).toMatchObject({
    workEmailAddress1: 'olivia@acme.com.au',
    workMobilePhone1: '61412345678',
    workPhone1: '61298765432',
    workCountry: 'Australia',
    workSuburb: 'Sydney',
    timezone: 'Australia/Sydney',
    jobTitle: 'CEO',
  });
  expect(byName.get('Noah')).toMatchObject({
    workMobilePhone1: '64211234567',
    workPhone1: '6493001234',
    workCountry: 'New Zealand',
    timezone: 'Pacific/Auckland',
  });
});

test('a Google export with two emails and two mobiles in one cell: each reaches its own field', async ({
  page,
}) => {
  // Google writes a person's second value of the same label into the same cell, after " ::: ".
  const twice = GOOGLE.replace('olivia@acme.com.au', 'olivia@acme.com.au ::: o.nguyen@acme.com.au')
    .replace(',Home,olivia.n@gmail.com,', ',,,')
    .replace('+61 412 345 678', '+61 412 345 678 ::: 0413 999 000');
  await importExport(page, 'google-contacts.csv', twice);
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page.getByTestId('row-accounting')).toBeVisible();
  await expect(
    page.getByText(
      'Keep the first of the two values in 1 work email cell and move the second to Work email (secondary): olivia@acme.com.au ::: o.nguyen@acme.com.au → olivia@acme.com.au + o.nguyen@acme.com.au',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Apply all \d+ suggested fixes$/ }).click();
  await expect(page.getByTestId('review-plan')).toContainText('2 will be sent');
  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await page.getByRole('button', { name: /^Import 2 contacts/ }).click();
  await expect(page.getByTestId('count-created')).toHaveText('2');
  const { contacts: stored = [] } = await sandboxApi.get<{ contacts?: Record<string, string>[] }>(
    `/contacts?limit=20&fields=firstName,workEmailAddress1,workEmailAddress2,workMobilePhone1,workMobilePhone2`,
    'application/vnd.whispir.contact-v1+json',
  );
  expect(stored.find((contact) => contact.firstName === 'Olivia')).toMatchObject({
    workEmailAddress1: 'olivia@acme.com.au',
    workEmailAddress2: 'o.nguyen@acme.com.au',
    workMobilePhone1: '61412345678',
    workMobilePhone2: '61413999000',
  });
});

test('a file with only a full-name column: the review splits each name, and Whispir gets both', async ({
  page,
}) => {
  // Dynamics 365's "Full Name"; one person written "last, first".
  await importExport(
    page,
    'full-names.csv',
    'Full Name,Email,Mobile Phone,Country,Time Zone\nOlivia Nguyen,olivia@acme.com.au,0412 345 678,Australia,Australia/Sydney\n"Smith, John",john@acme.com.au,0413 222 333,Australia,Australia/Perth\n',
  );
  await expect(fieldSelect(page, 'First name (required)')).toHaveValue('column:Full Name');
  await expect(fieldSelect(page, 'Last name (required)')).toHaveValue('column:Full Name');
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(
    page.getByText(/^Split the whole name into first and last name in 2 rows/),
  ).toBeVisible();
  const byName = await acceptAndImport(page, 2);
  expect(byName.get('Olivia')).toMatchObject({ lastName: 'Nguyen' });
  expect(byName.get('John')).toMatchObject({ lastName: 'Smith' });
});
