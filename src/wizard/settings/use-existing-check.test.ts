import { describe, expect, it } from 'vitest';
import { existingCheckAnnouncement } from './use-existing-check';

describe('existingCheckAnnouncement', () => {
  it('says the check once as it starts, not at every row looked up', () => {
    const early = existingCheckAnnouncement(
      { status: 'checking', looked: 1, sampled: 32, matched: 0 },
      'Sales',
    );
    const later = existingCheckAnnouncement(
      { status: 'checking', looked: 20, sampled: 32, matched: 3 },
      'Sales',
    );
    expect(early).toBe('Looking in Sales for the rows to send…');
    expect(later).toBe(early);
    expect(early).not.toMatch(/Stop/);
  });

  it('says the result in the words of the choices above it', () => {
    expect(
      existingCheckAnnouncement({ status: 'done', looked: 5, sampled: 5, matched: 1 }, 'Sales'),
    ).toBe(
      '1 of 5 sampled rows match contacts already in Sales: “Update existing contacts” updates them, “Skip existing contacts” leaves them as they are, “Always add new contacts” adds a second copy.',
    );
    expect(
      existingCheckAnnouncement({ status: 'stopped', looked: 2, sampled: 5, matched: 0 }, 'Sales'),
    ).toMatch(/^0 of 2 sampled rows match contacts already in Sales \(stopped early\): /);
  });
});
