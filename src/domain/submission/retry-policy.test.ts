import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, classifyFailure, isRateLimited, type FailureInfo } from './retry-policy';

const QPS = 'ERR_403_DEVELOPER_OVER_QPS';

describe('classifyFailure', () => {
  it.each<{ description: string; error: FailureInfo; resource: string; import: string }>([
    {
      description: '429 (QPS, as some docs say)',
      error: { status: 429 },
      resource: 'retry',
      import: 'retry',
    },
    {
      description: '403 over QPS',
      error: { status: 403, errorCode: QPS },
      resource: 'retry',
      import: 'retry',
    },
    {
      description: '429 from the app’s own sign-in, not Whispir',
      error: { status: 429, proxyRule: 'sign-in' },
      resource: 'fail',
      import: 'fail',
    },
    { description: 'network failure', error: { status: 0 }, resource: 'retry', import: 'unknown' },
    { description: '500', error: { status: 500 }, resource: 'retry', import: 'unknown' },
    { description: '502', error: { status: 502 }, resource: 'retry', import: 'unknown' },
    { description: '503', error: { status: 503 }, resource: 'retry', import: 'unknown' },
    { description: '504', error: { status: 504 }, resource: 'retry', import: 'unknown' },
    {
      description: '520 (other 5xx)',
      error: { status: 520 },
      resource: 'retry',
      import: 'unknown',
    },
    {
      description: '201 without an id',
      error: { status: 201 },
      resource: 'retry',
      import: 'unknown',
    },
    {
      description: '501 not implemented',
      error: { status: 501 },
      resource: 'fail',
      import: 'fail',
    },
    {
      description: '403 without a code (bad key)',
      error: { status: 403 },
      resource: 'fail',
      import: 'fail',
    },
    {
      description: '403 over the daily quota',
      error: { status: 403, errorCode: 'ERR_403_DEVELOPER_OVER_QPD' },
      resource: 'fail',
      import: 'fail',
    },
    { description: '400', error: { status: 400 }, resource: 'fail', import: 'fail' },
    { description: '401', error: { status: 401 }, resource: 'fail', import: 'fail' },
    { description: '404', error: { status: 404 }, resource: 'fail', import: 'fail' },
    { description: '413', error: { status: 413 }, resource: 'fail', import: 'fail' },
    { description: '415', error: { status: 415 }, resource: 'fail', import: 'fail' },
    { description: '422', error: { status: 422 }, resource: 'fail', import: 'fail' },
    {
      description: '429 whatever the code',
      error: { status: 429, errorCode: 'SOMETHING' },
      resource: 'retry',
      import: 'retry',
    },
  ])('$description → resource: $resource, import: $import', (row) => {
    expect(classifyFailure(row.error, 'resource')).toBe(row.resource);
    expect(classifyFailure(row.error, 'import')).toBe(row.import);
  });

  it('never retries an import automatically unless the gateway rate-limited it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 599 }),
        fc.option(fc.constantFrom(QPS, 'ERR_403_DEVELOPER_OVER_QPD', 'X'), { nil: undefined }),
        (status, errorCode) => {
          const error = { status, errorCode };
          if (classifyFailure(error, 'import') === 'retry') expect(isRateLimited(error)).toBe(true);
        },
      ),
    );
  });
});

describe('backoffDelay', () => {
  it.each([
    { attempt: 1, random: 0.5, expected: 250 },
    { attempt: 2, random: 0.5, expected: 500 },
    { attempt: 3, random: 0.5, expected: 1_000 },
    { attempt: 3, random: 0, expected: 0 },
    { attempt: 3, random: 0.999, expected: 1_998 },
    { attempt: 10, random: 0.5, expected: 15_000 }, // 500·2^9 = 256 000, capped at 30 000
    { attempt: 2_000, random: 0.5, expected: 15_000 }, // 2^1999 is Infinity; still capped
    { attempt: 0, random: 0.5, expected: 250 }, // nonsense attempt numbers are treated as the first
  ])('attempt $attempt with random $random → $expected ms', ({ attempt, random, expected }) => {
    expect(backoffDelay(attempt, () => random)).toBe(expected);
  });

  it('honours baseMs and capMs', () => {
    expect(backoffDelay(4, () => 0.5, { baseMs: 100, capMs: 300 })).toBe(150);
    expect(backoffDelay(1, () => 0.5, { baseMs: 100 })).toBe(50);
  });

  it('is always within [0, cap] and never exceeds the exponential ceiling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelay(attempt, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(30_000, 500 * 2 ** (attempt - 1)));
        },
      ),
    );
  });
});
