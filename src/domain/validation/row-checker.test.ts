import { describe, expect, it } from 'vitest';
import { CONTACT_COLUMNS_WITH_DEPARTMENT } from '../samples/contact-files';
import { SAMPLE_ROWS } from '../samples/sample-contacts';
import { createRandom, seededContact } from '../samples/seeded-contacts';
import { CHANNEL_KEYS } from '../whispir/contact-fields';
import type { RowProblem } from './problems';
import { createRowChecker } from './row-checker';
import {
  collectContactProblems,
  createCheckContext,
  type ValidationOptions,
} from './validate-contact';

interface Outcome {
  readonly problems: RowProblem[];
  readonly keys: (string | undefined)[];
  readonly cleared: boolean;
}

/** The checker's answer and the full check's, for one row of `fields`. */
function both(fields: readonly string[], cells: readonly string[], options?: ValidationOptions) {
  const context = createCheckContext(options);
  const checker = createRowChecker(fields, context);
  const problems: RowProblem[] = [];
  const keys = new Array<string | undefined>(CHANNEL_KEYS.length).fill('stale');
  const cleared = checker.check(7, cells, problems, keys);
  const contact = Object.fromEntries(fields.map((field, f) => [field, cells[f] ?? '']));
  const fullProblems: RowProblem[] = [];
  const fullKeys = new Array<string | undefined>(CHANNEL_KEYS.length);
  collectContactProblems(contact, 7, context, fullProblems, fullKeys);
  const checked: Outcome = { problems, keys, cleared };
  return { checked, full: { problems: fullProblems, keys: fullKeys } };
}

const FIELDS: readonly string[] = CONTACT_COLUMNS_WITH_DEPARTMENT;
const CLEAN = [
  'Zoë',
  'Ó Súilleabháin',
  'zoe.osuilleabhain@example.com.au',
  '61412345678',
  'Australia',
  'Australia/Sydney',
  'Sales, APAC',
];

function withCell(field: string, value: string): string[] {
  const cells = [...CLEAN];
  cells[FIELDS.indexOf(field)] = value;
  return cells;
}

describe('createRowChecker', () => {
  it('clears a row already in Whispir’s form without the full check, with its channel keys', () => {
    const { checked, full } = both(FIELDS, CLEAN);
    expect(checked.cleared).toBe(true);
    expect(checked.problems).toEqual([]);
    expect(checked.keys).toEqual(full.keys);
    expect(checked.keys).toEqual([
      'zoe.osuilleabhain@example.com.au',
      undefined,
      '61412345678',
      undefined,
    ]);
  });

  it.each([
    ['firstName', ' Zoë'],
    ['firstName', '   '],
    ['lastName', ''],
    ['workEmailAddress1', 'Zoe@example.com'],
    ['workEmailAddress1', 'zoe@@example.com'],
    ['workEmailAddress1', 'zoë@exämple.com'],
    ['workEmailAddress1', 'ZOË@EXÄMPLE.COM'],
    ['workEmailAddress1', 'zoe@example.com '],
    ['workMobilePhone1', '0412 345 678'],
    ['workMobilePhone1', '+61412345678'],
    ['workMobilePhone1', '0412345678'],
    ['workMobilePhone1', '61298765432'],
    ['workMobilePhone1', '14155550123'],
    ['workMobilePhone1', '6141234567'],
    ['workCountry', 'australia'],
    ['workCountry', 'AU'],
    ['workCountry', 'Oz'],
    ['workCountry', 'Narnia'],
    ['workCountry', ''],
    ['timezone', 'UTC+10'],
    ['timezone', '+10'],
    ['timezone', 'australia/sydney'],
    ['timezone', ''],
    ['department', 'Sales '],
  ])('answers as the full check when %s is %j', (field, value) => {
    const { checked, full } = both(FIELDS, withCell(field, value));
    expect(checked.problems).toEqual(full.problems);
    expect(checked.keys).toEqual(full.keys);
  });

  it('leaves to the full check every value that has something to report', () => {
    for (const [field, value] of [
      ['workEmailAddress1', 'Zoe@example.com'],
      ['workMobilePhone1', '0412345678'],
      ['workMobilePhone1', '61298765432'],
      ['workCountry', 'AU'],
      ['timezone', 'australia/sydney'],
      ['department', ' Sales'],
      // A spreadsheet's formula guard, on a field with no format of its own.
      ['department', "'=Sales"],
      ['firstName', "'@Zoë"],
    ] as const) {
      const { checked, full } = both(FIELDS, withCell(field, value));
      expect(full.problems.length, `${field} ${value}`).toBeGreaterThan(0);
      expect(checked.cleared, `${field} ${value}`).toBe(false);
    }
  });

  it('clears values that are fine though not the common shape', () => {
    for (const [field, value] of [
      ['workEmailAddress1', 'zoë@exämple.com'],
      ['timezone', '+05:30'],
      ['workMobilePhone1', ''],
      ['department', ''],
    ] as const) {
      const { checked, full } = both(FIELDS, withCell(field, value));
      expect(full.problems, `${field} ${value}`).toEqual([]);
      expect(checked.problems).toEqual([]);
      expect(checked.keys).toEqual(full.keys);
    }
  });

  it('uses the row country, else the default country, for a phone', () => {
    const us = withCell('workCountry', 'United States');
    us[FIELDS.indexOf('workMobilePhone1')] = '14155550123';
    us[FIELDS.indexOf('timezone')] = 'America/Los_Angeles';
    expect(both(FIELDS, us).checked.cleared).toBe(true);
    // A row country with no phone plan of its own: the default country completes the check.
    const away = withCell('workCountry', 'Antarctica');
    const withDefault = both(FIELDS, away, { defaultCountry: 'Australia' });
    expect(withDefault.checked.cleared).toBe(true);
    expect(withDefault.checked.problems).toEqual(withDefault.full.problems);
    expect(withDefault.full.problems).toEqual([]);
    const withoutDefault = both(FIELDS, away);
    expect(withoutDefault.checked.cleared).toBe(false);
    expect(withoutDefault.checked.problems).toEqual(withoutDefault.full.problems);
  });

  it('answers as the full check for a mobile in the second phone field', () => {
    const fields = [...FIELDS, 'workPhone2', 'workMobilePhone2'];
    for (const [first, second] of [
      ['', '61413222333'],
      ['61412345678', ''],
      ['', ''],
      ['61412345678', '61413222333'],
    ] as const) {
      const { checked, full } = both(fields, [
        ...withCell('workMobilePhone1', first),
        '61414000111',
        second,
      ]);
      expect(checked.problems, `${first}/${second}`).toEqual(full.problems);
    }
  });

  it('reports a landline in a mobile field and a mobile in a phone field as the full check does', () => {
    const fields = [...FIELDS, 'workPhone1'];
    const cases: [string, string][] = [
      ['61298765432', ''],
      ['61412345678', '61412345679'],
      ['', '61412345679'],
      ['61412345678', '61298765432'],
    ];
    for (const [mobile, phone] of cases) {
      const cells = [...withCell('workMobilePhone1', mobile), phone];
      const { checked, full } = both(fields, cells);
      expect(checked.problems, `${mobile} / ${phone}`).toEqual(full.problems);
      expect(checked.keys).toEqual(full.keys);
    }
    // Without a mobile column, a mobile in the phone field always has somewhere to go.
    const phoneOnly = fields.filter((field) => field !== 'workMobilePhone1');
    const cells = [...CLEAN.filter((_, f) => FIELDS[f] !== 'workMobilePhone1'), '61412345679'];
    const { checked, full } = both(phoneOnly, cells);
    expect(full.problems.map((p) => p.code)).toContain('phone-is-mobile');
    expect(checked.problems).toEqual(full.problems);
  });

  it('answers as the full check for a field named twice or a row shorter than its fields', () => {
    const twice = [...FIELDS, 'workEmailAddress1'];
    const doubled = both(twice, [...CLEAN, '']);
    expect(doubled.checked.cleared).toBe(false);
    expect(doubled.checked.problems).toEqual(doubled.full.problems);
    expect(doubled.checked.keys).toEqual(doubled.full.keys);
    const short = both(FIELDS, CLEAN.slice(0, 4));
    expect(short.checked.problems).toEqual(short.full.problems);
    expect(short.checked.keys).toEqual(short.full.keys);
  });

  it('never clears a row whose mapping leaves out a required field or every channel', () => {
    const noTimezone = FIELDS.filter((field) => field !== 'timezone');
    const cells = CLEAN.filter((_, f) => FIELDS[f] !== 'timezone');
    const missing = both(noTimezone, cells);
    expect(missing.checked.cleared).toBe(false);
    expect(missing.checked.problems).toEqual(missing.full.problems);

    const noChannel = FIELDS.filter((f) => f !== 'workEmailAddress1' && f !== 'workMobilePhone1');
    const rest = CLEAN.filter((_, f) => noChannel.includes(FIELDS[f] as string));
    const unreachable = both(noChannel, rest);
    expect(unreachable.checked.cleared).toBe(false);
    expect(unreachable.checked.problems).toEqual(unreachable.full.problems);
  });

  it('leaves a phone completed by a mapped area code field to the full check', () => {
    const fields = [...FIELDS, 'workPhone1', 'workPhoneAreaCode1'];
    const cells = [...CLEAN, '98765432', '02'];
    const { checked, full } = both(fields, cells);
    expect(checked.cleared).toBe(false);
    expect(checked.problems).toEqual(full.problems);
  });

  it('checks a status and custom fields as the full check does', () => {
    const fields = [...FIELDS, 'status', 'favouriteColour'];
    for (const status of ['A', 'D', 'a', 'active', '']) {
      const { checked, full } = both(fields, [...CLEAN, status, ' blue']);
      expect(checked.problems, status).toEqual(full.problems);
      const tidy = both(fields, [...CLEAN, status, 'blue']);
      expect(tidy.checked.problems, status).toEqual(tidy.full.problems);
      expect(tidy.checked.cleared, status).toBe(tidy.full.problems.length === 0);
    }
  });

  it('gives the full check’s answers over thousands of generated rows with every kind of problem', () => {
    const random = createRandom(7);
    let cleared = 0;
    const rows = 4000;
    for (let i = 0; i < rows; i++) {
      const { values } = seededContact(random, i, { problemRate: 0.4 });
      const { checked, full } = both(FIELDS, values);
      expect(checked.problems, `row ${i}: ${values.join(' | ')}`).toEqual(full.problems);
      expect(checked.keys, `row ${i}`).toEqual(full.keys);
      if (checked.cleared) cleared++;
    }
    // Most clean rows take the short way (the bench's countries all have a plan), and so the
    // comparison above covers it, not only the full check.
    expect(cleared).toBeGreaterThan(rows * 0.5);
  });

  it('gives the full check’s answers over the messy sample file', () => {
    // The sample's columns are the same fields, in the same order, under people's names.
    for (const row of SAMPLE_ROWS) {
      const { checked, full } = both(FIELDS, row);
      expect(checked.problems, row.join(' | ')).toEqual(full.problems);
      expect(checked.keys).toEqual(full.keys);
    }
  });
});
