import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactsMatch, matchKeysOf } from './match-rule.ts';

const john = {
  firstName: 'John',
  lastName: 'Smith',
  workEmailAddress1: 'john@example.com',
  workMobilePhone1: '61423456789',
};

describe('contactsMatch', () => {
  it.each([
    ['the same contact', {}, true],
    ['names differing in case and spacing', { firstName: ' JOHN ', lastName: 'smith ' }, true],
    [
      'a work email in another case',
      { workMobilePhone1: '', workEmailAddress1: 'JOHN@Example.com' },
      true,
    ],
    [
      'the mobile written with symbols',
      { workEmailAddress1: '', workMobilePhone1: '+61 423-456-789' },
      true,
    ],
    ['another first name', { firstName: 'Jon' }, false],
    [
      'the same name but other channels',
      { workEmailAddress1: 'x@example.com', workMobilePhone1: '1' },
      false,
    ],
    [
      'the same name and only blank channels',
      { workEmailAddress1: '', workMobilePhone1: '' },
      false,
    ],
    [
      'the email in the personal field instead',
      { workEmailAddress1: '', workMobilePhone1: '', personalEmailAddress1: 'john@example.com' },
      false,
    ],
  ])('%s → %s', (_, change, expected) => {
    expect(contactsMatch(matchKeysOf(john), matchKeysOf({ ...john, ...change }))).toBe(expected);
  });

  it('is symmetric', () => {
    const fields = fc.record({
      firstName: fc.constantFrom('a', 'A', 'b'),
      lastName: fc.constantFrom('x', ' X'),
      workEmailAddress1: fc.constantFrom('', 'e@x', 'E@X'),
      personalMobilePhone1: fc.constantFrom('', '61 4', '614'),
    });
    fc.assert(
      fc.property(
        fields,
        fields,
        (a, b) =>
          contactsMatch(matchKeysOf(a), matchKeysOf(b)) ===
          contactsMatch(matchKeysOf(b), matchKeysOf(a)),
      ),
    );
  });
});
