import { describe, expect, it } from 'vitest';
import { columnSamples, openingMappingOf, rememberMapping } from './opening-mapping';
import type { SavedMapping } from './saved-mappings';

const file = {
  headers: ['First name', 'Surname', 'Email', 'Mobile'],
  previewRows: [
    ['Ann', 'Lee', 'ann@example.com', '61412345001'],
    ['Bob', 'Ray', 'bob@example.com', '61412345002'],
    ['Ann', 'Fox', ' ', '61412345003'],
  ],
};

const saved: SavedMapping = {
  version: 1,
  name: 'Mobiles only',
  savedAt: '2026-11-01T09:00:00.000Z',
  headers: ['first name', 'SURNAME', 'email', 'mobile'],
  mapping: {
    firstName: { kind: 'column', column: 'first name' },
    lastName: { kind: 'column', column: 'SURNAME' },
    workMobilePhone1: { kind: 'column', column: 'mobile' },
  },
  customFields: [],
};

describe('openingMappingOf', () => {
  it('opens with the automatic mapping when nothing saved fits', () => {
    const mapping = openingMappingOf(file, []);
    expect(mapping.firstName).toEqual({ kind: 'column', column: 'First name' });
    expect(mapping.lastName).toEqual({ kind: 'column', column: 'Surname' });
    expect(mapping.workEmailAddress1).toEqual({ kind: 'column', column: 'Email' });
  });

  it('opens with a saved mapping that fits every column, in this file’s spelling', () => {
    expect(rememberMapping(file.headers, [saved])?.saved).toBe(saved);
    const mapping = openingMappingOf(file, [saved]);
    expect(mapping.lastName).toEqual({ kind: 'column', column: 'Surname' });
    expect(mapping.workMobilePhone1).toEqual({ kind: 'column', column: 'Mobile' });
    expect(mapping.workEmailAddress1).toBeUndefined();
    // A saved mapping for other columns is no opening mapping here.
    expect(openingMappingOf({ ...file, headers: [...file.headers, 'Team'] }, [saved])).toEqual(
      openingMappingOf({ ...file, headers: [...file.headers, 'Team'] }, []),
    );
  });

  it('samples distinct values, blanks left out', () => {
    expect(columnSamples(file, 3).get('First name')).toEqual(['Ann', 'Bob']);
    expect(columnSamples(file, 3).get('Email')).toEqual(['ann@example.com', 'bob@example.com']);
  });
});
