import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeContactSearch } from '../submission/fake-whispir';
import { searchContact } from './search-contacts';

afterEach(() => vi.unstubAllGlobals());

// Already in the workspace: Olivia, with the mobile of the row but an older email.
const existing = [
  {
    firstName: 'Olivia',
    lastName: 'Nguyen',
    workEmailAddress1: 'olivia@old.example',
    workMobilePhone1: '61412345678',
  },
];
const row = {
  firstName: 'Olivia',
  lastName: 'Nguyen',
  workEmailAddress1: 'olivia@new.example',
  workMobilePhone1: '61412345678',
};

describe('searchContact', () => {
  it('before sending, finds a contact that shares the row’s mobile but not its email', async () => {
    const { fetch, requests } = createFakeContactSearch(existing);
    vi.stubGlobal('fetch', fetch);
    const found = await searchContact({ row, purpose: 'test', everyChannel: true });
    expect(found?.id).toBe('C0');
    expect(requests).toHaveLength(2);
    expect(requests[1]).toContain('workMobilePhone1=61412345678');
  });

  it('after an import, asks by the first channel only (one request a row)', async () => {
    const { fetch, requests } = createFakeContactSearch(existing);
    vi.stubGlobal('fetch', fetch);
    expect(await searchContact({ row, purpose: 'test' })).toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain('workEmailAddress1=olivia%40new.example');
  });
});
