import { describe, expect, it } from 'vitest';
import {
  createJob,
  updatePart,
  type PartStatus,
  type SubmissionJob,
} from '../domain/submission/submission-job';
import { holdJournalUntil } from './hold-journal';

const job = createJob({
  id: 'job-1',
  createdAt: '2026-11-30T12:00:00.000Z',
  fileName: 'contacts.csv',
  workspaceId: '',
  workspaceName: 'Default',
  importMode: 'duplicate',
  fieldMapping: { firstName: 'firstName' },
  mimeType: 'text/csv',
  resourceNameBase: 'contacts.csv',
  plan: [
    { part: 1, start: 0, end: 10, fileBytes: 100, requestBytes: 200 },
    { part: 2, start: 10, end: 20, fileBytes: 100, requestBytes: 200 },
  ],
});
const withPart1 = (status: PartStatus): SubmissionJob =>
  updatePart(job, 1, (part) => ({ ...part, status }));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup() {
  let resolve!: () => void;
  let reject!: (reason: unknown) => void;
  const ready = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const log: string[] = [];
  const options = {
    onWriteError: (error: unknown) => log.push(`write error: ${String(error)}`),
    onNotReady: (reason: unknown) => log.push(`not ready: ${String(reason)}`),
  };
  const write = holdJournalUntil(
    ready,
    async (saved) => {
      log.push(`saved ${saved.parts[0]?.status}`);
    },
    options,
  );
  return { ready: { resolve, reject }, log, write };
}

describe('holdJournalUntil', () => {
  it('writes nothing before every file is stored; an import waits, written after the latest change held', async () => {
    const { ready, log, write } = setup();
    expect(write(withPart1('uploading'))).toBeUndefined();
    expect(write(withPart1('resource-created'))).toBeUndefined();
    let importMayLeave = false;
    void write(withPart1('importing'))?.then(() => (importMayLeave = true));
    await tick();
    expect(log).toEqual([]);
    expect(importMayLeave).toBe(false);

    ready.resolve();
    await tick();
    // Only the latest change held, then the import's own.
    expect(log).toEqual(['saved resource-created', 'saved importing']);
    expect(importMayLeave).toBe(true);

    // From then on every change is written, and awaited.
    await write(withPart1('accepted'));
    expect(log.at(-1)).toBe('saved accepted');
  });

  it('writes the change held last once the files are stored, with no import asking', async () => {
    const { ready, log, write } = setup();
    write(withPart1('uploading'));
    write(withPart1('failed'));
    ready.resolve();
    await tick();
    expect(log).toEqual(['saved failed']);
  });

  it('when the files cannot all be stored, writes nothing and says so before releasing the import', async () => {
    const { ready, log, write } = setup();
    write(withPart1('resource-created'));
    const waiting = write(withPart1('importing'))?.then(() => log.push('released'));
    ready.reject('the disk is full');
    await waiting;
    expect(log).toEqual(['not ready: the disk is full', 'released']);
    expect(write(withPart1('cancelled'))).toBeUndefined();
    await tick();
    expect(log).toHaveLength(2);
  });

  it('a failed write is reported, never thrown, and the writes after it still happen in order', async () => {
    let resolve!: () => void;
    const ready = new Promise<void>((res) => (resolve = res));
    const log: string[] = [];
    let writes = 0;
    const write = holdJournalUntil(
      ready,
      async (saved) => {
        writes += 1;
        if (writes === 1) throw new Error('quota');
        log.push(`saved ${saved.parts[0]?.status}`);
      },
      {
        onWriteError: (error) => log.push(`write error: ${(error as Error).message}`),
        onNotReady: () => log.push('not ready'),
      },
    );
    write(withPart1('resource-created'));
    const importing = write(withPart1('importing'));
    resolve();
    await expect(importing).resolves.toBeUndefined();
    expect(log).toEqual(['write error: quota', 'saved importing']);
  });
});
