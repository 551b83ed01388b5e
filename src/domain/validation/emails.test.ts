import { describe, expect, it } from 'vitest';
import { hasUpperCase, isEmail } from './emails';

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
