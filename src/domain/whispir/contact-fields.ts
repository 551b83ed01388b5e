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

export type FieldFormat =
  | 'text'
  | 'email'
  | 'phone'
  | 'country'
  | 'timezone'
  | 'postcode'
  | 'status';

export interface ContactField {
  readonly key: string;
  readonly label: string;
  readonly group: FieldGroup;
  readonly format: FieldFormat;
  /** Header spellings that mean this field (compared after normalising case and punctuation). */
  readonly synonyms: readonly string[];
  /**
   * Header spellings that often, but not always, mean this field ("Name" may be a full name).
   * Auto-mapping proposes them and never applies them by itself.
   */
  readonly weakSynonyms: readonly string[];
  /** Whether Whispir's import requires this key in fieldMapping. */
  readonly mandatory: boolean;
}

/** The groups in the order the mapping step shows them. */
export const FIELD_GROUPS: readonly FieldGroup[] = [
  'Name',
  'Work contact',
  'Personal contact',
  'Address',
  'Organisation',
  'Other',
];

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

/**
 * Contact properties of Part B §5.3 that are deliberately not import targets, with the reason.
 * Kept as data so a test can prove the catalogue covers §5.3 completely.
 */
export const UNMAPPABLE_CONTACT_FIELDS: Readonly<Record<string, string>> = {
  messagingoptions: 'an array of channel settings, which a spreadsheet column cannot hold',
  locations: 'an array of coordinates, which a spreadsheet column cannot hold',
  password: 'a portal credential; the wizard never reads credentials from a spreadsheet',
  secretQuestion: 'a portal credential; the wizard never reads credentials from a spreadsheet',
  secretAnswer: 'a portal credential; the wizard never reads credentials from a spreadsheet',
  id: 'read-only, set by Whispir',
  type: 'read-only, set by Whispir',
  mri: 'read-only, set by Whispir',
  lastModifiedTime: 'read-only, set by Whispir',
  devices: 'read-only, set by Whispir',
  link: 'read-only, set by Whispir',
};

const MANDATORY = new Set<string>(REQUIRED_MAPPING_KEYS);

const f = (
  key: string,
  label: string,
  group: FieldGroup,
  format: FieldFormat = 'text',
  synonyms: readonly string[] = [],
  weakSynonyms: readonly string[] = [],
): ContactField => ({
  key,
  label,
  group,
  format,
  synonyms,
  weakSynonyms,
  mandatory: MANDATORY.has(key),
});

// Synonyms cover English plus common German, French, Spanish, Italian and Dutch spellings of the
// fields people actually have in spreadsheets. Accents, case, punctuation and a trailing "No." or
// index are normalised away before comparing, so "Móvil" and "movil" are one entry. The
// platform's own CSV names ("WorkMobilePhonePrimary", Part B §5.2/§5.3) are synonyms too.
export const CONTACT_FIELDS: readonly ContactField[] = [
  f(
    'firstName',
    'First name',
    'Name',
    'text',
    [
      '名',
      '下の名前',
      'first name',
      'given name',
      'given names',
      'forename',
      'forenames',
      'first',
      'fname',
      'christian name',
      'vorname',
      'rufname',
      'prénom',
      'prénoms',
      'nombre',
      'nombre de pila',
      'primer nombre',
      'nome',
      'nome proprio',
      'voornaam',
      'roepnaam',
    ],
    ['name', 'contact name'],
  ),
  f('lastName', 'Last name', 'Name', 'text', [
    'sobrenome',
    '姓',
    '名字',
    'last name',
    'surname',
    'surnames',
    'family name',
    // MYOB's card file: a person's last name, or the company's name.
    'co./last name',
    'last',
    'lname',
    'nachname',
    'familienname',
    'zuname',
    'nom',
    'nom de famille',
    'apellido',
    'apellidos',
    'primer apellido',
    'cognome',
    'achternaam',
    'familienaam',
  ]),
  f(
    'title',
    'Title',
    'Name',
    'text',
    ['salutation', 'honorific', 'prefix', 'name prefix', 'anrede', 'civilité', 'tratamiento'],
    ['titel', 'titre', 'título', 'titolo', 'aanhef'],
  ),
  f('otherTitle', 'Alias title', 'Name'),
  f('otherFirstName', 'Alias first name', 'Name', 'text', [
    'preferred name',
    'nickname',
    'known as',
    'alias',
    'spitzname',
    'surnom',
    'apodo',
  ]),
  f('otherLastName', 'Alias last name', 'Name', 'text', ['maiden name', 'alias last name']),

  f('workMobilePhone1', 'Work mobile', 'Work contact', 'phone', [
    '携帯電話',
    '携帯電話番号',
    '携帯番号',
    '携帯',
    'mobile',
    'mobile phone',
    'mobile number',
    'mob',
    'mobile tel',
    'cell',
    'cellphone',
    'cell phone',
    'cellular',
    'sms',
    'work mobile',
    'business mobile',
    'handy',
    'handynummer',
    'mobil',
    'mobiltelefon',
    'mobilnummer',
    'mobilfunk',
    'portable',
    'téléphone portable',
    'tél portable',
    'tel portable',
    'numéro de portable',
    'móvil',
    'teléfono móvil',
    'celular',
    'número de móvil',
    'cellulare',
    'telefono cellulare',
    'numero di cellulare',
    'mobiel',
    'mobiel nummer',
    'mobiele telefoon',
    'gsm',
    'gsm nummer',
  ]),
  f('workMobilePhone2', 'Work mobile (secondary)', 'Work contact', 'phone', [
    'second mobile',
    'other work mobile',
  ]),
  f(
    'workEmailAddress1',
    'Work email',
    'Work contact',
    'email',
    [
      'メールアドレス',
      'メール',
      'email',
      'e-mail',
      'email address',
      'e-mail address',
      'mail',
      'mail address',
      'work email',
      'work email address',
      'business email',
      'office email',
      'primary email',
      'e-mail-adresse',
      'emailadresse',
      'mailadresse',
      'courriel',
      'mél',
      'adresse e-mail',
      'adresse email',
      'adresse mail',
      'adresse électronique',
      'correo',
      'correo electrónico',
      'correo-e',
      'dirección de correo',
      'dirección de correo electrónico',
      'posta elettronica',
      'indirizzo email',
      'indirizzo e-mail',
      'e-mailadres',
      'emailadres',
      'mailadres',
    ],
    // Microsoft 365 / Entra ID's sign-in name: most often the work address, but not always (a
    // guest's, an onmicrosoft.com name), so only proposed; a mail column wins.
    ['user principal name', 'userprincipalname', 'upn'],
  ),
  f('workEmailAddress2', 'Work email (secondary)', 'Work contact', 'email', [
    'secondary email',
    'alternate email',
    'alternate email address',
    'alternative email',
    'other email',
    'cc email',
  ]),
  f('workPhoneAreaCode1', 'Work phone area code', 'Work contact', 'text', [
    'area code',
    'phone area code',
    'work area code',
    'vorwahl',
    'indicatif',
    'prefijo',
    'prefisso',
    'netnummer',
  ]),
  f('workPhone1', 'Work phone', 'Work contact', 'phone', [
    '電話番号',
    'phone',
    'phone number',
    'telephone',
    'telephone number',
    'tel',
    'work phone',
    'business phone',
    'office phone',
    'direct line',
    'landline',
    'telefon',
    'telefonnummer',
    'geschäftlich telefon',
    'téléphone',
    'numéro de téléphone',
    'téléphone fixe',
    'teléfono',
    'número de teléfono',
    'telefono',
    'numero di telefono',
    'telefoon',
    'telefoonnummer',
  ]),
  f('workPhoneAreaCode2', 'Work phone area code (secondary)', 'Work contact'),
  f('workPhone2', 'Work phone (secondary)', 'Work contact', 'phone', [
    'second phone',
    'alternate phone',
  ]),
  f('workFaxAreaCode1', 'Work fax area code', 'Work contact', 'text', ['fax area code']),
  f('workFax1', 'Work fax', 'Work contact', 'phone', [
    'fax',
    'fax number',
    'facsimile',
    'work fax',
    'telefax',
    'télécopie',
  ]),
  f('workSatellitePhone', 'Work satellite phone', 'Work contact', 'phone', [
    // The legacy docs and Postman spell the key this way (Part B §5.3).
    'workSetellitePhone',
    'satellite phone',
    'sat phone',
    'satphone',
  ]),
  f('workOtherPhone', 'Work other phone', 'Work contact', 'phone', [
    'WorkOtherPhone',
    'other work phone',
  ]),

  f('personalMobilePhone1', 'Personal mobile', 'Personal contact', 'phone', [
    'personal mobile',
    'private mobile',
    'home mobile',
    'personal cell',
    'private cell',
    'handy privat',
    'privates handy',
    'portable personnel',
    'móvil personal',
    'cellulare personale',
    'mobiel privé',
  ]),
  f('personalMobilePhone2', 'Personal mobile (secondary)', 'Personal contact', 'phone'),
  f('personalEmailAddress1', 'Personal email', 'Personal contact', 'email', [
    'personal email',
    'private email',
    'home email',
    'personal email address',
    'e-mail privat',
    'private e-mail',
    'courriel personnel',
    'email personnel',
    'correo personal',
    'email personale',
    'privé e-mail',
  ]),
  f('personalEmailAddress2', 'Personal email (secondary)', 'Personal contact', 'email'),
  f('personalPhoneAreaCode1', 'Home phone area code', 'Personal contact', 'text', [
    'home area code',
  ]),
  f(
    'personalPhone1',
    'Home phone',
    'Personal contact',
    'phone',
    [
      'home phone',
      'home telephone',
      'private phone',
      'personal phone',
      'telefon privat',
      'privat telefon',
      'téléphone domicile',
      'teléfono particular',
      'telefono casa',
      'telefoon thuis',
    ],
    ['home'],
  ),
  f('personalPhoneAreaCode2', 'Home phone area code (secondary)', 'Personal contact'),
  f('personalPhone2', 'Home phone (secondary)', 'Personal contact', 'phone'),
  f('personalFaxAreaCode1', 'Home fax area code', 'Personal contact'),
  f('personalFax1', 'Home fax', 'Personal contact', 'phone', ['home fax', 'private fax']),
  f('otherPhoneAreaCode1', 'Other phone area code', 'Personal contact'),
  f('otherPhone1', 'Other phone', 'Personal contact', 'phone', [
    'other phone',
    'alternative phone',
  ]),
  f('otherMobile', 'Other mobile', 'Personal contact', 'phone', [
    'other mobile',
    'alternative mobile',
  ]),

  f('workCountry', 'Country', 'Address', 'country', [
    '国',
    '国名',
    'country',
    'country name',
    'nation',
    'work country',
    // Xero's postal and street address countries.
    'pocountry',
    'sacountry',
    'land',
    'staat land',
    'pays',
    'país',
    'paese',
    'nazione',
  ]),
  f('timezone', 'Time zone', 'Address', 'timezone', [
    'time zone',
    'tz',
    'utc offset',
    'gmt offset',
    'zeitzone',
    'fuseau horaire',
    'fuseau',
    'zona horaria',
    'huso horario',
    'fuso orario',
    'tijdzone',
  ]),
  f('workAddress1', 'Work address', 'Address', 'text', [
    'address',
    'street',
    'street address',
    'address line',
    'work address',
    'business address',
    'office address',
    'adresse',
    'anschrift',
    'straße',
    'strasse',
    'straße und hausnummer',
    'rue',
    'adresse postale',
    'dirección',
    'calle',
    'domicilio',
    'indirizzo',
    'via',
    'adres',
    'straat',
    'straatnaam',
  ]),
  f('workAddress2', 'Work address line 2', 'Address'),
  f('workSuburb', 'Work suburb / city', 'Address', 'text', [
    'cidade',
    '市区町村',
    'suburb',
    'city',
    'town',
    'locality',
    'city town',
    'town city',
    'work city',
    'stadt',
    'ort',
    'wohnort',
    'ville',
    'commune',
    'ciudad',
    'localidad',
    'población',
    'città',
    'comune',
    'località',
    'stad',
    'plaats',
    'woonplaats',
  ]),
  f('workState', 'Work state', 'Address', 'text', [
    'state',
    'province',
    'region',
    'county',
    'territory',
    'state province',
    'work state',
    'bundesland',
    'kanton',
    'région',
    'provincia',
    'estado',
    'comunidad autónoma',
    'regione',
    'provincie',
  ]),
  f('workPostCode', 'Work postcode', 'Address', 'postcode', [
    'postcode',
    'post code',
    'postal code',
    'zip',
    'zip code',
    'zipcode',
    'work postcode',
    'postleitzahl',
    'plz',
    'code postal',
    'cp',
    'código postal',
    'cap',
    'codice postale',
  ]),
  f('workPostalAddress1', 'Work postal address', 'Address', 'text', [
    'postal address',
    'mailing address',
    'po box',
    'postanschrift',
  ]),
  f('workPostalAddress2', 'Work postal address line 2', 'Address'),
  f('workPostalSuburb', 'Work postal suburb', 'Address', 'text', ['postal suburb', 'postal city']),
  f('workPostalState', 'Work postal state', 'Address', 'text', ['postal state']),
  f('workPostalPostCode', 'Work postal postcode', 'Address', 'postcode', ['postal postcode']),
  f('workPostalCountry', 'Work postal country', 'Address', 'country', ['postal country']),
  f('personalAddress1', 'Home address', 'Address', 'text', [
    'home address',
    'private address',
    'residential address',
    'privatadresse',
    'adresse personnelle',
    'dirección particular',
    'indirizzo di casa',
    'huisadres',
  ]),
  f('personalAddress2', 'Home address line 2', 'Address'),
  f('personalSuburb', 'Home suburb / city', 'Address', 'text', ['home suburb', 'home city']),
  f('personalState', 'Home state', 'Address', 'text', ['home state']),
  f('personalPostCode', 'Home postcode', 'Address', 'postcode', ['home postcode', 'home zip']),
  f('personalCountry', 'Home country', 'Address', 'country', ['home country']),

  f('companyName', 'Company', 'Organisation', 'text', [
    '会社名',
    '会社',
    'company',
    'company name',
    'organisation',
    'organization',
    'organisation name',
    'organization name',
    'org',
    'employer',
    'business name',
    'firma',
    'firmenname',
    'unternehmen',
    'arbeitgeber',
    'entreprise',
    'société',
    'employeur',
    'empresa',
    'compañía',
    'azienda',
    'società',
    'ditta',
    'bedrijf',
    'bedrijfsnaam',
    'organisatie',
  ]),
  f(
    'jobTitle',
    'Job title',
    'Organisation',
    'text',
    [
      'job title',
      'employee title',
      'position',
      'job',
      'position title',
      'designation',
      'occupation',
      'job role',
      'berufsbezeichnung',
      'jobtitel',
      'stellenbezeichnung',
      'beruf',
      'funktion',
      'poste',
      'fonction',
      'intitulé du poste',
      'profession',
      'cargo',
      'puesto',
      'ocupación',
      'mansione',
      'qualifica',
      'posizione',
      'functie',
      'functietitel',
      'beroep',
    ],
    ['position held'],
  ),
  f('division', 'Division', 'Organisation', 'text', ['division', 'sparte']),
  f('businessUnit', 'Business unit', 'Organisation', 'text', ['business unit', 'bu'], ['unit']),
  f(
    'department',
    'Department',
    'Organisation',
    'text',
    ['dept', 'abteilung', 'département', 'departamento', 'reparto', 'dipartimento', 'afdeling'],
    ['service'],
  ),
  f('teamName1', 'Team name', 'Organisation', 'text', ['team', 'team name', 'équipe', 'equipo']),
  f('teamName2', 'Additional team name', 'Organisation', 'text', ['additional team name']),
  f('role1', 'Role', 'Organisation', 'text', ['role', 'rolle', 'rôle', 'rol', 'ruolo']),
  f('role2', 'Additional role', 'Organisation', 'text', ['additional role']),

  f('status', 'Status (A active, D disabled)', 'Other', 'status', ['status'], ['active']),
  f('username', 'Portal username', 'Other', 'text', ['portal username', 'user name', 'login']),
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

/** Whether Whispir's import requires `key` in fieldMapping (the mapping step marks these). */
export function isMandatoryField(key: string): boolean {
  return MANDATORY.has(key);
}

export interface FieldGroupEntry {
  readonly group: FieldGroup;
  readonly fields: readonly ContactField[];
}

/**
 * The catalogue as the mapping step shows it: groups in display order, mandatory fields first
 * within each group, otherwise in catalogue order.
 */
export function groupedFields(fields: readonly ContactField[] = CONTACT_FIELDS): FieldGroupEntry[] {
  return FIELD_GROUPS.map((group) => {
    const inGroup = fields.filter((field) => field.group === group);
    return {
      group,
      fields: [
        ...inGroup.filter((field) => field.mandatory),
        ...inGroup.filter((field) => !field.mandatory),
      ],
    };
  }).filter((entry) => entry.fields.length > 0);
}
