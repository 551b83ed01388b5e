import { describe, expect, it } from 'vitest';
import { readJsonContacts } from './json-contacts';

const SOURCE_ACCESS = JSON.parse(
  '1',
  (_key: string, _value: unknown, context?: { source?: string }) => context?.source !== undefined,
) as boolean;

describe('readJsonContacts', () => {
  const cases: {
    description: string;
    input: string;
    expected: { headers: string[]; rows: string[][]; source: string; codes: string[] };
  }[] = [
    {
      description: "Whispir's {contacts: [...]}",
      input:
        '{"contacts":[{"firstName":"John","workMobilePhone1":"61423456789","timezone":"+10"}]}',
      expected: {
        headers: ['firstName', 'workMobilePhone1', 'timezone'],
        rows: [['John', '61423456789', '+10']],
        source: 'contacts',
        codes: [],
      },
    },
    {
      description: 'bare array; leading-zero strings stay strings; missing keys are empty',
      input: '[{"name":"Ann","mobile":"0412345678"},{"name":"Bob","postcode":"0800"}]',
      expected: {
        headers: ['name', 'mobile', 'postcode'],
        rows: [
          ['Ann', '0412345678', ''],
          ['Bob', '', '0800'],
        ],
        source: '(list)',
        codes: [],
      },
    },
    {
      description: 'object holding one array of objects, nested objects as dotted keys',
      input:
        '{"meta":{"count":1},"data":[{"name":"Ann","address":{"city":"Perth","geo":{"lat":"-31.95"}}}]}',
      expected: {
        headers: ['name', 'address.city', 'address.geo.lat'],
        rows: [['Ann', 'Perth', '-31.95']],
        source: 'data',
        codes: [],
      },
    },
    {
      description: 'contacts preferred over a longer list; found two levels down',
      input: '{"result":{"errors":[{"e":1},{"e":2}],"contacts":[{"a":"x"}]}}',
      expected: { headers: ['a'], rows: [['x']], source: 'result.contacts', codes: [] },
    },
    {
      description: 'arrays of scalars joined with "; ", arrays of objects indexed from 1',
      input: '[{"tags":["vip","staff"],"phones":[{"type":"work","n":"0299990000"}]}]',
      expected: {
        headers: ['tags', 'phones.1.type', 'phones.1.n'],
        rows: [['vip; staff', 'work', '0299990000']],
        source: '(list)',
        codes: [],
      },
    },
    {
      description: 'numbers, booleans and null become text',
      input: '[{"id":61423456789,"active":true,"score":2.5,"note":null}]',
      expected: {
        headers: ['id', 'active', 'score', 'note'],
        rows: [['61423456789', 'true', '2.5', '']],
        source: '(list)',
        codes: [],
      },
    },
    {
      description: 'a number too long for a double is flagged',
      input: '[{"id":12345678901234567890}]',
      expected: {
        headers: ['id'],
        // Node 20 has no JSON.parse source access, so the digits are already lost and flagged;
        // engines with it keep the digits exactly.
        rows: [[SOURCE_ACCESS ? '12345678901234567890' : '12345678901234567000']],
        source: '(list)',
        codes: SOURCE_ACCESS ? [] : ['json-number-precision'],
      },
    },
    {
      description: 'an item that is not an object is a row with no values, and an error',
      input: '[{"a":"1"},"stray",{"a":"2"}]',
      expected: {
        headers: ['a'],
        rows: [['1'], [''], ['2']],
        source: '(list)',
        codes: ['json-item-not-object'],
      },
    },
    {
      description: 'empty contacts list',
      input: '{"contacts":[]}',
      expected: { headers: [], rows: [], source: 'contacts', codes: ['json-no-records'] },
    },
    {
      description: 'no list of objects at all',
      input: '{"name":"Ann"}',
      expected: { headers: [], rows: [], source: '', codes: ['json-no-records'] },
    },
    {
      description: 'syntax error',
      input: '{"contacts":[\n{"a":"1"}\n{"a":"2"}]}',
      expected: { headers: [], rows: [], source: '', codes: ['json-invalid'] },
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const result = readJsonContacts(input);
    expect({
      headers: result.headers,
      rows: result.rows,
      source: result.source,
      codes: result.problems.map((p) => p.code),
    }).toEqual(expected);
  });

  it('gives the line of a syntax error', () => {
    const [p] = readJsonContacts('{"contacts":[\n{"a":"1"}\n{"a":"2"}]}').problems;
    expect(p?.line).toBe(3);
    expect(p?.message).toMatch(/line 3/);
  });

  it('keeps the digits as written when the engine allows, else String(number)', () => {
    const [row] = readJsonContacts('[{"a":1.50,"b":1e3}]').rows;
    expect(row).toEqual(SOURCE_ACCESS ? ['1.50', '1e3'] : ['1.5', '1000']);
  });

  it('numbers rows by record position, skipping no number', () => {
    expect(readJsonContacts('[{"a":"1"},7,{"a":"2"}]').rowNumbers).toEqual([1, 2, 3]);
    expect(readJsonContacts('[{"a":"1"},null,{"a":"2"}]').rowNumbers).toEqual([1, 3]);
  });

  it('keeps every item of a list that is not a contact as a row to reject, with its reason', () => {
    const table = readJsonContacts(`[
  {"firstName": "Ann", "lastName": "Lee", "email": "ann.lee@acme.com.au"},
  {"firstName": "Bob", "lastName": "Hale", "email": "bob.hale@acme.com.au"},
  {"firstName": "Cy", "lastName": "Tran", "email": "cy.tran@acme.com.au"},
  "Ava Brown <ava@acme.com.au>",
  null,
  61412345678,
  ["Dee", "dee@acme.com.au"]
]`);
    expect(table.headers).toEqual(['firstName', 'lastName', 'email']);
    // Every item but the null is a row: 6 rows in the file, 3 of them to reject.
    expect(table.rows).toEqual([
      ['Ann', 'Lee', 'ann.lee@acme.com.au'],
      ['Bob', 'Hale', 'bob.hale@acme.com.au'],
      ['Cy', 'Tran', 'cy.tran@acme.com.au'],
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(table.rowNumbers).toEqual([1, 2, 3, 4, 6, 7]);
    expect(table.problems.map((p) => [p.code, p.severity, p.row, p.message])).toEqual([
      [
        'json-item-not-object',
        'error',
        4,
        'Item 4 of the list is text, not a contact: "Ava Brown <ava@acme.com.au>".',
      ],
      [
        'json-item-not-object',
        'error',
        6,
        'Item 6 of the list is a number, not a contact: 61412345678.',
      ],
      [
        'json-item-not-object',
        'error',
        7,
        'Item 7 of the list is a list, not a contact with named fields.',
      ],
      // A null holds nothing, as a blank line of a spreadsheet: skipped, and said.
      ['empty-rows-skipped', 'info', undefined, 'Item 5 is null (empty) and was skipped.'],
    ]);
  });

  it('names the list an item is in, when it has a name', () => {
    const table = readJsonContacts('{"contacts":[{"email":"a@x.com"},"b@x.com"]}');
    expect(table.problems.map((p) => p.message)).toEqual([
      'Item 2 of "contacts" is text, not a contact: "b@x.com".',
    ]);
  });

  it('reads one contact on its own, not in a list, as one row', () => {
    // HubSpot's answer for one contact.
    const hubspot = readJsonContacts(
      JSON.stringify({
        id: '512',
        properties: {
          email: 'ann.lee@acme.com.au',
          firstname: 'Ann',
          lastname: 'Lee',
          mobilephone: '+61 412 345 001',
        },
        createdAt: '2024-11-03T01:02:03.000Z',
        archived: false,
      }),
    );
    expect(hubspot.source).toBe('(one contact)');
    expect(hubspot.headers).toEqual([
      'id',
      'properties.email',
      'properties.firstname',
      'properties.lastname',
      'properties.mobilephone',
      'createdAt',
      'archived',
    ]);
    expect(hubspot.rows).toEqual([
      [
        '512',
        'ann.lee@acme.com.au',
        'Ann',
        'Lee',
        '+61 412 345 001',
        '2024-11-03T01:02:03.000Z',
        'false',
      ],
    ]);
    expect(hubspot.problems).toEqual([]);
    // Its own list of phones is its parts, not the records.
    const withPhones = readJsonContacts(
      '{"firstName":"Ann","email":"ann@x.com","phones":[{"type":"mobile","number":"0412"},{"type":"work","number":"0298"}]}',
    );
    expect(withPhones.rows).toEqual([['Ann', 'ann@x.com', 'mobile', '0412', 'work', '0298']]);
    // A list of people named like a part (a mailing list, a phone book) beside one address of
    // the file's own is the list of contacts.
    const people = Array.from({ length: 30 }, (_, i) => ({
      name: `User ${i}`,
      email: `user${i}@example.com`,
    }));
    for (const file of [
      { list: 'Staff alerts', replyTo: 'hr@acme.com.au', mailingList: people },
      { phonebook: people.slice(0, 3), owner: 'it@acme.com.au' },
    ]) {
      const read = readJsonContacts(JSON.stringify(file));
      expect(read.rows.length, JSON.stringify(Object.keys(file))).toBe(
        (Object.values(file).find(Array.isArray) as unknown[]).length,
      );
    }
  });

  it('finds a list of contacts nested deeper than three levels', () => {
    const table = readJsonContacts(
      JSON.stringify({
        apiVersion: '2.1',
        data: {
          result: {
            page: {
              number: 1,
              items: [
                { name: 'Ann', email: 'ann@x.com' },
                { name: 'Bob', email: 'bob@x.com' },
                { name: 'Cy', email: 'cy@x.com' },
              ],
            },
          },
        },
      }),
    );
    expect(table.source).toBe('data.result.page.items');
    expect(table.rows).toEqual([
      ['Ann', 'ann@x.com'],
      ['Bob', 'bob@x.com'],
      ['Cy', 'cy@x.com'],
    ]);
  });

  it('does not take a small list of other records sharing a field or two for contacts', () => {
    const contact = { id: 1, name: 'Ann', email: 'ann@x.com', phone: '0412' };
    for (const other of [
      { teams: [{ id: 10, name: 'Sales' }] },
      { errors: [{ id: 7, message: 'x' }] },
    ]) {
      const table = readJsonContacts(
        JSON.stringify({ users: [contact, contact, contact], ...other }),
      );
      expect(table.rows).toHaveLength(3);
      expect(table.source).toBe('users');
      expect(table.problems.map((p) => p.code)).toEqual(['json-list-ignored']);
    }
  });

  it('reads the list of contacts, not a longer list of links or tags beside it', () => {
    const link = (rel: string) => ({ rel, href: `/lists/1/${rel}`, method: 'GET' });
    const table = readJsonContacts(
      JSON.stringify({
        members: [
          { email_address: 'ann@x.com', merge_fields: { FNAME: 'Ann' } },
          { email_address: 'bob@x.com', merge_fields: { FNAME: 'Bob' } },
        ],
        _links: ['self', 'parent', 'create', 'update', 'delete'].map(link),
      }),
    );
    expect(table.source).toBe('members');
    expect(table.rows).toEqual([
      ['ann@x.com', 'Ann'],
      ['bob@x.com', 'Bob'],
    ]);
  });

  it.each([
    [
      'HubSpot, its fields nested under properties, beside tags with names',
      {
        results: [1, 2, 3, 4].map((i) => ({
          id: String(i),
          properties: { email: `p${i}@x.com`, firstname: `P${i}` },
          archived: false,
        })),
        tags: [
          { id: 1, name: 'VIP' },
          { id: 2, name: 'Lead' },
        ],
      },
      'results',
    ],
    [
      'Spanish keys, beside groups with names',
      {
        personas: [1, 2, 3].map((i) => ({
          nombre: `P${i}`,
          correo: `p${i}@x.es`,
          telefono: '600',
        })),
        grupos: [{ id: 1, name: 'A' }],
      },
      'personas',
    ],
  ])('reads the contacts, not a list of tags or groups: %s', (_what, json, source) => {
    expect(readJsonContacts(JSON.stringify(json)).source).toBe(source);
  });

  it('reads JSON Lines: one contact a line, a broken line a row to reject with its reason', () => {
    const table = readJsonContacts(
      '{"name":"Ann","email":"ann@x.com"}\n{"name":"Bob","email":"bob@x.com"}\n' +
        '{"name":"Cy","email":"cy@x.c\n\n{"name":"Di","mobile":"0412"}\n' +
        'Eve, eve@x.com\n"Fay <fay@x.com>"\nnull\n',
    );
    expect(table.headers).toEqual(['name', 'email', 'mobile']);
    expect(table.rows).toEqual([
      ['Ann', 'ann@x.com', ''],
      ['Bob', 'bob@x.com', ''],
      ['', '', ''],
      ['Di', '', '0412'],
      ['', '', ''],
      ['', '', ''],
    ]);
    // Rows are numbered by their line, as the messages say.
    expect(table.rowNumbers).toEqual([1, 2, 3, 5, 6, 7]);
    expect(table.problems.map((p) => [p.code, p.severity, p.row, p.message])).toEqual([
      [
        'json-lines',
        'info',
        undefined,
        'This file holds one JSON object a line (JSON Lines): 3 contacts.',
      ],
      [
        'json-invalid',
        'error',
        3,
        'Line 3 is not a complete JSON object: it ends in the middle of a value (a line cut short, or a value with a line break in it).',
      ],
      ['json-invalid', 'error', 6, 'Line 6 is not a JSON object: "Eve, eve@x.com".'],
      ['json-item-not-object', 'error', 7, 'Line 7 is text, not a contact: "Fay <fay@x.com>".'],
      ['empty-rows-skipped', 'info', undefined, 'Line 8 is null (empty) and was skipped.'],
    ]);
  });

  it('reads a list of rows, the first naming the columns', () => {
    const table = readJsonContacts('[["Name","Mobile"],["Ann",61412345678],["Bob",null]]');
    expect(table.headers).toEqual(['Name', 'Mobile']);
    expect(table.rows).toEqual([
      ['Ann', '61412345678'],
      ['Bob', ''],
    ]);
    // Unless the first row is a contact itself.
    const data = readJsonContacts('[["Ann","ann@x.com"],["Bob","bob@x.com"]]');
    expect(data.headers).toEqual(['Column 1', 'Column 2']);
    expect(data.rows).toEqual([
      ['Ann', 'ann@x.com'],
      ['Bob', 'bob@x.com'],
    ]);
    expect(data.rowNumbers).toEqual([1, 2]);
  });

  it.each([
    ['[\n  // exported\n  {"name":"Ann"}\n]', /line 2, .*JSON allows no comments/],
    [
      '[\n  {"name":"Ann"},\n  {"name":"Bob"},\n]',
      /line 3, .*JSON allows no comma before \] or \}/,
    ],
    ['{"contacts":[{"name":"Ann",}]}', /JSON allows no comma before \] or \}/],
  ])('says what a syntax error most likely is: %s', (text, message) => {
    const [first] = readJsonContacts(text).problems;
    expect(first?.code).toBe('json-invalid');
    expect(first?.message).toMatch(message);
  });

  it('keeps a dotted key and a nested key of the same name as two columns', () => {
    const table = readJsonContacts(
      '[{"name":"Ann","address.city":"Perth","address":{"city":"Fremantle"}},' +
        '{"name":"Bob","address":{"city":"Albany"},"address.city":"Hobart"},' +
        '{"name":"Cy","address.city (2)":"x"}]',
    );
    expect(table.headers).toEqual([
      'name',
      'address.city',
      'address.city (2)',
      'address.city (2) (2)',
    ]);
    // Each column holds one path's values, whatever the order of the keys in a record.
    expect(table.rows).toEqual([
      ['Ann', 'Perth', 'Fremantle', ''],
      ['Bob', 'Hobart', 'Albany', ''],
      ['Cy', '', '', 'x'],
    ]);
  });

  it('reads contacts kept in several lists of the same kind one after the other', () => {
    const table = readJsonContacts(
      JSON.stringify({
        sales: [
          { name: 'Ann', email: 'ann@x.com' },
          { name: 'Bob', email: 'bob@x.com' },
        ],
        support: [{ name: 'Cat', email: 'cat@x.com', phone: '0412' }],
        meta: { tags: [{ tag: 'vip', colour: 'red' }] },
      }),
    );
    expect(table.rows).toEqual([
      ['Ann', 'ann@x.com', ''],
      ['Bob', 'bob@x.com', ''],
      ['Cat', 'cat@x.com', '0412'],
    ]);
    expect(table.rowNumbers).toEqual([1, 2, 3]);
    expect(table.source).toBe('sales + support');
    expect(table.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'json-lists-joined',
        'This file keeps its contacts in 2 lists, read one after the other: "sales" (2) and "support" (1).',
      ],
      [
        'json-list-ignored',
        'The list "meta.tags" (1 item) was not read: its records have other fields than the contacts in "sales + support".',
      ],
    ]);
  });
});
