import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { lineTypeOf, typeOfNumber } from './line-types';

describe('lineTypeOf', () => {
  it.each([
    ['61412345678', 'mobile'], // Australian mobile
    ['61298765432', 'fixed'], // Sydney landline
    ['61398765432', 'fixed'], // Melbourne landline
    ['64211234567', 'mobile'], // New Zealand mobile
    ['6493001234', 'fixed'], // Auckland landline
    ['447911123456', 'mobile'], // UK mobile
    ['447700900123', 'unknown'], // UK drama range: not a real mobile, never flagged
    ['442079460000', 'fixed'], // London landline
    ['14155550132', 'either'], // the US plan does not tell
  ])('%s is %s', (number, type) => {
    expect(lineTypeOf(number)).toBe(type);
  });

  it('answers from the prefix for the numbers that follow', () => {
    expect(lineTypeOf('61412345678')).toBe('mobile');
    expect(lineTypeOf('61412999999')).toBe('mobile');
    expect(lineTypeOf('61299999999')).toBe('fixed');
  });

  it('answers an unknown range from its prefix and length, and never lends it to another length', () => {
    expect(lineTypeOf('61471646355')).toBe('unknown'); // 0471: no Australian plan gives it
    expect(lineTypeOf('61471600000')).toBe('unknown');
    expect(lineTypeOf('6141234567')).toBe('unknown'); // a digit short
    expect(lineTypeOf('61412345670')).toBe('mobile'); // same prefix, the right length
    expect(lineTypeOf('614123456789')).toBe('unknown'); // a digit too many
    expect(lineTypeOf('61412345671')).toBe('mobile');
  });

  it("types every number as libphonenumber's parser does, trunk prefixes and unknown codes too", () => {
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const starts = ['614', '612', '642', '649', '447', '4420', '1415', '1212', '491', '4930'];
    starts.push(
      '336',
      '331',
      '393',
      '3902',
      '34',
      '31',
      '310',
      '3530',
      '353',
      '7',
      '86',
      '999',
      '0',
    );
    const numbers = ['61412345678', '6129876543', '353578855869', '3530578855869', '99912345678'];
    for (let i = 0; i < 30_000; i++) {
      let digits = starts[Math.floor(next() * starts.length)] as string;
      const length = 6 + Math.floor(next() * 10);
      while (digits.length < length) digits += String(Math.floor(next() * 10));
      numbers.push(digits);
    }
    for (const digits of numbers)
      expect(typeOfNumber(digits), digits).toBe(
        parsePhoneNumberFromString(`+${digits}`)?.getType(),
      );
  });
});
