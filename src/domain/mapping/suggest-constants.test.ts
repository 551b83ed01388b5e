import { describe, expect, it } from 'vitest';
import { looksLikeCountry, looksLikeTimezone } from './sniff-values';
import { suggestConstants } from './suggest-constants';

describe('suggestConstants', () => {
  const cases: { description: string; input: { field: string; country?: string }; expected: string[] }[] = [
    { description: 'country: Australia and New Zealand first', input: { field: 'workCountry' }, expected: ['Australia', 'New Zealand', 'Singapore'] },
    { description: 'any country field', input: { field: 'personalCountry' }, expected: ['Australia', 'New Zealand'] },
    { description: 'time zone: Sydney first', input: { field: 'timezone' }, expected: ['Australia/Sydney', 'Australia/Melbourne'] },
    { description: 'time zone for New Zealand', input: { field: 'timezone', country: 'New Zealand' }, expected: ['Pacific/Auckland'] },
    { description: 'time zone for a country code', input: { field: 'timezone', country: 'gb' }, expected: ['Europe/London'] },
    { description: 'status', input: { field: 'status' }, expected: ['A', 'D'] },
  ]; // prettier-ignore
  it.each(cases)('$description', ({ input, expected }) => {
    const suggestions = suggestConstants(
      input.field,
      input.country ? { country: input.country } : {},
    );
    expect(suggestions.slice(0, expected.length)).toEqual(expected);
  });

  it('offers nothing for free text', () => {
    expect(suggestConstants('firstName')).toEqual([]);
    expect(suggestConstants('custom_StaffId')).toEqual([]);
  });

  it('offers the +10 offset and Auckland among the time zones', () => {
    expect(suggestConstants('timezone')).toEqual(
      expect.arrayContaining(['+10', 'Pacific/Auckland']),
    );
  });

  it('offers only values the sniffers accept, without repeats', () => {
    for (const country of ['Australia', 'United States', 'India', undefined]) {
      const zones = suggestConstants('timezone', country ? { country } : {});
      expect(zones.every(looksLikeTimezone)).toBe(true);
      expect(new Set(zones).size).toBe(zones.length);
    }
    expect(suggestConstants('workCountry').every(looksLikeCountry)).toBe(true);
  });
});
