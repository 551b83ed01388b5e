/**
 * The store's indexed match lookup must give exactly what the shared pure rule gives: the
 * oldest contact of the workspace for which `contactsMatch` holds. Checked against a brute
 * force over every contact, after random creates, updates and deletes, with few names and few
 * channel values so that near-misses (same name, other channel; other name, same channel) are
 * common.
 */
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contactsMatch, matchKeysOf } from '../src/domain/whispir/match-rule.ts';
import { newContactId } from './ids.ts';
import { SandboxStore, compactFields, matchKeyHash, type ContactFields } from './store.ts';
import { MY_COMPANY, SALES_TEAM } from './test-client.ts';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomContact(next: () => number): ContactFields {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return compactFields({
    firstName: pick(['Ann', ' ann ', 'ANN', 'Bob', 'Cy']),
    lastName: pick(['Lee', 'lee', 'Ng']),
    workEmailAddress1: pick(['', 'a@x.com', 'A@X.com ', 'b@x.com']),
    personalEmailAddress1: pick(['', 'a@x.com', 'c@y.org']),
    workMobilePhone1: pick(['', '+61 400 000 001', '61400000001', '0400 000 002']),
    personalMobilePhone1: pick(['', '61400000001', '(04) 0000 0003']),
    workCountry: 'Australia',
    timezone: '+10',
  });
}

const bruteForce = (store: SandboxStore, ids: string[], workspace: string, row: ContactFields) =>
  ids
    .filter((id) => {
      const contact = store.getContact(workspace, id);
      return contact && contactsMatch(matchKeysOf(row), matchKeysOf(contact.fields));
    })
    .sort()[0];

describe('SandboxStore.findMatch', () => {
  it('agrees with the match rule over random creates, updates and deletes', () => {
    const next = random(13);
    const store = new SandboxStore(':memory:');
    const ids: Record<string, string[]> = { [MY_COMPANY]: [], [SALES_TEAM]: [] };
    const now = new Date().toISOString();
    let matched = 0;
    for (let step = 0; step < 3000; step++) {
      const workspace = next() < 0.8 ? MY_COMPANY : SALES_TEAM;
      const list = ids[workspace]!;
      const roll = next();
      if (roll < 0.4 || list.length === 0) {
        const id = newContactId();
        store.insertContact(workspace, id, randomContact(next), now);
        list.push(id);
      } else if (roll < 0.55) {
        const id = list[Math.floor(next() * list.length)]!;
        expect(store.updateContact(workspace, id, randomContact(next), now)).toBe(true);
      } else if (roll < 0.65) {
        const [id] = list.splice(Math.floor(next() * list.length), 1);
        expect(store.deleteContact(workspace, id!)).toBe(true);
      } else {
        const row = randomContact(next);
        const expected = bruteForce(store, list, workspace, row);
        expect(store.findMatch(workspace, matchKeysOf(row))?.id).toBe(expected);
        if (expected) matched += 1;
      }
    }
    // The comparison is only worth something if both outcomes occurred often.
    expect(matched).toBeGreaterThan(100);
    store.close();
  });

  it('forgets the keys of deleted contacts and the old keys of updated ones', () => {
    const store = new SandboxStore(':memory:');
    const now = new Date().toISOString();
    const ann = { firstName: 'Ann', lastName: 'Lee', workEmailAddress1: 'ann@x.com' };
    store.insertContact(MY_COMPANY, 'A'.repeat(32), ann, now);
    store.insertContact(MY_COMPANY, 'B'.repeat(32), ann, now);
    expect(store.findMatch(MY_COMPANY, matchKeysOf(ann))?.id).toBe('A'.repeat(32));

    store.deleteContact(MY_COMPANY, 'A'.repeat(32));
    expect(store.findMatch(MY_COMPANY, matchKeysOf(ann))?.id).toBe('B'.repeat(32));

    const moved = { ...ann, workEmailAddress1: 'ann@new.com' };
    store.updateContact(MY_COMPANY, 'B'.repeat(32), moved, now);
    expect(store.findMatch(MY_COMPANY, matchKeysOf(ann))).toBeUndefined();
    expect(store.findMatch(MY_COMPANY, matchKeysOf(moved))?.id).toBe('B'.repeat(32));
    expect(store.findMatch(SALES_TEAM, matchKeysOf(moved))).toBeUndefined();

    store.reset();
    store.insertContact(MY_COMPANY, 'C'.repeat(32), { firstName: 'X', lastName: 'Y' }, now);
    expect(store.findMatch(MY_COMPANY, matchKeysOf(moved))).toBeUndefined();
    store.close();
  });

  it('keeps a contact whose key only shares a hash with the row’s out of the match', () => {
    const store = new SandboxStore(':memory:');
    const now = new Date().toISOString();
    const ann = { firstName: 'Ann', lastName: 'Lee', workEmailAddress1: 'ann@x.com' };
    const bob = { firstName: 'Bob', lastName: 'Ng', workEmailAddress1: 'bob@x.com' };
    store.insertContact(MY_COMPANY, 'A'.repeat(32), ann, now);
    store.insertContact(MY_COMPANY, 'B'.repeat(32), bob, now);
    // As if Ann's key had the hash of Bob's: Ann is older, but not Bob.
    const { db } = store as unknown as { db: Database.Database };
    const bobKeys = matchKeysOf(bob);
    db.prepare('INSERT INTO match_keys (key, contact_seq) VALUES (?, 1)').run(
      matchKeyHash(MY_COMPANY, bobKeys.name, 'workEmailAddress1', bobKeys.workEmailAddress1),
    );
    expect(store.findMatch(MY_COMPANY, bobKeys)?.id).toBe('B'.repeat(32));
    store.close();
  });
});
