import { describe, expect, it } from 'vitest';
import {
  NORMALISERS,
  normaliseCountry,
  normaliseEmail,
  normalisePhone,
  normaliseTimezone,
  phoneRegionOf,
  trimValue,
  type Normaliser,
} from './normalisers';

interface Case {
  description: string;
  input: [string, Record<string, string>?];
  expected: string | undefined;
}

const run = (normaliser: Normaliser) => (c: Case) => {
  expect(normaliser(c.input[0], c.input[1] ?? {})).toBe(c.expected);
};

describe('normalisePhone', () => {
  const cases: Case[] = [
    {
      description: 'AU mobile',
      input: ['0412 345 678', { workCountry: 'Australia' }],
      expected: '61412345678',
    },
    {
      description: 'AU, country as ISO code',
      input: ['0412 345 678', { workCountry: 'AU' }],
      expected: '61412345678',
    },
    {
      description: 'NZ mobile',
      input: ['021 123 4567', { workCountry: 'New Zealand' }],
      expected: '64211234567',
    },
    {
      description: 'UK mobile, country as UK',
      input: ['07700 900123', { workCountry: 'UK' }],
      expected: '447700900123',
    },
    {
      description: 'US number',
      input: ['(415) 555-0132', { workCountry: 'United States' }],
      expected: '14155550132',
    },
    {
      description: 'DE mobile',
      input: ['0151 23456789', { workCountry: 'Germany' }],
      expected: '4915123456789',
    },
    {
      description: 'IN mobile, country as IND',
      input: ['098765 43210', { workCountry: 'IND' }],
      expected: '919876543210',
    },
    {
      description: '+61 with spaces, no country needed',
      input: ['+61 412 345 678'],
      expected: '61412345678',
    },
    {
      description: 'already in Whispir form',
      input: ['61412345678', { workCountry: 'Australia' }],
      expected: undefined,
    },
    {
      description: 'Whispir form with spaces around',
      input: [' 61412345678 ', { workCountry: 'Australia' }],
      expected: '61412345678',
    },
    {
      description: 'local number, no country: no safe fix',
      input: ['0412 345 678'],
      expected: undefined,
    },
    {
      description: 'not a number',
      input: ['n/a', { workCountry: 'Australia' }],
      expected: undefined,
    },
  ];
  it.each(cases)('$description: $input.0', run(normalisePhone));
});

describe('normaliseCountry', () => {
  const cases: Case[] = [
    { description: 'ISO alpha-2', input: ['AU'], expected: 'Australia' },
    { description: 'ISO alpha-3', input: ['NZL'], expected: 'New Zealand' },
    { description: 'UK', input: ['UK'], expected: 'United Kingdom' },
    { description: 'USA', input: ['USA'], expected: 'United States' },
    { description: 'alias', input: ['Holland'], expected: 'Netherlands' },
    { description: 'accents restored', input: ["cote d'ivoire"], expected: "Côte d'Ivoire" },
    { description: 'spaces', input: [' Australia '], expected: 'Australia' },
    { description: 'already right', input: ['Australia'], expected: undefined },
    { description: 'unknown: left alone, trimmed only', input: ['Austrlia'], expected: undefined },
  ];
  it.each(cases)('$description: $input.0', run(normaliseCountry));
});

describe('normaliseTimezone', () => {
  const cases: Case[] = [
    { description: 'UTC+10', input: ['UTC+10'], expected: '+10' },
    { description: 'GMT+10', input: ['GMT+10'], expected: '+10' },
    { description: '+1000', input: ['+1000'], expected: '+10' },
    { description: 'UTC+5:30', input: ['UTC+5:30'], expected: '+05:30' },
    { description: 'GMT-3:30', input: ['GMT-3:30'], expected: '-03:30' },
    { description: 'IANA case', input: ['asia/kolkata'], expected: 'Asia/Kolkata' },
    { description: 'spaces', input: [' +10 '], expected: '+10' },
    { description: 'already right', input: ['+05:30'], expected: undefined },
    { description: 'already right, IANA', input: ['Australia/Adelaide'], expected: undefined },
    { description: 'unusable', input: ['AEST'], expected: undefined },
  ];
  it.each(cases)('$description: $input.0', run(normaliseTimezone));
});

describe('normaliseEmail', () => {
  const cases: Case[] = [
    {
      description: 'capitals',
      input: ['Zoe.Nunez@Example.COM'],
      expected: 'zoe.nunez@example.com',
    },
    { description: 'spaces', input: [' zoe@example.com\t'], expected: 'zoe@example.com' },
    { description: 'already right', input: ['zoe@example.com'], expected: undefined },
  ];
  it.each(cases)('$description: $input.0', run(normaliseEmail));
});

describe('trimValue', () => {
  const cases: Case[] = [
    { description: 'accented name', input: ['  François '], expected: 'François' },
    { description: 'non-breaking space', input: ['Núñez\u00a0'], expected: 'Núñez' },
    { description: 'inner spaces kept', input: ['Mary Anne'], expected: undefined },
  ];
  it.each(cases)('$description: $input.0', run(trimValue));
});

describe('NORMALISERS and phoneRegionOf', () => {
  it('has a normaliser for every catalogue format', () => {
    expect(Object.keys(NORMALISERS).sort()).toEqual(
      ['country', 'email', 'phone', 'postcode', 'status', 'text', 'timezone'].sort(),
    );
  });

  it.each([
    { input: 'Australia', expected: 'AU' },
    { input: 'nzl', expected: 'NZ' },
    { input: 'Antarctica', expected: undefined },
    { input: '', expected: undefined },
  ])('phoneRegionOf($input) = $expected', ({ input, expected }) => {
    expect(phoneRegionOf(input)).toBe(expected);
  });
});
