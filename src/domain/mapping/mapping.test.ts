import { describe, expect, it } from 'vitest';
import {
  checkMappingRules,
  constantColumnName,
  generatedColumns,
  mappingNotes,
  mappingSignature,
  toFieldMapping,
  type ColumnMapping,
  type FieldSource,
  type MappingProblem,
} from './mapping';

const col = (column: string) => ({ kind: 'column', column }) as const;
const constant = (value: string) => ({ kind: 'constant', value }) as const;
const empty = { kind: 'empty' } as const;

const complete: ColumnMapping = {
  firstName: col('First'),
  lastName: col('Last'),
  workMobilePhone1: col('Mobile'),
  workCountry: col('Country'),
  timezone: col('TZ'),
};

const codes = (problems: MappingProblem[]) =>
  problems.map((p) => (p.field === undefined ? p.code : `${p.code}:${p.field}`));

const ruleCases: {
  description: string;
  input: ColumnMapping;
  columns?: string[];
  expected: string[];
}[] = [
  { description: 'the five keys, mobile mapped: accepted', input: complete, expected: [] },
  {
    description: 'nothing mapped: five keys and a channel missing',
    input: {},
    expected: [
      'missing-required:firstName',
      'missing-required:lastName',
      'missing-required:workMobilePhone1',
      'missing-required:workCountry',
      'missing-required:timezone',
      'no-channel',
    ],
  },
  {
    description: 'email-only list: mobile left empty, email mapped: accepted',
    input: { ...complete, workMobilePhone1: empty, workEmailAddress1: col('Email') },
    expected: [],
  },
  {
    description: 'mobile left empty satisfies the key rule but not the channel rule',
    input: { ...complete, workMobilePhone1: empty },
    expected: ['no-channel'],
  },
  {
    description: 'mobile missing, email mapped: the key rule still needs the mobile key',
    input: { ...complete, workMobilePhone1: undefined as never, workEmailAddress1: col('Email') },
    expected: ['missing-required:workMobilePhone1'],
  },
  {
    description: 'a personal mobile is a channel',
    input: { ...complete, workMobilePhone1: empty, personalMobilePhone1: col('Private') },
    expected: [],
  },
  {
    description: 'a personal email is a channel',
    input: { ...complete, workMobilePhone1: empty, personalEmailAddress1: col('Home email') },
    expected: [],
  },
  {
    description: 'constant country and time zone satisfy the rules',
    input: { ...complete, workCountry: constant('Australia'), timezone: constant('+10') },
    expected: [],
  },
  {
    description: 'a blank constant is a problem of its own, not a missing key',
    input: { ...complete, workCountry: constant('  ') },
    expected: ['empty-constant:workCountry'],
  },
  {
    description: 'a blank constant mobile is no channel',
    input: { ...complete, workMobilePhone1: constant('') },
    expected: ['empty-constant:workMobilePhone1', 'no-channel'],
  },
  {
    description: 'a row-required field cannot be left empty',
    input: { ...complete, workCountry: empty, lastName: empty },
    expected: ['required-left-empty:lastName', 'required-left-empty:workCountry'],
  },
  {
    description: 'Time zone may be left to the review, which proposes one per row',
    input: { ...complete, timezone: empty },
    expected: [],
  },
  {
    description: 'a time zone set for every row must be one Whispir takes',
    input: { ...complete, timezone: { kind: 'constant', value: 'AEST' } },
    expected: ['invalid-constant:timezone'],
  },
  {
    description: 'a country set for every row must be one Whispir recognises',
    input: { ...complete, workCountry: { kind: 'constant', value: 'Narnia' } },
    expected: ['invalid-constant:workCountry'],
  },
  {
    description: 'an offset or a name is fine for every row',
    input: {
      ...complete,
      timezone: { kind: 'constant', value: '+10' },
      workCountry: { kind: 'constant', value: 'NZ' },
    },
    expected: [],
  },
  {
    description: 'an unknown key is reported',
    input: { ...complete, mobile: col('Mobile 2') },
    expected: ['unknown-field:mobile'],
  },
  {
    description: 'a custom field key is accepted',
    input: { ...complete, custom_StaffId: col('Staff ID') },
    expected: [],
  },
  {
    description: 'with the file columns: a column the file lacks is reported',
    input: complete,
    columns: ['First', 'Last', 'Mobile', 'TZ'],
    expected: ['missing-column:workCountry'],
  },
];

describe('checkMappingRules', () => {
  it.each(ruleCases)('$description', ({ input, columns, expected }) => {
    const mapping = Object.fromEntries(
      Object.entries(input).filter(([, source]) => source !== undefined),
    );
    expect(codes(checkMappingRules(mapping, columns ? { columns } : {}))).toEqual(expected);
  });

  it('treats a field a form cleared (undefined) as unmapped', () => {
    const cleared = { ...complete, timezone: undefined } as unknown as ColumnMapping;
    expect(codes(checkMappingRules(cleared))).toEqual(['missing-required:timezone']);
    expect(toFieldMapping(cleared)).not.toHaveProperty('timezone');
  });

  it('explains each problem in one sentence that names the fix', () => {
    const problems = checkMappingRules({
      firstName: empty,
      workCountry: constant(''),
      foo: col('x'),
    });
    for (const problem of problems) {
      // One sentence: a single full stop, at the end.
      expect(problem.message.match(/\.(\s|$)/g), problem.message).toHaveLength(1);
      expect(problem.message).toMatch(/drag|choose|type|map|remove|set/i);
    }
  });

  const messageCases: { description: string; input: string; expected: string }[] = [
    {
      description: 'Work mobile offers "Leave empty"',
      input: 'workMobilePhone1',
      expected:
        'Whispir requires Work mobile to be mapped: drag your mobile column onto it (or choose it in the field’s list), or choose "Leave empty" for an email-only list.',
    },
    {
      description: 'Country offers a value for every row',
      input: 'workCountry',
      expected:
        'Whispir requires Country: drag your country column onto it (or choose it in the field’s list), or set one country for every row, such as "Australia".',
    },
    {
      description: 'Time zone offers a value for every row',
      input: 'timezone',
      expected:
        'Whispir requires Time zone: drag your time zone column onto it (or choose it in the field’s list), or set one time zone for every row, such as "Australia/Sydney".',
    },
  ];
  it.each(messageCases)('message: $description', ({ input, expected }) => {
    expect(checkMappingRules({}).find((p) => p.field === input)?.message).toBe(expected);
  });
});

describe('mappingNotes', () => {
  it('notes an email-only list', () => {
    expect(mappingNotes({ ...complete, workMobilePhone1: empty }).map((note) => note.code)).toEqual(
      ['mobile-left-empty'],
    );
  });

  it('has nothing to say about a mapped mobile', () => {
    expect(mappingNotes(complete)).toEqual([]);
  });
});

describe('toFieldMapping', () => {
  const cases: { description: string; input: ColumnMapping; expected: Record<string, string> }[] = [
    {
      description: 'Whispir field → file column',
      input: { firstName: col('Given name'), workMobilePhone1: col('Mobile') },
      expected: { firstName: 'Given name', workMobilePhone1: 'Mobile' },
    },
    {
      description: 'constants and empty fields name the generated column',
      input: { workCountry: constant('Australia'), workMobilePhone1: empty },
      expected: {
        workCountry: 'workCountry (set for every row)',
        workMobilePhone1: 'workMobilePhone1 (set for every row)',
      },
    },
    {
      description: 'custom fields pass through',
      input: { custom_StaffId: col('Staff ID') },
      expected: { custom_StaffId: 'Staff ID' },
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(toFieldMapping(input)).toEqual(expected);
  });
});

describe('generatedColumns', () => {
  it('lists a column per constant and per empty field, named as toFieldMapping names it', () => {
    const mapping: ColumnMapping = {
      firstName: col('First'),
      timezone: constant('Australia/Sydney'),
      workMobilePhone1: empty,
    };
    expect(generatedColumns(mapping)).toEqual([
      { field: 'timezone', column: constantColumnName('timezone'), value: 'Australia/Sydney' },
      { field: 'workMobilePhone1', column: constantColumnName('workMobilePhone1'), value: '' },
    ]);
    const fieldMapping = toFieldMapping(mapping);
    for (const generated of generatedColumns(mapping)) {
      expect(fieldMapping[generated.field]).toBe(generated.column);
    }
  });
});

describe('mappingSignature', () => {
  const mapping: ColumnMapping = {
    firstName: { kind: 'column', column: 'First' },
    workCountry: { kind: 'constant', value: 'Australia' },
    workMobilePhone1: { kind: 'empty' },
  };

  it('is the same however the mapping was built', () => {
    const reordered: ColumnMapping = {
      workMobilePhone1: { kind: 'empty' },
      workCountry: { value: 'Australia', kind: 'constant' } as FieldSource,
      firstName: { column: 'First', kind: 'column' } as FieldSource,
      lastName: undefined as unknown as FieldSource,
    };
    expect(mappingSignature(reordered)).toBe(mappingSignature(mapping));
  });

  it('differs when a field takes another column or value, or none', () => {
    const signatures = [
      mapping,
      { ...mapping, firstName: { kind: 'column', column: 'Given' } },
      { ...mapping, workCountry: { kind: 'constant', value: 'New Zealand' } },
      { ...mapping, workCountry: { kind: 'column', column: 'Australia' } },
      { firstName: mapping.firstName, workCountry: mapping.workCountry },
    ].map((m) => mappingSignature(m as ColumnMapping));
    expect(new Set(signatures).size).toBe(signatures.length);
  });
});
