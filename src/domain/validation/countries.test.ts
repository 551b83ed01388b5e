import { getCountries } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { COUNTRIES, findCountry, suggestCountry } from './countries';

describe('findCountry', () => {
  const cases: { description: string; input: string; expected: [string, string] | undefined }[] = [
    { description: 'exact name', input: 'Australia', expected: ['Australia', 'name'] },
    {
      description: 'name with accents',
      input: "Côte d'Ivoire",
      expected: ["Côte d'Ivoire", 'name'],
    },
    {
      description: 'name without its accents',
      input: "Cote d'Ivoire",
      expected: ["Côte d'Ivoire", 'name-variant'],
    },
    {
      description: 'typographic apostrophe',
      input: 'Côte d’Ivoire',
      expected: ["Côte d'Ivoire", 'name-variant'],
    },
    { description: 'lower case', input: 'new zealand', expected: ['New Zealand', 'name-variant'] },
    {
      description: 'leading "The"',
      input: 'The Netherlands',
      expected: ['Netherlands', 'name-variant'],
    },
    {
      description: '& for and',
      input: 'Trinidad & Tobago',
      expected: ['Trinidad and Tobago', 'name-variant'],
    },
    { description: 'ISO alpha-2', input: 'AU', expected: ['Australia', 'code'] },
    { description: 'ISO alpha-2, lower case', input: 'nz', expected: ['New Zealand', 'code'] },
    { description: 'ISO alpha-3', input: 'NZL', expected: ['New Zealand', 'code'] },
    {
      description: 'UK is not ISO but means GB',
      input: 'UK',
      expected: ['United Kingdom', 'code'],
    },
    { description: 'USA', input: 'USA', expected: ['United States', 'code'] },
    { description: 'U.S.A. with dots', input: 'U.S.A.', expected: ['United States', 'code'] },
    { description: 'UAE', input: 'UAE', expected: ['United Arab Emirates', 'code'] },
    { description: 'alias', input: 'Holland', expected: ['Netherlands', 'alias'] },
    { description: 'alias: England', input: 'England', expected: ['United Kingdom', 'alias'] },
    { description: 'alias: Czechia', input: 'Czechia', expected: ['Czech Republic', 'alias'] },
    { description: 'alias with accent: Türkiye', input: 'Türkiye', expected: ['Turkey', 'alias'] },
    {
      description: 'Georgia the country is a name',
      input: 'Georgia',
      expected: ['Georgia', 'name'],
    },
    {
      description: 'as ISO lists it, the qualifier after a comma',
      input: 'Korea, Republic of',
      expected: ['South Korea', 'alias'],
    },
    {
      description: 'the same, for the other Korea',
      input: "Korea, Democratic People's Republic of",
      expected: ['North Korea', 'alias'],
    },
    {
      description: 'the same, read in its usual order',
      input: 'Iran, Islamic Republic of',
      expected: ['Iran', 'alias'],
    },
    {
      description: 'the same, the name before the comma',
      input: 'Taiwan, Province of China',
      expected: ['Taiwan', 'alias'],
    },
    {
      description: 'a city and a country is not a country',
      input: 'Sydney, Australia',
      expected: undefined,
    },
    {
      description: 'a state and its country is not the country of that name',
      input: 'Georgia, United States',
      expected: undefined,
    },
    { description: 'misspelt', input: 'Austrlia', expected: undefined },
    { description: 'a city', input: 'Sydney', expected: undefined },
  ];
  it.each(cases)('$description: $input', ({ input, expected }) => {
    const found = findCountry(input);
    expect(found ? [found.country.name, found.kind] : undefined).toEqual(expected);
  });
});

describe('suggestCountry', () => {
  const cases = [
    { description: 'one letter missing', input: 'Australa', expected: 'Australia' },
    { description: 'as close to Austria as to Australia', input: 'Austrlia', expected: undefined },
    { description: 'two letters swapped', input: 'Gemrany', expected: 'Germany' },
    { description: 'misspelt alias', input: 'Hollland', expected: 'Netherlands' },
    { description: 'too short to guess', input: 'Aus', expected: undefined },
    { description: 'nothing close', input: 'Atlantis', expected: undefined },
  ];
  it.each(cases)('$description: $input', ({ input, expected }) => {
    expect(suggestCountry(input)?.name).toBe(expected);
  });
});

describe('COUNTRIES', () => {
  it('has unique codes and names', () => {
    for (const key of ['iso2', 'iso3', 'name'] as const) {
      expect(new Set(COUNTRIES.map((c) => c[key])).size).toBe(COUNTRIES.length);
    }
  });

  it('covers every region libphonenumber dials, but the two with no country of their own', () => {
    const known = new Set(COUNTRIES.map((c) => c.iso2));
    // AC (Ascension) and TA (Tristan da Cunha) are parts of Saint Helena in ISO 3166.
    expect(getCountries().filter((region) => !known.has(region))).toEqual(['AC', 'TA']);
  });

  it('finds a country named in the language of the list, as an alias to rewrite', () => {
    for (const [text, iso2] of [
      ['Frankreich', 'FR'],
      ['Espagne', 'ES'],
      ['Países Bajos', 'NL'],
      ['Stati Uniti', 'US'],
      ['Nieuw-Zeeland', 'NZ'],
      ['Sverige', 'SE'],
    ] as const) {
      expect(findCountry(text), text).toMatchObject({ country: { iso2 }, kind: 'alias' });
    }
    // Not a country in any language; a short word; a name two languages give two countries.
    for (const text of ['Narnia', 'Man', 'Kongo']) expect(findCountry(text), text).toBeUndefined();
  });

  it('finds every name, alias and code as itself', () => {
    for (const country of COUNTRIES) {
      expect(findCountry(country.name)?.country).toBe(country);
      for (const text of [...country.aliases, country.iso2, country.iso3]) {
        expect(findCountry(text)?.country.iso2, text).toBe(country.iso2);
      }
    }
  });
});
