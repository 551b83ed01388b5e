import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySavedMapping,
  fullySavedMapping,
  headerFingerprint,
  parseSavedMappings,
  rankSavedMappings,
  serializeSavedMappings,
  type SavedMapping,
} from './saved-mappings';

const saved = (overrides: Partial<SavedMapping> & Pick<SavedMapping, 'headers'>): SavedMapping => ({
  version: 1,
  name: 'Staff list',
  savedAt: '2026-11-12T09:30:00.000Z',
  mapping: {},
  customFields: [],
  ...overrides,
});

const staffHeaders = ['First Name', 'Surname', 'Mobile', 'Email', 'Country', 'TZ', 'Staff ID'];
const staff = saved({
  headers: staffHeaders,
  mapping: {
    firstName: { kind: 'column', column: 'First Name' },
    lastName: { kind: 'column', column: 'Surname' },
    workMobilePhone1: { kind: 'column', column: 'Mobile' },
    workEmailAddress1: { kind: 'column', column: 'Email' },
    workCountry: { kind: 'column', column: 'Country' },
    timezone: { kind: 'column', column: 'TZ' },
    custom_StaffId: { kind: 'column', column: 'Staff ID' },
  },
  customFields: ['StaffId'],
});

describe('headerFingerprint', () => {
  const base = headerFingerprint(['First Name', 'Surname', 'Email 1', 'Email 2']);
  const cases: { description: string; input: string[]; same: boolean }[] = [
    { description: 'reordered', input: ['Email 2', 'Surname', 'Email 1', 'First Name'], same: true },
    { description: 'other case', input: ['FIRST NAME', 'surname', 'email 1', 'EMAIL 2'], same: true },
    { description: 'other spacing and punctuation', input: ['first_name', ' Surname ', 'Email-1', 'Email2'], same: true },
    { description: 'a header repeated', input: ['First Name', 'Surname', 'Email 1', 'Email 2', 'Surname'], same: true },
    { description: 'a header more', input: ['First Name', 'Surname', 'Email 1', 'Email 2', 'TZ'], same: false },
    { description: 'a header fewer', input: ['First Name', 'Surname', 'Email 1'], same: false },
    { description: 'numbers matter', input: ['First Name', 'Surname', 'Email 1', 'Email 3'], same: false },
  ]; // prettier-ignore
  it.each(cases)('$description → same: $same', ({ input, same }) => {
    expect(headerFingerprint(input) === base).toBe(same);
  });

  it('is stable under any reordering and case change (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,11}$/), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.func(fc.boolean()),
        (headers, upper) => {
          const shuffled = [...headers].reverse().map((h, i) => (upper(i) ? h.toUpperCase() : h));
          expect(headerFingerprint(shuffled)).toBe(headerFingerprint(headers));
        },
      ),
    );
  });
});

describe('rankSavedMappings', () => {
  const older = saved({ ...staff, name: 'Older staff list', savedAt: '2026-10-01T00:00:00Z' });
  const other = saved({ name: 'Suppliers', headers: ['Company', 'Email', 'Phone'] });
  const unrelated = saved({ name: 'Stock', headers: ['SKU', 'Qty'] });

  it('offers "7 of 7 columns match" for the same file', () => {
    const [best] = rankSavedMappings([staff], staffHeaders);
    expect(best).toMatchObject({ matched: 7, total: 7, exact: true, missingColumns: [] });
  });

  it('matches the same headers spelled differently', () => {
    const [best] = rankSavedMappings([staff], staffHeaders.map((h) => h.toLowerCase()).reverse());
    expect(best).toMatchObject({ matched: 7, total: 7, exact: true });
  });

  it('ranks exact first, then by share of columns known, then newest; drops unrelated', () => {
    const headers = ['First Name', 'Surname', 'Mobile', 'Email', 'Country', 'TZ', 'Staff ID'];
    const ranked = rankSavedMappings([other, unrelated, older, staff], headers);
    expect(ranked.map((r) => r.saved.name)).toEqual([
      'Staff list',
      'Older staff list',
      'Suppliers',
    ]);
    expect(ranked[2]).toMatchObject({ matched: 1, total: 7, exact: false });
  });

  it('reports a similar file and the mapped columns it lacks', () => {
    const [best] = rankSavedMappings([staff], ['First Name', 'Surname', 'Mobile', 'Email', 'Dept']);
    expect(best).toMatchObject({
      matched: 4,
      total: 5,
      exact: false,
      missingColumns: ['Country', 'TZ', 'Staff ID'],
    });
  });

  it('returns nothing when nothing is saved', () => {
    expect(rankSavedMappings([], staffHeaders)).toEqual([]);
  });
});

describe('fullySavedMapping', () => {
  it('finds a mapping made for every column of the file, whatever their order and spelling', () => {
    const headers = ['tz', 'EMAIL', 'first name', 'Surname', 'Mobile', 'Country', 'Staff-ID'];
    expect(fullySavedMapping([staff], headers)).toBe(staff);
  });

  it('does not apply a mapping that knows only some of the columns', () => {
    expect(fullySavedMapping([staff], [...staffHeaders, 'Department'])).toBeUndefined();
    expect(fullySavedMapping([staff], ['First Name', 'Surname', 'Region'])).toBeUndefined();
  });

  it('does not apply a mapping that would lose a column it maps', () => {
    expect(fullySavedMapping([staff], staffHeaders.slice(0, 6))).toBeUndefined();
  });

  it('applies a mapping made for more columns when every column it maps is in the file', () => {
    const wider = saved({
      headers: ['First Name', 'Surname', 'Email', 'Notes'],
      mapping: {
        firstName: { kind: 'column', column: 'First Name' },
        lastName: { kind: 'column', column: 'Surname' },
        workEmailAddress1: { kind: 'column', column: 'Email' },
        timezone: { kind: 'empty' },
      },
    });
    expect(fullySavedMapping([wider], ['Email', 'Surname', 'First Name'])).toBe(wider);
  });

  it('prefers the exact set of columns, then the newest', () => {
    const older = { ...staff, name: 'Older', savedAt: '2026-01-01T00:00:00.000Z' };
    const newer = { ...staff, name: 'Newer', savedAt: '2026-12-01T00:00:00.000Z' };
    const wider = {
      ...staff,
      name: 'Wider',
      savedAt: '2027-01-01T00:00:00.000Z',
      headers: [...staffHeaders, 'Notes'],
    };
    expect(fullySavedMapping([older, wider, newer], staffHeaders)?.name).toBe('Newer');
    expect(fullySavedMapping([wider], staffHeaders)?.name).toBe('Wider');
  });

  it('finds nothing without saved mappings or named columns', () => {
    expect(fullySavedMapping([], staffHeaders)).toBeUndefined();
    expect(fullySavedMapping([staff], [])).toBeUndefined();
  });
});

describe('applySavedMapping', () => {
  it('drops sources whose column is absent and keeps constants and empty fields', () => {
    const mapping = applySavedMapping(
      saved({
        headers: ['First', 'Mobile'],
        mapping: {
          firstName: { kind: 'column', column: 'First' },
          workMobilePhone1: { kind: 'column', column: 'Mobile' },
          timezone: { kind: 'constant', value: '+10' },
          workEmailAddress1: { kind: 'empty' },
        },
      }),
      ['First', 'Email'],
    );
    expect(mapping).toEqual({
      firstName: { kind: 'column', column: 'First' },
      timezone: { kind: 'constant', value: '+10' },
      workEmailAddress1: { kind: 'empty' },
    });
  });

  it("uses the file's spelling of a column", () => {
    expect(applySavedMapping(staff, ['FIRST NAME', 'surname'])).toEqual({
      firstName: { kind: 'column', column: 'FIRST NAME' },
      lastName: { kind: 'column', column: 'surname' },
    });
  });
});

describe('serializeSavedMappings and parseSavedMappings', () => {
  it('round-trips', () => {
    const result = parseSavedMappings(serializeSavedMappings([staff, saved({ headers: [] })]));
    expect(result).toEqual({ ok: true, data: [staff, saved({ headers: [] })], skipped: [] });
  });

  const badCases: { description: string; input: string; expected: string }[] = [
    { description: 'not JSON', input: '{"mappings": [', expected: 'invalid-json' },
    { description: 'empty file', input: '', expected: 'invalid-json' },
    { description: 'a JSON number', input: '42', expected: 'not-mappings' },
    { description: 'JSON null', input: 'null', expected: 'not-mappings' },
    { description: 'some other object', input: '{"contacts": []}', expected: 'not-mappings' },
    { description: 'mappings is not a list', input: '{"mappings": {}}', expected: 'not-mappings' },
    { description: 'a newer export', input: '{"version": 2, "mappings": []}', expected: 'unsupported-version' },
    { description: 'a list of junk', input: '[1, "two", {}]', expected: 'no-valid-mappings' },
    {
      description: 'a mapping to an unknown field',
      input: JSON.stringify([{ ...staff, mapping: { nickname: { kind: 'column', column: 'Nick' } } }]),
      expected: 'no-valid-mappings',
    },
    {
      description: 'a bad source kind',
      input: JSON.stringify([{ ...staff, mapping: { firstName: { kind: 'formula' } } }]),
      expected: 'no-valid-mappings',
    },
    {
      description: 'not an ISO date',
      input: JSON.stringify([{ ...staff, savedAt: '12 Nov' }]),
      expected: 'no-valid-mappings',
    },
  ]; // prettier-ignore
  it.each(badCases)('returns a problem for $description', ({ input, expected }) => {
    const result = parseSavedMappings(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe(expected);
      expect(result.problem.message.length).toBeGreaterThan(0);
    }
  });

  it('accepts a bare list and a single mapping', () => {
    expect(parseSavedMappings(JSON.stringify([staff]))).toMatchObject({ ok: true, data: [staff] });
    expect(parseSavedMappings(JSON.stringify(staff))).toMatchObject({ ok: true, data: [staff] });
  });

  it('keeps the valid mappings and says which were skipped', () => {
    const result = parseSavedMappings(JSON.stringify([staff, { ...staff, version: 3 }]));
    expect(result).toMatchObject({ ok: true, data: [staff] });
    if (result.ok)
      expect(result.skipped).toEqual([expect.stringMatching(/^Mapping 2 was skipped \(version/)]);
  });

  it('cannot be used to change a prototype', () => {
    const json = `[${JSON.stringify(staff).replace('"mapping":{', '"mapping":{"__proto__":{"kind":"empty"},')}]`;
    const result = parseSavedMappings(json);
    if (result.ok) {
      const mapping = result.data[0]?.mapping ?? {};
      expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
      expect(Object.keys(mapping)).not.toContain('__proto__');
    }
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('drops unknown properties', () => {
    const result = parseSavedMappings(JSON.stringify([{ ...staff, extra: true }]));
    expect(result).toEqual({ ok: true, data: [staff], skipped: [] });
  });

  it('never throws, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (input) => {
        expect(() => parseSavedMappings(input)).not.toThrow();
      }),
    );
  });
});
