import { describe, expect, it } from 'vitest';
import type { RowProblem } from './problems';
import { validateContact } from './validate-contact';

/** A row that passes every rule; cases change one thing about it. */
const VALID = {
  firstName: 'Zoë',
  lastName: 'Núñez',
  workCountry: 'Australia',
  timezone: 'Australia/Melbourne',
  workMobilePhone1: '61412345678',
  workEmailAddress1: 'zoe.nunez@example.com',
} as const;

type Expected = Pick<RowProblem, 'field' | 'code' | 'severity'> & {
  message?: string;
  fix?: RowProblem['fix'];
};

const pick = (p: RowProblem): Expected => ({
  field: p.field,
  code: p.code,
  severity: p.severity,
  ...(p.fix ? { fix: p.fix } : {}),
});

describe('validateContact: valid rows', () => {
  const cases: { description: string; input: Record<string, string> }[] = [
    { description: 'the baseline row', input: { ...VALID } },
    {
      description: 'names with accents',
      input: { ...VALID, firstName: 'François', lastName: 'Núñez-Ødegård' },
    },
    {
      description: 'names in other scripts',
      input: { ...VALID, firstName: '美咲', lastName: 'Ńguyễn' },
    },
    {
      description: 'email only (mobile mapped but empty)',
      input: { ...VALID, workMobilePhone1: '' },
    },
    { description: 'mobile only (no email mapped)', input: { ...VALID, workEmailAddress1: '' } },
    {
      description: 'personal email as the only channel',
      input: {
        ...VALID,
        workMobilePhone1: '',
        workEmailAddress1: '',
        personalEmailAddress1: 'z@example.org',
      },
    },
    { description: 'half-hour offset', input: { ...VALID, timezone: '+05:30' } },
    { description: 'half-hour IANA zone', input: { ...VALID, timezone: 'Asia/Kolkata' } },
    { description: 'Adelaide', input: { ...VALID, timezone: 'Australia/Adelaide' } },
    { description: 'negative offset', input: { ...VALID, timezone: '-05' } },
    {
      description: 'country with accents',
      input: { ...VALID, workCountry: "Côte d'Ivoire", workMobilePhone1: '' },
    },
    {
      description: 'foreign mobile in an Australian row',
      input: { ...VALID, workMobilePhone1: '64211234567' },
    },
    {
      description: 'work phone with its own area code field',
      input: { ...VALID, workPhoneAreaCode1: '03', workPhone1: '9876 5432' },
    },
    { description: 'custom field, untouched', input: { ...VALID, staffId: '00123' } },
    {
      description: 'plus-addressed email',
      input: { ...VALID, workEmailAddress1: 'zoe+alerts@mail.example.com.au' },
    },
  ];
  it.each(cases)('$description', ({ input }) => {
    expect(validateContact(input, 2)).toEqual([]);
  });
});

describe('validateContact: rules', () => {
  const cases: { description: string; input: Record<string, string>; expected: Expected[] }[] = [
    {
      description: 'required: first name missing',
      input: { ...VALID, firstName: '' },
      expected: [{ field: 'firstName', code: 'required-missing', severity: 'error' }],
    },
    {
      description: 'required: last name only spaces',
      input: { ...VALID, lastName: '   ' },
      expected: [{ field: 'lastName', code: 'required-missing', severity: 'error' }],
    },
    {
      description: 'required: country and time zone not mapped',
      input: { firstName: 'A', lastName: 'B', workEmailAddress1: 'a@b.co' },
      expected: [
        { field: 'workCountry', code: 'required-missing', severity: 'error' },
        { field: 'timezone', code: 'required-missing', severity: 'error' },
      ],
    },
    {
      description: 'oneOf: no email or mobile',
      input: { ...VALID, workMobilePhone1: '', workEmailAddress1: ' ' },
      expected: [
        { field: null, code: 'no-channel', severity: 'error' },
        {
          field: 'workEmailAddress1',
          code: 'whitespace',
          severity: 'warning',
          fix: { field: 'workEmailAddress1', value: '', kind: 'trim' },
        },
      ],
    },
    {
      description: 'email: the seed page comma',
      input: { ...VALID, workEmailAddress1: 'jane.smith@testcompany,com' },
      // The row still has a mobile, so clearing the bad address keeps the person.
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-invalid',
          severity: 'error',
          fix: { field: 'workEmailAddress1', value: '', kind: 'clear-invalid' },
        },
      ],
    },
    {
      description: 'email: checked in every email field',
      input: { ...VALID, personalEmailAddress2: 'not an email' },
      expected: [
        {
          field: 'personalEmailAddress2',
          code: 'email-invalid',
          severity: 'error',
          fix: { field: 'personalEmailAddress2', value: '', kind: 'clear-invalid' },
        },
      ],
    },
    {
      description: 'email: capitals',
      input: { ...VALID, workEmailAddress1: 'Zoe.Nunez@Example.com' },
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-case',
          severity: 'warning',
          fix: {
            field: 'workEmailAddress1',
            value: 'zoe.nunez@example.com',
            kind: 'email-lowercase',
          },
        },
      ],
    },
    {
      description: 'email: capitals and spaces, one fix for both',
      input: { ...VALID, workEmailAddress1: ' Zoe@Example.com ' },
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-case',
          severity: 'warning',
          fix: { field: 'workEmailAddress1', value: 'zoe@example.com', kind: 'email-lowercase' },
        },
      ],
    },
    {
      description: 'email: a zero-width space copied from a web page, at the end',
      input: { ...VALID, workEmailAddress1: 'zoe.nunez@example.com\u200b' },
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-invalid',
          severity: 'error',
          fix: {
            field: 'workEmailAddress1',
            value: 'zoe.nunez@example.com',
            kind: 'email-characters',
          },
        },
      ],
    },
    {
      description: 'email: a soft hyphen and capitals, one fix for both',
      input: { ...VALID, workEmailAddress1: 'Zoe.Nunez@exam\u00adple.com' },
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-invalid',
          severity: 'error',
          fix: {
            field: 'workEmailAddress1',
            value: 'zoe.nunez@example.com',
            kind: 'email-characters',
          },
        },
      ],
    },
    {
      description: 'email: a no-break space between two names: no guess at what it stood for',
      input: { ...VALID, workEmailAddress1: 'zoe\u00a0nunez@example.com' },
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-invalid',
          severity: 'error',
          fix: { field: 'workEmailAddress1', value: '', kind: 'clear-invalid' },
        },
      ],
    },
    {
      description: "email: Persian script's zero-width non-joiner in a domain is part of it",
      input: {
        ...VALID,
        workEmailAddress1:
          'user@\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.\u0627\u06cc\u0631\u0627\u0646',
      },
      expected: [],
    },
    {
      description: 'email: a dash typed for a hyphen becomes a hyphen',
      input: { ...VALID, workEmailAddress1: 'zoe\u2013nunez@example.com' },
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-invalid',
          severity: 'error',
          fix: {
            field: 'workEmailAddress1',
            value: 'zoe-nunez@example.com',
            kind: 'email-characters',
          },
        },
      ],
    },
    {
      description: 'email: hidden characters in an address that is wrong anyway: no suggestion',
      input: { ...VALID, workEmailAddress1: 'zoe\u200b@example' },
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-invalid',
          severity: 'error',
          fix: { field: 'workEmailAddress1', value: '', kind: 'clear-invalid' },
        },
      ],
    },
    {
      description: 'phone: local mobile completed from the row country',
      input: { ...VALID, workMobilePhone1: '0412 345 678' },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'phone-needs-country-code',
          severity: 'error',
          fix: { field: 'workMobilePhone1', value: '61412345678', kind: 'phone-country-code' },
        },
      ],
    },
    {
      description: 'phone: local mobile, country given as ISO code',
      input: { ...VALID, workCountry: 'NZ', workMobilePhone1: '021 123 4567' },
      expected: [
        {
          field: 'workCountry',
          code: 'country-code',
          severity: 'error',
          fix: { field: 'workCountry', value: 'New Zealand', kind: 'country-name' },
        },
        {
          field: 'workMobilePhone1',
          code: 'phone-needs-country-code',
          severity: 'error',
          fix: { field: 'workMobilePhone1', value: '64211234567', kind: 'phone-country-code' },
        },
      ],
    },
    {
      description: 'phone: +61 with spaces',
      input: { ...VALID, workMobilePhone1: '+61 412 345 678' },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'phone-format',
          severity: 'error',
          fix: { field: 'workMobilePhone1', value: '61412345678', kind: 'phone-format' },
        },
      ],
    },
    {
      description: 'email: two addresses in one cell (Google Contacts " ::: "), the second moved',
      input: { ...VALID, workEmailAddress1: 'ann@x.com ::: ann.lee@y.com' },
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-invalid',
          severity: 'error',
          fix: {
            field: 'workEmailAddress1',
            value: 'ann@x.com',
            kind: 'split-values',
            alsoSet: { field: 'workEmailAddress2', value: 'ann.lee@y.com' },
          },
        },
      ],
    },
    {
      description: 'email: two addresses, the second field taken: not split, the person chooses',
      input: { ...VALID, workEmailAddress1: 'a@x.com; b@y.com', workEmailAddress2: 'c@z.com' },
      expected: [
        {
          field: 'workEmailAddress1',
          code: 'email-invalid',
          severity: 'error',
          // Kept to the first, never cleared: both are good addresses.
          fix: { field: 'workEmailAddress1', value: 'a@x.com', kind: 'split-values' },
        },
      ],
    },
    {
      description: 'phone: two numbers in one cell, each put in Whispir’s form',
      input: { ...VALID, workMobilePhone1: '0412 345 678 / 0413 111 222' },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'phone-invalid',
          severity: 'error',
          fix: {
            field: 'workMobilePhone1',
            value: '61412345678',
            kind: 'split-values',
            alsoSet: { field: 'workMobilePhone2', value: '61413111222' },
          },
        },
      ],
    },
    {
      description: 'phone: two numbers on a row with no country, the first’s country code for both',
      input: { ...VALID, workCountry: '', workMobilePhone1: '+61 412 345 678 ::: 0413 222 333' },
      expected: [
        { field: 'workCountry', code: 'required-missing', severity: 'error' },
        {
          field: 'workMobilePhone1',
          code: 'phone-invalid',
          severity: 'error',
          // Split, never cleared: both numbers are good.
          fix: {
            field: 'workMobilePhone1',
            value: '61412345678',
            kind: 'split-values',
            alsoSet: { field: 'workMobilePhone2', value: '61413222333' },
          },
        },
      ],
    },
    {
      description: 'phone: a mobile in the second phone field goes to the empty first mobile',
      input: {
        ...VALID,
        workMobilePhone1: '',
        workEmailAddress1: '',
        workPhone1: '61298765432',
        workPhone2: '61413222333',
      },
      expected: [
        { field: null, code: 'no-channel', severity: 'error' },
        {
          field: 'workPhone2',
          code: 'phone-is-mobile',
          severity: 'warning',
          fix: {
            field: 'workPhone2',
            value: '',
            kind: 'move-mobile',
            alsoSet: { field: 'workMobilePhone1', value: '61413222333' },
          },
        },
      ],
    },
    {
      description: 'phone: a mobile that lost its 0, on a row with no country, is not cleared',
      input: { ...VALID, workCountry: '', workMobilePhone1: '412345678' },
      expected: [
        { field: 'workCountry', code: 'required-missing', severity: 'error' },
        { field: 'workMobilePhone1', code: 'phone-needs-country-code', severity: 'error' },
      ],
    },
    {
      description: 'phone: a number with words around it, on a row with no country, is not cleared',
      input: { ...VALID, workCountry: '', workMobilePhone1: 'Mob: 0412 345 678 (home)' },
      expected: [
        { field: 'workCountry', code: 'required-missing', severity: 'error' },
        { field: 'workMobilePhone1', code: 'phone-needs-country-code', severity: 'error' },
      ],
    },
    ...[
      'Work: 0412 345 678',
      'Home: 9876 5432',
      'Office 9876 5432',
      '0412345678 (w)',
      'Mobile Phone: 0412 345 678',
      'M 0412 345 678',
      '03/9876 5432',
      '0412/345/678',
      '0412 345 678 (a/h)',
      '0412 345 678;',
      'Box Hill office: 9890 1234',
      'Account manager: 0412 345 678',
    ].map((value) => ({
      description: `phone: "${value}" on a row with no country needs one, and is not cleared`,
      input: { ...VALID, workCountry: '', workMobilePhone1: value },
      expected: [
        { field: 'workCountry', code: 'required-missing', severity: 'error' } as const,
        { field: 'workMobilePhone1', code: 'phone-needs-country-code', severity: 'error' } as const,
      ],
    })),
    {
      description: 'phone: a date, on a row with no country, is no number to complete (cleared)',
      input: { ...VALID, workCountry: '', workMobilePhone1: '12/05/2024' },
      expected: [
        { field: 'workCountry', code: 'required-missing', severity: 'error' },
        {
          field: 'workMobilePhone1',
          code: 'phone-invalid',
          severity: 'error',
          fix: { field: 'workMobilePhone1', value: '', kind: 'clear-invalid' },
        },
      ],
    },
    {
      description: 'phone: the country code then the trunk 0 (="61"&A2) is put in Whispir’s form',
      input: { ...VALID, workMobilePhone1: '610412345678' },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'phone-format',
          severity: 'error',
          fix: { field: 'workMobilePhone1', value: '61412345678', kind: 'phone-format' },
        },
      ],
    },
    {
      description: 'phone: scientific notation that kept every digit is put back into digits',
      input: { ...VALID, workMobilePhone1: '4.12345678E+08' },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'phone-format',
          severity: 'error',
          fix: { field: 'workMobilePhone1', value: '61412345678', kind: 'phone-format' },
        },
      ],
    },
    {
      description: 'phone: scientific notation that lost digits is not made up (the email stays)',
      input: { ...VALID, workCountry: '', workMobilePhone1: '6.14123E+10' },
      expected: [
        { field: 'workCountry', code: 'required-missing', severity: 'error' },
        {
          field: 'workMobilePhone1',
          code: 'phone-invalid',
          severity: 'error',
          fix: { field: 'workMobilePhone1', value: '', kind: 'clear-invalid' },
        },
      ],
    },
    {
      description: 'a formula guard from a spreadsheet download is taken off, the rest checked too',
      input: { ...VALID, timezone: "'+10", lastName: "'@Lee" },
      expected: [
        {
          field: 'lastName',
          code: 'formula-guard',
          severity: 'error',
          fix: { field: 'lastName', value: '@Lee', kind: 'formula-guard' },
        },
        {
          field: 'timezone',
          code: 'formula-guard',
          severity: 'error',
          fix: { field: 'timezone', value: '+10', kind: 'formula-guard' },
        },
      ],
    },
    {
      description: 'a formula guard on a cell of two numbers: both are kept',
      input: { ...VALID, workMobilePhone1: "'+61 412 345 678; +61 413 222 333" },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'formula-guard',
          severity: 'error',
          fix: {
            field: 'workMobilePhone1',
            value: '61412345678',
            kind: 'formula-guard',
            alsoSet: { field: 'workMobilePhone2', value: '61413222333' },
          },
        },
      ],
    },
    {
      description: 'a formula guard on a mobile: the fix is the number in Whispir’s form',
      input: { ...VALID, workMobilePhone1: "'+61 412 345 678" },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'formula-guard',
          severity: 'error',
          fix: { field: 'workMobilePhone1', value: '61412345678', kind: 'formula-guard' },
        },
      ],
    },
    {
      description: 'time zone: GMT on a United Kingdom row is London’s zone, with its summer time',
      input: { ...VALID, timezone: 'GMT', workCountry: 'United Kingdom' },
      expected: [
        {
          field: 'timezone',
          code: 'timezone-format',
          severity: 'error',
          fix: { field: 'timezone', value: 'Europe/London', kind: 'timezone-format' },
        },
      ],
    },
    {
      description: 'time zone: GMT elsewhere is the offset',
      input: { ...VALID, timezone: 'GMT', workCountry: 'Ghana' },
      expected: [
        {
          field: 'timezone',
          code: 'timezone-format',
          severity: 'error',
          fix: { field: 'timezone', value: '+00', kind: 'timezone-format' },
        },
      ],
    },
    {
      description: 'phone: an extension is named, and dropped only by the fix the person picks',
      input: { ...VALID, workPhone1: '(02) 9876 5432 x123' },
      expected: [
        {
          field: 'workPhone1',
          code: 'phone-extension',
          severity: 'error',
          fix: { field: 'workPhone1', value: '61298765432', kind: 'phone-extension' },
        },
      ],
    },
    {
      description: 'phone: every phone field is checked, not only the mobile',
      input: { ...VALID, workPhone1: '(03) 9876 5432', personalFax1: 'n/a' },
      expected: [
        {
          field: 'workPhone1',
          code: 'phone-needs-country-code',
          severity: 'error',
          fix: { field: 'workPhone1', value: '61398765432', kind: 'phone-country-code' },
        },
        {
          field: 'personalFax1',
          code: 'phone-invalid',
          severity: 'error',
          fix: { field: 'personalFax1', value: '', kind: 'clear-invalid' },
        },
      ],
    },
    {
      description: 'phone: local number with no country anywhere',
      input: { ...VALID, workCountry: '', workMobilePhone1: '0412 345 678' },
      expected: [
        { field: 'workCountry', code: 'required-missing', severity: 'error' },
        { field: 'workMobilePhone1', code: 'phone-needs-country-code', severity: 'error' },
      ],
    },
    {
      description: 'phone: invalid',
      input: { ...VALID, workMobilePhone1: '6141234567' },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'phone-invalid',
          severity: 'error',
          fix: { field: 'workMobilePhone1', value: '', kind: 'clear-invalid' },
        },
      ],
    },
    {
      description: 'phone: invalid, and the row has no other way to reach the person',
      input: { ...VALID, workMobilePhone1: '6141234567', workEmailAddress1: '' },
      expected: [{ field: 'workMobilePhone1', code: 'phone-invalid', severity: 'error' }],
    },
    {
      description: 'phone: a landline in the mobile field, moved to the work phone',
      input: { ...VALID, workMobilePhone1: '61298765432' },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'phone-landline',
          severity: 'warning',
          fix: {
            field: 'workMobilePhone1',
            value: '',
            kind: 'move-landline',
            alsoSet: { field: 'workPhone1', value: '61298765432' },
          },
        },
      ],
    },
    {
      description: 'phone: a landline in the mobile field, with the work phone taken',
      input: { ...VALID, workMobilePhone1: '61298765432', workPhone1: '61398765432' },
      expected: [{ field: 'workMobilePhone1', code: 'phone-landline', severity: 'warning' }],
    },
    {
      description: 'phone: a mobile in the work phone field of a row with no mobile',
      input: { ...VALID, workMobilePhone1: '', workPhone1: '61412345679' },
      expected: [
        {
          field: 'workPhone1',
          code: 'phone-is-mobile',
          severity: 'warning',
          fix: {
            field: 'workPhone1',
            value: '',
            kind: 'move-mobile',
            alsoSet: { field: 'workMobilePhone1', value: '61412345679' },
          },
        },
      ],
    },
    {
      description: 'phone: a mobile as the work phone of a row that has a mobile is fine',
      input: { ...VALID, workPhone1: '61412345679' },
      expected: [],
    },
    {
      description: 'status: a word Whispir does not take, with its letter proposed',
      input: { ...VALID, status: 'Inactive' },
      expected: [
        {
          field: 'status',
          code: 'status-invalid',
          severity: 'error',
          fix: { field: 'status', value: 'D', kind: 'status-value' },
        },
      ],
    },
    {
      description: 'status: A and D pass',
      input: { ...VALID, status: 'A' },
      expected: [],
    },
    {
      description: 'timezone: missing, proposed from the state',
      input: { ...VALID, timezone: '', workState: 'QLD' },
      expected: [
        {
          field: 'timezone',
          code: 'required-missing',
          severity: 'error',
          fix: {
            field: 'timezone',
            value: 'Australia/Brisbane',
            kind: 'timezone-from-place',
            reason: { source: 'State', basis: 'QLD' },
          },
        },
      ],
    },
    {
      description: 'timezone: missing, proposed from the mobile number when nothing else says',
      input: { ...VALID, timezone: '', workCountry: '', workMobilePhone1: '64211234567' },
      expected: [
        { field: 'workCountry', code: 'required-missing', severity: 'error' },
        {
          field: 'timezone',
          code: 'required-missing',
          severity: 'error',
          fix: {
            field: 'timezone',
            value: 'Pacific/Auckland',
            kind: 'timezone-from-place',
            reason: { source: 'the mobile number’s country', basis: 'NZ' },
          },
        },
      ],
    },
    {
      description: 'timezone: missing in a country of several zones, with nothing to tell',
      input: { ...VALID, timezone: '' },
      expected: [{ field: 'timezone', code: 'required-missing', severity: 'error' }],
    },
    {
      description: 'timezone: UTC+10',
      input: { ...VALID, timezone: 'UTC+10' },
      expected: [
        {
          field: 'timezone',
          code: 'timezone-format',
          severity: 'error',
          fix: { field: 'timezone', value: '+10', kind: 'timezone-format' },
        },
      ],
    },
    {
      description: 'timezone: UTC+5:30',
      input: { ...VALID, timezone: 'UTC+5:30' },
      expected: [
        {
          field: 'timezone',
          code: 'timezone-format',
          severity: 'error',
          fix: { field: 'timezone', value: '+05:30', kind: 'timezone-format' },
        },
      ],
    },
    {
      description: 'timezone: abbreviation',
      input: { ...VALID, timezone: 'AEST' },
      expected: [
        {
          field: 'timezone',
          code: 'timezone-invalid',
          severity: 'error',
          fix: {
            field: 'timezone',
            value: 'Australia/Sydney',
            kind: 'timezone-from-place',
            reason: { source: 'Time zone', basis: 'AEST' },
          },
        },
      ],
    },
    {
      description: 'country: unknown',
      input: { ...VALID, workCountry: 'Austrlia', workMobilePhone1: '' },
      expected: [{ field: 'workCountry', code: 'country-unknown', severity: 'error' }],
    },
    {
      description: 'country: misspelt, with a suggestion',
      input: { ...VALID, workCountry: 'Australa', workMobilePhone1: '' },
      expected: [
        {
          field: 'workCountry',
          code: 'country-unknown',
          severity: 'error',
          fix: { field: 'workCountry', value: 'Australia', kind: 'country-name' },
        },
      ],
    },
    {
      description: 'country: ISO-3 code',
      input: { ...VALID, workCountry: 'AUS' },
      expected: [
        {
          field: 'workCountry',
          code: 'country-code',
          severity: 'error',
          fix: { field: 'workCountry', value: 'Australia', kind: 'country-name' },
        },
      ],
    },
    {
      description: 'country: alias is a warning',
      input: { ...VALID, workCountry: 'Holland', workMobilePhone1: '' },
      expected: [
        {
          field: 'workCountry',
          code: 'country-alias',
          severity: 'warning',
          fix: { field: 'workCountry', value: 'Netherlands', kind: 'country-name' },
        },
      ],
    },
    {
      description: 'country: every country field is checked',
      input: { ...VALID, personalCountry: 'Narnia' },
      expected: [{ field: 'personalCountry', code: 'country-unknown', severity: 'error' }],
    },
    {
      description: 'whitespace: around a name with an accent',
      input: { ...VALID, firstName: ' Zoë ' },
      expected: [
        {
          field: 'firstName',
          code: 'whitespace',
          severity: 'warning',
          fix: { field: 'firstName', value: 'Zoë', kind: 'trim' },
        },
      ],
    },
    {
      description: 'whitespace: a non-breaking space pasted from the web',
      input: { ...VALID, lastName: 'Núñez\u00a0' },
      expected: [
        {
          field: 'lastName',
          code: 'whitespace',
          severity: 'warning',
          fix: { field: 'lastName', value: 'Núñez', kind: 'trim' },
        },
      ],
    },
    {
      description: 'whitespace: around a valid phone',
      input: { ...VALID, workMobilePhone1: '61412345678 ' },
      expected: [
        {
          field: 'workMobilePhone1',
          code: 'whitespace',
          severity: 'warning',
          fix: { field: 'workMobilePhone1', value: '61412345678', kind: 'trim' },
        },
      ],
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(validateContact(input, 7).map(pick)).toEqual(expected);
  });
});

describe('validateContact: messages', () => {
  const cases: { description: string; input: Record<string, string>; expected: string[] }[] = [
    {
      description: 'local mobile',
      input: { ...VALID, workMobilePhone1: '0412 345 678' },
      expected: ['Work mobile "0412 345 678" has no country code; Whispir needs 61412345678.'],
    },
    {
      description: 'unknown country',
      input: { ...VALID, workCountry: 'Austrlia', workMobilePhone1: '' },
      expected: ['Country "Austrlia" is not a country name Whispir recognises.'],
    },
    {
      description: 'no channel',
      input: { ...VALID, workMobilePhone1: '', workEmailAddress1: '' },
      expected: ['Row has no email or mobile, so Whispir cannot create the contact.'],
    },
    {
      description: 'required',
      input: { ...VALID, lastName: '' },
      expected: ['Last name is empty; Whispir needs it to create the contact.'],
    },
    {
      description: 'email with a comma',
      input: { ...VALID, workEmailAddress1: 'jane.smith@testcompany,com' },
      expected: [
        'Work email "jane.smith@testcompany,com" is not an email address (is the comma meant to be a dot?).',
      ],
    },
    {
      description: 'email with a hidden character',
      input: { ...VALID, workEmailAddress1: 'zoe.nunez@example.com\u200b' },
      expected: [
        'Work email "zoe.nunez@example.com\u200b" has a zero-width space (U+200B) at character 22, which cannot be part of an email address; suggested: zoe.nunez@example.com.',
      ],
    },
    {
      description: 'a phone a spreadsheet saved in scientific notation, digits lost',
      input: { ...VALID, workMobilePhone1: '6.14123E+10' },
      expected: [
        'Work mobile "6.14123E+10" was saved in scientific notation by a spreadsheet, which dropped its last digits. Format the column as Text in the spreadsheet, correct the numbers and export again, or type this one in.',
      ],
    },
    {
      description: 'time zone',
      input: { ...VALID, timezone: 'GMT+10' },
      expected: ['Time zone "GMT+10" is not written the way Whispir expects; Whispir needs +10.'],
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(validateContact(input, 1).map((p) => p.message)).toEqual(expected);
  });

  it('numbers problems with the row it is given and keeps the original value', () => {
    const [p] = validateContact({ ...VALID, timezone: 'UTC+10' }, 41);
    expect(p).toMatchObject({ row: 41, value: 'UTC+10' });
  });

  it('names the channel fields on the no-channel problem, so the UI can mark them', () => {
    const [p] = validateContact({ ...VALID, workMobilePhone1: '', workEmailAddress1: '' }, 1);
    expect(p?.relatedFields).toEqual([
      'workEmailAddress1',
      'personalEmailAddress1',
      'workMobilePhone1',
      'personalMobilePhone1',
    ]);
  });
});

describe('validateContact: a whole name in both name fields (one column feeding both)', () => {
  const oneColumn = { namesFromOneColumn: true };
  it('splits it with a fix', () => {
    expect(
      validateContact(
        { ...VALID, firstName: 'Smith, John', lastName: 'Smith, John' },
        7,
        oneColumn,
      ).map(pick),
    ).toEqual([
      {
        field: 'firstName',
        code: 'name-not-split',
        severity: 'error',
        fix: {
          field: 'firstName',
          value: 'John',
          kind: 'split-name',
          alsoSet: { field: 'lastName', value: 'Smith' },
        },
      },
    ]);
  });

  it('asks for a correction when it cannot be split', () => {
    expect(
      validateContact({ ...VALID, firstName: 'Cher', lastName: 'Cher' }, 7, oneColumn).map(pick),
    ).toEqual([{ field: 'firstName', code: 'name-not-split', severity: 'error' }]);
  });

  it('leaves equal names from columns of their own alone (a person called Thomas Thomas)', () => {
    expect(validateContact({ ...VALID, firstName: 'Thomas', lastName: 'Thomas' }, 7)).toEqual([]);
    expect(validateContact({ ...VALID, firstName: 'Li Wei', lastName: 'Li Wei' }, 7)).toEqual([]);
  });
});

describe('validateContact: options', () => {
  it('completes local numbers from a default country when the row has none usable', () => {
    const problems = validateContact(
      { ...VALID, workCountry: 'Narnia', workMobilePhone1: '07700 900123' },
      1,
      {
        defaultCountry: 'United Kingdom',
      },
    );
    expect(problems.map((p) => p.fix?.value)).toEqual([undefined, '447700900123']);
  });

  it('takes a rule table of its own', () => {
    const problems = validateContact({ firstName: '' }, 1, {
      rules: [
        {
          kind: 'oneOf',
          fields: ['firstName', 'lastName'],
          message: 'Needs a first or last name.',
          code: 'required-missing',
        },
      ],
    });
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['required-missing', 'Needs a first or last name.'],
    ]);
  });
});

describe('a time zone the row cannot tell', () => {
  it('says the country has several, and how to choose one', () => {
    const [problem] = validateContact({ ...VALID, timezone: '' }, 2);
    expect(problem?.message).toBe(
      'Time zone is empty; Whispir needs it to create the contact. Australia has several time zones, and this row gives no state or city to tell which: choose one with “Change a whole column” (for example Australia/Sydney), or match a state or city column.',
    );
    // A country of one zone gets it proposed instead; no country says nothing of zones.
    expect(
      validateContact({ ...VALID, timezone: '', workCountry: 'Japan' }, 2)[0]?.fix?.value,
    ).toBe('Asia/Tokyo');
    const none = validateContact(
      { ...VALID, timezone: '', workCountry: '', workMobilePhone1: '' },
      2,
    );
    expect(none.find((p) => p.field === 'timezone')?.message).not.toContain('several');
  });
});

describe('a value an XML or JSON contact repeats', () => {
  it('in an address field is a warning with the first kept; in the country, an error with it', () => {
    const problems = validateContact(
      {
        ...VALID,
        workAddress1: '1 George St; 12 Smith Ave',
        workSuburb: 'Sydney; Bondi',
        workCountry: 'Australia; Australia',
      },
      2,
    );
    expect(problems.map((p) => [p.field, p.code, p.severity, p.fix?.value])).toEqual([
      ['workCountry', 'country-unknown', 'error', 'Australia'],
      ['workAddress1', 'several-values', 'warning', '1 George St'],
      ['workSuburb', 'several-values', 'warning', 'Sydney'],
    ]);
    expect(problems[1]?.message).toBe(
      'Work address "1 George St; 12 Smith Ave" holds 2 values (the file repeats it for this contact); Whispir keeps one: 1 George St.',
    );
    // A semicolon that is part of one value of another field is left alone, and so is one
    // address written with one, when no other address field repeats.
    expect(validateContact({ ...VALID, department: 'Sales; Marketing' }, 2)).toEqual([]);
    expect(
      validateContact(
        { ...VALID, workAddress1: 'Level 2; 100 George St', workSuburb: 'Sydney' },
        2,
      ),
    ).toEqual([]);
  });
});
