import { describe, expect, it } from 'vitest';
import {
  createMappingFormSchema,
  mappingFormSchema,
  type MappingFormValue,
} from './mapping-schema';

const complete: MappingFormValue['mapping'] = {
  firstName: { kind: 'column', column: 'First' },
  lastName: { kind: 'column', column: 'Last' },
  workMobilePhone1: { kind: 'empty' },
  workEmailAddress1: { kind: 'column', column: 'Email' },
  workCountry: { kind: 'constant', value: 'Australia' },
  timezone: { kind: 'constant', value: 'Australia/Sydney' },
};

const issues = (value: unknown, schema = mappingFormSchema) => {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('mappingFormSchema', () => {
  const cases: { description: string; input: unknown; expected: string[] }[] = [
    {
      description: 'a complete email-only mapping',
      input: { mapping: complete, customFields: [] },
      expected: [],
    },
    {
      description: 'the mandatory rules become issues on the field they concern',
      input: { mapping: { firstName: complete.firstName }, customFields: [] },
      expected: [
        'mapping.lastName',
        'mapping.workMobilePhone1',
        'mapping.workCountry',
        'mapping.timezone',
        'mapping',
      ],
    },
    {
      description: 'a custom field must be declared',
      input: {
        mapping: { ...complete, custom_StaffId: { kind: 'column', column: 'Staff' } },
        customFields: [],
      },
      expected: ['mapping.custom_StaffId'],
    },
    {
      description: 'a declared custom field is fine',
      input: {
        mapping: { ...complete, custom_StaffId: { kind: 'column', column: 'Staff' } },
        customFields: ['StaffId'],
      },
      expected: [],
    },
    {
      description: 'a badly named custom field',
      input: { mapping: complete, customFields: ['Staff ID'] },
      expected: ['customFields.0'],
    },
    {
      description: 'a source without a column name',
      input: { mapping: { ...complete, firstName: { kind: 'column', column: '' } }, customFields: [] },
      expected: ['mapping.firstName.column'],
    },
    {
      description: 'an unknown field key',
      input: { mapping: { ...complete, nickname: { kind: 'empty' } }, customFields: [] },
      expected: ['mapping.nickname'],
    },
  ]; // prettier-ignore
  it.each(cases)('$description', ({ input, expected }) => {
    expect(issues(input).map((issue) => issue.path)).toEqual(expected);
  });

  it('carries the rule messages', () => {
    const [first] = issues({ mapping: {}, customFields: [] });
    expect(first?.message).toMatch(/^Whispir requires First name: drag/);
  });

  it("checks columns against the file's headers when given them", () => {
    const schema = createMappingFormSchema({ columns: ['First', 'Last'] });
    expect(issues({ mapping: complete, customFields: [] }, schema)).toEqual([
      {
        path: 'mapping.workEmailAddress1',
        message:
          'The column "Email" mapped to Work email is not in this file: drag another column onto Work email.',
      },
    ]);
  });
});
