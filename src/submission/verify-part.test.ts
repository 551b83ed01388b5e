/**
 * The check that a part arrived, through the real search function against a Whispir double
 * that searches with "contains" and pages by 20: near namesakes are filtered out, pages are
 * followed, a background import is waited for, and a lost answer gets the right proposal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchContact } from '../api/search-contacts';
import type { SentContact } from '../domain/submission/verification';
import { createFakeContactSearch } from './fake-whispir';
import { createTurns, proposalFor, verifyPart, type VerifyDeps } from './verify-part';

const person = (i: number): SentContact => ({
  firstName: 'Jo',
  lastName: `Li${i}`,
  workEmailAddress1: `jo.li${i}@example.com`,
  workMobilePhone1: '',
});

const part = Array.from({ length: 60 }, (_, i) => person(i));

function depsFor(fetchImpl: typeof fetch, clock = { now: 0 }): VerifyDeps {
  vi.stubGlobal('fetch', fetchImpl);
  return {
    readPart: async () => part,
    search: (row, signal) => searchContact({ row, purpose: 'test', signal }),
    sleep: async (ms) => {
      clock.now += ms;
    },
    now: () => clock.now,
  };
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe('verifyPart', () => {
  it('finds each sampled row, spread through the part, among near namesakes', async () => {
    // Whispir's "contains": Li1 also finds Li10…Li19; the match rule keeps the row's own contact.
    const { fetch, requests } = createFakeContactSearch(part);
    const result = await verifyPart(1, depsFor(fetch as typeof globalThis.fetch), {
      sampleSize: 20,
    });
    expect(result).toMatchObject({ part: 1, sampled: 20, found: 20, state: 'done' });
    expect(result.contacts[0]).toEqual({ name: 'Jo Li0', uri: 'http://whispir.test/contacts/C0' });
    expect(result.contacts.at(-1)?.name).toBe('Jo Li59');
    expect(requests).toHaveLength(20);
  });

  it('follows the pages when the contact is past the first 20 that contain the name', async () => {
    const crowd = [
      ...Array.from({ length: 45 }, (_, i) => ({
        ...person(1),
        workEmailAddress1: `x${i}.jo.li1@example.com`,
      })),
      person(1),
    ];
    const { fetch, requests } = createFakeContactSearch(crowd);
    vi.stubGlobal('fetch', fetch);
    const found = await searchContact({ row: person(1), purpose: 'test' });
    expect(found?.uri).toBe('http://whispir.test/contacts/C45');
    expect(requests.map((r) => new URLSearchParams(r.split('?')[1]).get('offset'))).toEqual([
      '0',
      '20',
      '40',
    ]);
  });

  it('waits for a background import, looking again for the rows not found yet', async () => {
    const clock = { now: 0 };
    const { fetch } = createFakeContactSearch(part, { visible: () => clock.now >= 10_000 });
    const result = await verifyPart(1, depsFor(fetch as typeof globalThis.fetch, clock), {
      sampleSize: 5,
      roundEveryMs: 5_000,
    });
    expect(result).toMatchObject({ sampled: 5, found: 5, state: 'done' });
    expect(clock.now).toBe(10_000);
  });

  it('searches in its turns and pauses between rounds outside them', async () => {
    const clock = { now: 0 };
    const { fetch } = createFakeContactSearch(part, { visible: () => clock.now >= 10_000 });
    const turns = createTurns();
    let turnHeld = false;
    const pausedInTurn: boolean[] = [];
    const result = await verifyPart(
      1,
      {
        ...depsFor(fetch as typeof globalThis.fetch, clock),
        inTurn: (round) =>
          turns(async () => {
            turnHeld = true;
            try {
              return await round();
            } finally {
              turnHeld = false;
            }
          }),
        sleep: async (ms) => {
          pausedInTurn.push(turnHeld);
          clock.now += ms;
        },
      },
      { sampleSize: 5, roundEveryMs: 5_000 },
    );
    expect(result).toMatchObject({ sampled: 5, found: 5, state: 'done' });
    expect(pausedInTurn).toEqual([false, false]);
  });

  it('while the import is under way, a round stops at the first row missing if the last is too', async () => {
    // Whispir imports the part in order, 20 rows between two rounds here.
    const clock = { now: 0 };
    const arrived = part.slice(0, 20);
    const { fetch, requests } = createFakeContactSearch(arrived);
    const result = await verifyPart(
      1,
      {
        ...depsFor(fetch as typeof globalThis.fetch, clock),
        sleep: async (ms) => {
          clock.now += ms;
          arrived.push(...part.slice(arrived.length, arrived.length + 20));
        },
      },
      { sampleSize: 10, roundEveryMs: 2_000 },
    );
    expect(result).toMatchObject({ sampled: 10, found: 10, answered: 10, state: 'done' });
    // Rows 0, 7, 13 then 20 (missing) and 59 (missing); 20 to 39 then 46 and 59; 46, 52, 59.
    expect(requests).toHaveLength(5 + 6 + 3);
    expect(clock.now).toBe(4_000);
  });

  it('a row that never arrives holds up neither the others nor the report', async () => {
    const clock = { now: 0 };
    const { fetch } = createFakeContactSearch(part.filter((_, i) => i !== 20));
    const result = await verifyPart(1, depsFor(fetch as typeof globalThis.fetch, clock), {
      sampleSize: 10,
      patienceMs: 20_000,
      roundEveryMs: 5_000,
    });
    expect(result).toMatchObject({ sampled: 10, found: 9, answered: 10, state: 'done' });
    expect(result.contacts.map((contact) => contact.name)).not.toContain('Jo Li20');
    expect(clock.now).toBe(20_000);
  });

  it('gives up after its patience, saying how many it found', async () => {
    const clock = { now: 0 };
    const { fetch } = createFakeContactSearch(part.slice(0, 30));
    const result = await verifyPart(1, depsFor(fetch as typeof globalThis.fetch, clock), {
      sampleSize: 10,
      patienceMs: 20_000,
      roundEveryMs: 5_000,
    });
    expect(result).toMatchObject({ sampled: 10, state: 'done' });
    expect(result.found).toBe(5);
    expect(clock.now).toBe(20_000);
  });

  it('counts a failed search as not found yet and tries again', async () => {
    let calls = 0;
    const { fetch } = createFakeContactSearch(part, {
      fail: () => (calls++ < 3 ? 503 : undefined),
    });
    const result = await verifyPart(1, depsFor(fetch as typeof globalThis.fetch), {
      sampleSize: 5,
    });
    expect(result).toMatchObject({ sampled: 5, found: 5 });
  });
});

describe('createTurns', () => {
  it('runs one round at a time, in the order asked, even when one fails', async () => {
    const turns = createTurns();
    const log: string[] = [];
    let release = () => {};
    const first = turns(
      () =>
        new Promise<void>((resolve) => {
          log.push('first starts');
          release = () => {
            log.push('first ends');
            resolve();
          };
        }),
    );
    const failing = turns(async () => {
      log.push('second runs');
      throw new Error('search failed');
    });
    const third = turns(async () => log.push('third runs'));
    await Promise.resolve();
    expect(log).toEqual(['first starts']);
    release();
    await first;
    await expect(failing).rejects.toThrow('search failed');
    await third;
    expect(log).toEqual(['first starts', 'first ends', 'second runs', 'third runs']);
  });
});

describe('proposalFor, after a lost answer', () => {
  const done = { part: 1, sampled: 20, answered: 20, contacts: [], state: 'done' as const };
  it('never calls found contacts proof that it arrived: they may have been there before', () => {
    // An earlier import of the same file leaves the same contacts, in "duplicate" mode too.
    expect(proposalFor({ ...done, found: 20 })).toBe('found');
    expect(proposalFor({ ...done, found: 3, state: 'checking' })).toBe('found');
  });
  it('proposes sending again only when nothing was found in all that time', () => {
    expect(proposalFor({ ...done, found: 0 })).toBe('send-again');
    expect(proposalFor({ ...done, found: 0, state: 'checking' })).toBe('unsure');
  });

  it('does not propose sending again when searches failed: they prove nothing', async () => {
    const result = await verifyPart(
      1,
      {
        readPart: async () => part,
        search: async () => {
          throw new Error('Too many requests for this API key (429).');
        },
        sleep: async () => undefined,
        now: (() => {
          let t = 0;
          return () => (t += 60_000);
        })(),
      },
      { sampleSize: 5 },
    );
    expect(result).toMatchObject({ found: 0, answered: 0, state: 'done' });
    expect(proposalFor(result)).toBe('unsure');
  });
});
