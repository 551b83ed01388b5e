import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJob, updatePart } from '../../domain/submission/submission-job';
import { outcomeOf } from './sandbox-outcomes';

vi.mock('../../config/build-info', () => ({ IS_SANDBOX: true }));

afterEach(() => vi.unstubAllGlobals());

const acceptedJob = () =>
  updatePart(
    createJob({
      fileName: 'staff.csv',
      workspaceId: '',
      workspaceName: 'My Company',
      importMode: 'replace',
      fieldMapping: { firstName: 'First Name' },
      mimeType: 'text/csv',
      resourceNameBase: 'staff.csv',
      plan: [{ part: 1, start: 0, end: 8, requestBytes: 100, fileBytes: 80 }],
    }),
    1,
    (part) => ({ ...part, status: 'accepted', resourceId: 'r1', importId: 'imp-1' }),
  );

describe('the result of an import the sandbox has no report of', () => {
  it('is still the result: the rows Whispir accepted, without the sandbox report', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response('{}', { status: 404 })));
    vi.stubGlobal('fetch', fetch);
    const outcome = await outcomeOf(acceptedJob());
    expect(outcome.rowsSent).toBe(8);
    expect(outcome.parts).toEqual([expect.objectContaining({ part: 1, sandbox: undefined })]);
    // Asked once: a missing report is not asked for again and again.
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
