/**
 * A contact search narrowed through the trigram index must find exactly what the "contains"
 * test (Part B §5.4) finds over every contact: the same total and the same page. Checked
 * against a brute force after creates, updates and deletes, with texts that are short (not
 * indexable), differ in case, carry `%`, `_` or `\`, span two fields, or are accented.
 */
import { describe, expect, it } from 'vitest';
import { newContactId } from './ids.ts';
import { SandboxStore, type ContactFields } from './store.ts';
import { MY_COMPANY, SALES_TEAM } from './test-client.ts';

const PEOPLE: ContactFields[] = [
  { firstName: 'Samantha', lastName: 'Lee', workEmailAddress1: 'sam.lee@example.com' },
  { firstName: 'Sam', lastName: 'Leeson', workMobilePhone1: '61400000001' },
  { firstName: 'SAM', lastName: 'lee', personalEmailAddress1: 'SAM_LEE@Example.com' },
  { firstName: 'Zoë', lastName: 'Ó Súilleabháin', workEmailAddress1: 'zoe%o@example.ie' },
  { firstName: 'Ann', lastName: 'Ng', workEmailAddress1: 'ann\\ng@x.org', department: 'Sales' },
  { firstName: 'Bob', lastName: 'Samson', personalMobilePhone1: '64210000002' },
];

/** Whispir's "contains", as the sandbox applies it: in any case, accented letters too. */
const contains = (value: string | undefined, text: string) =>
  (value ?? '').toLowerCase().includes(text.toLowerCase());

const SEARCHES: Record<string, string>[] = [
  { firstName: 'sam' },
  { firstName: 'Sam', lastName: 'lee' },
  { lastName: 'Ng' },
  { workEmailAddress1: 'example' },
  { personalEmailAddress1: 'sam_lee' },
  { personalEmailAddress1: 'sam%lee' },
  { workEmailAddress1: 'e%o@' },
  { workEmailAddress1: 'ann\\ng' },
  { workEmailAddress1: 'lee@example.comsam' },
  { firstName: 'zoë', lastName: 'súill' },
  { firstName: 'ZOË' },
  { lastName: 'Ó SÚILLEABH' },
  { workMobilePhone1: '400000', firstName: 'Sam' },
  { personalMobilePhone1: '1000000' },
  { department: 'sal', firstName: 'Ann' },
  { lastName: 'Lee\nSam' },
  // A whole address is looked for in the index by its part before the @.
  { workEmailAddress1: 'sam.lee@example.com', firstName: 'samantha' },
  { personalEmailAddress1: 'sam_lee@example.com' },
  { workEmailAddress1: 'lee@example.co' },
  { workEmailAddress1: 'ng@x.org' },
  { workEmailAddress1: '@example.com' },
  { workEmailAddress1: 'zoe%o@example' },
];

describe('SandboxStore.listContacts with the search index', () => {
  it('finds exactly what the contains test finds over every contact', () => {
    const store = new SandboxStore(':memory:');
    const now = new Date().toISOString();
    const ids: string[] = [];
    for (let round = 0; round < 3; round++)
      for (const person of PEOPLE) {
        const id = newContactId();
        ids.push(id);
        store.insertContact(round === 2 ? SALES_TEAM : MY_COMPANY, id, person, now);
      }
    // The index follows updates and deletes.
    store.updateContact(MY_COMPANY, ids[0]!, { ...PEOPLE[0], lastName: 'Leigh' }, now);
    store.deleteContact(MY_COMPANY, ids[7]!);

    for (const search of SEARCHES) {
      const everyone = store.listContacts(MY_COMPANY, {
        search: {},
        sortFields: [],
        sortOrder: 'asc',
        limit: 1000,
        offset: 0,
      }).items;
      const expected = everyone
        .filter((contact) =>
          Object.entries(search).every(([field, text]) => contains(contact.fields[field], text)),
        )
        .map((contact) => contact.id);
      const found = store.listContacts(MY_COMPANY, {
        search,
        sortFields: [],
        sortOrder: 'asc',
        limit: 1000,
        offset: 0,
      });
      expect({ search, ids: found.items.map((contact) => contact.id) }).toEqual({
        search,
        ids: expected,
      });
      expect(found.total).toBe(expected.length);
    }
  });

  it('pages a search like a scan: the same total and the next contacts in id order', () => {
    const store = new SandboxStore(':memory:');
    const now = new Date().toISOString();
    for (let i = 0; i < 45; i++)
      store.insertContact(
        MY_COMPANY,
        newContactId(),
        { firstName: `Sam${i}`, lastName: 'Lee', workEmailAddress1: `s${i}@example.com` },
        now,
      );
    const page = (offset: number) =>
      store.listContacts(MY_COMPANY, {
        search: { lastName: 'lee', workEmailAddress1: '@example' },
        sortFields: [],
        sortOrder: 'asc',
        limit: 20,
        offset,
      });
    expect(page(0).total).toBe(45);
    // The last page, part full, and a page past the end say the same total.
    expect(page(40).total).toBe(45);
    expect(page(60)).toEqual({ total: 45, items: [] });
    expect(page(20).total).toBe(45);
    expect(page(40).items.map((contact) => contact.fields.firstName)).toEqual([
      'Sam40',
      'Sam41',
      'Sam42',
      'Sam43',
      'Sam44',
    ]);
  });
});
