import { describe, expect, it } from 'vitest';
import { createJob, type SubmissionJob } from '../domain/submission/submission-job';
import { unsentParts } from '../domain/submission/submission-job';
import { createJournal, type JournalStorage } from './journal';
import { createMemoryStorage } from './memory-storage';

const makeJob = (id: string, createdAt = '2026-11-29T17:00:00.000Z'): SubmissionJob =>
  createJob({
    id,
    createdAt,
    fileName: 'contacts.csv',
    workspaceId: '',
    workspaceName: 'Default',
    importMode: 'duplicate',
    fieldMapping: { firstName: 'First name' },
    mimeType: 'text/csv',
    resourceNameBase: 'contacts',
    plan: [
      { part: 1, start: 0, end: 10, fileBytes: 100, requestBytes: 200 },
      { part: 2, start: 10, end: 25, fileBytes: 100, requestBytes: 200 },
    ],
  });

const withStatuses = (
  job: SubmissionJob,
  ...statuses: SubmissionJob['parts'][number]['status'][]
) => ({
  ...job,
  parts: job.parts.map((part, i) => ({ ...part, status: statuses[i] ?? part.status })),
});

function setup() {
  const jobs = createMemoryStorage();
  const bodies = createMemoryStorage();
  return { jobs, bodies, journal: createJournal({ jobs, bodies }) };
}

/** Every key in a JSON value, however deep. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
  return [];
}

describe('journal', () => {
  it('saves a job and reads it back unchanged', async () => {
    const { journal } = setup();
    const job = withStatuses(makeJob('a'), 'accepted', 'pending');
    await journal.saveJob(job);
    expect(await journal.loadJob('a')).toEqual(job);
    expect(await journal.loadUnfinishedJobs()).toEqual([job]);
  });

  it('keeps the rows no part holds, and their report, until the job is deleted', async () => {
    const { journal, bodies } = setup();
    const job = { ...makeJob('a'), notSent: { skipped: 2, rejected: 3 } };
    await journal.saveJob(job);
    await journal.saveReport('a', 'Row,Status,Reasons\r\n4,rejected,Email is not valid\r\n');
    expect((await journal.loadJob('a'))?.notSent).toEqual({ skipped: 2, rejected: 3 });
    expect(await journal.loadReport('a')).toContain('4,rejected,Email is not valid');
    expect(await journal.loadReport('b')).toBeUndefined();
    await journal.deleteJob('a');
    expect(await journal.loadReport('a')).toBeUndefined();
    expect(await bodies.keys()).toEqual([]);
  });

  it('keeps the latest save of a job', async () => {
    const { journal } = setup();
    await journal.saveJob(makeJob('a'));
    await journal.saveJob(withStatuses(makeJob('a'), 'accepted'));
    expect((await journal.loadJob('a'))?.parts[0]?.status).toBe('accepted');
  });

  it('lists only unfinished jobs, oldest first', async () => {
    const { journal } = setup();
    await journal.saveJob(makeJob('newer', '2026-11-29T18:00:00.000Z'));
    await journal.saveJob(withStatuses(makeJob('done'), 'accepted', 'accepted'));
    await journal.saveJob(
      withStatuses(makeJob('older', '2026-11-28T09:00:00.000Z'), 'accepted', 'unknown'),
    );
    expect((await journal.loadUnfinishedJobs()).map((job) => job.id)).toEqual(['older', 'newer']);
  });

  it('keeps a finished job open until the user dismisses it, then forgets it', async () => {
    const { journal } = setup();
    await journal.saveJob(makeJob('newer', '2026-11-29T18:00:00.000Z'));
    await journal.saveJob(withStatuses(makeJob('done'), 'accepted', 'accepted'));
    expect((await journal.loadOpenJobs()).map((job) => job.id)).toEqual(['done', 'newer']);
    await journal.deleteJob('done');
    expect((await journal.loadOpenJobs()).map((job) => job.id)).toEqual(['newer']);
  });

  it('recovers parts caught mid-request by a reload', async () => {
    const { journal } = setup();
    const job = withStatuses(makeJob('a'), 'importing', 'uploading');
    await journal.saveJob(job);
    const [loaded] = await journal.loadUnfinishedJobs();
    expect(loaded?.parts.map((part) => part.status)).toEqual(['unknown', 'pending']);
    expect(loaded?.parts[0]?.message).toMatch(/page was closed/);
  });

  it.each<[string, unknown]>([
    ['not an object', 'garbage'],
    ['an older record version', { version: 0, savedAt: '', job: makeJob('x') }],
    ['a job without parts', { version: 1, savedAt: '', job: { ...makeJob('x'), parts: [] } }],
    [
      'a part with an unknown status',
      { version: 1, savedAt: '', job: withStatuses(makeJob('x'), 'exploded' as 'pending') },
    ],
    [
      'a job with a bad import mode',
      { version: 1, savedAt: '', job: { ...makeJob('x'), importMode: 'merge' } },
    ],
  ])('skips a corrupt record (%s) without throwing', async (_, record) => {
    const { journal, jobs } = setup();
    await journal.saveJob(makeJob('good'));
    await jobs.set('bad', record);
    expect((await journal.loadUnfinishedJobs()).map((job) => job.id)).toEqual(['good']);
    expect(await journal.loadJob('bad')).toBeUndefined();
  });

  it('skips a record the storage fails to read', async () => {
    const { journal, jobs } = setup();
    await journal.saveJob(makeJob('good'));
    await journal.saveJob(makeJob('broken'));
    const failing: JournalStorage = {
      ...jobs,
      get: async (key) => {
        if (key === 'broken') throw new Error('DataError');
        return jobs.get(key);
      },
    };
    const reading = createJournal({ jobs: failing, bodies: createMemoryStorage() });
    expect((await reading.loadUnfinishedJobs()).map((job) => job.id)).toEqual(['good']);
  });

  it('stores part bodies per job and deletes them with the job', async () => {
    const { journal, bodies } = setup();
    await journal.saveJob(makeJob('a/1'));
    await journal.saveJob(makeJob('a'));
    const file = (base64: string) => new Blob([base64]);
    await journal.savePartBody('a/1', 1, { name: 'contacts-part-1.csv', base64: file('QQ==') });
    await journal.savePartBody('a', 1, { name: 'contacts-part-1.csv', base64: file('Qg==') });
    await journal.savePartBody('a', 2, { name: 'contacts-part-2.csv', base64: file('Qw==') });
    const two = await journal.loadPartBody('a', 2);
    expect(two?.name).toBe('contacts-part-2.csv');
    expect(await two?.base64.text()).toBe('Qw==');
    expect(await journal.loadPartBody('a', 3)).toBeUndefined();

    await journal.deleteJob('a');
    expect(await journal.loadJob('a')).toBeUndefined();
    expect(await journal.loadPartBody('a', 1)).toBeUndefined();
    // A job whose id merely starts with the same characters keeps its files.
    expect(await (await journal.loadPartBody('a/1', 1))?.base64.text()).toBe('QQ==');
    await journal.deletePartBodies('a/1');
    expect(bodies.entries.size).toBe(0);
    expect(await journal.loadJob('a/1')).toBeDefined();
  });

  it('reads a part file kept before files were Blobs (its base64 as a string)', async () => {
    const { journal, bodies } = setup();
    await bodies.set('a/1', { name: 'contacts-part-1.csv', base64: 'QQ==' });
    const body = await journal.loadPartBody('a', 1);
    expect(body?.name).toBe('contacts-part-1.csv');
    expect(body?.base64).toBeInstanceOf(Blob);
    expect(await body?.base64.text()).toBe('QQ==');
  });

  it('keeps a part file as its text where the storage refuses a Blob', async () => {
    const storage = createMemoryStorage();
    const refusing = {
      ...storage,
      async set(key: string, value: unknown) {
        if ((value as { base64?: unknown }).base64 instanceof Blob)
          throw new DOMException('Error preparing Blob/File data', 'UnknownError');
        await storage.set(key, value);
      },
    };
    const journal = createJournal({ jobs: createMemoryStorage(), bodies: refusing });
    await journal.savePartBody('a', 1, { name: 'contacts-part-1.csv', base64: new Blob(['QQ==']) });
    expect(storage.entries.get('a/1')).toEqual({ name: 'contacts-part-1.csv', base64: 'QQ==' });
    expect(await (await journal.loadPartBody('a', 1))?.base64.text()).toBe('QQ==');
  });

  it('ignores a corrupt part body', async () => {
    const { journal, bodies } = setup();
    await bodies.set('a/1', { name: 'x.csv' });
    expect(await journal.loadPartBody('a', 1)).toBeUndefined();
  });

  it('stores no secret: no credential-like key, and no apikey from a Location', async () => {
    const { journal, jobs } = setup();
    const base = makeJob('a');
    const job: SubmissionJob = {
      ...base,
      parts: [
        {
          ...(base.parts[0] as SubmissionJob['parts'][number]),
          status: 'accepted',
          resourceId: 'R1',
          resourceLocation: 'http://api.au.whispir.com/resources/R1?apikey=SECRETKEY123',
          importId: 'I1',
          importLocation: 'https://api.au.whispir.com/imports/I1?foo=1&apikey=SECRETKEY123#x',
        },
        base.parts[1] as SubmissionJob['parts'][number],
      ],
    };
    await journal.saveJob(job);
    const stored = jobs.entries.get('a');
    const json = JSON.stringify(stored);
    expect(json).not.toContain('SECRETKEY123');
    expect(
      allKeys(stored).filter((key) => /api.?key|password|authori[sz]ation|token|secret/i.test(key)),
    ).toEqual([]);
    const loaded = await journal.loadJob('a');
    expect(loaded?.parts[0]?.importLocation).toBe('https://api.au.whispir.com/imports/I1?foo=1#x');
  });

  it('the default journal opens IndexedDB lazily, so creating it never throws', () => {
    // Node has no IndexedDB: creating the journal must not touch it.
    expect(() => createJournal()).not.toThrow();
  });

  it('unsentParts lists every part not accepted', () => {
    const job = withStatuses(makeJob('a'), 'accepted', 'unknown');
    expect(unsentParts(job).map((part) => part.part)).toEqual([2]);
  });
});
