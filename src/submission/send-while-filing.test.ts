/**
 * A new import is sent while its part files are still being stored (the sending step wires
 * these pieces together: fileParts, holdJournalUntil, the journal and the engine). What must
 * hold: the first upload does not wait for the last file; no import leaves, and the job is not
 * in the journal, before every file is; and whenever the page is closed, what the journal says
 * afterwards sends every part exactly once.
 */
import { describe, expect, it } from 'vitest';
import type { PartBody } from '../domain/submission/job-schema';
import { createJob, type SubmissionJob } from '../domain/submission/submission-job';
import { createFakeWhispir } from './fake-whispir';
import { fileParts } from './file-parts';
import { holdJournalUntil } from './hold-journal';
import { createJournal, type Journal } from './journal';
import { createMemoryStorage } from './memory-storage';
import { runSubmission, type SubmissionDeps } from './run-submission';

const PARTS = 3;

const newJob = (id: string) =>
  createJob({
    id,
    createdAt: '2026-11-30T12:00:00.000Z',
    fileName: 'contacts.csv',
    workspaceId: '',
    workspaceName: 'Default',
    importMode: 'duplicate',
    fieldMapping: { firstName: 'firstName' },
    mimeType: 'text/csv',
    resourceNameBase: 'contacts.csv',
    plan: Array.from({ length: PARTS }, (_, i) => ({
      part: i + 1,
      start: i * 100,
      end: i * 100 + 100,
      fileBytes: 5_000,
      requestBytes: 6_800,
    })),
  });

const bodyOf = (part: number): PartBody => ({
  name: `contacts-part-${part}.csv`,
  base64: new Blob([btoa(`firstName\r\npart ${part}\r\n`)]),
});
/** A file as its name and text (two Blobs are equal to `toEqual` whatever they hold). */
const read = async (body: PartBody | undefined) =>
  body && { name: body.name, base64: await body.base64.text() };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const never = <T>() => new Promise<T>(() => undefined);

/** What stays on the device across a reload: the journal's two stores. */
function device() {
  const jobs = createMemoryStorage();
  const bodies = createMemoryStorage();
  return { jobs, bodies, open: (): Journal => createJournal({ jobs, bodies }) };
}

/**
 * Starts a new import as the sending step does. `build` is the worker's part build (it may be
 * held); the fake Whispir logs every request.
 */
function startImport(
  journal: Journal,
  fake: ReturnType<typeof createFakeWhispir>,
  job: SubmissionJob,
  build: (part: number) => Promise<PartBody>,
  overrides: Partial<SubmissionDeps> = {},
) {
  const controller = new AbortController();
  const filing = fileParts(
    job.parts.map((part) => part.part),
    {
      build: async (part) => {
        const body = await build(part);
        fake.log.push(`built ${part}`);
        return body;
      },
      store: async (part, body) => {
        await journal.savePartBody(job.id, part, body);
        fake.log.push(`stored ${part}`);
      },
      load: (part) => journal.loadPartBody(job.id, part),
    },
    controller.signal,
  );
  const onChange = holdJournalUntil(filing.done, (saved) => journal.saveJob(saved), {
    onWriteError: () => controller.abort(),
    onNotReady: () => controller.abort(),
  });
  const run = runSubmission(
    job,
    {
      ...fake.deps,
      getPartBody: (part) => filing.body(part),
      onChange: (next) => onChange(next),
      importsAllowed: filing.done,
      ...overrides,
    },
    { signal: controller.signal },
  );
  return { filing, run, controller };
}

/** Resumes from the journal alone, as the resume banner does after a reload. */
async function resume(journal: Journal, fake: ReturnType<typeof createFakeWhispir>) {
  const [job] = await journal.loadUnfinishedJobs();
  if (!job) return undefined;
  return runSubmission(job, {
    ...fake.deps,
    getPartBody: async (part) => {
      const body = await journal.loadPartBody(job.id, part);
      if (!body) throw new Error(`no file for part ${part}`);
      return body;
    },
    onChange: (next) => journal.saveJob(next),
  });
}

const importsPerPart = (fake: ReturnType<typeof createFakeWhispir>) =>
  Array.from({ length: PARTS }, (_, i) => fake.importsReceived.get(i + 1) ?? 0);

describe('sending while the part files are stored', () => {
  it('uploads the first part before the last one is built, and imports only once every file is stored', async () => {
    const fake = createFakeWhispir();
    const { open } = device();
    const journal = open();
    let releaseLast!: () => void;
    const lastBuilt = new Promise<void>((resolve) => (releaseLast = resolve));
    const { run } = startImport(journal, fake, newJob('job-1'), async (part) => {
      if (part === PARTS) await lastBuilt;
      return bodyOf(part);
    });
    await tick();
    // Parts 1 and 2 are uploaded while part 3's file is still being built; imports wait.
    expect(fake.log).toContain('resource 1');
    expect(fake.log).toContain('resource 2');
    expect(fake.log).not.toContain(`stored ${PARTS}`);
    expect(fake.log.some((line) => line.startsWith('import'))).toBe(false);
    expect(await journal.loadJob('job-1')).toBeUndefined();

    releaseLast();
    const final = await run;
    expect(final.parts.map((part) => part.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(fake.log.indexOf('resource 1')).toBeLessThan(fake.log.indexOf(`built ${PARTS}`));
    expect(fake.log.indexOf(`stored ${PARTS}`)).toBeLessThan(
      fake.log.findIndex((line) => line.startsWith('import')),
    );
    // Each part was uploaded once, and imported in order.
    expect(fake.log.filter((line) => line.startsWith('resource'))).toEqual([
      'resource 1',
      'resource 2',
      'resource 3',
    ]);
    expect(fake.log.filter((line) => line.startsWith('import'))).toEqual([
      'import R1-1',
      'import R2-2',
      'import R3-3',
    ]);
    expect(importsPerPart(fake)).toEqual([1, 1, 1]);
    // The journal has the whole story, every file included.
    expect((await journal.loadJob('job-1'))?.parts.map((part) => part.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    for (let part = 1; part <= PARTS; part++)
      expect(await read(await journal.loadPartBody('job-1', part))).toEqual(
        await read(bodyOf(part)),
      );
  });

  it('a reload while the files are still being stored leaves nothing imported and nothing to resume; starting again sends every part once', async () => {
    const fake = createFakeWhispir();
    const disk = device();
    // The first page: part 3's file is never built (the page is closed while it is).
    const first = startImport(disk.open(), fake, newJob('job-1'), (part) =>
      part === PARTS ? never() : Promise.resolve(bodyOf(part)),
    );
    void first.run;
    await tick();
    expect(fake.log).toContain('resource 1');

    // After the reload: the journal holds no job to resume, and nothing was imported.
    const journal = disk.open();
    expect(await journal.loadOpenJobs()).toEqual([]);
    expect(await resume(journal, fake)).toBeUndefined();
    expect(importsPerPart(fake)).toEqual([0, 0, 0]);

    // The person imports the file again: every part arrives exactly once.
    const again = startImport(journal, fake, newJob('job-2'), async (part) => bodyOf(part));
    const final = await again.run;
    expect(final.parts.map((part) => part.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(importsPerPart(fake)).toEqual([1, 1, 1]);
  });

  it('a reload after every file is stored resumes from the journal and sends every part exactly once', async () => {
    const fake = createFakeWhispir();
    const disk = device();
    // The first page is closed while part 2's upload is on its way.
    const createResource = fake.deps.createResource;
    const first = startImport(disk.open(), fake, newJob('job-1'), async (part) => bodyOf(part), {
      createResource: (input) => (input.name.includes('part-2') ? never() : createResource(input)),
    });
    void first.run;
    await first.filing.done;
    await tick();
    expect(importsPerPart(fake)).toEqual([1, 0, 0]);

    const journal = disk.open();
    const [job] = await journal.loadUnfinishedJobs();
    expect(job?.parts.map((part) => part.status)).toEqual(['accepted', 'pending', 'pending']);
    const final = await resume(journal, fake);
    expect(final?.parts.map((part) => part.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(importsPerPart(fake)).toEqual([1, 1, 1]);
  });

  it('a reload while an import is on its way never sends that import again by itself', async () => {
    const fake = createFakeWhispir();
    const disk = device();
    const createImport = fake.deps.createImport;
    const first = startImport(disk.open(), fake, newJob('job-1'), async (part) => bodyOf(part), {
      createImport: async (input) => {
        // Whispir receives part 2's import, and the page is closed before its answer.
        if (input.resourceId.startsWith('R2')) {
          await createImport(input);
          return never();
        }
        return createImport(input);
      },
    });
    void first.run;
    await first.filing.done;
    await tick();
    expect(importsPerPart(fake)).toEqual([1, 1, 0]);

    const journal = disk.open();
    const final = await resume(journal, fake);
    // Part 2 may have run: it waits for the person's decision; part 3 is sent once.
    expect(final?.parts.map((part) => part.status)).toEqual(['accepted', 'unknown', 'accepted']);
    expect(importsPerPart(fake)).toEqual([1, 1, 1]);
  });

  it('a cancel while the files are stored sends no import and writes no job', async () => {
    const fake = createFakeWhispir();
    const { open } = device();
    const journal = open();
    const { run, filing, controller } = startImport(journal, fake, newJob('job-1'), (part) =>
      part === PARTS ? never() : Promise.resolve(bodyOf(part)),
    );
    await tick();
    controller.abort();
    await expect(filing.done).rejects.toThrow();
    const final = await run;
    // Parts 1 and 2 were uploaded ahead; part 3 was waiting for its file.
    expect(final.parts.map((part) => part.status)).toEqual([
      'resource-created',
      'resource-created',
      'cancelled',
    ]);
    expect(fake.log.some((line) => line.startsWith('import'))).toBe(false);
    expect(await journal.loadJob('job-1')).toBeUndefined();
  });
});
