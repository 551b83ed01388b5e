import { describe, expect, it } from 'vitest';
import { resourceName } from './resource-name';

describe('resourceName', () => {
  it.each([
    { input: 'contacts.csv', expected: 'contacts.csv' },
    { input: 'Staff list (Nov 2026).xlsx', expected: 'Staff-list-Nov-2026.csv' },
    { input: 'Équipe Zoë.csv', expected: 'Equipe-Zoe.csv' },
    { input: '....csv', expected: 'contacts.csv' },
    { input: '', expected: 'contacts.csv' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(resourceName(input, 'csv')).toBe(expected);
  });

  it('numbers parts', () => {
    expect(resourceName('big list.csv', 'csv', 3)).toBe('big-list-part-3.csv');
  });
});
