/**
 * The catalogue of Whispir contact fields a contact import can map (Part B §5.3 of
 * docs/whispir-api.md). Labels are for people; `key` is what Whispir's fieldMapping uses.
 */
export type FieldGroup =
  | 'Name'
  | 'Work contact'
  | 'Personal contact'
  | 'Address'
  | 'Organisation'
  | 'Other';

export type FieldFormat = 'text' | 'email' | 'phone' | 'country' | 'timezone' | 'postcode';

export interface ContactField {
  readonly key: string;
  readonly label: string;
  readonly group: FieldGroup;
  readonly format: FieldFormat;
  /** Header spellings that mean this field (compared after normalising case and punctuation). */
  readonly synonyms: readonly string[];
}

/** The five keys Whispir's import requires in fieldMapping (OpenAPI `fieldMapping.required`). */
export const REQUIRED_MAPPING_KEYS = [
  'firstName',
  'lastName',
  'workMobilePhone1',
  'workCountry',
  'timezone',
] as const;

/** A row needs a value in at least one of these to become a contact (Part A §6). */
export const CHANNEL_KEYS = [
  'workEmailAddress1',
  'personalEmailAddress1',
  'workMobilePhone1',
  'personalMobilePhone1',
] as const;

/** Fields a row must fill to become a contact, besides one channel (Part A §6). */
export const ROW_REQUIRED_KEYS = ['firstName', 'lastName', 'workCountry', 'timezone'] as const;

const f = (
  key: string,
  label: string,
  group: FieldGroup,
  format: FieldFormat = 'text',
  synonyms: readonly string[] = [],
): ContactField => ({ key, label, group, format, synonyms });

export const CONTACT_FIELDS: readonly ContactField[] = [
  f('firstName', 'First name', 'Name', 'text', ['first name', 'given name', 'forename', 'first']),
  f('lastName', 'Last name', 'Name', 'text', ['last name', 'surname', 'family name', 'last']),
  f('title', 'Title', 'Name', 'text', ['salutation', 'honorific']),
  f('otherTitle', 'Alias title', 'Name'),
  f('otherFirstName', 'Alias first name', 'Name', 'text', ['preferred name', 'nickname']),
  f('otherLastName', 'Alias last name', 'Name'),

  f('workMobilePhone1', 'Work mobile', 'Work contact', 'phone', ['mobile', 'cell', 'mobile phone']),
  f('workMobilePhone2', 'Work mobile (secondary)', 'Work contact', 'phone'),
  f('workEmailAddress1', 'Work email', 'Work contact', 'email', ['email', 'e-mail', 'email address']),
  f('workEmailAddress2', 'Work email (secondary)', 'Work contact', 'email'),
  f('workPhoneAreaCode1', 'Work phone area code', 'Work contact'),
  f('workPhone1', 'Work phone', 'Work contact', 'phone', ['phone', 'telephone', 'office phone']),
  f('workPhoneAreaCode2', 'Work phone area code (secondary)', 'Work contact'),
  f('workPhone2', 'Work phone (secondary)', 'Work contact', 'phone'),
  f('workFaxAreaCode1', 'Work fax area code', 'Work contact'),
  f('workFax1', 'Work fax', 'Work contact', 'phone', ['fax']),
  f('workSatellitePhone', 'Work satellite phone', 'Work contact', 'phone'),
  f('workOtherPhone', 'Work other phone', 'Work contact', 'phone'),

  f('personalMobilePhone1', 'Personal mobile', 'Personal contact', 'phone', ['personal mobile']),
  f('personalMobilePhone2', 'Personal mobile (secondary)', 'Personal contact', 'phone'),
  f('personalEmailAddress1', 'Personal email', 'Personal contact', 'email', ['personal email']),
  f('personalEmailAddress2', 'Personal email (secondary)', 'Personal contact', 'email'),
  f('personalPhoneAreaCode1', 'Home phone area code', 'Personal contact'),
  f('personalPhone1', 'Home phone', 'Personal contact', 'phone', ['home phone']),
  f('personalPhoneAreaCode2', 'Home phone area code (secondary)', 'Personal contact'),
  f('personalPhone2', 'Home phone (secondary)', 'Personal contact', 'phone'),
  f('personalFaxAreaCode1', 'Home fax area code', 'Personal contact'),
  f('personalFax1', 'Home fax', 'Personal contact', 'phone'),
  f('otherPhoneAreaCode1', 'Other phone area code', 'Personal contact'),
  f('otherPhone1', 'Other phone', 'Personal contact', 'phone'),
  f('otherMobile', 'Other mobile', 'Personal contact', 'phone'),

  f('workCountry', 'Country', 'Address', 'country', ['country', 'nation']),
  f('timezone', 'Time zone', 'Address', 'timezone', ['time zone', 'tz']),
  f('workAddress1', 'Work address', 'Address', 'text', ['address', 'street']),
  f('workAddress2', 'Work address line 2', 'Address'),
  f('workSuburb', 'Work suburb / city', 'Address', 'text', ['suburb', 'city', 'town']),
  f('workState', 'Work state', 'Address', 'text', ['state', 'province', 'region']),
  f('workPostCode', 'Work postcode', 'Address', 'postcode', ['postcode', 'zip', 'postal code']),
  f('workPostalAddress1', 'Work postal address', 'Address'),
  f('workPostalAddress2', 'Work postal address line 2', 'Address'),
  f('workPostalSuburb', 'Work postal suburb', 'Address'),
  f('workPostalState', 'Work postal state', 'Address'),
  f('workPostalPostCode', 'Work postal postcode', 'Address', 'postcode'),
  f('workPostalCountry', 'Work postal country', 'Address', 'country'),
  f('personalAddress1', 'Home address', 'Address', 'text', ['home address']),
  f('personalAddress2', 'Home address line 2', 'Address'),
  f('personalSuburb', 'Home suburb / city', 'Address'),
  f('personalState', 'Home state', 'Address'),
  f('personalPostCode', 'Home postcode', 'Address', 'postcode'),
  f('personalCountry', 'Home country', 'Address', 'country'),

  f('companyName', 'Company', 'Organisation', 'text', ['company', 'organisation', 'organization']),
  f('jobTitle', 'Job title', 'Organisation', 'text', ['position', 'job']),
  f('division', 'Division', 'Organisation'),
  f('businessUnit', 'Business unit', 'Organisation'),
  f('department', 'Department', 'Organisation', 'text', ['dept']),
  f('teamName1', 'Team name', 'Organisation', 'text', ['team']),
  f('teamName2', 'Additional team name', 'Organisation'),
  f('role1', 'Role', 'Organisation', 'text', ['role']),
  f('role2', 'Additional role', 'Organisation'),

  f('status', 'Status (A active, D disabled)', 'Other'),
];

const BY_KEY = new Map(CONTACT_FIELDS.map((field) => [field.key, field]));

/** The catalogue entry for a Whispir field key, if it is one. */
export function findContactField(key: string): ContactField | undefined {
  return BY_KEY.get(key);
}

/** Whether `key` names a Whispir contact field an import may map (custom fields excluded). */
export function isContactFieldKey(key: string): boolean {
  return BY_KEY.has(key);
}
