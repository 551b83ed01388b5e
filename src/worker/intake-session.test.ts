import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../domain/mapping/mapping';
import { openingMappingOf } from '../domain/mapping/opening-mapping';
import type { SavedMapping } from '../domain/mapping/saved-mappings';
import { WorkerCheckHelper } from './check-helper';
import { FakeCheckWorker } from './fake-check-worker';
import { IntakeSession, type TaskContext } from './intake-session';

const task: TaskContext = {
  isCancelled: () => false,
  onProgress: () => undefined,
  onPreview: () => undefined,
  onReadProgress: () => undefined,
};

// Headers no automatic mapping would read as these fields: only a saved mapping knows them.
const headers = ['Vorname', 'Nachname', 'Postfach', 'Handy', 'Land'];
const saved: SavedMapping = {
  version: 1,
  name: 'HR export',
  savedAt: '2026-11-01T09:00:00.000Z',
  headers,
  mapping: {
    firstName: { kind: 'column', column: 'Vorname' },
    lastName: { kind: 'column', column: 'Nachname' },
    workEmailAddress1: { kind: 'column', column: 'Postfach' },
    workMobilePhone1: { kind: 'column', column: 'Handy' },
    workCountry: { kind: 'column', column: 'Land' },
  },
  customFields: [],
};

/** 40,000 people (about 2.4 MB: a file the helper checks as it is read), some with problems. */
function contactsFile(): File {
  const lines = [headers.join(',')];
  for (let i = 0; i < 40_000; i++)
    lines.push(
      [
        `Anna${i}`,
        i % 97 === 0 ? '' : `Muster${i}`,
        i % 89 === 0 ? `a${i}@example` : `a${i}@example.de`,
        `491512${String(i).padStart(7, '0')}`,
        'Germany',
      ].join(','),
    );
  return new File([lines.join('\n')], 'people.csv', { type: 'text/csv' });
}

/** The review of the same file by a session with no helper. */
async function alone(mapping: ColumnMapping) {
  const session = new IntakeSession();
  await session.open(contactsFile(), task);
  return (await session.reviewFor(mapping, task)).summary();
}

describe('IntakeSession with a helper', () => {
  it('checks the rows as it reads them, with the mapping the page opens with (a saved one)', async () => {
    const fake = new FakeCheckWorker();
    const session = new IntakeSession(new WorkerCheckHelper(() => fake));
    const summary = await session.open(contactsFile(), task, [saved]);
    expect(summary.rowCount).toBe(40_000);
    const sentWhileReading = fake.runsChecked;
    expect(sentWhileReading).toBeGreaterThan(1);
    fake.answer();

    // The page works the opening mapping out from the summary and its saved mappings.
    const mapping: ColumnMapping = openingMappingOf(summary, [saved]);
    expect(mapping.workEmailAddress1).toEqual({ kind: 'column', column: 'Postfach' });
    const review = await session.reviewFor(mapping, task);
    // Nothing was sent again: the review took over what the helper checked during the read.
    expect(fake.runsChecked).toBe(sentWhileReading);
    expect(review.summary()).toEqual(await alone(mapping));
    expect(review.summary().rowsWithErrors).toBeGreaterThan(0);
  });

  it('checks anew, without the read-time work, when the page opens with another mapping', async () => {
    const fake = new FakeCheckWorker();
    const session = new IntakeSession(new WorkerCheckHelper(() => fake));
    // Without the saved mappings the worker guesses the automatic mapping, which is not this one.
    const summary = await session.open(contactsFile(), task);
    const sentWhileReading = fake.runsChecked;
    fake.answer();
    const mapping = openingMappingOf(summary, [saved]);
    const checking = session.reviewFor(mapping, task);
    // The review offers its runs to the helper (a new job); answer them as they come.
    const answering = setInterval(() => fake.answer(), 1);
    const review = await checking.finally(() => clearInterval(answering));
    expect(fake.runsChecked).toBeGreaterThan(sentWhileReading);
    expect(fake.received.some((message) => message.type === 'end' && message.job === 1)).toBe(true);
    expect(review.summary()).toEqual(await alone(mapping));
  });
});
