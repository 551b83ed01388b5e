import { describe, expect, it } from 'vitest';
import {
  checkColumnFit,
  looksLikeCountry,
  looksLikeEmail,
  looksLikePhone,
  looksLikeTimezone,
  profileColumn,
} from './sniff-values';

const valueCases: {
  description: string;
  input: string;
  expected: { email: boolean; phone: boolean; country: boolean; timezone: boolean };
}[] = [
  { description: 'email', input: 'jane.smith@testcompany.com', expected: { email: true, phone: false, country: false, timezone: false } },
  { description: 'the seed page typo', input: 'jane.smith@testcompany,com', expected: { email: false, phone: false, country: false, timezone: false } },
  { description: 'Whispir phone format', input: '61423456789', expected: { email: false, phone: true, country: false, timezone: false } },
  { description: 'local mobile with spaces', input: '0423 456 789', expected: { email: false, phone: true, country: false, timezone: false } },
  { description: 'international with brackets', input: '+61 (2) 9876-5432', expected: { email: false, phone: true, country: false, timezone: false } },
  { description: 'too short for a phone', input: '1234 567', expected: { email: false, phone: false, country: false, timezone: false } },
  { description: 'too long for a phone', input: '1234567890123456', expected: { email: false, phone: false, country: false, timezone: false } },
  { description: 'an ISO date is not a phone', input: '2024-01-15', expected: { email: false, phone: false, country: false, timezone: false } },
  { description: 'a European date is not a phone', input: '15.01.2024', expected: { email: false, phone: false, country: false, timezone: false } },
  { description: 'country name', input: 'Australia', expected: { email: false, phone: false, country: true, timezone: false } },
  { description: 'ISO-2 code', input: 'NZ', expected: { email: false, phone: false, country: true, timezone: false } },
  { description: 'ISO-3 code', input: 'SGP', expected: { email: false, phone: false, country: true, timezone: false } },
  { description: 'country in another language', input: 'Deutschland', expected: { email: false, phone: false, country: true, timezone: false } },
  { description: 'lower-case code is a word, not Norway', input: 'no', expected: { email: false, phone: false, country: false, timezone: false } },
  { description: 'offset +10', input: '+10', expected: { email: false, phone: false, country: false, timezone: true } },
  { description: 'offset -05:30', input: '-05:30', expected: { email: false, phone: false, country: false, timezone: true } },
  { description: 'offset UTC+10', input: 'UTC+10', expected: { email: false, phone: false, country: false, timezone: true } },
  { description: 'offset GMT-3', input: 'GMT-3', expected: { email: false, phone: false, country: false, timezone: true } },
  { description: 'IANA name', input: 'Australia/Melbourne', expected: { email: false, phone: false, country: false, timezone: true } },
  { description: 'IANA name with three parts', input: 'America/Argentina/Buenos_Aires', expected: { email: false, phone: false, country: false, timezone: true } },
  { description: 'Windows display name', input: '(UTC+10:00) Canberra, Melbourne, Sydney', expected: { email: false, phone: false, country: false, timezone: true } },
  { description: 'offset beyond +14 is not a zone', input: '+61', expected: { email: false, phone: false, country: false, timezone: false } },
  { description: 'a path is not a zone', input: 'Sales/North', expected: { email: false, phone: false, country: false, timezone: false } },
]; // prettier-ignore

describe('value sniffers', () => {
  it.each(valueCases)('$description: "$input"', ({ input, expected }) => {
    expect({
      email: looksLikeEmail(input),
      phone: looksLikePhone(input),
      country: looksLikeCountry(input),
      timezone: looksLikeTimezone(input),
    }).toEqual(expected);
  });
});

describe('profileColumn', () => {
  const cases: { description: string; input: string[]; expected: ReturnType<typeof profileColumn>['kind'] }[] = [
    { description: 'all emails', input: ['a@b.co', 'c@d.org'], expected: 'email' },
    { description: '4 of 5 phones is enough', input: ['0412345678', '0412345679', '0412345670', '0412345671', 'n/a'], expected: 'phone' },
    { description: '3 of 5 phones is not', input: ['0412345678', '0412345679', '0412345670', 'n/a', 'none'], expected: undefined },
    { description: 'empty cells do not count', input: ['', 'Australia', ' ', 'NZ'], expected: 'country' },
    { description: 'no values', input: ['', ''], expected: undefined },
  ]; // prettier-ignore
  it.each(cases)('$description', ({ input, expected }) => {
    expect(profileColumn(input).kind).toBe(expected);
  });
});

describe('checkColumnFit', () => {
  const emails = ['a@example.com', 'b@example.com', 'c@example.com'];
  const cases: {
    description: string;
    input: { field: string; samples: string[]; column?: string };
    expected: { fits: boolean; message?: string };
  }[] = [
    {
      description: 'the seed page: Work mobile mapped to the email column',
      input: { field: 'workMobilePhone1', samples: emails, column: 'workEmailAddress1' },
      expected: {
        fits: false,
        message: 'The column "workEmailAddress1" holds email addresses, not phone numbers.',
      },
    },
    {
      description: 'email field on phone numbers',
      input: { field: 'workEmailAddress1', samples: ['61423456789', '61423456780'], column: 'Mobile' },
      expected: { fits: false, message: 'The column "Mobile" holds phone numbers, not email addresses.' },
    },
    {
      description: 'phone field on text',
      input: { field: 'workMobilePhone1', samples: ['call me', 'ask Bob', '0412345678'], column: 'Notes' },
      expected: { fits: false, message: 'Only 1 of 3 values in the column "Notes" look like phone numbers.' },
    },
    {
      description: 'without a column name',
      input: { field: 'timezone', samples: ['Australia', 'New Zealand'] },
      expected: { fits: false, message: 'This column holds country names, not time zones.' },
    },
    {
      description: 'text field on emails',
      input: { field: 'firstName', samples: emails, column: 'Email' },
      expected: { fits: false, message: 'The column "Email" holds email addresses, which do not belong in First name.' },
    },
    {
      description: 'phones fit a phone field',
      input: { field: 'workPhone1', samples: ['(02) 9876 5432', '+61 2 9876 5433'] },
      expected: { fits: true },
    },
    {
      description: 'half the values fitting is enough (validation reports the rest)',
      input: { field: 'workCountry', samples: ['Australia', 'Oz'] },
      expected: { fits: true },
    },
    {
      description: 'names fit a text field',
      input: { field: 'lastName', samples: ['Smith', 'Nguyen'] },
      expected: { fits: true },
    },
    {
      description: 'an empty column fits anything',
      input: { field: 'timezone', samples: ['', ''] },
      expected: { fits: true },
    },
    {
      description: 'custom fields are not judged',
      input: { field: 'custom_StaffId', samples: emails },
      expected: { fits: true },
    },
  ]; // prettier-ignore
  it.each(cases)('$description', ({ input, expected }) => {
    expect(checkColumnFit(input.field, input.samples, input.column)).toEqual(expected);
  });
});
