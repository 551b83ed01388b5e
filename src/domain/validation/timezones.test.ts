import { describe, expect, it } from 'vitest';
import { checkTimezone, formatOffset } from './timezones';

describe('checkTimezone', () => {
  const cases: {
    description: string;
    input: string;
    expected: ReturnType<typeof checkTimezone>;
  }[] = [
    { description: 'whole-hour offset', input: '+10', expected: { kind: 'valid' } },
    { description: 'negative offset', input: '-05', expected: { kind: 'valid' } },
    { description: 'half-hour offset', input: '+05:30', expected: { kind: 'valid' } },
    { description: 'negative half-hour offset', input: '-03:30', expected: { kind: 'valid' } },
    { description: 'three-quarter offset (Nepal)', input: '+05:45', expected: { kind: 'valid' } },
    { description: 'whole hour written +NN:MM', input: '+10:00', expected: { kind: 'valid' } },
    { description: 'the most easterly offset', input: '+14', expected: { kind: 'valid' } },
    { description: 'IANA name', input: 'Australia/Melbourne', expected: { kind: 'valid' } },
    { description: 'IANA half-hour zone', input: 'Asia/Kolkata', expected: { kind: 'valid' } },
    {
      description: 'IANA half-hour zone, Adelaide',
      input: 'Australia/Adelaide',
      expected: { kind: 'valid' },
    },
    { description: 'legacy IANA name', input: 'Asia/Calcutta', expected: { kind: 'valid' } },
    { description: 'IANA link in mixed case', input: 'US/Eastern', expected: { kind: 'valid' } },
    { description: 'UTC+10', input: 'UTC+10', expected: { kind: 'fixable', value: '+10' } },
    { description: 'GMT+10', input: 'GMT+10', expected: { kind: 'fixable', value: '+10' } },
    {
      description: 'GMT with a space',
      input: 'GMT -3',
      expected: { kind: 'fixable', value: '-03' },
    },
    { description: '+1000', input: '+1000', expected: { kind: 'fixable', value: '+10' } },
    { description: 'UTC+5:30', input: 'UTC+5:30', expected: { kind: 'fixable', value: '+05:30' } },
    { description: '+0530', input: '+0530', expected: { kind: 'fixable', value: '+05:30' } },
    {
      description: 'lower-case utc',
      input: 'utc-9:30',
      expected: { kind: 'fixable', value: '-09:30' },
    },
    { description: 'single-digit hour', input: '+5', expected: { kind: 'fixable', value: '+05' } },
    {
      description: 'no sign (Excel dropped the +)',
      input: '10',
      expected: { kind: 'fixable', value: '+10' },
    },
    { description: 'typographic minus', input: '−05', expected: { kind: 'fixable', value: '-05' } },
    { description: 'UTC alone', input: 'UTC', expected: { kind: 'fixable', value: '+00' } },
    {
      description: 'IANA name in lower case',
      input: 'australia/adelaide',
      expected: { kind: 'fixable', value: 'Australia/Adelaide' },
    },
    {
      description: 'IANA name in capitals',
      input: 'ASIA/KOLKATA',
      expected: { kind: 'fixable', value: 'Asia/Kolkata' },
    },
    {
      description: 'IANA name with dashes',
      input: 'america/port-au-prince',
      expected: { kind: 'fixable', value: 'America/Port-au-Prince' },
    },
    { description: 'beyond +14', input: '+15', expected: { kind: 'invalid' } },
    { description: 'beyond -12', input: 'UTC-13', expected: { kind: 'invalid' } },
    { description: 'minutes no zone uses', input: '+05:20', expected: { kind: 'invalid' } },
    { description: 'abbreviation', input: 'AEST', expected: { kind: 'invalid' } },
    { description: 'city alone', input: 'Melbourne', expected: { kind: 'invalid' } },
    { description: 'made-up zone', input: 'Mars/Olympus_Mons', expected: { kind: 'invalid' } },
  ];
  it.each(cases)('$description: $input', ({ input, expected }) => {
    expect(checkTimezone(input)).toEqual(expected);
  });
});

describe('formatOffset', () => {
  const cases: { input: ['+' | '-', number, number]; expected: string }[] = [
    { input: ['+', 10, 0], expected: '+10' },
    { input: ['-', 3, 30], expected: '-03:30' },
    { input: ['+', 5, 45], expected: '+05:45' },
  ];
  it.each(cases)('$expected', ({ input: [sign, hours, minutes], expected }) => {
    expect(formatOffset(sign, hours, minutes)).toBe(expected);
  });
});
