import { describe, expect, it } from 'vitest';
import {
  customFieldKey,
  customFieldName,
  isCustomFieldKey,
  parseCustomFieldName,
  type CustomFieldNameResult,
} from './custom-fields';

describe('isCustomFieldKey', () => {
  const cases: { input: string; expected: boolean }[] = [
    { input: 'custom_StaffId', expected: true },
    { input: 'custom_cost_centre_2', expected: true },
    { input: 'StaffId', expected: false },
    { input: 'custom_', expected: false },
    { input: 'custom_2fa', expected: false },
    { input: 'custom_Staff Id', expected: false },
    { input: 'Custom_StaffId', expected: false },
    { input: 'firstName', expected: false },
  ];
  it.each(cases)('"$input" → $expected', ({ input, expected }) => {
    expect(isCustomFieldKey(input)).toBe(expected);
  });

  it('round-trips a name through its key', () => {
    expect(customFieldKey('StaffId')).toBe('custom_StaffId');
    expect(customFieldName(customFieldKey('StaffId'))).toBe('StaffId');
  });
});

describe('parseCustomFieldName', () => {
  const cases: {
    description: string;
    input: { name: string; existing?: string[] };
    expected: CustomFieldNameResult;
  }[] = [
    {
      description: 'a plain name',
      input: { name: 'StaffId' },
      expected: { ok: true, name: 'StaffId', key: 'custom_StaffId' },
    },
    {
      description: 'trimmed, and the custom_ prefix dropped',
      input: { name: '  custom_CostCentre ' },
      expected: { ok: true, name: 'CostCentre', key: 'custom_CostCentre' },
    },
    {
      description: 'empty',
      input: { name: '   ' },
      expected: { ok: false, message: 'Type the name of the custom field as it is set up in Whispir.' },
    },
    {
      description: 'spaces, with a suggestion',
      input: { name: 'Staff ID' },
      expected: {
        ok: false,
        message:
          'A custom field name starts with a letter and has only letters, digits and underscores (at most 64). Did you mean "StaffID"?',
      },
    },
    {
      description: 'starting with a digit, no suggestion possible',
      input: { name: '2FA' },
      expected: {
        ok: false,
        message:
          'A custom field name starts with a letter and has only letters, digits and underscores (at most 64).',
      },
    },
    {
      description: 'the name of a standard field',
      input: { name: 'firstname' },
      expected: {
        ok: false,
        message: '"firstname" is already a Whispir field (First name): drag your column onto it instead.',
      },
    },
    {
      description: 'already added (as a name or a key, any case)',
      input: { name: 'staffid', existing: ['custom_StaffId'] },
      expected: { ok: false, message: 'The custom field "staffid" is already in the list.' },
    },
  ]; // prettier-ignore
  it.each(cases)('$description', ({ input, expected }) => {
    expect(parseCustomFieldName(input.name, input.existing)).toEqual(expected);
  });

  it('refuses a name longer than 64 characters', () => {
    expect(parseCustomFieldName(`A${'b'.repeat(63)}`).ok).toBe(true);
    expect(parseCustomFieldName(`A${'b'.repeat(64)}`).ok).toBe(false);
  });
});
