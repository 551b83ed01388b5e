import { describe, expect, it } from 'vitest';
import { submissionJobSchema } from './job-schema';
import {
  createJob,
  freezeJob,
  isResumable,
  isTerminal,
  markPartDone,
  recoverInterruptedJob,
  sanitiseJob,
  summariseJob,
  unsentParts,
  updatePart,
  type PartState,
  type PartStatus,
  type SubmissionJob,
} from './submission-job';

const job = createJob({
  id: 'job-1',
  createdAt: '2026-11-29T17:00:00.000Z',
  fileName: 'contacts.xlsx',
  workspaceId: '',
  workspaceName: 'Default',
  importMode: 'duplicate',
  fieldMapping: { firstName: 'First' },
  mimeType: 'text/csv',
  resourceNameBase: 'contacts',
  plan: [
    { part: 1, start: 0, end: 40, fileBytes: 1_000, requestBytes: 1_400 },
    { part: 2, start: 40, end: 100, fileBytes: 1_500, requestBytes: 2_100 },
    { part: 3, start: 100, end: 110, fileBytes: 300, requestBytes: 500 },
  ],
});

const withStatuses = (...statuses: PartStatus[]): SubmissionJob => ({
  ...job,
  parts: job.parts.map((part, i) => ({ ...part, status: statuses[i] ?? part.status })),
});

describe('createJob', () => {
  it('makes a pending part per planned part, with its row count', () => {
    expect(job.parts).toEqual([
      {
        part: 1,
        start: 0,
        end: 40,
        rowCount: 40,
        requestBytes: 1_400,
        status: 'pending',
        attempts: 0,
      },
      {
        part: 2,
        start: 40,
        end: 100,
        rowCount: 60,
        requestBytes: 2_100,
        status: 'pending',
        attempts: 0,
      },
      {
        part: 3,
        start: 100,
        end: 110,
        rowCount: 10,
        requestBytes: 500,
        status: 'pending',
        attempts: 0,
      },
    ]);
    expect(submissionJobSchema.safeParse(job).success).toBe(true);
  });

  it('gives a fresh id and time by default', () => {
    const { id: _id, createdAt: _createdAt, ...input } = { ...job, plan: [] };
    const a = createJob(input);
    const b = createJob(input);
    expect(a.id).not.toBe(b.id);
    expect(Number.isNaN(Date.parse(a.createdAt))).toBe(false);
  });
});

describe('summariseJob', () => {
  it.each<[PartStatus[], Partial<ReturnType<typeof summariseJob>>]>([
    [
      ['pending', 'pending', 'pending'],
      { accepted: 0, pending: 3, rowsAccepted: 0, rowsNotSent: 110, done: false },
    ],
    [
      ['accepted', 'unknown', 'failed'],
      {
        accepted: 1,
        unknown: 1,
        failed: 1,
        pending: 0,
        rowsAccepted: 40,
        rowsNotSent: 70,
        done: false,
      },
    ],
    [['accepted', 'resource-created', 'cancelled'], { accepted: 1, pending: 2, rowsNotSent: 70 }],
    [
      ['accepted', 'accepted', 'accepted'],
      { parts: 3, accepted: 3, rowsAccepted: 110, rowsNotSent: 0, done: true },
    ],
  ])('%j', (statuses, expected) => {
    expect(summariseJob(withStatuses(...statuses))).toMatchObject(expected);
  });
});

describe('markPartDone', () => {
  it('accepts an unknown part, with a message saying the user confirmed it', () => {
    const marked = markPartDone(withStatuses('accepted', 'unknown', 'pending'), 2);
    expect(marked.parts[1]).toMatchObject({
      status: 'accepted',
      message: 'Part 2: marked as imported after you checked Whispir.',
    });
  });

  it.each<PartStatus>(['pending', 'failed', 'cancelled', 'resource-created', 'accepted'])(
    'leaves a %s part as it is',
    (status) => {
      const before = withStatuses(status);
      expect(markPartDone(before, 1)).toBe(before);
    },
  );

  it('ignores a part that does not exist', () => {
    expect(markPartDone(job, 9)).toBe(job);
  });
});

describe('recoverInterruptedJob', () => {
  it('turns an import in flight into unknown and an upload in flight into a resumable state', () => {
    const before: SubmissionJob = {
      ...job,
      parts: [
        { ...(job.parts[0] as PartState), status: 'importing', resourceId: 'R1' },
        { ...(job.parts[1] as PartState), status: 'uploading' },
        { ...(job.parts[2] as PartState), status: 'accepted' },
      ],
    };
    const after = recoverInterruptedJob(before);
    expect(after.parts.map((part) => part.status)).toEqual(['unknown', 'pending', 'accepted']);
    expect(after.parts[0]?.resourceId).toBe('R1');
    expect(after.parts[0]?.message).toMatch(/^Part 1: the page was closed/);
  });

  it('returns the same job when nothing was in flight', () => {
    const before = withStatuses('accepted', 'failed', 'unknown');
    expect(recoverInterruptedJob(before)).toBe(before);
  });
});

describe('part states', () => {
  it.each<[PartStatus, boolean, boolean]>([
    ['pending', false, true],
    ['uploading', false, false],
    ['resource-created', false, true],
    ['importing', false, false],
    ['accepted', true, false],
    ['unknown', true, false],
    ['failed', true, false],
    ['cancelled', false, true],
  ])('%s: terminal %s, resumable %s', (status, terminal, resumable) => {
    const part = { ...(job.parts[0] as PartState), status };
    expect(isTerminal(part)).toBe(terminal);
    expect(isResumable(part)).toBe(resumable);
  });
});

describe('updatePart and sanitiseJob', () => {
  it('changes one part and strips secrets from its locations', () => {
    const next = updatePart(job, 2, (part) => ({
      ...part,
      status: 'resource-created',
      resourceLocation: 'https://api.au.whispir.com/resources/R?apikey=K',
    }));
    expect(next.parts[1]?.resourceLocation).toBe('https://api.au.whispir.com/resources/R');
    expect(next.parts[0]).toBe(job.parts[0]);
    expect(job.parts[1]?.status).toBe('pending');
  });

  it('sanitiseJob strips every location', () => {
    const dirty: SubmissionJob = {
      ...job,
      parts: job.parts.map((part) => ({
        ...part,
        importLocation: `https://h/imports/${part.part}?apikey=K`,
      })),
    };
    expect(JSON.stringify(sanitiseJob(dirty))).not.toContain('apikey');
  });
});

describe('freezeJob and unsentParts', () => {
  it('freezes the job, its parts and its mapping', () => {
    const frozen = freezeJob(job);
    expect(
      Object.isFrozen(frozen) &&
        Object.isFrozen(frozen.parts) &&
        Object.isFrozen(frozen.fieldMapping),
    ).toBe(true);
    expect(frozen.parts.every((part) => Object.isFrozen(part))).toBe(true);
    expect(Object.isFrozen(job)).toBe(false);
  });

  it('unsentParts keeps every part not accepted', () => {
    expect(
      unsentParts(withStatuses('accepted', 'unknown', 'failed')).map((part) => part.part),
    ).toEqual([2, 3]);
  });
});
