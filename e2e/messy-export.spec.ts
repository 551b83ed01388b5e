/**
 * Issue 14's measure: a new admin with the file they really have — a messy staff export — who
 * only accepts what the wizard proposes, ends with the right contacts in Whispir: right fields,
 * normalised values, one contact per person, nothing wrong sent. The test counts their actions.
 */
import { expect, sandboxApi, test, writeTestFile } from './support';

// Written as an HR system exports it: local and international mobiles, country spellings,
// states, no time zone, the same person twice, a landline in Mobile, Active/Inactive, a broken
// email, a shouted email, stray spaces, and a person with no way to be reached.
const EXPORT = [
  'First Name,Last Name,Email Address,Mobile,Country,State,Status',
  'Olivia,Nguyen,olivia.nguyen@acme.com.au,0412 345 678,Australia,NSW,Active',
  'Liam,Smith,liam.smith@acme.com.au,+61 413 222 333,AU,VIC,Active',
  'Olivia,Nguyen,,61412345678,australia,NSW,Active',
  'Noah,Williams,noah.williams@acme.com.au,(02) 9876 5432,Australia,NSW,Active',
  'Ava,Brown,ava.brown(at)acme.com.au,0423 111 222,Australia,QLD,Inactive',
  'Jack,Taylor,jack.taylor@acme.co.nz,021 123 4567,New Zealand,,Active',
  'Mia,Jones,mia.jones@acme.com.au,0413 999 888,Aus,Qld,Active',
  'Lucas,Martin,lucas.martin@acme.com.au,,Australia,WA,Inactive',
  'Zoe,Lee,,,Australia,SA,Active',
  'Henry,Wilson,HENRY.WILSON@ACME.COM.AU,0400 555 666,Australia,Tasmania,Active',
  'Grace,Kim,grace.kim@acme.com.au,0411 222 333, australia ,ACT,Active',
  'Liam,Smith,liam.smith@acme.com.au,0413 222 333,Australia,VIC,Active',
].join('\r\n');

const FIELDS = [
  'firstName',
  'lastName',
  'workEmailAddress1',
  'workMobilePhone1',
  'workPhone1',
  'workCountry',
  'workState',
  'timezone',
  'status',
].join(',');

test('accepting only what the wizard proposes turns a messy export into the right contacts', async ({
  page,
}) => {
  const file = writeTestFile('staff-export.csv', EXPORT);
  let actions = 0;
  const act = async (step: Promise<void>) => {
    actions++;
    await step;
  };

  await page.goto('/');
  await act(page.locator('input[type=file]').setInputFiles(file));
  await expect(page.getByText('12 rows and 7 columns')).toBeVisible();
  await act(page.getByRole('button', { name: 'Continue to matching' }).click());
  await expect(page.getByRole('heading', { name: /Match your columns/ })).toBeVisible();
  await act(page.getByRole('button', { name: 'Continue to review' }).click());

  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
  await expect(page.getByTestId('row-accounting')).toBeVisible();
  // The time zones are proposed from each row's state (or country), with counts.
  await expect(
    page.getByText(/Set the time zone from State for 11 rows: NSW → Australia\/Sydney/),
  ).toBeVisible();
  await act(page.getByRole('button', { name: /^Apply all \d+ suggested fixes$/ }).click());
  await expect(page.getByText(/2 people are on more than one row \(4 rows\)/)).toBeVisible();
  await act(page.getByRole('button', { name: 'Send one of each' }).click());
  await expect(page.getByText(/people are on more than one row/)).toHaveCount(0);
  // What is left needs a person: the row with no email or mobile is rejected with its reason.
  await expect(page.getByTestId('review-plan')).toContainText('9 will be sent');
  await act(page.getByRole('button', { name: 'Continue to import settings' }).click());

  await expect(page.getByRole('heading', { name: 'Choose how to import' })).toBeVisible();
  await act(page.getByRole('button', { name: /^Import 9 contacts/ }).click());
  await expect(page.getByTestId('count-created')).toHaveText('9');
  console.log(`messy export: ${actions} actions from the file to the result`);
  expect(actions).toBeLessThanOrEqual(20);

  const { contacts = [] } = await sandboxApi.get<{ contacts?: Record<string, string>[] }>(
    `/contacts?limit=50&fields=${FIELDS}`,
    'application/vnd.whispir.contact-v1+json',
  );
  const byName = new Map(
    contacts.map((contact) => [`${contact.firstName} ${contact.lastName}`, contact]),
  );
  // One contact per person.
  expect([...byName.keys()].sort()).toEqual(
    [
      'Ava Brown',
      'Grace Kim',
      'Henry Wilson',
      'Jack Taylor',
      'Liam Smith',
      'Lucas Martin',
      'Mia Jones',
      'Noah Williams',
      'Olivia Nguyen',
    ].sort(),
  );
  expect(contacts).toHaveLength(9);
  const expected: Record<string, Record<string, string>> = {
    'Olivia Nguyen': {
      workEmailAddress1: 'olivia.nguyen@acme.com.au',
      workMobilePhone1: '61412345678',
      workCountry: 'Australia',
      timezone: 'Australia/Sydney',
      status: 'A',
    },
    'Liam Smith': {
      workMobilePhone1: '61413222333',
      timezone: 'Australia/Melbourne',
      workCountry: 'Australia',
    },
    // The landline is not a mobile: it is the work phone.
    'Noah Williams': { workPhone1: '61298765432', timezone: 'Australia/Sydney' },
    // The broken email is cleared; the person stays, reachable by mobile.
    'Ava Brown': { workMobilePhone1: '61423111222', timezone: 'Australia/Brisbane', status: 'D' },
    'Jack Taylor': {
      workMobilePhone1: '64211234567',
      workCountry: 'New Zealand',
      timezone: 'Pacific/Auckland',
    },
    'Mia Jones': { workCountry: 'Australia', timezone: 'Australia/Brisbane' },
    'Lucas Martin': {
      workEmailAddress1: 'lucas.martin@acme.com.au',
      timezone: 'Australia/Perth',
      status: 'D',
    },
    'Henry Wilson': { workEmailAddress1: 'henry.wilson@acme.com.au', timezone: 'Australia/Hobart' },
    'Grace Kim': { workCountry: 'Australia', timezone: 'Australia/Sydney' },
  };
  for (const [name, fields] of Object.entries(expected))
    expect(byName.get(name), name).toMatchObject(fields);
  expect(byName.get('Noah Williams')?.workMobilePhone1 ?? '').toBe('');
  expect(byName.get('Ava Brown')?.workEmailAddress1 ?? '').toBe('');
});
