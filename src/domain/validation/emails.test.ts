import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  hasUpperCase,
  isEmail,
  isPlainEmail,
  showStrayCharacters,
  strayCharacterOf,
  withoutStrayCharacters,
} from './emails';

describe('hasUpperCase', () => {
  it('is true exactly when lower-casing would change the value', () => {
    for (const value of ['jo@x.com', '61412345678', 'zoë.ó@x.ie', 'straße@x.de', '', '東京@x.jp'])
      expect(hasUpperCase(value), value).toBe(false);
    for (const value of ['Jo@x.com', 'jo@X', 'ZOË@x.ie', 'zoË@x.ie', 'ǅ@x.com', 'Łucja@x.pl'])
      expect(hasUpperCase(value), value).toBe(true);
  });
});

describe('isEmail', () => {
  it('takes addresses people type and refuses what cannot be one', () => {
    expect(isEmail('jo.li+work@mail.example.com.au')).toBe(true);
    expect(isEmail('zoë@exämple.de')).toBe(true);
    for (const value of ['jo@@x.com', 'jo at x.com', 'jo@', 'jo @x.com', '.jo@x.com', 'jo@x'])
      expect(isEmail(value), value).toBe(false);
  });

  it('refuses the hidden characters and dashes a copy from a web page or a document leaves', () => {
    expect(isEmail('δοκιμή@παράδειγμα.δοκιμή')).toBe(true);
    expect(isEmail('东京@例子.广告')).toBe(true);
    for (const hidden of ['\u200b', '\u00a0', '\u00ad', '\u200e', '\u2060', '\ufeff', '\u0085'])
      for (const value of [`jo${hidden}@x.com`, `jo@x.com${hidden}`, `jo@x${hidden}.com`])
        expect(isEmail(value), JSON.stringify(value)).toBe(false);
    expect(isEmail('jo\u2013li@x.com')).toBe(false);
    expect(isEmail('jo\u2212li@x.com')).toBe(false);
  });
});

describe('stray characters', () => {
  it('names the first, shows each, and takes them out (a dash becomes a hyphen)', () => {
    expect(strayCharacterOf('jo@x.com')).toBeUndefined();
    expect(strayCharacterOf('jo\u00a0li@x.com')).toBe('a no-break space (U+00A0) at character 3');
    expect(strayCharacterOf('jo\u2014li@x.com')).toBe('a dash (U+2014) at character 3');
    expect(strayCharacterOf('jo@x.com\u2066')).toBe('a hidden character (U+2066) at character 9');
    expect(showStrayCharacters('jo\u200b@x.com\u00ad')).toBe('jo[U+200B]@x.com[U+00AD]');
    expect(withoutStrayCharacters('jo\u200b\u2013li@x\u00ad.com\ufeff')).toBe('jo-li@x.com');
  });
});

describe('isPlainEmail', () => {
  it('is isEmail without capitals, for addresses in lower-case ASCII', () => {
    expect(isPlainEmail('jo.li+work@mail.example.com.au')).toBe(true);
    expect(isPlainEmail('jo@xn--bcher-kva.example')).toBe(true);
    for (const value of [
      'Jo@x.com',
      'zoë@exämple.de',
      'jo@@x.com',
      'jo@x',
      `${'a'.repeat(65)}@x.com`,
    ])
      expect(isPlainEmail(value), value).toBe(false);
    // Over every shape of address: a yes is always isEmail's yes with nothing to lower-case.
    const part = fc.oneof(
      fc.stringMatching(/^[a-z0-9]{1,8}$/),
      fc.stringMatching(/^[a-z0-9][a-z0-9.+_-]{0,10}$/),
      fc.stringMatching(/^[a-zA-Zé0-9.+_-]{0,12}$/),
    );
    const addresses = fc
      .tuple(
        part,
        fc.constantFrom('@', '@', '@@', '', ' @'),
        part,
        fc.constantFrom('.com', '.c', '', '.COM.au', '.ie'),
      )
      .map(([local, at, domain, tld]) => `${local}${at}${domain}${tld}`);
    let yes = 0;
    fc.assert(
      fc.property(addresses, (value) => {
        const plain = isPlainEmail(value);
        if (plain) yes++;
        const lowerAscii = [...value].every((c) => c.charCodeAt(0) < 128) && !hasUpperCase(value);
        expect(plain).toBe(isEmail(value) && lowerAscii);
      }),
      { numRuns: 2000 },
    );
    expect(yes).toBeGreaterThan(20);
  });
});
