import { describe, expect, it } from 'vitest';
import { editDistance, normaliseHeader, similarity, similarityAtLeast } from './normalise-header';

describe('normaliseHeader', () => {
  const cases: { input: string; expected: { base: string; index?: number } }[] = [
    { input: 'Mobile No.', expected: { base: 'mobile' } },
    { input: 'MOBILE #', expected: { base: 'mobile' } },
    { input: 'mobile_number', expected: { base: 'mobile' } },
    { input: 'Phone Number 2', expected: { base: 'phone', index: 2 } },
    { input: 'workMobilePhone1', expected: { base: 'workmobilephone', index: 1 } },
    { input: 'WorkEmailAddressSecondary', expected: { base: 'workemailaddress', index: 2 } },
    { input: 'E-Mail', expected: { base: 'email' } },
    { input: 'Prénom', expected: { base: 'prenom' } },
    { input: 'Straße', expected: { base: 'strasse' } },
    { input: 'Teléfono Nº', expected: { base: 'telefono' } },
    { input: 'No', expected: { base: 'no' } },
    { input: '  ', expected: { base: '' } },
  ];
  it.each(cases)('"$input"', ({ input, expected }) => {
    const { base, index } = normaliseHeader(input);
    expect({ base, ...(index === undefined ? {} : { index }) }).toEqual(expected);
  });

  it('keeps the number in the full form', () => {
    expect(normaliseHeader('Email 1').full).toBe('email1');
  });

  it('sorts words for order-insensitive comparison', () => {
    expect(normaliseHeader('Email (work)').sortedBase).toBe(
      normaliseHeader('Work email').sortedBase,
    );
  });
});

describe('editDistance and similarity', () => {
  const cases: { a: string; b: string; expected: number }[] = [
    { a: 'email', b: 'email', expected: 0 },
    { a: 'emial', b: 'email', expected: 1 },
    { a: 'mobile', b: 'mobil', expected: 1 },
    { a: '', b: 'tz', expected: 2 },
    { a: 'kitten', b: 'sitting', expected: 3 },
  ];
  it.each(cases)('$a ↔ $b = $expected', ({ a, b, expected }) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('skips what the lengths rule out, and agrees with similarity otherwise', () => {
    expect(similarityAtLeast('tz', 'timezone', 0.8)).toBe(0);
    expect(similarityAtLeast('emial', 'email', 0.8)).toBeCloseTo(0.8);
    expect(similarityAtLeast('email', 'phone', 0.8)).toBe(0);
  });

  it('scales to 0..1', () => {
    expect(similarity('email', 'emial')).toBeCloseTo(0.8);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
});
