/**
 * The review as an admin with a messy staff export uses it: duplicates that follow every fix,
 * "Send one of each", time zones and values proposed, column-wide changes, all undoable.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../domain/mapping/mapping';
import { uploadedContacts } from './uploaded-contacts';
import { ReviewSession, type ReviewTable } from './review-session';
import { RowStore } from '../domain/intake/row-store';
import { readTable } from '../domain/intake/read-table';

const headers = ['First', 'Last', 'Email', 'Mobile', 'Country', 'State', 'Status'];
const rows = [
  ['Ann', 'Lee', 'ann@example.com', '0412 345 001', 'Australia', 'NSW', 'Active'],
  ['Bob', 'Ray', '', '0412 345 002', 'AU', 'QLD', 'Inactive'],
  ['Ann', 'Lee', '', '61412345001', 'Australia', 'NSW', 'Active'],
  ['Cat', 'Fox', 'cat@example,com', '0412 345 003', 'australia', 'VIC', 'Active'],
  ['Dan', 'Orr', 'dan@example.com', '(02) 9876 5432', 'Australia', 'NSW', 'Active'],
  ['Eve', 'Poe', 'eve@example.com', '', 'New Zealand', '', 'Active'],
];
const table: ReviewTable = {
  headers,
  delimiter: ',',
  rows: RowStore.from(rows),
  rowNumbers: rows.map((_, i) => i + 2),
};
const mapping: ColumnMapping = {
  firstName: { kind: 'column', column: 'First' },
  lastName: { kind: 'column', column: 'Last' },
  workEmailAddress1: { kind: 'column', column: 'Email' },
  workMobilePhone1: { kind: 'column', column: 'Mobile' },
  workCountry: { kind: 'column', column: 'Country' },
  workState: { kind: 'column', column: 'State' },
  status: { kind: 'column', column: 'Status' },
  // No time-zone column: the review proposes one per row.
  timezone: { kind: 'empty' },
};

const codes = (session: ReviewSession, index: number) =>
  session.window(index, 1, { kind: 'all' }).rows[0]?.problems.map((p) => p.code) ?? [];

describe('the same person twice', () => {
  it('is found through the local and the international form of one mobile, and follows edits and undo', () => {
    const session = ReviewSession.create(table, mapping);
    // Rows 2 and 4 are Ann Lee with the same mobile, once local, once in Whispir's form:
    // normalised, they are the same number.
    expect(session.summary().duplicates).toEqual({ groups: 1, rows: 2 });
    expect(codes(session, 0)).toContain('duplicate-contact');
    session.applyFix('phone-country-code', 'workMobilePhone1');
    expect(session.summary().duplicates).toEqual({ groups: 1, rows: 2 });
    session.editCell(2, 'workMobilePhone1', '61412999999');
    expect(session.summary().duplicates).toEqual({ groups: 0, rows: 0 });
    expect(codes(session, 0)).not.toContain('duplicate-contact');
    session.undo();
    expect(session.summary().duplicates).toEqual({ groups: 1, rows: 2 });
  });

  it('"Send one of each" keeps the fullest row, fills it, skips the other with its reason', () => {
    const session = ReviewSession.create(table, mapping);
    // Both rows still have errors (no time zone, a local mobile): neither can stand for the
    // other yet, so nothing is merged.
    expect(session.mergeDuplicates()).toEqual({ groups: 0, skipped: 0 });
    session.applyAllFixes();
    expect(session.mergeDuplicates()).toEqual({ groups: 1, skipped: 1 });
    const summary = session.summary();
    expect(summary.duplicates).toEqual({ groups: 0, rows: 0 });
    expect(summary.accounting.skipped).toBe(1);
    // Row 2 (with the email) is the fuller one and is kept; row 4 is skipped with a reason.
    const [kept, , other] = session.window(0, 3, { kind: 'all' }).rows;
    expect(kept?.skipped).toBe(false);
    expect(other?.skipped).toBe(true);
    expect(session.rejectedReport()).toContain(
      'Skipped: the same person as row 2, merged into it.',
    );
    expect(summary.undo).toMatch(/one of each of 1 person/);
    session.undo();
    expect(session.summary().duplicates).toEqual({ groups: 1, rows: 2 });
    expect(session.summary().accounting.skipped).toBe(0);
  });
});

describe('accepting what the review proposes', () => {
  it('turns the messy export into what Whispir takes, one contact per person', () => {
    const session = ReviewSession.create(table, mapping);
    const kinds = session.summary().fixes.map((fix) => fix.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'timezone-from-place',
        'phone-country-code',
        'status-value',
        'clear-invalid',
      ]),
    );
    // One click: the landline's move appears only once its number is in Whispir's form, and
    // is made in the same step.
    expect(session.applyAllFixes()).toBeGreaterThan(10);
    expect(session.summary().fixes).toEqual([]);
    session.mergeDuplicates();
    const summary = session.summary();
    expect(summary.rowsWithErrors).toBe(0);
    expect(summary.accounting).toEqual({ total: 6, sent: 5, skipped: 1, rejected: 0 });
    const contacts = uploadedContacts(session);
    expect(contacts.map((c) => [c.firstName, c.timezone, c.status])).toEqual([
      ['Ann', 'Australia/Sydney', 'A'],
      ['Bob', 'Australia/Brisbane', 'D'],
      ['Cat', 'Australia/Melbourne', 'A'],
      ['Dan', 'Australia/Sydney', 'A'],
      ['Eve', 'Pacific/Auckland', 'A'],
    ]);
    const dan = contacts.find((c) => c.firstName === 'Dan');
    // The landline is not sent as a mobile: it moved to Work phone, a field the fix added.
    expect(dan?.workMobilePhone1).toBe('');
    expect(dan?.workPhone1).toBe('61298765432');
    // The cleared email is in the report, as a row sent without that value; the moved landline
    // is not (it was sent, as Work phone), nor are rows sent as they were.
    const report = session.rejectedReport();
    expect(report).toContain('sent without a value');
    expect(report).toContain('Work email “cat@example,com” was cleared and not sent');
    expect(report).not.toContain('Dan');
    // Cat keeps her mobile; the unusable email is cleared rather than losing her.
    expect(contacts.find((c) => c.firstName === 'Cat')).toMatchObject({
      workEmailAddress1: '',
      workMobilePhone1: '61412345003',
    });
  });
});

describe('every suggested fix at once', () => {
  it('is one step that one undo takes back', () => {
    const session = ReviewSession.create(table, mapping);
    const before = session.summary();
    session.applyAllFixes();
    expect(session.summary().rowsWithErrors).toBe(0);
    session.undo();
    const after = session.summary();
    expect(after.rowsWithErrors).toBe(before.rowsWithErrors);
    expect(after.fixes.map((fix) => fix.label)).toEqual(before.fixes.map((fix) => fix.label));
    expect(after.undo).toBeUndefined();
  });
});

describe('column-wide changes', () => {
  it('sets one value for the rows shown, and replaces text in a column, each one undo', () => {
    const session = ReviewSession.create(table, mapping);
    expect(session.setColumn('timezone', 'Australia/Sydney', { kind: 'all' })).toBe(6);
    expect(session.summary().byCode.some((c) => c.code === 'required-missing')).toBe(false);
    expect(session.replaceInColumn('workCountry', 'AU', 'Australia', { kind: 'all' }, true)).toBe(
      1,
    );
    // Any case, anywhere in the cell: Ann, Dan and the second Ann.
    expect(session.replaceInColumn('firstName', 'an', 'AN', { kind: 'all' })).toBe(3);
    expect(session.window(0, 1, { kind: 'all' }).rows[0]?.values[0]).toBe('ANn');
    session.undo();
    session.undo();
    session.undo();
    expect(session.summary().byCode.some((c) => c.code === 'required-missing')).toBe(true);
  });

  it('maps the distinct values of a coded column, with proposals', () => {
    const session = ReviewSession.create(table, mapping);
    const status = session.codedValues('status');
    expect(status?.values).toEqual([
      { value: 'Active', count: 5, proposed: 'A' },
      { value: 'Inactive', count: 1, proposed: 'D' },
    ]);
    const country = session.codedValues('workCountry');
    expect(country?.values.map((v) => [v.value, v.proposed])).toEqual([
      ['Australia', 'Australia'],
      ['AU', 'Australia'],
      ['australia', 'Australia'],
      ['New Zealand', 'New Zealand'],
    ]);
    expect(session.applyValueMap('status', { Active: 'A', Inactive: 'D' })).toBe(6);
    expect(session.summary().byCode.some((c) => c.code === 'status-invalid')).toBe(false);
    session.undo();
    expect(session.summary().byCode.some((c) => c.code === 'status-invalid')).toBe(true);
  });

  it('proposes a time zone abbreviation as it reads in its rows’ places', () => {
    const zones: ReviewTable = {
      headers: ['First', 'State', 'Country', 'Zone'],
      rows: RowStore.from([
        ['Ann', 'NSW', 'Australia', 'EST'],
        ['Bob', 'ACT', 'AU', 'EST'],
        ['Cy', '', 'United States', 'CST'],
        ['Di', '', 'Australia', 'CST'],
        ['Ed', '', 'Ireland', 'IST'],
        ['Flo', 'QLD', 'Australia', 'AEST'],
        ['Gus', 'NSW', 'Australia', 'AEST'],
      ]),
      rowNumbers: [2, 3, 4, 5, 6, 7, 8],
    };
    const session = ReviewSession.create(zones, {
      firstName: { kind: 'column', column: 'First' },
      workState: { kind: 'column', column: 'State' },
      workCountry: { kind: 'column', column: 'Country' },
      timezone: { kind: 'column', column: 'Zone' },
    });
    expect(session.codedValues('timezone')?.values.map((v) => [v.value, v.proposed])).toEqual([
      ['AEST', undefined], // Brisbane for Flo, Sydney for Gus: the person chooses
      ['CST', undefined], // Chicago for Cy, Adelaide for Di
      ['EST', 'Australia/Sydney'],
      ['IST', 'Europe/Dublin'],
    ]);
  });

  it('proposes GMT on United Kingdom rows as London’s zone, as each row’s own fix does', () => {
    const zones: ReviewTable = {
      headers: ['First', 'Country', 'Zone'],
      rows: RowStore.from([
        ['Ann', 'United Kingdom', 'GMT'],
        ['Bob', 'UK', 'GMT'],
      ]),
      rowNumbers: [2, 3],
    };
    const session = ReviewSession.create(zones, {
      firstName: { kind: 'column', column: 'First' },
      workCountry: { kind: 'column', column: 'Country' },
      timezone: { kind: 'column', column: 'Zone' },
    });
    expect(session.codedValues('timezone')?.values).toEqual([
      { value: 'GMT', count: 2, proposed: 'Europe/London' },
    ]);
  });

  it('offers no values panel for a column of many different values', () => {
    const many: ReviewTable = {
      headers: ['First'],
      rows: RowStore.from(Array.from({ length: 80 }, (_, i) => [`Name ${i}`])),
      rowNumbers: Array.from({ length: 80 }, (_, i) => i + 2),
    };
    const session = ReviewSession.create(many, { firstName: { kind: 'column', column: 'First' } });
    expect(session.codedValues('firstName')).toBeUndefined();
  });
});

describe('a change of mapping', () => {
  it('keeps the fixes, edits and skips made under the old one', () => {
    const first = ReviewSession.create(table, mapping);
    first.applyFix('phone-country-code', 'workMobilePhone1');
    first.editCell(3, 'firstName', 'Catherine');
    first.setSkipped([5], true);
    // Back on the matching step, the person maps Email to the personal email instead.
    const { workEmailAddress1: _email, ...rest } = mapping;
    const changed: ColumnMapping = {
      ...rest,
      personalEmailAddress1: { kind: 'column', column: 'Email' },
    };
    const second = ReviewSession.create(table, changed, first.work());
    const [, bob, , cat, , eve] = second.window(0, 6, { kind: 'all' }).rows;
    expect(
      bob?.values[second.summary().columns.findIndex((c) => c.field === 'workMobilePhone1')],
    ).toBe('61412345002');
    expect(cat?.values[0]).toBe('Catherine');
    expect(eve?.skipped).toBe(true);
    expect(second.summary().setAside).toEqual([]);
  });

  it('sets aside the edits of a column no longer imported, brings them back when it is, or drops them', () => {
    const first = ReviewSession.create(table, mapping);
    first.editCell(3, 'workEmailAddress1', 'cat@example.com');
    const { workEmailAddress1: _email, ...withoutEmail } = mapping;
    const second = ReviewSession.create(table, withoutEmail, first.work());
    expect(second.summary().setAside).toEqual([
      { source: 'the Email column (as Work email)', count: 1 },
    ]);
    // Mapped again (to another field, even): the edit is back.
    const third = ReviewSession.create(
      table,
      {
        ...(withoutEmail as ColumnMapping),
        personalEmailAddress1: { kind: 'column', column: 'Email' },
      },
      second.work(),
    );
    const column = third.summary().columns.findIndex((c) => c.field === 'personalEmailAddress1');
    expect(third.window(3, 1, { kind: 'all' }).rows[0]?.values[column]).toBe('cat@example.com');
    expect(second.dropSetAside()).toBe(1);
    expect(second.summary().setAside).toEqual([]);
  });
});

describe('the report of values cleared', () => {
  it('does not call a cell’s two numbers cleared when each went to a field of its own', () => {
    // Google Contacts' legacy export: two mobiles in one "Phone 1 - Value" cell.
    const google: ReviewTable = {
      headers: ['First', 'Last', 'Email', 'Phone', 'Mobile', 'Country', 'TZ'],
      delimiter: ',',
      rows: RowStore.from([
        [
          'Ava',
          'Brown',
          'ava@acme.com.au',
          '0414 555 666 ::: 0414 555 667',
          '',
          'Australia',
          '+08',
        ],
        ['Bo', 'Li', 'bo@acme.com.au', 'not a phone', '0414 555 668', 'Australia', '+08'],
      ]),
      rowNumbers: [2, 3],
    };
    const session = ReviewSession.create(google, {
      firstName: { kind: 'column', column: 'First' },
      lastName: { kind: 'column', column: 'Last' },
      workEmailAddress1: { kind: 'column', column: 'Email' },
      workPhone1: { kind: 'column', column: 'Phone' },
      workMobilePhone1: { kind: 'column', column: 'Mobile' },
      workCountry: { kind: 'column', column: 'Country' },
      timezone: { kind: 'column', column: 'TZ' },
    });
    session.applyAllFixes();
    const ava = uploadedContacts(session)[0];
    expect([ava?.workMobilePhone1, ava?.workMobilePhone2]).toEqual(['61414555666', '61414555667']);
    const report = session.rejectedReport();
    expect(report).not.toContain('0414 555 666 ::: 0414 555 667');
    // A value that went nowhere is still reported.
    expect(report).toContain('Work phone “not a phone” was cleared and not sent');
  });
});

describe('the report of a file with semicolons', () => {
  it('is written with semicolons, so European Excel opens it in columns', () => {
    const european: ReviewTable = {
      headers: ['Vorname', 'Nachname', 'E-Mail'],
      delimiter: ';',
      rows: RowStore.from([['Hans', '', 'hans@example.de']]),
      rowNumbers: [2],
    };
    const session = ReviewSession.create(european, {
      firstName: { kind: 'column', column: 'Vorname' },
      lastName: { kind: 'column', column: 'Nachname' },
      workEmailAddress1: { kind: 'column', column: 'E-Mail' },
    });
    const [header, row] = session
      .rejectedReport()
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(header).toMatch(/^Vorname;Nachname;E-Mail;/);
    expect(row).toMatch(/^Hans;;hans@example\.de;2;rejected;/);
  });
});

describe('a JSON item that is no contact', () => {
  it('is a row rejected with reading’s own reason, until its values are typed in', () => {
    const jsonLines = [
      '{"first":"Olivia","last":"Nguyen","email":"olivia@acme.com.au","tz":"+10","country":"Australia"}',
      '{"first":"Liam","last":"Smith","email":"liam@acme.com.au","tz":"+10","country":"Australia"}',
      '{"first":"Ava","last":"Brown","email":"ava@acme',
      '{"first":"Noah","last":"Lee","email":"noah@acme.com.au","tz":"+10","country":"Australia"}',
    ].join('\n');
    const read = readTable(new TextEncoder().encode(jsonLines), 'people.jsonl');
    expect(read.rows.length).toBe(4);
    const session = ReviewSession.create(read, {
      firstName: { kind: 'column', column: 'first' },
      lastName: { kind: 'column', column: 'last' },
      workEmailAddress1: { kind: 'column', column: 'email' },
      workCountry: { kind: 'column', column: 'country' },
      timezone: { kind: 'column', column: 'tz' },
    });
    expect(session.summary().accounting).toEqual({ total: 4, sent: 3, skipped: 0, rejected: 1 });
    const [ava] = session.window(0, 10, { kind: 'errors' }).rows;
    expect(ava?.problems[0]).toMatchObject({ row: 3, code: 'row-unreadable' });
    expect(ava?.problems[0]?.message).toMatch(
      /^Line 3 is not a complete JSON object: it ends in the middle of a value.* Type its values into the row, or skip it\.$/,
    );
    expect(session.rejectedReport()).toContain('Line 3 is not a complete JSON object');
    // Typed in by the person, it is checked as any row.
    for (const [field, value] of [
      ['firstName', 'Ava'],
      ['lastName', 'Brown'],
      ['workEmailAddress1', 'ava@acme.com.au'],
      ['workCountry', 'Australia'],
      ['timezone', '+10'],
    ])
      session.editCell(2, field as string, value as string);
    expect(session.summary().accounting).toEqual({ total: 4, sent: 4, skipped: 0, rejected: 0 });
  });
});

describe('a JSON list with more items that are no contact than are named', () => {
  it('still rejects each of them with a reason of its own', () => {
    const items = [
      ...Array.from({ length: 1002 }, (_, i) => `junk ${i}`),
      { first: 'Ann', last: 'Lee', email: 'ann@example.com' },
    ];
    const read = readTable(
      new TextEncoder().encode(JSON.stringify({ contacts: items })),
      'contacts.json',
    );
    const session = ReviewSession.create(read, {
      firstName: { kind: 'column', column: 'first' },
      lastName: { kind: 'column', column: 'last' },
      workEmailAddress1: { kind: 'column', column: 'email' },
    });
    const rows = session.window(1000, 2, { kind: 'all' }).rows;
    expect(rows.map((row) => row.problems[0]?.code)).toEqual(['row-unreadable', 'row-unreadable']);
    expect(rows[1]?.problems[0]?.message).toMatch(/^Item 1002 is not a contact\./);
  });
});

describe('the fields an upload sends with no value', () => {
  it('are those with no column that the review gave no row a value for', () => {
    const staff: ReviewTable = {
      headers: ['First', 'Last', 'Email', 'Country', 'State'],
      delimiter: ',',
      rows: RowStore.from([
        ['Ann', 'Lee', 'ann@example.com', 'Australia', 'NSW'],
        ['Bob', 'Ray', 'bob@example.com', 'Australia', 'QLD'],
      ]),
      rowNumbers: [2, 3],
    };
    const session = ReviewSession.create(staff, {
      firstName: { kind: 'column', column: 'First' },
      lastName: { kind: 'column', column: 'Last' },
      workEmailAddress1: { kind: 'column', column: 'Email' },
      workCountry: { kind: 'column', column: 'Country' },
      workState: { kind: 'column', column: 'State' },
      // An email-only list: Whispir's required mobile is sent empty.
      workMobilePhone1: { kind: 'empty' },
      // Worked out on the review, from the state.
      timezone: { kind: 'empty' },
    });
    expect(session.applyAllFixes()).toBeGreaterThan(0);
    expect(session.uploadInput().emptyFields).toEqual(['workMobilePhone1']);
  });
});

describe('an address an XML contact repeats', () => {
  it('is caught by the review’s checker, and the fix keeps the first', () => {
    const xml: ReviewTable = {
      headers: ['first', 'last', 'email', 'street', 'city', 'country', 'tz'],
      rows: RowStore.from([
        [
          'Olivia',
          'Nguyen',
          'o@acme.com.au',
          '1 George St; 12 Smith Ave',
          'Sydney; Bondi',
          'Australia',
          '+10',
        ],
      ]),
      rowNumbers: [1],
    };
    const session = ReviewSession.create(xml, {
      firstName: { kind: 'column', column: 'first' },
      lastName: { kind: 'column', column: 'last' },
      workEmailAddress1: { kind: 'column', column: 'email' },
      workAddress1: { kind: 'column', column: 'street' },
      workSuburb: { kind: 'column', column: 'city' },
      workCountry: { kind: 'column', column: 'country' },
      timezone: { kind: 'column', column: 'tz' },
    });
    expect(session.window(0, 1, { kind: 'all' }).rows[0]?.problems.map((p) => p.code)).toEqual([
      'several-values',
      'several-values',
    ]);
    session.applyAllFixes();
    expect(uploadedContacts(session)[0]).toMatchObject({
      workAddress1: '1 George St',
      workSuburb: 'Sydney',
    });
  });
});
