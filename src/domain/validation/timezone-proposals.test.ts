import { describe, expect, it } from 'vitest';
import { checkTimezone } from './timezones';
import { countryZone, proposeTimezone, zoneChoices, zonesOfCountries } from './timezone-proposals';

describe('proposeTimezone', () => {
  it.each([
    // Australian states and territories, by code and by name, with or without the country
    [{ state: 'NSW', country: 'Australia' }, 'Australia/Sydney', 'state'],
    [{ state: 'nsw', country: 'AU' }, 'Australia/Sydney', 'state'],
    [{ state: 'VIC', country: 'australia' }, 'Australia/Melbourne', 'state'],
    [{ state: 'QLD', country: 'Australia' }, 'Australia/Brisbane', 'state'],
    [{ state: 'Queensland' }, 'Australia/Brisbane', 'state'],
    [{ state: 'SA', country: 'Australia' }, 'Australia/Adelaide', 'state'],
    [{ state: 'WA', country: 'Australia' }, 'Australia/Perth', 'state'],
    [{ state: 'TAS', country: 'Australia' }, 'Australia/Hobart', 'state'],
    [{ state: 'NT', country: 'Australia' }, 'Australia/Darwin', 'state'],
    [{ state: 'ACT', country: 'Australia' }, 'Australia/Sydney', 'state'],
    // New Zealand: one zone for nearly everyone, Chatham when the row says so
    [{ country: 'New Zealand' }, 'Pacific/Auckland', 'country'],
    [{ country: 'NZ', city: 'Wellington' }, 'Pacific/Auckland', 'city'],
    [{ country: 'New Zealand', state: 'Chatham Islands' }, 'Pacific/Chatham', 'state'],
    // United States: the state decides; the same code means another state in another country
    [{ state: 'CA', country: 'United States' }, 'America/Los_Angeles', 'state'],
    [{ state: 'NY', country: 'USA' }, 'America/New_York', 'state'],
    [{ state: 'TX', country: 'US' }, 'America/Chicago', 'state'],
    [{ state: 'Arizona', country: 'US' }, 'America/Phoenix', 'state'],
    [{ state: 'WA', country: 'United States' }, 'America/Los_Angeles', 'state'],
    [{ state: 'Hawaii' }, 'Pacific/Honolulu', 'state'],
    // Canada
    [{ state: 'BC', country: 'Canada' }, 'America/Vancouver', 'state'],
    [{ state: 'Ontario', country: 'Canada' }, 'America/Toronto', 'state'],
    // The United Kingdom and other one-zone countries
    [{ country: 'United Kingdom' }, 'Europe/London', 'country'],
    [{ country: 'UK' }, 'Europe/London', 'country'],
    [{ country: 'Singapore' }, 'Asia/Singapore', 'country'],
    // A city, alone or inside a country with several zones
    [{ city: 'Melbourne', country: 'Australia' }, 'Australia/Melbourne', 'city'],
    [{ city: 'Perth', country: 'Australia' }, 'Australia/Perth', 'city'],
    [{ city: 'Chicago' }, 'America/Chicago', 'city'],
    // What the time zone cell says, when Whispir cannot take it as it is
    [{ timezoneText: 'AEST' }, 'Australia/Sydney', 'time zone'],
    [{ timezoneText: 'AEDT' }, 'Australia/Sydney', 'time zone'],
    [
      { timezoneText: 'AEST', state: 'QLD', country: 'Australia' },
      'Australia/Brisbane',
      'time zone',
    ],
    [{ timezoneText: 'NZST' }, 'Pacific/Auckland', 'time zone'],
    // An abbreviation read in the row's country, not its usual one's
    [{ timezoneText: 'EST', country: 'Australia' }, 'Australia/Sydney', 'time zone'],
    [{ timezoneText: 'EST', state: 'NSW', country: 'Australia' }, 'Australia/Sydney', 'time zone'],
    [
      { timezoneText: 'EST', state: 'QLD', country: 'Australia' },
      'Australia/Brisbane',
      'time zone',
    ],
    [{ timezoneText: 'CST', state: 'SA', country: 'Australia' }, 'Australia/Adelaide', 'time zone'],
    [{ timezoneText: 'CST', state: 'NT', country: 'Australia' }, 'Australia/Darwin', 'time zone'],
    [{ timezoneText: 'IST', country: 'Ireland' }, 'Europe/Dublin', 'time zone'],
    [{ timezoneText: 'IST', country: 'Israel' }, 'Asia/Jerusalem', 'time zone'],
    [{ timezoneText: 'IST', country: 'India' }, 'Asia/Kolkata', 'time zone'],
    [{ timezoneText: 'BST', country: 'Bangladesh' }, 'Asia/Dhaka', 'time zone'],
    [{ timezoneText: 'BST', country: 'United Kingdom' }, 'Europe/London', 'time zone'],
    [{ timezoneText: 'CST', country: 'China' }, 'Asia/Shanghai', 'time zone'],
    [
      { timezoneText: 'CST', state: 'TX', country: 'United States' },
      'America/Chicago',
      'time zone',
    ],
    [{ timezoneText: 'CET', country: 'Germany' }, 'Europe/Berlin', 'time zone'],
    // A zone as Windows and Outlook show it
    [{ timezoneText: '(UTC+10:00) Canberra, Melbourne, Sydney' }, 'Australia/Sydney', 'time zone'],
    [{ timezoneText: '(GMT+10:00) Brisbane' }, 'Australia/Brisbane', 'time zone'],
    [
      { timezoneText: '(UTC+01:00) Amsterdam, Berlin, Bern, Rome', country: 'Germany' },
      'Europe/Berlin',
      'time zone',
    ],
    [{ timezoneText: '(UTC-05:00) Eastern Time (US & Canada)' }, 'America/New_York', 'time zone'],
    [{ timezoneText: '(UTC) Coordinated Universal Time' }, 'Etc/UTC', 'time zone'],
    // A reading hours from the row's country is not proposed from the cell: its country is
    [{ timezoneText: 'EST', country: 'Ghana' }, 'Africa/Accra', 'country'],
    [{ timezoneText: 'pst' }, 'America/Los_Angeles', 'time zone'],
    [{ timezoneText: 'Sydney' }, 'Australia/Sydney', 'time zone'],
    [{ timezoneText: 'London' }, 'Europe/London', 'time zone'],
    // The mobile number's country, when nothing else says
    [{ mobileRegion: 'NZ' }, 'Pacific/Auckland', 'mobile'],
    [{ mobileRegion: 'GB' }, 'Europe/London', 'mobile'],
  ] as const)('%o → %s (from %s)', (evidence, zone, source) => {
    const proposal = proposeTimezone(evidence);
    expect(proposal).toMatchObject({ zone, source });
    // Every proposal is a value Whispir takes as it is.
    expect(checkTimezone(proposal?.zone ?? '')).toEqual({ kind: 'valid' });
  });

  it.each([
    [{ country: 'Australia' }],
    [{ country: 'United States' }],
    [{ mobileRegion: 'AU' }],
    [{ state: 'WA' }],
    [{ city: 'Atlantis' }],
    [{ timezoneText: 'Mars time' }],
    [{ timezoneText: 'IST', country: 'United States' }],
    [{}],
  ])('proposes nothing when the row does not say enough: %o', (evidence) => {
    expect(proposeTimezone(evidence)).toBeUndefined();
  });

  it('does not trust a mobile from one country over a row that names another', () => {
    expect(proposeTimezone({ country: 'Australia', mobileRegion: 'NZ' })).toBeUndefined();
  });

  it('names the value it read the proposal from', () => {
    expect(proposeTimezone({ state: ' NSW ', country: 'Australia' })).toEqual({
      zone: 'Australia/Sydney',
      source: 'state',
      basis: 'NSW',
    });
  });
});

describe('the time-zone picker', () => {
  it('lists the file’s countries’ zones first', () => {
    const zones = zonesOfCountries(['Australia', 'NZ']);
    expect(zones).toContain('Australia/Sydney');
    expect(zones).toContain('Australia/Perth');
    expect(zones).toContain('Pacific/Auckland');
    expect(zones).not.toContain('Europe/London');
  });

  it('offers every zone with words to search by, each one Whispir takes', () => {
    const choices = zoneChoices();
    expect(choices.length).toBeGreaterThan(300);
    const sydney = choices.find((choice) => choice.value === 'Australia/Sydney');
    expect(sydney?.label).toMatch(/Australian Eastern Time/);
    for (const choice of choices)
      expect(checkTimezone(choice.value).kind, choice.value).not.toBe('invalid');
  });

  it('knows which countries have one zone', () => {
    expect(countryZone('GB')).toBe('Europe/London');
    expect(countryZone('AU')).toBeUndefined();
  });
});
