import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS } from '../whispir/contact-fields';
import {
  APPLY_THRESHOLD,
  autoMapColumns,
  suggestionsToMapping,
  type ColumnSample,
  type MappingSuggestion,
} from './auto-map';

const column = (name: string, samples: string[] = []): ColumnSample => ({ name, samples });

const emails = (n: number) => Array.from({ length: n }, (_, i) => `person${i}@example.com`);
const mobiles = (n: number) =>
  Array.from({ length: n }, (_, i) => `04${String(i).padStart(8, '1')}`);

/** Real-world header spellings, one column at a time, with no samples. */
const headerCases: { description: string; input: string; expected: string; tier: string }[] = [
  // Whispir's own names, in the casings people export them in
  {
    description: 'Whispir key',
    input: 'workMobilePhone1',
    expected: 'workMobilePhone1',
    tier: 'exact',
  },
  {
    description: 'Whispir key, upper case',
    input: 'WORKEMAILADDRESS1',
    expected: 'workEmailAddress1',
    tier: 'exact',
  },
  { description: 'snake case key', input: 'first_name', expected: 'firstName', tier: 'exact' },
  { description: 'spaced label', input: 'First Name', expected: 'firstName', tier: 'exact' },
  {
    description: 'label with trailing space',
    input: 'Last name ',
    expected: 'lastName',
    tier: 'exact',
  },
  {
    description: 'platform CSV name Primary',
    input: 'WorkMobilePhonePrimary',
    expected: 'workMobilePhone1',
    tier: 'exact',
  },
  {
    description: 'platform CSV name Secondary',
    input: 'WorkEmailAddressSecondary',
    expected: 'workEmailAddress2',
    tier: 'exact',
  },
  {
    description: 'key with a missing index',
    input: 'Work Email Address',
    expected: 'workEmailAddress1',
    tier: 'exact',
  },
  { description: 'the label Time zone', input: 'Time Zone', expected: 'timezone', tier: 'exact' },
  {
    description: 'doc typo workSetellitePhone',
    input: 'workSetellitePhone',
    expected: 'workSatellitePhone',
    tier: 'synonym',
  },
  {
    description: 'doc spelling WorkOtherPhone',
    input: 'WorkOtherPhone',
    expected: 'workOtherPhone',
    tier: 'exact',
  },
  // English
  { description: 'Mobile No.', input: 'Mobile No.', expected: 'workMobilePhone1', tier: 'synonym' },
  { description: 'Mobile #', input: 'Mobile #', expected: 'workMobilePhone1', tier: 'synonym' },
  {
    description: 'Mobile Number',
    input: 'Mobile Number',
    expected: 'workMobilePhone1',
    tier: 'synonym',
  },
  { description: 'Cell', input: 'Cell', expected: 'workMobilePhone1', tier: 'synonym' },
  { description: 'Cell Phone', input: 'Cell Phone', expected: 'workMobilePhone1', tier: 'synonym' },
  { description: 'MOB', input: 'MOB', expected: 'workMobilePhone1', tier: 'synonym' },
  { description: 'E-mail', input: 'E-mail', expected: 'workEmailAddress1', tier: 'synonym' },
  {
    description: 'Email Address',
    input: 'Email Address',
    expected: 'workEmailAddress1',
    tier: 'synonym',
  },
  { description: 'email_1', input: 'email_1', expected: 'workEmailAddress1', tier: 'synonym' },
  {
    description: 'Email 2 goes to the secondary field',
    input: 'Email 2',
    expected: 'workEmailAddress2',
    tier: 'synonym',
  },
  {
    description: 'words in another order',
    input: 'Email (work)',
    expected: 'workEmailAddress1',
    tier: 'exact',
  },
  { description: 'Given name', input: 'Given name', expected: 'firstName', tier: 'synonym' },
  { description: 'Forename', input: 'Forename', expected: 'firstName', tier: 'synonym' },
  { description: 'FNAME', input: 'FNAME', expected: 'firstName', tier: 'synonym' },
  { description: 'Surname', input: 'Surname', expected: 'lastName', tier: 'synonym' },
  { description: 'Family Name', input: 'Family Name', expected: 'lastName', tier: 'synonym' },
  { description: 'Country', input: 'Country', expected: 'workCountry', tier: 'exact' },
  { description: 'TZ', input: 'TZ', expected: 'timezone', tier: 'synonym' },
  { description: 'UTC offset', input: 'UTC Offset', expected: 'timezone', tier: 'synonym' },
  { description: 'Telephone', input: 'Telephone', expected: 'workPhone1', tier: 'synonym' },
  { description: 'Phone #', input: 'Phone #', expected: 'workPhone1', tier: 'synonym' },
  { description: 'Tel.', input: 'Tel.', expected: 'workPhone1', tier: 'synonym' },
  { description: 'Home Phone', input: 'Home Phone', expected: 'personalPhone1', tier: 'exact' },
  {
    description: 'Personal Email',
    input: 'Personal Email',
    expected: 'personalEmailAddress1',
    tier: 'exact',
  },
  {
    description: 'Private mobile',
    input: 'Private mobile',
    expected: 'personalMobilePhone1',
    tier: 'synonym',
  },
  { description: 'Organization', input: 'Organization', expected: 'companyName', tier: 'synonym' },
  { description: 'Employer', input: 'Employer', expected: 'companyName', tier: 'synonym' },
  { description: 'Job Title', input: 'Job Title', expected: 'jobTitle', tier: 'exact' },
  { description: 'Position', input: 'Position', expected: 'jobTitle', tier: 'synonym' },
  { description: 'Dept.', input: 'Dept.', expected: 'department', tier: 'synonym' },
  {
    description: 'Street Address',
    input: 'Street Address',
    expected: 'workAddress1',
    tier: 'synonym',
  },
  {
    description: 'Address Line 2',
    input: 'Address Line 2',
    expected: 'workAddress2',
    tier: 'synonym',
  },
  { description: 'City', input: 'City', expected: 'workSuburb', tier: 'synonym' },
  { description: 'Suburb', input: 'Suburb', expected: 'workSuburb', tier: 'synonym' },
  {
    description: 'State/Province',
    input: 'State/Province',
    expected: 'workState',
    tier: 'synonym',
  },
  { description: 'ZIP Code', input: 'ZIP Code', expected: 'workPostCode', tier: 'synonym' },
  { description: 'Post Code', input: 'Post Code', expected: 'workPostCode', tier: 'synonym' },
  { description: 'Salutation', input: 'Salutation', expected: 'title', tier: 'synonym' },
  { description: 'Team', input: 'Team', expected: 'teamName1', tier: 'synonym' },
  // German
  { description: 'Vorname', input: 'Vorname', expected: 'firstName', tier: 'synonym' },
  { description: 'Nachname', input: 'Nachname', expected: 'lastName', tier: 'synonym' },
  { description: 'Handy', input: 'Handy', expected: 'workMobilePhone1', tier: 'synonym' },
  {
    description: 'Handynummer',
    input: 'Handynummer',
    expected: 'workMobilePhone1',
    tier: 'synonym',
  },
  { description: 'Mobil-Nr.', input: 'Mobil-Nr.', expected: 'workMobilePhone1', tier: 'synonym' },
  {
    description: 'E-Mail-Adresse',
    input: 'E-Mail-Adresse',
    expected: 'workEmailAddress1',
    tier: 'synonym',
  },
  { description: 'Telefonnummer', input: 'Telefonnummer', expected: 'workPhone1', tier: 'synonym' },
  { description: 'Land', input: 'Land', expected: 'workCountry', tier: 'synonym' },
  { description: 'Zeitzone', input: 'Zeitzone', expected: 'timezone', tier: 'synonym' },
  { description: 'Firma', input: 'Firma', expected: 'companyName', tier: 'synonym' },
  { description: 'Straße', input: 'Straße', expected: 'workAddress1', tier: 'synonym' },
  { description: 'PLZ', input: 'PLZ', expected: 'workPostCode', tier: 'synonym' },
  { description: 'Ort', input: 'Ort', expected: 'workSuburb', tier: 'synonym' },
  { description: 'Abteilung', input: 'Abteilung', expected: 'department', tier: 'synonym' },
  { description: 'Bundesland', input: 'Bundesland', expected: 'workState', tier: 'synonym' },
  {
    description: 'Berufsbezeichnung',
    input: 'Berufsbezeichnung',
    expected: 'jobTitle',
    tier: 'synonym',
  },
  // French
  { description: 'Prénom', input: 'Prénom', expected: 'firstName', tier: 'synonym' },
  { description: 'PRENOM without accent', input: 'PRENOM', expected: 'firstName', tier: 'synonym' },
  { description: 'Nom', input: 'Nom', expected: 'lastName', tier: 'synonym' },
  { description: 'Nom de famille', input: 'Nom de famille', expected: 'lastName', tier: 'synonym' },
  { description: 'Courriel', input: 'Courriel', expected: 'workEmailAddress1', tier: 'synonym' },
  {
    description: 'Adresse e-mail',
    input: 'Adresse e-mail',
    expected: 'workEmailAddress1',
    tier: 'synonym',
  },
  { description: 'Portable', input: 'Portable', expected: 'workMobilePhone1', tier: 'synonym' },
  { description: 'Téléphone', input: 'Téléphone', expected: 'workPhone1', tier: 'synonym' },
  { description: 'Pays', input: 'Pays', expected: 'workCountry', tier: 'synonym' },
  { description: 'Fuseau horaire', input: 'Fuseau horaire', expected: 'timezone', tier: 'synonym' },
  { description: 'Société', input: 'Société', expected: 'companyName', tier: 'synonym' },
  { description: 'Ville', input: 'Ville', expected: 'workSuburb', tier: 'synonym' },
  { description: 'Code postal', input: 'Code postal', expected: 'workPostCode', tier: 'synonym' },
  { description: 'Fonction', input: 'Fonction', expected: 'jobTitle', tier: 'synonym' },
  // Spanish
  { description: 'Nombre', input: 'Nombre', expected: 'firstName', tier: 'synonym' },
  { description: 'Apellidos', input: 'Apellidos', expected: 'lastName', tier: 'synonym' },
  { description: 'Móvil', input: 'Móvil', expected: 'workMobilePhone1', tier: 'synonym' },
  { description: 'Celular', input: 'Celular', expected: 'workMobilePhone1', tier: 'synonym' },
  { description: 'Teléfono', input: 'Teléfono', expected: 'workPhone1', tier: 'synonym' },
  {
    description: 'Correo electrónico',
    input: 'Correo electrónico',
    expected: 'workEmailAddress1',
    tier: 'synonym',
  },
  { description: 'País', input: 'País', expected: 'workCountry', tier: 'synonym' },
  { description: 'Zona horaria', input: 'Zona horaria', expected: 'timezone', tier: 'synonym' },
  { description: 'Empresa', input: 'Empresa', expected: 'companyName', tier: 'synonym' },
  { description: 'Dirección', input: 'Dirección', expected: 'workAddress1', tier: 'synonym' },
  { description: 'Ciudad', input: 'Ciudad', expected: 'workSuburb', tier: 'synonym' },
  {
    description: 'Código postal',
    input: 'Código postal',
    expected: 'workPostCode',
    tier: 'synonym',
  },
  { description: 'Cargo', input: 'Cargo', expected: 'jobTitle', tier: 'synonym' },
  { description: 'Departamento', input: 'Departamento', expected: 'department', tier: 'synonym' },
  // Portuguese (Brazil)
  { description: 'Sobrenome', input: 'Sobrenome', expected: 'lastName', tier: 'synonym' },
  { description: 'Cidade', input: 'Cidade', expected: 'workSuburb', tier: 'synonym' },
  // Japanese
  { description: '姓 (surname)', input: '姓', expected: 'lastName', tier: 'synonym' },
  { description: '名 (given name)', input: '名', expected: 'firstName', tier: 'synonym' },
  {
    description: 'メールアドレス (email address)',
    input: 'メールアドレス',
    expected: 'workEmailAddress1',
    tier: 'synonym',
  },
  {
    description: '携帯電話 (mobile)',
    input: '携帯電話',
    expected: 'workMobilePhone1',
    tier: 'synonym',
  },
  {
    description: '携帯電話番号 (mobile number)',
    input: '携帯電話番号',
    expected: 'workMobilePhone1',
    tier: 'synonym',
  },
  {
    description: '電話番号 (phone number)',
    input: '電話番号',
    expected: 'workPhone1',
    tier: 'synonym',
  },

  // Italian
  { description: 'Nome', input: 'Nome', expected: 'firstName', tier: 'synonym' },
  { description: 'Cognome', input: 'Cognome', expected: 'lastName', tier: 'synonym' },
  { description: 'Cellulare', input: 'Cellulare', expected: 'workMobilePhone1', tier: 'synonym' },
  {
    description: 'Indirizzo email',
    input: 'Indirizzo email',
    expected: 'workEmailAddress1',
    tier: 'synonym',
  },
  { description: 'Paese', input: 'Paese', expected: 'workCountry', tier: 'synonym' },
  { description: 'Fuso orario', input: 'Fuso orario', expected: 'timezone', tier: 'synonym' },
  { description: 'Azienda', input: 'Azienda', expected: 'companyName', tier: 'synonym' },
  { description: 'Città', input: 'Città', expected: 'workSuburb', tier: 'synonym' },
  { description: 'CAP', input: 'CAP', expected: 'workPostCode', tier: 'synonym' },
  // Dutch
  { description: 'Voornaam', input: 'Voornaam', expected: 'firstName', tier: 'synonym' },
  { description: 'Achternaam', input: 'Achternaam', expected: 'lastName', tier: 'synonym' },
  {
    description: 'Mobiel nummer',
    input: 'Mobiel nummer',
    expected: 'workMobilePhone1',
    tier: 'synonym',
  },
  { description: 'GSM', input: 'GSM', expected: 'workMobilePhone1', tier: 'synonym' },
  {
    description: 'E-mailadres',
    input: 'E-mailadres',
    expected: 'workEmailAddress1',
    tier: 'synonym',
  },
  {
    description: 'Telefoonnummer',
    input: 'Telefoonnummer',
    expected: 'workPhone1',
    tier: 'synonym',
  },
  { description: 'Tijdzone', input: 'Tijdzone', expected: 'timezone', tier: 'synonym' },
  { description: 'Bedrijf', input: 'Bedrijf', expected: 'companyName', tier: 'synonym' },
  { description: 'Woonplaats', input: 'Woonplaats', expected: 'workSuburb', tier: 'synonym' },
  { description: 'Afdeling', input: 'Afdeling', expected: 'department', tier: 'synonym' },
  { description: 'Functie', input: 'Functie', expected: 'jobTitle', tier: 'synonym' },
];

describe('autoMapColumns: header spellings', () => {
  it('covers at least 40 spellings', () => {
    expect(headerCases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(headerCases)(
    '$description: "$input" → $expected ($tier)',
    ({ input, expected, tier }) => {
      const [suggestion] = autoMapColumns([column(input)]);
      expect(suggestion).toMatchObject({ field: expected, column: input, tier, apply: true });
      expect(suggestion?.confidence).toBeGreaterThanOrEqual(APPLY_THRESHOLD);
      expect(suggestion?.reason).toContain(`"${input}"`);
    },
  );
});

/** Headers that must be proposed but never applied, or not matched at all. */
const lowConfidenceCases: {
  description: string;
  input: ColumnSample;
  expected: Partial<MappingSuggestion> | undefined;
}[] = [
  {
    description: 'a typo is a fuzzy proposal',
    input: column('Emial'),
    expected: { field: 'workEmailAddress1', tier: 'fuzzy', apply: false },
  },
  {
    description: 'a near spelling of a German header is a fuzzy proposal',
    input: column('Telefonummer'),
    expected: { field: 'workPhone1', tier: 'fuzzy', apply: false },
  },
  {
    description: 'a header containing a field name is a fuzzy proposal',
    input: column('Company size'),
    expected: { field: 'companyName', tier: 'fuzzy', apply: false },
  },
  {
    description: '"Name" may be a full name: a weak synonym, proposed only',
    input: column('Name'),
    expected: { field: 'firstName', tier: 'synonym', apply: false },
  },
  {
    description: 'a third email has no field of its own: proposed only',
    input: column('Email 3'),
    expected: { field: 'workEmailAddress1', tier: 'synonym', apply: false },
  },
  {
    description: 'an unrelated header matches nothing',
    input: column('Favourite colour'),
    expected: undefined,
  },
  {
    description: 'a short unrelated header is not fuzzily matched',
    input: column('ID'),
    expected: undefined,
  },
  {
    description: 'an empty header without samples matches nothing',
    input: column(''),
    expected: undefined,
  },
];

describe('autoMapColumns: low confidence is never applied', () => {
  it.each(lowConfidenceCases)('$description', ({ input, expected }) => {
    const [suggestion] = autoMapColumns([input]);
    if (expected === undefined) expect(suggestion).toBeUndefined();
    else {
      expect(suggestion).toMatchObject(expected);
      expect(suggestion?.confidence).toBeLessThan(APPLY_THRESHOLD);
    }
  });
});

const contentCases: {
  description: string;
  input: ColumnSample;
  expected: Partial<MappingSuggestion>;
}[] = [
  {
    description: 'a column of email addresses',
    input: column('Contact', [...emails(19), 'not an email']),
    expected: {
      field: 'workEmailAddress1',
      tier: 'content',
      apply: false,
      reason: 'Values look like email addresses (19 of 20)',
    },
  },
  {
    description: 'a column of phone numbers in several styles',
    input: column('Reach on', ['+61 412 345 678', '0412-345-678', '(02) 9876 5432', '61423456789']),
    expected: { field: 'workMobilePhone1', tier: 'content', apply: false },
  },
  {
    description: 'a column of country names and ISO codes',
    input: column('Where', ['Australia', 'NZ', 'GBR', 'Deutschland', 'united states']),
    expected: {
      field: 'workCountry',
      tier: 'content',
      reason: 'Values look like country names (5 of 5)',
    },
  },
  {
    description: 'a column of offsets and IANA zones',
    input: column('Zone', ['+10', '-05:30', 'UTC+10', 'Australia/Melbourne', 'America/New_York']),
    expected: { field: 'timezone', tier: 'content' },
  },
  {
    description: 'empty cells are ignored when counting',
    input: column('Col 7', ['a@b.com', '', '  ', 'c@d.org']),
    expected: { field: 'workEmailAddress1', reason: 'Values look like email addresses (2 of 2)' },
  },
];

describe('autoMapColumns: by content', () => {
  it.each(contentCases)('$description', ({ input, expected }) => {
    const [suggestion] = autoMapColumns([input]);
    expect(suggestion).toMatchObject(expected);
    expect(suggestion?.confidence).toBeLessThan(APPLY_THRESHOLD);
  });

  it('does not guess from a column of mixed values', () => {
    expect(
      autoMapColumns([column('Notes', ['a@b.com', 'call after 5', '0412345678', 'VIP'])]),
    ).toEqual([]);
  });

  it('confirms a header match with agreeing values in the reason', () => {
    const [suggestion] = autoMapColumns([column('Mobile', mobiles(20))]);
    expect(suggestion).toMatchObject({ field: 'workMobilePhone1', apply: true });
    expect(suggestion?.reason).toBe(
      'Header "Mobile" is a known name for Work mobile; values look like phone numbers (20 of 20)',
    );
  });

  it('does not apply a header match whose values say otherwise (the seed page bug)', () => {
    const suggestions = autoMapColumns([column('workMobilePhone1', emails(20))]);
    expect(suggestions).toHaveLength(1);
    // The column goes where its content fits, as a proposal; Work mobile is left for the user.
    expect(suggestions[0]).toMatchObject({
      field: 'workEmailAddress1',
      tier: 'content',
      apply: false,
    });
  });

  it('lets the content win over a contradicted header', () => {
    const [suggestion] = autoMapColumns([column('First name', emails(5))]);
    expect(suggestion).toMatchObject({ field: 'workEmailAddress1', tier: 'content', apply: false });
  });

  it('keeps a contradicted header match as a proposal when nothing fits better', () => {
    const suggestions = autoMapColumns([
      column('Email'),
      column('Personal email'),
      column('Email 2'),
      column('First name', emails(5)),
    ]);
    expect(suggestions[3]).toMatchObject({
      field: 'firstName',
      tier: 'exact',
      confidence: 0.3,
      apply: false,
      reason:
        'Header "First name" is the name of First name, but its values look like email addresses (5 of 5)',
    });
  });

  it('trusts the header over values it cannot recognise', () => {
    const [suggestion] = autoMapColumns([column('Time zone', ['AEST', 'AEDT', 'AEST'])]);
    expect(suggestion).toMatchObject({ field: 'timezone', tier: 'exact', apply: true });
    expect(suggestion?.reason).toBe(
      'Header "Time zone" is the name of Time zone; only 0 of 3 values look like time zones',
    );
  });

  it('drops a fuzzy match whose values do not fit', () => {
    expect(autoMapColumns([column('Email opt-in', ['yes', 'no'])])).toEqual([]);
  });
});

const conflictCases: {
  description: string;
  input: ColumnSample[];
  expected: { column: string; field: string; tier: string; apply: boolean }[];
}[] = [
  {
    description: 'exact beats synonym for the same field',
    input: [column('Email'), column('workEmailAddress1')],
    expected: [
      { column: 'Email', field: 'workEmailAddress2', tier: 'synonym', apply: false },
      { column: 'workEmailAddress1', field: 'workEmailAddress1', tier: 'exact', apply: true },
    ],
  },
  {
    description: 'synonym beats content for the same field',
    input: [column('Contact', emails(5)), column('E-mail')],
    expected: [
      { column: 'Contact', field: 'personalEmailAddress1', tier: 'content', apply: false },
      { column: 'E-mail', field: 'workEmailAddress1', tier: 'synonym', apply: true },
    ],
  },
  {
    description: 'synonym beats fuzzy for the same field',
    input: [column('Emial'), column('Mail')],
    expected: [{ column: 'Mail', field: 'workEmailAddress1', tier: 'synonym', apply: true }],
  },
  {
    description: 'two columns with one synonym: the left one wins, the other is a proposal',
    input: [column('Mobile'), column('Cell')],
    expected: [
      { column: 'Mobile', field: 'workMobilePhone1', tier: 'synonym', apply: true },
      { column: 'Cell', field: 'workMobilePhone2', tier: 'synonym', apply: false },
    ],
  },
  {
    description: 'Email 1 and Email 2 fill the primary and the secondary field',
    input: [column('Email 1'), column('Email 2')],
    expected: [
      { column: 'Email 1', field: 'workEmailAddress1', tier: 'synonym', apply: true },
      { column: 'Email 2', field: 'workEmailAddress2', tier: 'synonym', apply: true },
    ],
  },
  {
    description: 'the seed page: Whispir names, with the mobile and email columns swapped',
    input: [
      column('firstName', ['John']),
      column('lastName', ['Smith']),
      column('workEmailAddress1', ['61423456789']),
      column('workMobilePhone1', ['john.smith@testcompany.com']),
      column('workCountry', ['Australia']),
      column('timezone', ['+10']),
    ],
    expected: [
      { column: 'firstName', field: 'firstName', tier: 'exact', apply: true },
      { column: 'lastName', field: 'lastName', tier: 'exact', apply: true },
      { column: 'workEmailAddress1', field: 'workMobilePhone1', tier: 'content', apply: false },
      { column: 'workMobilePhone1', field: 'workEmailAddress1', tier: 'content', apply: false },
      { column: 'workCountry', field: 'workCountry', tier: 'exact', apply: true },
      { column: 'timezone', field: 'timezone', tier: 'exact', apply: true },
    ],
  },
];

describe('autoMapColumns: conflicts', () => {
  it.each(conflictCases)('$description', ({ input, expected }) => {
    const suggestions = autoMapColumns(input).map(({ column, field, tier, apply }) => ({
      column,
      field,
      tier,
      apply,
    }));
    expect(suggestions).toEqual(expected);
  });

  it('never maps a column twice or a field twice', () => {
    const headers = CONTACT_FIELDS.flatMap((field) => [field.label, ...field.synonyms]);
    const suggestions = autoMapColumns(headers.map((name) => column(name)));
    const fields = suggestions.map((s) => s.field);
    const columns = suggestions.map((s) => s.column);
    expect(new Set(fields).size).toBe(fields.length);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('returns suggestions in column order', () => {
    const suggestions = autoMapColumns([column('TZ'), column('Surname'), column('Vorname')]);
    expect(suggestions.map((s) => s.column)).toEqual(['TZ', 'Surname', 'Vorname']);
  });
});

describe('autoMapColumns: columns named by a path (nested JSON and XML)', () => {
  const mapped = (names: string[]) =>
    autoMapColumns(names.map((name) => column(name))).map(({ column, field, apply }) => [
      column,
      field,
      apply,
    ]);

  it.each([
    [
      'HubSpot contacts (JSON)',
      [
        'id',
        'properties.createdate',
        'properties.email',
        'properties.firstname',
        'properties.lastname',
        'properties.mobilephone',
        'properties.hs_object_id',
        'archived',
      ],
      [
        ['properties.email', 'workEmailAddress1', true],
        ['properties.firstname', 'firstName', true],
        ['properties.lastname', 'lastName', true],
        ['properties.mobilephone', 'workMobilePhone1', true],
      ],
    ],
    [
      'Airtable records (JSON)',
      [
        'id',
        'createdTime',
        'fields.First Name',
        'fields.Last Name',
        'fields.Email',
        'fields.Mobile',
      ],
      [
        ['fields.First Name', 'firstName', true],
        ['fields.Last Name', 'lastName', true],
        ['fields.Email', 'workEmailAddress1', true],
        ['fields.Mobile', 'workMobilePhone1', true],
      ],
    ],
    [
      'xCard (XML), its name parts under n',
      ['fn.text', 'n.surname', 'n.given', 'email.text', 'tel.uri'],
      [
        ['n.surname', 'lastName', true],
        ['n.given', 'firstName', true],
      ],
    ],
    [
      'an Exchange (EWS) contact (XML)',
      [
        'ItemId.@Id',
        'DisplayName',
        'GivenName',
        'Surname',
        'EmailAddresses.EmailAddress1',
        'PhoneNumbers.MobilePhone',
        'Contact.GivenName',
      ],
      [
        ['GivenName', 'firstName', true],
        ['Surname', 'lastName', true],
        ['EmailAddresses.EmailAddress1', 'workEmailAddress1', true],
        ['PhoneNumbers.MobilePhone', 'workMobilePhone1', true],
      ],
    ],
  ])('%s', (_what, names, expected) => {
    expect(mapped(names).filter(([, , apply]) => apply)).toEqual(expected);
  });

  it("matches the path's end a little below a whole header, above a containment", () => {
    const [end] = autoMapColumns([column('properties.firstname')]);
    expect(end).toMatchObject({ field: 'firstName', tier: 'exact', apply: true });
    expect(end?.confidence).toBeLessThan(1);
    expect(end?.reason).toBe(
      'Header "properties.firstname" ends in "firstname", which is the name of First name',
    );
    // The whole header wins the field over a path that ends in its name.
    expect(mapped(['contact.firstName', 'First Name'])).toEqual([
      ['First Name', 'firstName', true],
    ]);
    const [givenOnly] = autoMapColumns([column('Contact.GivenName')]);
    expect(givenOnly).toMatchObject({ field: 'firstName', tier: 'synonym', apply: true });
  });

  it("reads a path by its end, not its container's name", () => {
    expect(mapped(['address.state', 'address.postcode'])).toEqual([
      ['address.state', 'workState', true],
      ['address.postcode', 'workPostCode', true],
    ]);
  });

  it.each(['Email/Phone', 'St. Address', 'Date of birth (dd/mm/yyyy)'])(
    'does not take "%s" for a path',
    (name) => {
      const [suggestion] = autoMapColumns([column(name)]);
      expect(suggestion?.apply ?? false).toBe(false);
    },
  );
});

describe('autoMapColumns: options', () => {
  it('matches a custom field the user added by its exact name', () => {
    const [suggestion] = autoMapColumns([column('Staff ID')], { customFields: ['StaffId'] });
    expect(suggestion).toMatchObject({ field: 'custom_StaffId', tier: 'exact', apply: true });
  });

  it('a higher threshold turns synonyms into proposals', () => {
    const [suggestion] = autoMapColumns([column('Surname')], { applyThreshold: 0.99 });
    expect(suggestion).toMatchObject({ field: 'lastName', apply: false });
  });
});

describe('suggestionsToMapping', () => {
  it('keeps only the suggestions that apply themselves', () => {
    const suggestions = autoMapColumns([
      column('Vorname'),
      column('Nachname'),
      column('Emial'),
      column('Contact', emails(3)),
    ]);
    expect(suggestionsToMapping(suggestions)).toEqual({
      firstName: { kind: 'column', column: 'Vorname' },
      lastName: { kind: 'column', column: 'Nachname' },
      timezone: { kind: 'empty' },
    });
  });

  it('leaves Time zone to the review when no column holds one', () => {
    expect(suggestionsToMapping([])).toEqual({ timezone: { kind: 'empty' } });
  });

  it('maps a time-zone column when the file has one', () => {
    const suggestions = autoMapColumns([column('Time zone', ['Australia/Sydney', '+10'])]);
    expect(suggestionsToMapping(suggestions).timezone).toEqual({
      kind: 'column',
      column: 'Time zone',
    });
  });
});

describe('a wide export', () => {
  it('matches the columns past those it reads by their names alone', () => {
    const fillers = Array.from({ length: 120 }, (_, i) => column(`Custom ${i + 1}`));
    const suggestions = autoMapColumns(
      [...fillers, column('Mobile'), column('Emial'), column('Country')],
      { namesOnlyFrom: 100 },
    );
    const fields = Object.fromEntries(suggestions.map((s) => [s.column, s.field]));
    expect(fields.Mobile).toBe('workMobilePhone1');
    expect(fields.Country).toBe('workCountry');
    // A near-miss spelling needs the full match, which only the first columns get.
    expect(fields.Emial).toBeUndefined();
    expect(
      autoMapColumns([...fillers, column('Emial')]).find((s) => s.column === 'Emial')?.field,
    ).toBe('workEmailAddress1');
  });
});

describe('a list of typed phones and emails, flattened from JSON', () => {
  it('maps each item by the type its items say, and leaves the type columns out', () => {
    const suggestions = autoMapColumns([
      column('name.first', ['Olivia', 'Liam']),
      column('name.last', ['Nguyen', 'Smith']),
      column('emails.1.type', ['work', 'work']),
      column('emails.1.value', ['olivia@acme.com.au', 'liam@acme.com.au']),
      column('emails.2.type', ['home', '']),
      column('emails.2.value', ['liv@gmail.com', '']),
      column('phones.1.type', ['work', 'work']),
      column('phones.1.number', ['02 9876 5432', '03 9123 4567']),
      column('phones.2.type', ['mobile', '']),
      column('phones.2.number', ['0412 345 678', '']),
    ]);
    const applied = Object.fromEntries(
      suggestions.filter((s) => s.apply).map((s) => [s.column, s.field]),
    );
    expect(applied).toMatchObject({
      'emails.1.value': 'workEmailAddress1',
      'emails.2.value': 'personalEmailAddress1',
      'phones.1.number': 'workPhone1',
      'phones.2.number': 'workMobilePhone1',
    });
    expect(suggestions.some((s) => /\.type$/.test(s.column))).toBe(false);
  });
});

describe('a nested object about another person', () => {
  it('is never the contact by the end of its path: the whole name stays the contact’s', () => {
    const suggestions = autoMapColumns([
      column('fullName', ['Jane Smith', 'Bob Lee']),
      column('workEmail', ['jane@acme.com', 'bob@acme.com']),
      column('emergencyContact.firstName', ['Mary', 'Tom']),
      column('emergencyContact.lastName', ['Smith', 'Lee']),
      column('emergencyContact.mobile', ['0412 000 111', '0412 000 222']),
    ]);
    const applied = suggestions.filter((s) => s.apply).map((s) => `${s.column}→${s.field}`);
    expect(applied).toContain('fullName→firstName');
    expect(applied).toContain('fullName→lastName');
    expect(applied.filter((a) => a.startsWith('emergencyContact'))).toEqual([]);
  });
});

describe('a nested value under a container that may be someone else’s', () => {
  it('is only proposed: a Salesforce owner’s email is not the contact’s', () => {
    const suggestions = autoMapColumns([
      column('FIRST_NAME', ['Olivia', 'Liam']),
      column('LAST_NAME', ['Nguyen', 'Smith']),
      column('OWNER.EMAIL', ['sam.park@ourco.com.au', 'kim.lee@ourco.com.au']),
      column('OWNER.MOBILEPHONE', ['0400 333 444', '0400 555 666']),
      column('createdBy.email', ['admin@ourco.com.au', 'admin@ourco.com.au']),
      column('Dept./Team', ['Sales', 'Support']),
    ]);
    const applied = suggestions.filter((s) => s.apply).map((s) => s.column);
    expect(applied).toEqual(['FIRST_NAME', 'LAST_NAME']);
    // Still there to choose.
    expect(suggestions.find((s) => s.column === 'OWNER.EMAIL')?.field).toBe('workEmailAddress1');
  });
});
