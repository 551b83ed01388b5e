/**
 * Address-book exports as Google Contacts and Outlook write them: every column the wizard can
 * place is applied to the right field with no manual move, and the columns that only describe
 * others (labels, types, display names) are left alone.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { autoMapColumns, suggestionsToMapping } from './auto-map';

function columnsOf(csv: string) {
  const [header = [], ...rows] = Papa.parse<string[]>(csv.trim()).data;
  return header.map((name, index) => ({
    name,
    samples: rows.map((row) => row[index] ?? '').filter((value) => value !== ''),
  }));
}

const applied = (csv: string) => {
  const mapping = suggestionsToMapping(autoMapColumns(columnsOf(csv)));
  return Object.fromEntries(
    Object.entries(mapping).flatMap(([field, source]) =>
      source.kind === 'column' ? [[source.column, field]] : [],
    ),
  );
};

// Google Contacts' export (2024 format), two people.
const GOOGLE = `First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address
Olivia,,Nguyen,,,,,,,,Acme,CEO,Executive,,,,* myContacts,* Work,olivia@acme.com.au,Home,olivia.n@gmail.com,Mobile,+61 412 345 678,Work,(02) 9876 5432,Work,"1 George St, Sydney NSW 2000",1 George St,Sydney,,NSW,2000,Australia,
Liam,,Smith,,,,,,,,Acme,CTO,Technology,,,,* myContacts,* Work,liam@acme.com.au,,,Mobile,0413 222 333,Work,(03) 9123 4567,Work,"5 Collins St, Melbourne VIC 3000",5 Collins St,Melbourne,,VIC,3000,Australia,`;

// Outlook's export ("Export to a file", comma separated values), one person.
const OUTLOOK = `First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes
Olivia,,Nguyen,Ms,,,,,olivia@acme.com.au,,,,,(02) 9876 5432,,0412 345 678,,,,,,,,,,,,,,CEO,Executive,Acme,Level 3,,,,,1 George St,Sydney,NSW,2000,Australia,,,,,,,,,,,,,,,,,,,`;

describe('an address-book export is matched with no manual move', () => {
  it('Google Contacts: the label columns decide which field each value feeds', () => {
    const mapping = applied(GOOGLE);
    // The columns that only describe others are not imported.
    for (const column of Object.keys(mapping)) expect(column).not.toMatch(/ - (Label|Formatted)$/);
    expect(mapping).toMatchObject({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Organization Name': 'companyName',
      'Organization Title': 'jobTitle',
      'Organization Department': 'department',
      'E-mail 1 - Value': 'workEmailAddress1',
      'E-mail 2 - Value': 'personalEmailAddress1',
      // "Phone 1 - Label" says Mobile: the first value column is the mobile, not the work phone.
      'Phone 1 - Value': 'workMobilePhone1',
      'Phone 2 - Value': 'workPhone1',
      'Address 1 - Street': 'workAddress1',
      'Address 1 - City': 'workSuburb',
      'Address 1 - Region': 'workState',
      'Address 1 - Postal Code': 'workPostCode',
      'Address 1 - Country': 'workCountry',
    });
  });

  it('Outlook: business and home columns go to the work and home fields', () => {
    const mapping = applied(OUTLOOK);
    expect(mapping).toMatchObject({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'E-mail Address': 'workEmailAddress1',
      'Business Phone': 'workPhone1',
      'Mobile Phone': 'workMobilePhone1',
      'Job Title': 'jobTitle',
      Department: 'department',
      Company: 'companyName',
      'Business Street': 'workAddress1',
      'Business City': 'workSuburb',
      'Business State': 'workState',
      'Business Postal Code': 'workPostCode',
      'Business Country/Region': 'workCountry',
    });
    // Nothing lands on a mobile or a country that the export does not say is one.
    const fields = Object.values(mapping);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('Outlook: its Title column of salutations is the title', () => {
    expect(applied(OUTLOOK)).toMatchObject({ Title: 'title' });
  });

  it('Salesforce and CRMs: a Title column of job titles is the job title, Salutation the title', () => {
    const csv = `First Name,Last Name,Salutation,Title,Email
Olivia,Nguyen,Ms.,CEO,olivia@acme.com.au
Liam,Smith,Mr.,Chief Technology Officer,liam@acme.com.au
Ava,Lee,Dr.,Head of Sales,ava@acme.com.au`;
    expect(applied(csv)).toMatchObject({
      Salutation: 'title',
      Title: 'jobTitle',
      Email: 'workEmailAddress1',
    });
  });

  it('Salesforce Data Loader: names in capitals map as their mixed-case spelling does', () => {
    const caps = `FIRSTNAME,LASTNAME,EMAIL,MOBILEPHONE,MAILINGCOUNTRY
Olivia,Nguyen,olivia@acme.com.au,0412 345 678,Australia
Liam,Smith,liam@acme.com.au,0413 222 333,Australia`;
    expect(applied(caps)).toMatchObject({
      FIRSTNAME: 'firstName',
      LASTNAME: 'lastName',
      EMAIL: 'workEmailAddress1',
      MOBILEPHONE: 'workMobilePhone1',
      MAILINGCOUNTRY: 'workCountry',
    });
  });

  it('a label column that says Work sends the value to the work phone', () => {
    const csv = `Phone 1 - Type,Phone 1 - Value\nWork,(02) 9876 5432\nWork,(03) 9123 4567`;
    expect(applied(csv)).toEqual({ 'Phone 1 - Value': 'workPhone1' });
  });
});

describe('header and content that agree are applied', () => {
  it('a near header whose every value fits', () => {
    const csv = `Contact Home Country,Contact E-mail Addr\nAustralia,a@example.com\nNew Zealand,b@example.com`;
    const suggestions = autoMapColumns(columnsOf(csv));
    expect(suggestions.map((s) => [s.column, s.field, s.apply])).toEqual([
      ['Contact Home Country', 'personalCountry', true],
      // The file's only country is the contact's too.
      ['Contact Home Country', 'workCountry', true],
      ['Contact E-mail Addr', 'workEmailAddress1', true],
    ]);
  });

  it('but not when a value does not fit', () => {
    const csv = `Contact E-mail Addr\na@example.com\nnot given`;
    expect(autoMapColumns(columnsOf(csv))[0]?.apply).toBe(false);
  });

  it('an export whose only country is the home one gives the contact its country from it', () => {
    // Outlook with only a home address, and Eventbrite's attendees.
    for (const [csv, column] of [
      [
        'First Name,Last Name,E-mail Address,Mobile Phone,Home City,Home Country/Region\nAnn,Lee,ann@x.com,07700 900123,Leeds,United Kingdom',
        'Home Country/Region',
      ],
      [
        'Order #,First Name,Last Name,Email,Cell Phone,Home City,Home Country\n1234567,Ann,Lee,ann@x.com,0412 345 678,Perth,AU',
        'Home Country',
      ],
    ] as const) {
      const suggestions = autoMapColumns(columnsOf(csv));
      const mapping = suggestionsToMapping(suggestions);
      expect(mapping.personalCountry).toEqual({ kind: 'column', column });
      expect(mapping.workCountry).toEqual({ kind: 'column', column });
      expect(suggestions.find((s) => s.field === 'workCountry')?.reason).toMatch(
        /No column names a work country/,
      );
    }
    // A work country of its own stays the contact's country.
    const both = suggestionsToMapping(
      autoMapColumns(
        columnsOf(
          'First Name,Last Name,Business Country/Region,Home Country/Region\nAnn,Lee,Australia,United Kingdom',
        ),
      ),
    );
    expect(both.workCountry).toEqual({ kind: 'column', column: 'Business Country/Region' });
  });

  const fieldsOf = (csv: string) => {
    const mapping = suggestionsToMapping(autoMapColumns(columnsOf(csv)));
    return Object.fromEntries(
      Object.entries(mapping).flatMap(([field, source]) =>
        source.kind === 'column' ? [[field, source.column]] : [],
      ),
    );
  };

  it('Microsoft 365 users: the alternate address is the second email; the sign-in name is proposed', () => {
    const csv = `User principal name,Display name,First name,Last name,Job title,Department,Office phone,Mobile phone,Alternate email address,City,State or province,Country or region
olivia.nguyen@acme.com.au,Olivia Nguyen,Olivia,Nguyen,CEO,Executive,+61 2 9876 5432,+61 412 345 678,olivia.n@gmail.com,Sydney,NSW,Australia
liam.smith@acme.com.au,Liam Smith,Liam,Smith,CTO,Technology,,+61 413 222 333,,Melbourne,VIC,Australia`;
    const fields = fieldsOf(csv);
    expect(fields).toMatchObject({
      workEmailAddress2: 'Alternate email address',
      firstName: 'First name',
      lastName: 'Last name',
      workMobilePhone1: 'Mobile phone',
      workPhone1: 'Office phone',
      jobTitle: 'Job title',
    });
    // The alternate (often personal) address is never taken for the work one.
    expect(fields.workEmailAddress1).toBeUndefined();
    const upn = autoMapColumns(columnsOf(csv)).find((s) => s.column === 'User principal name');
    expect(upn).toMatchObject({ field: 'workEmailAddress1', apply: false });
    // Entra ID's download has both: its mail column is the work address.
    expect(
      fieldsOf(`userPrincipalName,displayName,givenName,surname,mail
jsmith@contoso.onmicrosoft.com,John Smith,John,Smith,john.smith@contoso.com`),
    ).toMatchObject({ workEmailAddress1: 'mail' });
  });

  it('typed columns in brackets keep their type; only notes to whoever fills the sheet go', () => {
    expect(
      fieldsOf(`First name,Last name,Email [Work],Email [Home],Phone [Mobile],Phone [Home]
Ann,Lee,ann@acme.com,ann@gmail.com,0412 345 678,02 9876 5432`),
    ).not.toMatchObject({ workPhone1: 'Phone [Mobile]' });
  });

  it('Google Workspace users: names marked [Required] are still names', () => {
    const csv = `First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Org Unit Path [Required],Recovery Email,Mobile Phone,Employee Title,Department
Olivia,Nguyen,olivia@acme.com,,/,olivia.n@gmail.com,+61412345678,CEO,Executive`;
    expect(fieldsOf(csv)).toMatchObject({
      firstName: 'First Name [Required]',
      lastName: 'Last Name [Required]',
      workEmailAddress1: 'Email Address [Required]',
      workMobilePhone1: 'Mobile Phone',
      jobTitle: 'Employee Title',
    });
  });

  it('Xero and MYOB: their own names for the country and the last name; Mailchimp’s CC proposed', () => {
    expect(
      fieldsOf(`ContactName,EmailAddress,FirstName,LastName,POAddressLine1,POCity,POCountry,MobileNumber
Acme,ann@acme.com,Ann,Lee,1 George St,Sydney,Australia,0412 345 678`),
    ).toMatchObject({ workCountry: 'POCountry', lastName: 'LastName' });
    expect(
      fieldsOf(`Co./Last Name,First Name,Card ID,Addr 1 - Email,Addr 1 - Country
Lee,Ann,*None,ann@acme.com,Australia`),
    ).toMatchObject({ lastName: 'Co./Last Name' });
    // Mailchimp's CC (country code) is proposed: two letters are as often a cost centre.
    const mailchimp = autoMapColumns(
      columnsOf(`Email Address,First Name,Last Name,Phone Number,CC,REGION,LEID
ann@acme.com,Ann,Lee,0412 345 678,AU,NSW,123456789
bob@acme.com,Bob,Ng,0413 111 222,NZ,AUK,123456790`),
    );
    expect(mailchimp.find((s) => s.column === 'CC')).toMatchObject({
      field: 'workCountry',
      apply: false,
    });
    expect(
      fieldsOf(`First Name,Last Name,Email,CC\nAnn,Lee,ann@acme.com,IT\nBob,Ng,bob@acme.com,HR`),
    ).not.toHaveProperty('workCountry');
  });

  it('proposes no identifier column as a mobile, however much its numbers look like one', () => {
    const suggestions = autoMapColumns(
      columnsOf(`Record ID,Order #,First Name,Last Name,Email
412345678,6141234567,Ann,Lee,ann@acme.com
412345679,6141234568,Bob,Ng,bob@acme.com`),
    );
    expect(suggestions.filter((s) => s.column === 'Record ID' || s.column === 'Order #')).toEqual(
      [],
    );
  });

  it('never puts another person’s number or address in the contact’s place by itself', () => {
    // BambooHR: the emergency contact's mobile is not the employee's.
    const bamboo = autoMapColumns(
      columnsOf(`First Name,Last Name,Work Email,Emergency Contact Name,Emergency Contact Relationship,Emergency Contact Mobile Phone
Olivia,Nguyen,olivia@acme.com,Tuan Nguyen,Spouse,0413 222 333`),
    );
    const emergency = bamboo.find((s) => s.column === 'Emergency Contact Mobile Phone');
    expect(emergency?.apply).toBe(false);
    expect(emergency?.reason).toMatch(/another person's \(emergency contact\)/);
    expect(suggestionsToMapping(bamboo).workEmailAddress1).toEqual({
      kind: 'column',
      column: 'Work Email',
    });
    // A school's list of students with their parents' details: nothing of the parents applied.
    const sentral = suggestionsToMapping(
      autoMapColumns(
        columnsOf(`Student Surname,Student First Name,Year,Mother Name,Mother Mobile,Mother Email,Father Name,Father Mobile,Father Email
Smith,Ava,7,Sarah Smith,0421 555 666,sarah@x.com,John Smith,0421 555 777,john@x.com`),
      ),
    );
    for (const column of ['Mother Mobile', 'Mother Email', 'Father Mobile', 'Father Email'])
      expect(Object.values(sentral)).not.toContainEqual({ kind: 'column', column });
    // Rows that are the parents themselves are matched as usual; a second parent is not.
    const parents =
      fieldsOf(`Parent 1 First Name,Parent 1 Last Name,Parent 1 Email,Parent 1 Mobile,Parent 2 Mobile
Sarah,Smith,sarah@x.com,0421 555 666,0421 555 777`);
    expect(parents).toMatchObject({
      workEmailAddress1: 'Parent 1 Email',
      workMobilePhone1: 'Parent 1 Mobile',
    });
    expect(Object.values(parents)).not.toContain('Parent 2 Mobile');
    // A second contact's number beside their name is theirs, not the person's.
    expect(
      Object.values(
        fieldsOf(
          `First Name,Last Name,Email,Secondary Contact Name,Secondary Contact Relationship,Secondary Contact Number\nAnn,Lee,ann@x.com,Bob Lee,Husband,0413 222 333`,
        ),
      ),
    ).not.toContain('Secondary Contact Number');
    // Other second persons, with no mobile of the contact's own beside them.
    for (const header of [
      'ICE Mobile',
      'Doctor Mobile',
      'GP Phone',
      'Secondary Contact Mobile',
      'Contact 2 Mobile',
    ])
      expect(
        Object.values(
          fieldsOf(`First Name,Last Name,Email,${header}\nAnn,Lee,ann@x.com,0412 345 678`),
        ),
        header,
      ).not.toContain(header);
  });

  it('a file with one whole-name column feeds first and last name from it, split in the review', () => {
    // Dynamics 365 and Teams exports.
    for (const header of ['Full Name', 'Display Name', 'Employee Name']) {
      const suggestions = autoMapColumns(
        columnsOf(
          `${header},Email,Mobile Phone\nOlivia Nguyen,olivia@acme.com,0412 345 678\n"Smith, John",john@acme.com,0413 111 222`,
        ),
      );
      const mapping = suggestionsToMapping(suggestions);
      expect(mapping.firstName, header).toEqual({ kind: 'column', column: header });
      expect(mapping.lastName, header).toEqual({ kind: 'column', column: header });
      expect(suggestions.find((s) => s.field === 'lastName')?.reason).toMatch(/splits each one/);
    }
    // A bare "Name" is as often a company's or a first name: it stays a proposal.
    for (const csv of [
      `Name,Email\nOlivia Nguyen,olivia@acme.com\nJohn Smith,john@acme.com`,
      `Name,Email\nOlivia,olivia@acme.com\nJohn,john@acme.com`,
    ])
      expect(autoMapColumns(columnsOf(csv)).find((s) => s.column === 'Name')).toMatchObject({
        field: 'firstName',
        apply: false,
      });
    // A full-name header over companies' names is not split.
    expect(
      fieldsOf(`Full Name,Email\nAcme Pty Ltd,info@acme.com\nBobs Plumbing Co,bob@plumb.com`),
    ).not.toHaveProperty('lastName');
    // First and last name columns of their own win.
    expect(fieldsOf(`First Name,Last Name,Full Name\nOlivia,Nguyen,Olivia Nguyen`)).toMatchObject({
      firstName: 'First Name',
      lastName: 'Last Name',
    });
  });
});
