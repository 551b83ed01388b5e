import { describe, expect, it } from 'vitest';
import { CHANNEL_KEYS, CONTACT_FIELDS, ROW_REQUIRED_KEYS } from '../whispir/contact-fields';
import { ROW_RULES, areaCodeFieldOf, compileRules } from './rules';

describe('ROW_RULES', () => {
  it('requires the Part A §6 fields', () => {
    const required = ROW_RULES.flatMap((r) => (r.kind === 'required' ? [r.field] : []));
    expect(required).toEqual([...ROW_REQUIRED_KEYS]);
  });

  it('requires one of the channels, with a plain message', () => {
    const oneOf = ROW_RULES.filter((r) => r.kind === 'oneOf');
    expect(oneOf).toEqual([
      {
        kind: 'oneOf',
        fields: CHANNEL_KEYS,
        message: 'Row has no email or mobile, so Whispir cannot create the contact.',
      },
    ]);
  });

  it.each(['email', 'phone', 'country', 'timezone'] as const)(
    'checks every %s field of the catalogue',
    (format) => {
      const fields = CONTACT_FIELDS.filter((f) => f.format === format).map((f) => f.key);
      const checked = ROW_RULES.flatMap((r) =>
        r.kind === 'format' && r.check === format ? [r.field] : [],
      );
      expect(checked).toEqual(fields);
      expect(checked.length).toBeGreaterThan(0);
    },
  );
});

describe('areaCodeFieldOf', () => {
  it.each([
    { input: 'workPhone1', expected: 'workPhoneAreaCode1' },
    { input: 'personalPhone2', expected: 'personalPhoneAreaCode2' },
    { input: 'workFax1', expected: 'workFaxAreaCode1' },
    { input: 'otherPhone1', expected: 'otherPhoneAreaCode1' },
    { input: 'workMobilePhone1', expected: undefined },
    { input: 'personalFax2', expected: undefined },
  ])('$input → $expected', ({ input, expected }) => {
    expect(areaCodeFieldOf(input)).toBe(expected);
  });
});

describe('compileRules', () => {
  it('indexes format rules by field, with labels and area codes', () => {
    const compiled = compileRules(ROW_RULES);
    expect(compiled.formats.get('workPhone1')).toEqual({
      check: 'phone',
      label: 'Work phone',
      areaCode: 'workPhoneAreaCode1',
    });
    expect(compiled.required.map((r) => r.label)).toEqual([
      'First name',
      'Last name',
      'Country',
      'Time zone',
    ]);
  });
});
