import { describe, expect, it } from 'vitest';
import {
  CHANNEL_KEYS,
  CONTACT_FIELDS,
  FIELD_GROUPS,
  REQUIRED_MAPPING_KEYS,
  ROW_REQUIRED_KEYS,
  UNMAPPABLE_CONTACT_FIELDS,
  findContactField,
  groupedFields,
  isContactFieldKey,
  isMandatoryField,
} from '../whispir/contact-fields';
import { normaliseHeader } from './normalise-header';

// Every field named in Part B §5.3 of docs/whispir-api.md, in the doc's order.
const PART_B_5_3 = [
  'title', 'firstName', 'lastName', 'otherTitle', 'otherFirstName', 'otherLastName',
  'status', 'companyName', 'jobTitle', 'division', 'businessUnit', 'department', 'teamName1',
  'teamName2', 'role1', 'role2',
  'workEmailAddress1', 'workEmailAddress2',
  'workMobilePhone1', 'workMobilePhone2', 'workPhoneAreaCode1', 'workPhone1', 'workPhoneAreaCode2',
  'workPhone2', 'workFaxAreaCode1', 'workFax1', 'workSatellitePhone', 'workOtherPhone',
  'workAddress1', 'workAddress2', 'workSuburb', 'workState', 'workPostCode', 'workCountry',
  'workPostalAddress1', 'workPostalAddress2', 'workPostalSuburb', 'workPostalState',
  'workPostalPostCode', 'workPostalCountry',
  'personalEmailAddress1', 'personalEmailAddress2',
  'personalMobilePhone1', 'personalMobilePhone2', 'personalPhoneAreaCode1', 'personalPhone1',
  'personalPhoneAreaCode2', 'personalPhone2', 'personalFaxAreaCode1', 'personalFax1',
  'otherPhoneAreaCode1', 'otherPhone1', 'otherMobile',
  'personalAddress1', 'personalAddress2', 'personalSuburb', 'personalState', 'personalPostCode',
  'personalCountry',
  'timezone', 'messagingoptions', 'locations',
  'username', 'password', 'secretQuestion', 'secretAnswer',
  'id', 'type', 'mri', 'lastModifiedTime', 'devices', 'link',
]; // prettier-ignore

describe('contact field catalogue', () => {
  it.each(PART_B_5_3)('covers %s (as a target or as deliberately unmappable)', (key) => {
    expect(isContactFieldKey(key) !== key in UNMAPPABLE_CONTACT_FIELDS).toBe(true);
  });

  it('has nothing beyond §5.3 and no duplicate keys', () => {
    const keys = CONTACT_FIELDS.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => !PART_B_5_3.includes(key))).toEqual([]);
  });

  it('accepts the legacy spellings workSetellitePhone and WorkOtherPhone as synonyms', () => {
    expect(findContactField('workSatellitePhone')?.synonyms).toContain('workSetellitePhone');
    expect(findContactField('workOtherPhone')?.synonyms).toContain('WorkOtherPhone');
  });

  it('knows the rule keys', () => {
    for (const key of [...REQUIRED_MAPPING_KEYS, ...CHANNEL_KEYS, ...ROW_REQUIRED_KEYS]) {
      expect(isContactFieldKey(key), key).toBe(true);
    }
  });

  it('marks exactly the five mapping keys Whispir requires as mandatory', () => {
    const mandatory = CONTACT_FIELDS.filter((field) => field.mandatory).map((field) => field.key);
    expect(mandatory.sort()).toEqual([...REQUIRED_MAPPING_KEYS].sort());
    expect(isMandatoryField('timezone')).toBe(true);
    expect(isMandatoryField('workEmailAddress1')).toBe(false);
  });

  it('means one field by each normalised name (label, key, synonym)', () => {
    const owner = new Map<string, string>();
    for (const field of CONTACT_FIELDS) {
      for (const name of [field.label, field.key, ...field.synonyms, ...field.weakSynonyms]) {
        const normalised = normaliseHeader(name);
        const key = `${normalised.sortedBase}#${normalised.index ?? 1}`;
        expect(owner.get(key) ?? field.key, `"${name}"`).toBe(field.key);
        owner.set(key, field.key);
      }
    }
  });
});

describe('groupedFields', () => {
  const groups = groupedFields();

  it('returns the groups in display order', () => {
    expect(groups.map((entry) => entry.group)).toEqual(FIELD_GROUPS);
  });

  it('puts mandatory fields first in their group', () => {
    expect(
      groups
        .find((g) => g.group === 'Name')
        ?.fields.slice(0, 2)
        .map((f) => f.key),
    ).toEqual(['firstName', 'lastName']);
    expect(groups.find((g) => g.group === 'Work contact')?.fields[0]?.key).toBe('workMobilePhone1');
    expect(
      groups
        .find((g) => g.group === 'Address')
        ?.fields.slice(0, 2)
        .map((f) => f.key),
    ).toEqual(['workCountry', 'timezone']);
    for (const { fields } of groups) {
      const firstOptional = fields.findIndex((field) => !field.mandatory);
      expect(
        fields.slice(firstOptional === -1 ? fields.length : firstOptional).some((f) => f.mandatory),
      ).toBe(false);
    }
  });

  it('lists every field once', () => {
    expect(groups.flatMap((g) => g.fields).length).toBe(CONTACT_FIELDS.length);
  });
});
