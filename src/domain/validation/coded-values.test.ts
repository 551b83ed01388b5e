import { describe, expect, it } from 'vitest';
import { proposeCodedValue, proposeStatus } from './coded-values';

describe('proposeStatus', () => {
  it.each([
    ['Active', 'A'],
    ['active ', 'A'],
    ['A', 'A'],
    ['Yes', 'A'],
    ['enabled', 'A'],
    ['Inactive', 'D'],
    ['Disabled', 'D'],
    ['d', 'D'],
    ['Left', 'D'],
    ['false', 'D'],
    // HR and school systems' states.
    ['Terminated', 'D'],
    ['Resigned', 'D'],
    ['Not Active', 'D'],
    ['Graduated', 'D'],
    ['On Leave', 'A'],
    ['Employed', 'A'],
  ])('%s → %s', (value, status) => {
    expect(proposeStatus(value)).toBe(status);
  });

  it('proposes nothing for a word it does not know', () => {
    expect(proposeStatus('Pending')).toBeUndefined();
  });
});

describe('proposeCodedValue', () => {
  it.each([
    ['country', 'Aus', 'Australia'],
    ['country', 'AU', 'Australia'],
    ['country', 'australia', 'Australia'],
    ['country', 'Autralia', 'Australia'],
    ['country', 'UK', 'United Kingdom'],
    ['timezone', 'AEST', 'Australia/Sydney'],
    ['timezone', 'GMT+10', '+10'],
    ['timezone', 'Australia/Perth', 'Australia/Perth'],
    ['status', 'Inactive', 'D'],
  ] as const)('%s %s → %s', (kind, value, proposed) => {
    expect(proposeCodedValue(kind, value)).toBe(proposed);
  });

  it('reads a time zone abbreviation in the places of its rows', () => {
    const au = { country: 'Australia' };
    expect(proposeCodedValue('timezone', 'EST', [au, { country: 'AU' }])).toBe('Australia/Sydney');
    expect(proposeCodedValue('timezone', 'EST', [{ country: 'United States' }])).toBe(
      'America/New_York',
    );
    // Rows that disagree, or a country the reading is not of: the person chooses.
    expect(
      proposeCodedValue('timezone', 'EST', [au, { country: 'United States' }]),
    ).toBeUndefined();
    expect(
      proposeCodedValue('timezone', 'EST', [au, { country: 'AU', state: 'QLD' }]),
    ).toBeUndefined();
    expect(proposeCodedValue('timezone', 'EST', [{ country: 'Ghana' }])).toBeUndefined();
    // A row that says nothing of its place reads it the usual way.
    expect(proposeCodedValue('timezone', 'EST', [{}])).toBe('America/New_York');
    expect(proposeCodedValue('timezone', 'EST', [au, {}])).toBeUndefined();
  });

  it('reads GMT as London’s or Dublin’s zone when every row is there', () => {
    expect(proposeCodedValue('timezone', 'GMT', [{ country: 'UK' }])).toBe('Europe/London');
    expect(proposeCodedValue('timezone', 'GMT', [{ country: 'Ireland' }])).toBe('Europe/Dublin');
    expect(proposeCodedValue('timezone', 'GMT', [{ country: 'UK' }, { country: 'Ireland' }])).toBe(
      '+00',
    );
    expect(proposeCodedValue('timezone', 'GMT', [])).toBe('+00');
  });

  it('leaves the choice to the person when nothing is clear', () => {
    expect(proposeCodedValue('country', 'Narnia')).toBeUndefined();
    expect(proposeCodedValue('timezone', 'Mars')).toBeUndefined();
    expect(proposeCodedValue('status', '')).toBeUndefined();
  });
});
