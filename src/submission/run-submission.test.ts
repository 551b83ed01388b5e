import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../domain/submission/retry-policy';
import { createPacer } from './pacer';
import {
  createFakeWhispir,
  NETWORK_DROP,
  QPS_403,
  TOO_MANY,
  UNAVAILABLE,
  UNAVAILABLE_AFTER_RUNNING,
  type Outcome,
} from './fake-whispir';
import {
  createJob,
  markPartDone,
  summariseJob,
  type PartState,
  type SubmissionJob,
} from '../domain/submission/submission-job';
import { runSubmission } from './run-submission';

const makeJob = (parts = 3, importMode: SubmissionJob['importMode'] = 'duplicate') =>
  createJob({
    id: 'job-1',
    createdAt: '2026-11-29T17:00:00.000Z',
    fileName: 'contacts.xlsx',
    workspaceId: '9A4C5521FFC7B15B',
    workspaceName: 'Sales',
    importMode,
    fieldMapping: { firstName: 'First', lastName: 'Last' },
    mimeType: 'text/csv',
    resourceNameBase: 'contacts',
    plan: Array.from({ length: parts }, (_, i) => ({
      part: i + 1,
      start: i * 100,
      end: i * 100 + 100,
      fileBytes: 5_000,
      requestBytes: 6_800,
    })),
  });

const statuses = (job: SubmissionJob) => job.parts.map((part) => part.status);
const part = (job: SubmissionJob, n: number) => job.parts[n - 1] as PartState;

describe('runSubmission', () => {
  it('sends three parts in order, one request at a time, each after the pacer', async () => {
    const fake = createFakeWhispir();
    const result = await runSubmission(makeJob(), fake.deps);
    expect(fake.log).toEqual([
      'body 1',
      'wait',
      'resource 1',
      'wait',
      'import R1-1',
      'body 2',
      'wait',
      'resource 2',
      'wait',
      'import R2-2',
      'body 3',
      'wait',
      'resource 3',
      'wait',
      'import R3-3',
    ]);
    expect(statuses(result)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(part(result, 2)).toMatchObject({
      resourceId: 'R2-2',
      importId: 'I2-1',
      attempts: 2,
      // The apikey in Whispir's Location is never kept.
      resourceLocation: 'https://api.au.whispir.com/resources/R2-2',
      importLocation: 'https://api.au.whispir.com/imports/I2-1',
    });
    expect(part(result, 2).message).toBeUndefined();
    expect(summariseJob(result)).toMatchObject({ accepted: 3, rowsAccepted: 300, done: true });
  });

  it('sends no import while the browser is offline: it waits, and a cancel then leaves the part unsent', async () => {
    const fake = createFakeWhispir();
    let backOnline = () => undefined as void;
    const online = new Promise<void>((resolve) => (backOnline = resolve));
    const running = runSubmission(makeJob(1), { ...fake.deps, online: () => online });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.log).toEqual(['body 1', 'wait', 'resource 1']);
    backOnline();
    expect(statuses(await running)).toEqual(['accepted']);
    expect(fake.log.at(-1)).toBe('import R1-1');

    const stop = new AbortController();
    const offline = runSubmission(
      makeJob(1),
      {
        ...createFakeWhispir().deps,
        online: (signal) =>
          new Promise((_, reject) =>
            signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          ),
      },
      { signal: stop.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    stop.abort();
    // Certainly not sent: resumable, not "unknown".
    expect(statuses(await offline)).toEqual(['cancelled']);
  });

  it('with the real pacer, request starts are spaced by the configured rate', async () => {
    let time = 0;
    const starts: number[] = [];
    const fake = createFakeWhispir({ onRequest: () => starts.push(time) });
    const pacer = createPacer({
      ratePerSecond: 5,
      now: () => time,
      sleep: async (ms) => {
        time += ms;
      },
    });
    await runSubmission(makeJob(3), { ...fake.deps, pacer });
    expect(starts).toEqual([0, 200, 400, 600, 800, 1_000]);
  });

  it('passes the workspace, mapping and mode; the default workspace as no id', async () => {
    const fake = createFakeWhispir();
    const seen: unknown[] = [];
    const createImport = fake.deps.createImport;
    await runSubmission(
      { ...makeJob(1, 'ignore'), workspaceId: '' },
      {
        ...fake.deps,
        createImport: (input) => {
          seen.push(input);
          return createImport(input);
        },
      },
    );
    expect(seen).toEqual([
      {
        workspaceId: undefined,
        resourceId: 'R1-1',
        fieldMapping: { firstName: 'First', lastName: 'Last' },
        importMode: 'ignore',
        signal: undefined,
      },
    ]);
  });

  it('reports every change as a fresh frozen job, with "importing" recorded before the import', async () => {
    const fake = createFakeWhispir();
    const beforeImport: SubmissionJob[] = [];
    const createImport = fake.deps.createImport;
    await runSubmission(makeJob(1), {
      ...fake.deps,
      createImport: (input) => {
        beforeImport.push(fake.snapshots.at(-1) as SubmissionJob);
        return createImport(input);
      },
    });
    expect(new Set(fake.snapshots).size).toBe(fake.snapshots.length);
    for (const snapshot of fake.snapshots) {
      expect(Object.isFrozen(snapshot)).toBe(true);
      expect(Object.isFrozen(snapshot.parts[0])).toBe(true);
    }
    expect(() => {
      (fake.snapshots[0]?.parts as PartState[]).push(part(makeJob(), 1));
    }).toThrow(TypeError);
    expect(beforeImport[0]?.parts[0]?.status).toBe('importing');
    expect(fake.snapshots.map((job) => job.parts[0]?.status)).toEqual([
      'uploading',
      'uploading',
      'resource-created',
      'importing',
      'accepted',
    ]);
  });

  it('waits for an asynchronous onChange (the journal write) before sending', async () => {
    const fake = createFakeWhispir();
    await runSubmission(makeJob(1), {
      ...fake.deps,
      onChange: async (job) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        fake.log.push(`saved ${job.parts[0]?.status}`);
      },
    });
    expect(fake.log.indexOf('saved importing')).toBeLessThan(fake.log.indexOf('import R1-1'));
    expect(fake.log.indexOf('saved importing')).toBeGreaterThan(-1);
  });

  it('retries a resource POST after a 503, with a jittered backoff', async () => {
    const fake = createFakeWhispir({ resource: { 1: [UNAVAILABLE] } });
    const result = await runSubmission(makeJob(1), fake.deps);
    expect(fake.log).toEqual([
      'body 1',
      'wait',
      'resource 1',
      `sleep ${backoffDelay(1, () => 0.5)}`,
      'wait',
      'resource 1',
      'wait',
      'import R1-1',
    ]);
    expect(part(result, 1)).toMatchObject({ status: 'accepted', attempts: 3 });
    expect(fake.snapshots.some((job) => job.parts[0]?.message?.includes('attempt 2 of 6'))).toBe(
      true,
    );
  });

  it('retries a resource POST after a network failure, and gives up after maxAttempts', async () => {
    const fake = createFakeWhispir({ resource: { 1: Array(4).fill(NETWORK_DROP) } });
    const result = await runSubmission(makeJob(2), { ...fake.deps, maxAttempts: 4 });
    expect(fake.log.filter((line) => line === 'resource 1')).toHaveLength(4);
    expect(fake.sleeps).toEqual([250, 500, 1_000]);
    expect(part(result, 1)).toMatchObject({ status: 'failed', attempts: 4 });
    expect(part(result, 1).message).toMatch(/after 4 tries.*connection dropped/);
    expect(part(result, 2).status).toBe('accepted');
  });

  it.each<[string, Outcome]>([
    ['403 over QPS', QPS_403],
    ['429', TOO_MANY],
  ])(
    'retries an import rejected by the gateway (%s), waiting at least a second',
    async (_, outcome) => {
      const fake = createFakeWhispir({ import: { 1: [outcome] } });
      const result = await runSubmission(makeJob(1), fake.deps);
      expect(fake.log.filter((line) => line.startsWith('import'))).toEqual([
        'import R1-1',
        'import R1-1',
      ]);
      expect(fake.sleeps).toEqual([1_000]);
      expect(part(result, 1).status).toBe('accepted');
      expect(fake.importsReceived.get(1)).toBe(1);
    },
  );

  it('fails an import the gateway kept rate-limiting, keeping the resource for a retry', async () => {
    const fake = createFakeWhispir({ import: { 1: Array(6).fill(QPS_403) } });
    const job = await runSubmission(makeJob(1), fake.deps);
    expect(part(job, 1)).toMatchObject({ status: 'failed', resourceId: 'R1-1' });
    expect(part(job, 1).message).toMatch(/slow down.*No contacts/);
    // Not sent again by a plain resume; sent alone, only its import goes.
    fake.log.length = 0;
    expect(await runSubmission(job, fake.deps)).toEqual(job);
    expect(fake.log).toEqual([]);
    const retried = await runSubmission(job, fake.deps, { parts: [1] });
    expect(fake.log).toEqual(['wait', 'import R1-1']);
    expect(part(retried, 1).status).toBe('accepted');
  });

  it.each<[string, Outcome, RegExp]>([
    ['a 503', UNAVAILABLE_AFTER_RUNNING, /Whispir answered with an error \(503\)/],
    [
      'a network drop',
      NETWORK_DROP,
      /the connection dropped while Whispir was starting the import/,
    ],
  ])(
    'marks an import unknown after %s and never sends it again without the user',
    async (_, outcome, message) => {
      const fake = createFakeWhispir({ import: { 2: [outcome] } });
      const first = await runSubmission(makeJob(3), fake.deps);
      expect(statuses(first)).toEqual(['accepted', 'unknown', 'accepted']);
      expect(part(first, 2).message).toMatch(message);
      expect(part(first, 2).message).toMatch(/Check the contacts in Whispir/);
      expect(fake.sleeps).toEqual([]);

      // Resume, then retry every other part: part 2 is left alone.
      const resumed = await runSubmission(first, fake.deps);
      const othersRetried = await runSubmission(resumed, fake.deps, { parts: [1, 3] });
      expect(statuses(othersRetried)).toEqual(['accepted', 'unknown', 'accepted']);
      expect(fake.importsPerResource.get('R2-2')).toBe(1);

      // The user checked and chose to send it again: only its import goes.
      fake.log.length = 0;
      const resent = await runSubmission(othersRetried, fake.deps, { parts: [2] });
      expect(fake.log).toEqual(['wait', 'import R2-2']);
      expect(statuses(resent)).toEqual(['accepted', 'accepted', 'accepted']);
      expect(fake.importsPerResource.get('R2-2')).toBe(2);
    },
  );

  it('says that a resend is safe in update mode', async () => {
    const fake = createFakeWhispir({ import: { 1: [NETWORK_DROP] } });
    const job = await runSubmission(makeJob(1, 'replace'), fake.deps);
    expect(part(job, 1).message).toMatch(/updates or skips contacts that already arrived/);
    const duplicate = await runSubmission(
      makeJob(1, 'duplicate'),
      createFakeWhispir({ import: { 1: [NETWORK_DROP] } }).deps,
    );
    expect(part(duplicate, 1).message).toMatch(/would add them twice/);
  });

  it('lets the user mark an unknown part done', async () => {
    const fake = createFakeWhispir({ import: { 1: [NETWORK_DROP] } });
    const job = await runSubmission(makeJob(2), fake.deps);
    const marked = markPartDone(job, 1);
    expect(statuses(marked)).toEqual(['accepted', 'accepted']);
    fake.log.length = 0;
    await runSubmission(marked, fake.deps, { parts: [1, 2] });
    expect(fake.log).toEqual([]);
  });

  it('fails a part Whispir refuses (422) with its message, and still sends the others', async () => {
    const refusal: Outcome = {
      status: 422,
      message:
        'Whispir could not process the request (422). An error occurred when processing entity in the request',
    };
    const fake = createFakeWhispir({ resource: { 1: [refusal] }, import: { 2: [refusal] } });
    const result = await runSubmission(makeJob(3), fake.deps);
    expect(statuses(result)).toEqual(['failed', 'failed', 'accepted']);
    expect(part(result, 1).message).toBe(
      'Part 1: Whispir did not accept the file. Whispir could not process the request (422). An error occurred when processing entity in the request. Nothing from this part was imported; fix the cause, then send this part again.',
    );
    expect(part(result, 2).message).toMatch(
      /^Part 2: Whispir refused to start the import\. Whispir could not process/,
    );
    expect(part(result, 2).resourceId).toBe('R2-1');
    expect(fake.log.filter((line) => line === 'resource 1')).toHaveLength(1);
    expect(fake.sleeps).toEqual([]);
  });

  it('after a 404 on the import, forgets the resource so a retry uploads the part again', async () => {
    const fake = createFakeWhispir({ import: { 1: [{ status: 404 }] } });
    const failed = await runSubmission(makeJob(1), fake.deps);
    expect(part(failed, 1)).toMatchObject({ status: 'failed' });
    expect(part(failed, 1).resourceId).toBeUndefined();
    fake.log.length = 0;
    const retried = await runSubmission(failed, fake.deps, { parts: [1] });
    expect(fake.log).toEqual(['body 1', 'wait', 'resource 1', 'wait', 'import R1-2']);
    expect(part(retried, 1).status).toBe('accepted');
  });

  it('after a 422 naming the resource (the sandbox’s answer), uploads it again on a retry', async () => {
    const fake = createFakeWhispir({
      import: {
        1: [
          {
            status: 422,
            message:
              'Whispir could not process the request (422). resourceId: no resource R1-1 in workspace W',
          },
        ],
      },
    });
    const failed = await runSubmission(makeJob(1), fake.deps);
    expect(part(failed, 1).resourceId).toBeUndefined();
    expect(part(failed, 1).message).toMatch(/uploads it again/);
    fake.log.length = 0;
    await runSubmission(failed, fake.deps, { parts: [1] });
    expect(fake.log).toContain('resource 1');
  });

  it('keeps the resource after a 422 about something else (the retry imports it again)', async () => {
    const fake = createFakeWhispir({
      import: {
        1: [
          { status: 422, message: 'Whispir could not process the request (422). importMode: bad' },
        ],
      },
    });
    const failed = await runSubmission(makeJob(1), fake.deps);
    expect(part(failed, 1).resourceId).toBe('R1-1');
    expect(part(failed, 1).message).not.toMatch(/uploads it again/);
  });

  it('fails a part whose rows cannot be read, and goes on', async () => {
    const fake = createFakeWhispir();
    const result = await runSubmission(makeJob(2), {
      ...fake.deps,
      getPartBody: async (n) => {
        if (n === 1) throw new Error('the worker has restarted');
        return fake.deps.getPartBody(n);
      },
    });
    expect(statuses(result)).toEqual(['failed', 'accepted']);
    expect(part(result, 1).message).toMatch(/no longer available \(the worker has restarted\)/);
  });

  it('treats anything thrown that is not a Whispir error as a network failure', async () => {
    const fake = createFakeWhispir();
    const result = await runSubmission(makeJob(1), {
      ...fake.deps,
      createImport: async () => {
        throw 'something odd';
      },
    });
    expect(part(result, 1).status).toBe('unknown');
  });

  it('resumes: an accepted part is skipped, an uploaded part sends only its import', async () => {
    const base = makeJob(3);
    const job: SubmissionJob = {
      ...base,
      parts: [
        { ...part(base, 1), status: 'accepted', resourceId: 'OLD1', importId: 'IMP1', attempts: 2 },
        { ...part(base, 2), status: 'resource-created', resourceId: 'OLD2', attempts: 1 },
        part(base, 3),
      ],
    };
    const fake = createFakeWhispir();
    const result = await runSubmission(job, fake.deps);
    expect(fake.log).toEqual([
      'wait',
      'import OLD2',
      'body 3',
      'wait',
      'resource 3',
      'wait',
      'import R3-1',
    ]);
    expect(statuses(result)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(part(result, 2).attempts).toBe(2);
  });

  it('never sends an accepted part again, even when asked', async () => {
    const fake = createFakeWhispir();
    const done = await runSubmission(makeJob(2), fake.deps);
    fake.log.length = 0;
    expect(await runSubmission(done, fake.deps, { parts: [1, 2] })).toEqual(done);
    expect(fake.log).toEqual([]);
  });

  it('after a reload mid-import, the part is unknown and is not sent again', async () => {
    const base = makeJob(2);
    const job: SubmissionJob = {
      ...base,
      parts: [
        { ...part(base, 1), status: 'importing', resourceId: 'OLD1', attempts: 2 },
        { ...part(base, 2), status: 'uploading', attempts: 1 },
      ],
    };
    const fake = createFakeWhispir();
    const result = await runSubmission(job, fake.deps);
    expect(fake.log).toEqual(['body 2', 'wait', 'resource 2', 'wait', 'import R2-1']);
    expect(part(result, 1).status).toBe('unknown');
    expect(part(result, 1).message).toMatch(/the page was closed/);
    expect(part(result, 2).status).toBe('accepted');
  });

  describe('cancel', () => {
    it('during an upload: that part is cancelled, later parts pending, and a resume finishes', async () => {
      const controller = new AbortController();
      const fake = createFakeWhispir({
        onRequest: (kind, n) => {
          if (kind === 'resource' && n === 2 && !controller.signal.aborted) {
            controller.abort();
            throw new DOMException('The operation was aborted.', 'AbortError');
          }
        },
      });
      const cancelled = await runSubmission(makeJob(3), fake.deps, { signal: controller.signal });
      expect(statuses(cancelled)).toEqual(['accepted', 'cancelled', 'pending']);
      expect(part(cancelled, 2).message).toMatch(/cancelled before anything was imported/);
      expect(fake.log.at(-1)).toBe('resource 2');

      fake.log.length = 0;
      const resumed = await runSubmission(cancelled, fake.deps);
      expect(fake.log.filter((line) => line !== 'wait')).toEqual([
        'body 2',
        'resource 2',
        'import R2-2',
        'body 3',
        'resource 3',
        'import R3-3',
      ]);
      expect(summariseJob(resumed).done).toBe(true);
    });

    it('while waiting to retry the import: the resource is kept and only the import is resumed', async () => {
      const controller = new AbortController();
      const fake = createFakeWhispir({ import: { 1: [QPS_403] } });
      const cancelled = await runSubmission(
        makeJob(2),
        {
          ...fake.deps,
          sleep: async (_ms, signal) => {
            controller.abort();
            signal?.throwIfAborted();
          },
        },
        { signal: controller.signal },
      );
      expect(statuses(cancelled)).toEqual(['cancelled', 'pending']);
      expect(part(cancelled, 1).resourceId).toBe('R1-1');
      fake.log.length = 0;
      await runSubmission(cancelled, fake.deps);
      expect(fake.log.slice(0, 2)).toEqual(['wait', 'import R1-1']);
    });

    it('during the journal write before an import: cancelled, and the import is not sent', async () => {
      const controller = new AbortController();
      const fake = createFakeWhispir();
      const result = await runSubmission(
        makeJob(2),
        {
          ...fake.deps,
          onChange: (job) => {
            if (job.parts[0]?.status === 'importing') controller.abort();
          },
        },
        { signal: controller.signal },
      );
      expect(fake.log).toEqual(['body 1', 'wait', 'resource 1', 'wait']);
      expect(statuses(result)).toEqual(['cancelled', 'pending']);
      expect(part(result, 1).resourceId).toBe('R1-1');
    });

    it('while an import is on its way: unknown, since it may have run', async () => {
      const controller = new AbortController();
      const fake = createFakeWhispir({
        onRequest: (kind) => {
          if (kind === 'import') {
            controller.abort();
            throw new DOMException('The operation was aborted.', 'AbortError');
          }
        },
      });
      const result = await runSubmission(makeJob(2), fake.deps, { signal: controller.signal });
      expect(statuses(result)).toEqual(['unknown', 'pending']);
      expect(part(result, 1).message).toMatch(
        /you cancelled while Whispir was starting the import/,
      );
    });

    it('when the 202 arrived despite the cancel: accepted, and nothing more is sent', async () => {
      const controller = new AbortController();
      const fake = createFakeWhispir({
        onRequest: (kind) => {
          if (kind === 'import') controller.abort();
        },
      });
      const result = await runSubmission(makeJob(2), fake.deps, { signal: controller.signal });
      expect(statuses(result)).toEqual(['accepted', 'pending']);
      expect(fake.log.at(-1)).toBe('import R1-1');
    });

    it('before anything is sent: untouched parts go back to pending, unknown ones stay unknown', async () => {
      const base = makeJob(3);
      const job: SubmissionJob = {
        ...base,
        parts: [
          { ...part(base, 1), status: 'failed', message: 'Part 1: …' },
          { ...part(base, 2), status: 'unknown', resourceId: 'R', message: 'Part 2: …' },
          { ...part(base, 3), status: 'cancelled', resourceId: 'S' },
        ],
      };
      const controller = new AbortController();
      controller.abort();
      const fake = createFakeWhispir();
      const result = await runSubmission(job, fake.deps, {
        signal: controller.signal,
        parts: [1, 2, 3],
      });
      expect(fake.log).toEqual([]);
      expect(statuses(result)).toEqual(['pending', 'unknown', 'resource-created']);
    });
  });

  it('for any failure sequence: no import is sent twice unless the user chose to, and every part ends terminal or resumable', async () => {
    const outcome = fc.constantFrom<Outcome>(
      'ok',
      QPS_403,
      TOO_MANY,
      UNAVAILABLE,
      UNAVAILABLE_AFTER_RUNNING,
      NETWORK_DROP,
      { status: 502, processed: true },
      { status: 422 },
      { status: 404 },
      { status: 401 },
    );
    const script = fc.dictionary(
      fc.integer({ min: 1, max: 4 }).map(String),
      fc.array(outcome, { maxLength: 8 }),
    );
    const someParts = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        script,
        script,
        fc.integer({ min: 1, max: 3 }),
        someParts,
        someParts,
        async (parts, resource, imports, runs, retryFailed, retryUnknown) => {
          const fake = createFakeWhispir({ resource, import: imports });
          let job = makeJob(parts);
          const resentUnknown = new Set<number>();
          let resentFailed = false;
          for (let run = 0; run < runs; run++) {
            job = await runSubmission(job, fake.deps);
            for (const [wanted, status] of [
              [retryFailed, 'failed'],
              [retryUnknown, 'unknown'],
            ] as const) {
              const chosen = job.parts
                .filter((p) => p.status === status && wanted.includes(p.part))
                .map((p) => p.part);
              if (!chosen.length) continue;
              if (status === 'unknown') chosen.forEach((n) => resentUnknown.add(n));
              else resentFailed = true;
              job = await runSubmission(job, fake.deps, { parts: chosen });
            }
          }
          // An import that may have run is sent again only for a part the user chose to resend.
          for (const [n, count] of fake.importsReceived)
            if (count > 1) expect(resentUnknown.has(n)).toBe(true);
          // Without any explicit choice, Whispir sees at most one import per resource.
          if (!resentFailed && resentUnknown.size === 0)
            for (const [, count] of fake.importsPerResource) expect(count).toBeLessThanOrEqual(1);
          // Without a cancel, nothing is left half-done, and anything not accepted says why.
          for (const p of job.parts) {
            expect(['accepted', 'unknown', 'failed']).toContain(p.status);
            if (p.status !== 'accepted') expect(p.message).toMatch(new RegExp(`^Part ${p.part}: `));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for any cancel point: every part ends terminal or resumable, and a 202 is never lost', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        async (parts, cancelAt, abortFetch) => {
          const controller = new AbortController();
          let requests = 0;
          const fake = createFakeWhispir({
            import: { 1: [QPS_403], 2: [UNAVAILABLE] },
            onRequest: () => {
              requests += 1;
              if (requests !== cancelAt) return;
              controller.abort();
              if (abortFetch) throw new DOMException('Aborted', 'AbortError');
            },
          });
          const job = await runSubmission(makeJob(parts), fake.deps, { signal: controller.signal });
          for (const p of job.parts)
            expect([
              'accepted',
              'unknown',
              'failed',
              'pending',
              'resource-created',
              'cancelled',
            ]).toContain(p.status);
          // Accepted exactly where Whispir answered 202.
          expect(job.parts.filter((p) => p.status === 'accepted').length).toBe(
            fake.acceptedImports.length,
          );
          // Resuming finishes every resumable part without resending anything that may have run.
          const resumed = await runSubmission(job, fake.deps);
          for (const p of resumed.parts)
            expect(['accepted', 'unknown', 'failed']).toContain(p.status);
          for (const [, count] of fake.importsReceived) expect(count).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('runSubmission while imports may not leave yet (importsAllowed)', () => {
  const gate = () => {
    let open!: () => void;
    let refuse!: (reason: unknown) => void;
    const promise = new Promise<void>((resolve, reject) => {
      open = resolve;
      refuse = reject;
    });
    return { promise, open, refuse };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const requests = (log: readonly string[]) =>
    log.filter((line) => line.startsWith('resource') || line.startsWith('import'));

  it('uploads every part ahead, in order, then imports them in order once allowed', async () => {
    const fake = createFakeWhispir();
    const allowed = gate();
    const run = runSubmission(makeJob(3), { ...fake.deps, importsAllowed: allowed.promise });
    await settle();
    expect(requests(fake.log)).toEqual(['resource 1', 'resource 2', 'resource 3']);
    allowed.open();
    const result = await run;
    expect(requests(fake.log)).toEqual([
      'resource 1',
      'resource 2',
      'resource 3',
      'import R1-1',
      'import R2-2',
      'import R3-3',
    ]);
    expect(statuses(result)).toEqual(['accepted', 'accepted', 'accepted']);
    expect([...fake.importsReceived.values()]).toEqual([1, 1, 1]);
  });

  it('once allowed mid-way, goes on part by part after the upload under way', async () => {
    const allowed = gate();
    const fake = createFakeWhispir({
      onRequest: (kind, n) => {
        if (kind === 'resource' && n === 1) allowed.open();
      },
    });
    const result = await runSubmission(makeJob(3), {
      ...fake.deps,
      importsAllowed: allowed.promise,
    });
    expect(requests(fake.log)).toEqual([
      'resource 1',
      'import R1-1',
      'resource 2',
      'import R2-2',
      'resource 3',
      'import R3-3',
    ]);
    expect(statuses(result)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('a part whose upload is refused ahead keeps its failure and is not tried again in that run', async () => {
    const fake = createFakeWhispir({ resource: { 2: [{ status: 422, message: 'Bad file' }] } });
    const allowed = gate();
    const run = runSubmission(makeJob(3), { ...fake.deps, importsAllowed: allowed.promise });
    await settle();
    allowed.open();
    const result = await run;
    expect(statuses(result)).toEqual(['accepted', 'failed', 'accepted']);
    expect(part(result, 2).message).toMatch(/^Part 2: Whispir did not accept the file/);
    expect(requests(fake.log)).toEqual([
      'resource 1',
      'resource 2',
      'resource 3',
      'import R1-1',
      'import R3-2',
    ]);
  });

  it('a cancel while waiting sends no import; a resume imports the parts uploaded ahead without uploading them again', async () => {
    const fake = createFakeWhispir();
    const controller = new AbortController();
    const run = runSubmission(
      makeJob(3),
      { ...fake.deps, importsAllowed: gate().promise },
      { signal: controller.signal },
    );
    await settle();
    controller.abort();
    const stopped = await run;
    expect(statuses(stopped)).toEqual(['resource-created', 'resource-created', 'resource-created']);
    expect(fake.importsReceived.size).toBe(0);

    const resumed = await runSubmission(stopped, fake.deps);
    expect(statuses(resumed)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(fake.log.filter((line) => line.startsWith('resource'))).toHaveLength(3);
    expect([...fake.importsReceived.values()]).toEqual([1, 1, 1]);
  });
});
