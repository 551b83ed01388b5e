/**
 * The one generator of contacts for test files and the benchmark, written with the writers of
 * `contact-files.ts`.
 *
 * Seeded contacts are AU/NZ/UK/US/EU people with accented names, unique emails and mobiles, IANA
 * time zones and offsets, and (unless asked otherwise) about 2% of rows with one problem of the
 * kinds real files have. The same seed and index always give the same contact, so a file
 * generated on another day or machine has the same bytes.
 *
 * Pure TypeScript (no DOM, no Node), so a browser test and the bench share it.
 */
import { csvLine } from './contact-files';

/**
 * Bump when a seeded contact changes for a given seed and index: the bench caches its files under
 * a name carrying this number (`bench/data/`), and the unit test pins the output.
 */
export const SEEDED_CONTACTS_VERSION = 3;

/** mulberry32: small, fast, and good enough for test data. Returns numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of rows given one of the problems below, unless the caller asks for another. */
export const PROBLEM_RATE = 0.02;

export const PROBLEM_KINDS = [
  'missing-last-name',
  'bad-email',
  'local-mobile-no-country',
  'unknown-country',
  'stray-comma',
  'typed-mobile',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

interface Region {
  readonly key: string;
  readonly weight: number;
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  /** Country names as Whispir wants them, each with its mobile numbering. */
  readonly countries: readonly Country[];
  readonly timezones: readonly string[];
  readonly domains: readonly string[];
}

interface Country {
  readonly name: string;
  /** The mobile as Whispir needs it: country code and digits only, from 7 unique digits. */
  readonly mobile: (digits: string, variant: number) => string;
  /** How people type the same number: national trunk form or spaced international. */
  readonly typed: (digits: string, variant: number) => string;
}

const d = (digits: string, from: number, to?: number) => digits.slice(from, to);

const AU_MOBILE = ['0', '1', '2', '3', '5', '7', '8'];
const australia: Country = {
  name: 'Australia',
  mobile: (n, v) => `614${AU_MOBILE[v % 7]}${n}`,
  typed: (n, v) =>
    v % 2
      ? `04${AU_MOBILE[v % 7]}${d(n, 0, 1)} ${d(n, 1, 4)} ${d(n, 4, 7)}`
      : `+61 4${AU_MOBILE[v % 7]}${d(n, 0, 1)} ${d(n, 1, 4)} ${d(n, 4, 7)}`,
};
const newZealand: Country = {
  name: 'New Zealand',
  mobile: (n) => `6421${n}`,
  typed: (n, v) =>
    v % 2 ? `021 ${d(n, 0, 3)} ${d(n, 3, 7)}` : `+64 21 ${d(n, 0, 3)} ${d(n, 3, 7)}`,
};
const unitedKingdom: Country = {
  name: 'United Kingdom',
  mobile: (n) => `44771${n}`,
  typed: (n, v) =>
    v % 2 ? `0771${d(n, 0, 1)} ${d(n, 1, 7)}` : `+44 771${d(n, 0, 1)} ${d(n, 1, 7)}`,
};
const US_AREAS = ['212', '312', '415', '617', '713', '206'];
const usNational = (n: string, v: number) =>
  `${US_AREAS[v % 6]}${2 + (Number(n[0]) % 8)}${d(n, 1, 7)}`;
const unitedStates: Country = {
  name: 'United States',
  mobile: (n, v) => `1${usNational(n, v)}`,
  typed: (n, v) => {
    const national = usNational(n, v);
    return v % 2
      ? `(${d(national, 0, 3)}) ${d(national, 3, 6)}-${d(national, 6)}`
      : `+1 ${d(national, 0, 3)} ${d(national, 3, 6)} ${d(national, 6)}`;
  },
};
const european = (
  name: string,
  code: string,
  trunk: string,
  prefix: string,
  extra: boolean,
): Country => ({
  name,
  mobile: (n) => `${code}${prefix}${n}${extra ? d(n, 0, 1) : ''}`,
  typed: (n, v) => {
    const rest = `${prefix}${n}${extra ? d(n, 0, 1) : ''}`;
    return v % 2
      ? `${trunk}${d(rest, 0, 3)} ${d(rest, 3, 6)} ${d(rest, 6)}`
      : `+${code} ${d(rest, 0, 3)} ${d(rest, 3, 6)} ${d(rest, 6)}`;
  },
});
const EUROPE: readonly Country[] = [
  european('Germany', '49', '0', '151', true),
  european('France', '33', '0', '6', true),
  european('Italy', '39', '', '33', true),
  european('Spain', '34', '', '6', true),
  european('Netherlands', '31', '0', '6', true),
  european('Ireland', '353', '0', '87', false),
  european('Poland', '48', '', '51', false),
];

const REGIONS: readonly Region[] = [
  {
    key: 'AU',
    weight: 40,
    firstNames: [
      'Olivia',
      'Jack',
      'Charlotte',
      'William',
      'Mia',
      'Noah',
      'Amelia',
      'Oliver',
      'Isla',
      'Lachlan',
      'Chloe',
      'Thomas',
      'Matilda',
      'Cooper',
      'Zoë',
      'Liam',
      'Grace',
      'Mitchell',
      'Sienna',
      'Tahlia',
      'Van Minh',
      'Priya',
      'Wei',
      'Aroha',
      'Jarrah',
      'Kirra',
    ],
    lastNames: [
      'Smith',
      'Jones',
      'Williams',
      'Brown',
      'Wilson',
      'Taylor',
      'Nguyen',
      'Johnson',
      'Martin',
      'White',
      'Anderson',
      'Walker',
      'Thompson',
      'Ryan',
      "O'Brien",
      'Kelly',
      'McDonald',
      'Murphy',
      'Tran',
      'Singh',
      'Papadopoulos',
      'Rossi',
      'Chen',
      'Patel',
      'Campbell',
      'Stewart',
    ],
    countries: [australia],
    timezones: [
      'Australia/Sydney',
      'Australia/Melbourne',
      'Australia/Brisbane',
      'Australia/Perth',
      'Australia/Adelaide',
      'Australia/Hobart',
      'Australia/Darwin',
      '+10',
    ],
    domains: [
      'gmail.com',
      'bigpond.com',
      'outlook.com',
      'optusnet.com.au',
      'acme.com.au',
      'health.nsw.gov.au',
    ],
  },
  {
    key: 'NZ',
    weight: 12,
    firstNames: [
      'Aroha',
      'Tāmati',
      'Mere',
      'Nikau',
      'Ruby',
      'Hunter',
      'Ava',
      'George',
      'Manaia',
      'Kahu',
      'Isabella',
      'Leo',
    ],
    lastNames: [
      'Ngata',
      'Te Rangi',
      'Wilson',
      'Smith',
      'Parata',
      'Walker',
      'Tūhoe',
      'Henare',
      'Clarke',
      'Thomson',
      'Reid',
      'Fraser',
    ],
    countries: [newZealand],
    timezones: ['Pacific/Auckland', 'Pacific/Auckland', 'Pacific/Chatham', '+12'],
    domains: ['xtra.co.nz', 'gmail.com', 'orcon.net.nz', 'kiwibank.co.nz', 'outlook.co.nz'],
  },
  {
    key: 'UK',
    weight: 16,
    firstNames: [
      'Oliver',
      'Amelia',
      'George',
      'Isla',
      'Harry',
      'Ava',
      'Siobhán',
      'Rhys',
      'Aoife',
      'Mohammed',
      'Freya',
      'Alfie',
    ],
    lastNames: [
      'Smith',
      'Jones',
      'Taylor',
      'Evans',
      'Davies',
      'Hughes',
      'Ó Súilleabháin',
      'Khan',
      'Patel',
      'Wright',
      'MacLeod',
      'Robinson',
    ],
    countries: [unitedKingdom],
    timezones: ['Europe/London'],
    domains: ['btinternet.com', 'gmail.com', 'hotmail.co.uk', 'nhs.net', 'example.co.uk'],
  },
  {
    key: 'US',
    weight: 16,
    firstNames: [
      'James',
      'Emma',
      'Michael',
      'Sophia',
      'Ethan',
      'Madison',
      'José',
      'Aaliyah',
      'Daniel',
      'Hannah',
      'Xavier',
      'Maya',
    ],
    lastNames: [
      'Johnson',
      'Williams',
      'García',
      'Miller',
      'Davis',
      'Rodríguez',
      'Martinez',
      'Lee',
      'Washington',
      'Kim',
      'Nguyen',
      'Baker',
    ],
    countries: [unitedStates],
    timezones: [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Los_Angeles',
      '-05:00',
    ],
    domains: ['gmail.com', 'yahoo.com', 'comcast.net', 'icloud.com', 'example.org'],
  },
  {
    key: 'EU',
    weight: 16,
    firstNames: [
      'Lukas',
      'Léa',
      'Matteo',
      'Sofía',
      'Jan',
      'Zofia',
      'Lars',
      'Inès',
      'Björn',
      'Chiara',
      'Łucja',
      'Dávid',
      'Sinéad',
    ],
    lastNames: [
      'Müller',
      'Dubois',
      'Rossi',
      'García López',
      'de Vries',
      'Kowalski',
      'Jensen',
      'Lefèvre',
      'Schäfer',
      'Nagy',
      "D'Angelo",
      'Murphy',
    ],
    countries: EUROPE,
    timezones: [
      'Europe/Berlin',
      'Europe/Paris',
      'Europe/Rome',
      'Europe/Madrid',
      'Europe/Amsterdam',
      'Europe/Warsaw',
      'Europe/Dublin',
      '+01',
    ],
    domains: ['gmx.de', 'orange.fr', 'libero.it', 'web.de', 'example.eu', 'gmail.com'],
  },
];

const TOTAL_WEIGHT = REGIONS.reduce((sum, region) => sum + region.weight, 0);
/** Everyone's names, for the people whose names come from elsewhere (a quarter of each region). */
const ALL_FIRST_NAMES = [...new Set(REGIONS.flatMap((region) => region.firstNames))];
const ALL_LAST_NAMES = [...new Set(REGIONS.flatMap((region) => region.lastNames))];
/** Second given names, used by one person in three, as in "Mary Jane". */
const SECOND_NAMES = [
  'Jane',
  'Rose',
  'Grace',
  'May',
  'Louise',
  'Anne',
  'Marie',
  'James',
  'John',
  'Lee',
  'Ray',
  'Kai',
  'Jean',
  'Ann',
  'Lynn',
  'Paul',
  'Joy',
  'Mae',
  'Dean',
  'Jay',
];
const DEPARTMENTS = [
  'Sales',
  'Marketing',
  'Operations',
  'Finance',
  'Customer Care',
  'IT',
  'HR',
  'Sales, APAC',
  'R&D',
  'Field Services',
  '',
];
const UNKNOWN_COUNTRIES = ['Atlantis', 'Narnia', 'Westeros', 'Wakanda', 'Gondor'];

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

function pickRegion(random: () => number): Region {
  let roll = random() * TOTAL_WEIGHT;
  for (const region of REGIONS) {
    roll -= region.weight;
    if (roll < 0) return region;
  }
  return REGIONS[0]!;
}

const emailParts = new Map<string, string>();

/**
 * A name as ASCII for an email's local part: "Zoë" → "zoe", "O'Brien" → "obrien". Remembered,
 * since a few hundred names make millions of emails and the Unicode work dominated the bench's
 * generation time.
 */
function emailPart(name: string): string {
  let part = emailParts.get(name);
  if (part === undefined) {
    part = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/Ł/g, 'L')
      .replace(/ł/g, 'l')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
    emailParts.set(name, part);
  }
  return part;
}

/**
 * 7 digits unique to the row (an affine bijection of 0..9,999,999), so mobiles do not collide and
 * duplicate detection does not fire on good rows.
 */
function uniqueDigits(index: number): string {
  return String((index * 7_919 + 1_234_567) % 10_000_000).padStart(7, '0');
}

export interface SeededContact {
  /** One value per column of `CONTACT_COLUMNS_WITH_DEPARTMENT`. */
  readonly values: readonly string[];
  readonly problem?: ProblemKind;
}

export interface SeededContactOptions {
  /** Share of contacts given a problem; 0 for a clean file. The seed's sequence is the same. */
  readonly problemRate?: number;
}

/**
 * The contact at `index` (0-based; it makes the email and mobile unique) from the next numbers of
 * `random`. Call it for indexes in order with one `createRandom(seed)` to get a seed's file.
 */
export function seededContact(
  random: () => number,
  index: number,
  { problemRate = PROBLEM_RATE }: SeededContactOptions = {},
): SeededContact {
  const region = pickRegion(random);
  const given = pick(random, random() < 0.75 ? region.firstNames : ALL_FIRST_NAMES);
  const first = random() < 0.33 ? `${given} ${pick(random, SECOND_NAMES)}` : given;
  let last = pick(random, random() < 0.75 ? region.lastNames : ALL_LAST_NAMES);
  const digits = uniqueDigits(index);
  const home = pick(random, region.countries);
  const variant = Math.floor(random() * 420);
  let mobile = home.mobile(digits, variant);
  let country = home.name;
  const timezone = pick(random, region.timezones);
  let department = pick(random, DEPARTMENTS);
  const domain = pick(random, region.domains);
  let email = `${emailPart(first)}.${emailPart(last)}${index}@${domain}`;

  let problem: ProblemKind | undefined;
  if (random() < problemRate) {
    problem = pick(random, PROBLEM_KINDS);
    switch (problem) {
      case 'missing-last-name':
        last = '';
        break;
      case 'bad-email':
        email = pick(random, [
          email.replace('@', '@@'),
          email.replace('@', ' at '),
          email.replace(/@.*/, '@'),
          `${emailPart(first)} ${emailPart(last)}@${domain}`,
        ]);
        break;
      case 'local-mobile-no-country':
        mobile = home.typed(digits, 1);
        country = '';
        break;
      case 'unknown-country':
        country = pick(random, UNKNOWN_COUNTRIES);
        break;
      case 'stray-comma':
        department = pick(random, ['Sales, APAC', 'Sales, EMEA', 'Ops, Night shift']);
        break;
      case 'typed-mobile':
        mobile = home.typed(digits, variant);
        break;
    }
  }
  const values = [first, last, email, mobile, country, timezone, department];
  return problem ? { values, problem } : { values };
}

/**
 * The contact as a CSV line (no line end). A `stray-comma` contact's department is left unquoted,
 * so its line has one field more than the header, as when someone forgets the quotes.
 */
export function seededContactCsvLine(contact: SeededContact): string {
  if (contact.problem !== 'stray-comma') return csvLine(contact.values);
  return `${csvLine(contact.values.slice(0, -1))},${contact.values.at(-1) ?? ''}`;
}
