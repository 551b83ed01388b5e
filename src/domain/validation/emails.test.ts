import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasUpperCase, isEmail, isPlainEmail } from './emails';

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
