/**
 * Auto-matching that explains itself: each column gets at most one suggested field, with the tier
 * that found it, a confidence and a sentence saying why. Tiers, strongest first: the field's own
 * name, a known synonym, a similar spelling, then what the values look like. Only confident
 * matches are applied; the rest are proposals the user confirms (formbricks removed a fuzzy
 * fallback that applied itself and was confidently wrong, importer-landscape pain point 5).
 */
import { splitFullName } from '../validation/full-name';
import { CONTACT_FIELDS, type ContactField } from '../whispir/contact-fields';
import { customFieldKey, customFieldName } from './custom-fields';
import type { ColumnMapping, FieldSource } from './mapping';
import {
  headerTokens,
  normaliseHeader,
  similarityAtLeast,
  type NormalisedHeader,
} from './normalise-header';
import {
  KIND_NOUNS,
  checkProfileFit,
  profileColumn,
  type ColumnProfile,
  type ValueKind,
} from './sniff-values';

export type MatchTier = 'exact' | 'synonym' | 'fuzzy' | 'content';

export interface MappingSuggestion {
  /** Whispir field key, or `custom_<Name>` for a custom field. */
  readonly field: string;
  /** The column's header, as in the file. */
  readonly column: string;
  readonly tier: MatchTier;
  /** 0..1; see `CONFIDENCE`. */
  readonly confidence: number;
  /** One sentence for the user, e.g. 'Header "Mobile No." is a known name for Work mobile'. */
  readonly reason: string;
  /** Whether the mapping step applies it by itself; otherwise it is only proposed. */
  readonly apply: boolean;
}

export interface ColumnSample {
  readonly name: string;
  /** Some of the column's values (empty cells are ignored). */
  readonly samples: readonly string[];
}

export interface AutoMapOptions {
  /** Custom field names the user added (without `custom_`); headers may match them exactly. */
  readonly customFields?: readonly string[];
  /** The catalogue to match against; the full Whispir catalogue by default. */
  readonly fields?: readonly ContactField[];
  /** Confidence from which a suggestion is applied; `APPLY_THRESHOLD` by default. */
  readonly applyThreshold?: number;
  /**
   * Columns from this index on are matched by their header's known names only (exact, synonym,
   * a path's end): no near-miss spelling, no values. A wide export's Mobile in column 120 is
   * found for about a hundredth of the full match's cost.
   */
  readonly namesOnlyFrom?: number;
}

/**
 * Confidence by tier. The tiers' own ranges do not overlap, so sorting by confidence puts exact
 * before synonym before fuzzy before content. Only exact and (strong) synonym matches reach
 * `APPLY_THRESHOLD` on their header alone; a near header reaches it when every sampled value fits
 * the field (`agreed`), and so does a column an address-book export labels (`exported`).
 */
export const CONFIDENCE = {
  exact: 1,
  synonym: 0.95,
  /** A synonym that is often something else ("Name" may be a full name). */
  weakSynonym: 0.85,
  /** A header match moved to the secondary field because the primary is taken. */
  secondary: 0.8,
  /** Upper bound of a fuzzy match; similarity 0.8 → 0.6. */
  fuzzyMax: 0.79,
  fuzzyMin: 0.6,
  /** Upper bound of a match by content alone. */
  contentMax: 0.58,
  /** A header match whose values say otherwise (the mobile column full of email addresses). */
  contradicted: 0.3,
  /** A near header (fuzzy) whose every sampled value fits the field: header and content agree. */
  agreed: 0.92,
  /** A column an address-book export names for what it is ("Phone 1 - Type" says Mobile). */
  exported: 0.97,
} as const;

/** Suggestions at or above this confidence are applied; below it they are only proposed. */
export const APPLY_THRESHOLD = 0.9;

/** Lowest similarity (1 − edit distance / length) for a fuzzy match. */
export const FUZZY_MIN_SIMILARITY = 0.8;

const TIER_RANK: Readonly<Record<MatchTier, number>> = {
  exact: 0,
  synonym: 1,
  fuzzy: 2,
  content: 3,
};

// Which fields a column of a kind of value most likely feeds, most likely first.
const CONTENT_FIELDS: Readonly<Record<ValueKind, readonly string[]>> = {
  email: ['workEmailAddress1', 'personalEmailAddress1', 'workEmailAddress2'],
  phone: ['workMobilePhone1', 'personalMobilePhone1', 'workPhone1'],
  country: ['workCountry', 'personalCountry'],
  timezone: ['timezone'],
};

type NameKind = 'key' | 'label' | 'synonym' | 'weak' | 'custom';

interface TargetName {
  readonly text: string;
  readonly normalised: NormalisedHeader;
  readonly kind: NameKind;
}

interface Target {
  readonly key: string;
  readonly label: string;
  readonly order: number;
  readonly names: readonly TargetName[];
}

interface Candidate extends MappingSuggestion {
  readonly columnIndex: number;
  readonly fieldOrder: number;
}

function buildTargets(fields: readonly ContactField[], customFields: readonly string[]): Target[] {
  const name = (text: string, kind: NameKind): TargetName => ({
    text,
    normalised: normaliseHeader(text),
    kind,
  });
  const targets: Target[] = fields.map((field, order) => ({
    key: field.key,
    label: field.label,
    order,
    names: [
      name(field.label, 'label'),
      name(field.key, 'key'),
      ...field.synonyms.map((synonym) => name(synonym, 'synonym')),
      ...field.weakSynonyms.map((synonym) => name(synonym, 'weak')),
    ],
  }));
  customFields.forEach((custom, i) => {
    const customName = customFieldName(custom);
    targets.push({
      key: customFieldKey(customName),
      label: customName,
      order: fields.length + i,
      names: [name(customName, 'custom')],
    });
  });
  return targets;
}

const DEFAULT_TARGETS = buildTargets(CONTACT_FIELDS, []);

/** The secondary twin of a primary field: workEmailAddress1 → workEmailAddress2. */
function secondaryOf(key: string, byKey: ReadonlyMap<string, Target>): Target | undefined {
  return key.endsWith('1') ? byKey.get(`${key.slice(0, -1)}2`) : undefined;
}

function headerReason(column: string, target: Target, kind: NameKind): string {
  switch (kind) {
    case 'key':
      return `Header "${column}" is the Whispir name of ${target.label}`;
    case 'label':
    case 'custom':
      return `Header "${column}" is the name of ${target.label}`;
    case 'synonym':
      return `Header "${column}" is a known name for ${target.label}`;
    case 'weak':
      return `Header "${column}" often, but not always, means ${target.label}`;
  }
}

function countsText(profile: ColumnProfile, kind: ValueKind): string {
  return `${profile.counts[kind]} of ${profile.total}`;
}

interface HeaderMatch {
  readonly target: Target;
  readonly tier: MatchTier;
  readonly confidence: number;
  readonly reason: string;
}

/** Exact and synonym matches of one header, plus the secondary twin when the header says "2". */
function matchHeader(
  column: string,
  header: NormalisedHeader,
  targets: readonly Target[],
  byKey: ReadonlyMap<string, Target>,
): HeaderMatch[] {
  if (header.base.length === 0) return [];
  const matches: HeaderMatch[] = [];
  const headerIndex = header.index ?? 1;
  for (const target of targets) {
    for (const name of target.names) {
      const n = name.normalised;
      const sameWords = n.base === header.base || n.sortedBase === header.sortedBase;
      if (!sameWords) continue;
      const tier: MatchTier = name.kind === 'synonym' || name.kind === 'weak' ? 'synonym' : 'exact';
      const confidence =
        name.kind === 'weak'
          ? CONFIDENCE.weakSynonym
          : tier === 'exact'
            ? CONFIDENCE.exact
            : CONFIDENCE.synonym;
      const reason = headerReason(column, target, name.kind);
      // A name that carries its own index ("workEmailAddress2") only matches that index.
      if (n.index !== undefined) {
        if (n.index === headerIndex) matches.push({ target, tier, confidence, reason });
        continue;
      }
      if (headerIndex === 1) {
        matches.push({ target, tier, confidence, reason });
        const secondary = secondaryOf(target.key, byKey);
        if (secondary && name.kind !== 'weak') {
          matches.push({
            target: secondary,
            tier,
            confidence: CONFIDENCE.secondary,
            reason: `${reason}, which another column already fills, so ${secondary.label} is proposed`,
          });
        }
      } else {
        const secondary = headerIndex === 2 ? secondaryOf(target.key, byKey) : undefined;
        if (secondary) {
          matches.push({
            target: secondary,
            tier,
            confidence,
            reason: headerReason(column, secondary, name.kind),
          });
        } else {
          matches.push({
            target,
            tier,
            confidence: Math.min(confidence, CONFIDENCE.weakSynonym),
            reason: `${reason}, but it is numbered ${headerIndex}`,
          });
        }
      }
    }
  }
  return matches;
}

/** Near spellings ("Emial", "Telephon") and headers containing a name ("Primary Mobile Phone"). */
function matchFuzzy(
  column: string,
  header: NormalisedHeader,
  targets: readonly Target[],
): HeaderMatch[] {
  if (header.base.length < 4) return [];
  const matches: HeaderMatch[] = [];
  const headerWords = ` ${header.tokens.join(' ')} `;
  for (const target of targets) {
    let best: HeaderMatch | undefined;
    for (const name of target.names) {
      if (name.kind === 'weak') continue;
      const n = name.normalised;
      if (n.base.length < 4) continue;
      const score = similarityAtLeast(header.base, n.base, FUZZY_MIN_SIMILARITY);
      if (score > 0) {
        const confidence = Math.min(
          CONFIDENCE.fuzzyMax,
          CONFIDENCE.fuzzyMin + (score - FUZZY_MIN_SIMILARITY),
        );
        if (!best || confidence > best.confidence) {
          best = {
            target,
            tier: 'fuzzy',
            confidence,
            reason: `Header "${column}" is spelled like "${name.text}" (${Math.round(score * 100)}% similar), a name for ${target.label}`,
          };
        }
      } else if (headerWords.includes(` ${n.tokens.join(' ')} `)) {
        // Containment is weaker than a near spelling: "Email opt-in" contains "email". A longer
        // name contained says more ("Home Country Name" holds "home country", not just "country").
        const confidence = CONFIDENCE.fuzzyMin + 0.01 * (n.tokens.length - 1);
        if (!best || confidence > best.confidence) {
          best = {
            target,
            tier: 'fuzzy',
            confidence,
            reason: `Header "${column}" contains "${name.text}", a name for ${target.label}`,
          };
        }
      }
    }
    if (best) matches.push(best);
  }
  return matches;
}

// Words that say a column is about someone other than the row's own person.
const OTHER_PERSON_WORDS: Readonly<Record<string, string>> = {
  emergency: 'emergency contact',
  kin: 'next of kin',
  nok: 'next of kin',
  mother: 'mother',
  mothers: 'mother',
  mum: 'mother',
  mom: 'mother',
  father: 'father',
  fathers: 'father',
  dad: 'father',
  parent: 'parent',
  parents: 'parent',
  guardian: 'guardian',
  caregiver: 'caregiver',
  carer: 'carer',
  spouse: 'spouse',
  partner: 'partner',
  husband: 'spouse',
  wife: 'spouse',
  manager: 'manager',
  managers: 'manager',
  supervisor: 'supervisor',
  assistant: 'assistant',
  assistants: 'assistant',
  referee: 'referee',
  sibling: 'sibling',
  ice: 'emergency contact',
  doctor: 'doctor',
  gp: 'doctor',
  physician: 'doctor',
  dentist: 'dentist',
};

/** Words before "contact" that make it someone else: "Secondary Contact Mobile". */
const OTHER_CONTACT_WORDS: ReadonlySet<string> = new Set([
  'secondary',
  'alternate',
  'alternative',
  'other',
  'second',
  'additional',
]);

/**
 * The other person a column is about ("Emergency Contact Mobile" → "emergency contact",
 * "Parent 2 Email" → "parent 2"), or undefined for the row's own. The number after the word
 * tells two parents apart.
 */
function personOf(columns: readonly ColumnSample[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  return personNamed(columns[index]?.name ?? '');
}

/** The other person a header names ("Emergency Contact Mobile" → emergency contact), if any. */
function personNamed(header: string): string | undefined {
  const tokens = headerTokens(header);
  for (const [at, token] of tokens.entries()) {
    const next = tokens[at + 1];
    // "Contact 2 Mobile", "Secondary Contact Phone": a second contact person.
    if (token === 'contact') {
      if (next !== undefined && /^\d$/.test(next) && next !== '1') return `contact ${next}`;
      const before = tokens[at - 1];
      // "Secondary Contact Number" is as often a second person's ("Secondary Contact Name"
      // beside it) as the person's own: proposed, for the person to say.
      if (before !== undefined && OTHER_CONTACT_WORDS.has(before)) return `${before} contact`;
      continue;
    }
    const person = OTHER_PERSON_WORDS[token];
    if (person === undefined) continue;
    return next !== undefined && /^\d$/.test(next) ? `${person} ${next}` : person;
  }
  return undefined;
}

const IDENTIFIER_WORDS: ReadonlySet<string> = new Set(
  'id ids uid guid uuid leid euid key order record invoice ref reference tax abn acn gst vat'.split(
    ' ',
  ),
);

const CONTENT_KIND_OF = new Map<string, ValueKind>(
  CONTACT_FIELDS.flatMap((field): [string, ValueKind][] =>
    field.format === 'email' ||
    field.format === 'phone' ||
    field.format === 'country' ||
    field.format === 'timezone'
      ? [[field.key, field.format]]
      : [],
  ),
);

// ---- address-book exports -------------------------------------------------------------------
// Google Contacts writes "Phone 1 - Label" (or "- Type") beside "Phone 1 - Value", and
// "Address 1 - City"; Outlook writes "Business Phone", "Home City", "Business Country/Region".
// The label column says which Whispir field the value column feeds.

/** What an export says a column is: the Whispir fields it may feed, best first, and why. */
interface ExportHint {
  readonly fields: readonly string[];
  readonly reason: string;
  /** A field the header names that the values say it is not ("Title" of job titles). */
  readonly not?: string;
}

const PHONE_FIELDS_BY_LABEL: Readonly<Record<string, readonly string[]>> = {
  mobile: ['workMobilePhone1', 'personalMobilePhone1', 'workMobilePhone2'],
  work: ['workPhone1', 'workPhone2'],
  home: ['personalPhone1', 'personalPhone2'],
  other: ['otherPhone1', 'workPhone2'],
};
const EMAIL_FIELDS_BY_LABEL: Readonly<Record<string, readonly string[]>> = {
  work: ['workEmailAddress1', 'workEmailAddress2'],
  home: ['personalEmailAddress1', 'personalEmailAddress2'],
  other: ['personalEmailAddress1', 'workEmailAddress2'],
};
const ADDRESS_PART_FIELDS: Readonly<Record<string, { work: string; home: string }>> = {
  street: { work: 'workAddress1', home: 'personalAddress1' },
  city: { work: 'workSuburb', home: 'personalSuburb' },
  region: { work: 'workState', home: 'personalState' },
  state: { work: 'workState', home: 'personalState' },
  'postal code': { work: 'workPostCode', home: 'personalPostCode' },
  country: { work: 'workCountry', home: 'personalCountry' },
  'country/region': { work: 'workCountry', home: 'personalCountry' },
};
const ORGANIZATION_FIELDS: Readonly<Record<string, string>> = {
  name: 'companyName',
  title: 'jobTitle',
  department: 'department',
};

/** "* Work" → work, "Mobile" → mobile, "Cell" → mobile, "Main" → work. */
function labelKind(label: string): 'mobile' | 'work' | 'home' | 'other' | undefined {
  const text = label
    .replace(/^\*\s*/, '')
    .trim()
    .toLowerCase();
  if (/^(mobile|cell|cellular|handy|mobil)/.test(text)) return 'mobile';
  if (/^(work|business|office|main|company)/.test(text)) return 'work';
  if (/^(home|personal|private)/.test(text)) return 'home';
  if (text !== '') return 'other';
  return undefined;
}

/** The label most of a label column's values give. */
function majorityLabel(samples: readonly string[]) {
  const counts = new Map<string, number>();
  for (const sample of samples) {
    const kind = labelKind(sample);
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as ReturnType<typeof labelKind>;
}

const GOOGLE_PART = /^(.*?)\s*(\d+)\s*-\s*(.+)$/;

/**
 * A JSON or XML export's list of typed phones or emails, flattened: `phones.1.number` beside
 * `phones.1.type` ("mobile"), `emailAddresses.2.value` beside `emailAddresses.2.label`. The list's
 * name, the item's number and the item's key.
 */
const TYPED_LIST_PART =
  /^(?:.*[./])?(phones?|phone_?numbers?|telephones?|tels?|e-?mails?|email_?addresses)[./](\d+)[./]([a-z_]+)$/i;
const TYPED_LIST_LABEL = /^(type|label|kind|rel|category)$/i;
const TYPED_LIST_VALUE = /^(number|value|phone|phone_?number|address|email|uri|text)$/i;

/**
 * Hints for the columns of an address-book export, and the columns that describe others (labels,
 * types, display names) and are not themselves imported.
 */
/** A salutation as people write one, in the languages the catalogue knows. */
const SALUTATION =
  /^(mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lady|lord|rev|revd|fr|herr|frau|m|mme|mlle|sr|sra|srta|dott|dr\.? med|mevrouw|meneer|dhr|mevr)\.?$/i;

function exportHints(columns: readonly ColumnSample[]): {
  hints: Map<number, ExportHint>;
  describing: Set<number>;
} {
  const hints = new Map<number, ExportHint>();
  const describing = new Set<number>();
  const labels = new Map<string, ReturnType<typeof labelKind>>();
  columns.forEach((column, index) => {
    const part = GOOGLE_PART.exec(column.name.trim());
    if (part && /^(label|type)$/i.test(part[3] ?? '')) {
      labels.set(`${(part[1] ?? '').toLowerCase()} ${part[2]}`, majorityLabel(column.samples));
      describing.add(index);
    }
    if (/^e-?mail( \d+)? (type|display name)$/i.test(column.name.trim())) describing.add(index);
    const item = TYPED_LIST_PART.exec(column.name.trim());
    if (item && TYPED_LIST_LABEL.test(item[3] ?? '')) {
      labels.set(`list:${(item[1] ?? '').toLowerCase()} ${item[2]}`, majorityLabel(column.samples));
      describing.add(index);
    }
  });
  columns.forEach((column, index) => {
    const name = column.name.trim();
    const item = TYPED_LIST_PART.exec(name);
    if (item && TYPED_LIST_VALUE.test(item[3] ?? '')) {
      const list = (item[1] ?? '').toLowerCase();
      const label = labels.get(`list:${list} ${item[2]}`);
      // Only a list whose items say their type: without one, the item's key decides as usual.
      if (label) {
        const email = /mail/.test(list);
        hints.set(index, {
          fields: (email ? EMAIL_FIELDS_BY_LABEL : PHONE_FIELDS_BY_LABEL)[label] ?? [],
          reason: `"${name}" holds ${email ? 'an email address' : 'a phone number'} whose type says ${label}`,
        });
        return;
      }
    }
    const part = GOOGLE_PART.exec(name);
    if (part) {
      const prefix = (part[1] ?? '').toLowerCase();
      const what = (part[3] ?? '').toLowerCase();
      const label = labels.get(`${prefix} ${part[2]}`);
      const said = label ? ` (its label column says ${label})` : '';
      if (what === 'value' && /phone/.test(prefix)) {
        hints.set(index, {
          fields: PHONE_FIELDS_BY_LABEL[label ?? 'mobile'] ?? [],
          reason: `Google Contacts' "${name}" holds a phone number${said}`,
        });
      } else if (what === 'value' && /e-?mail/.test(prefix)) {
        hints.set(index, {
          fields: EMAIL_FIELDS_BY_LABEL[label ?? 'work'] ?? [],
          reason: `Google Contacts' "${name}" holds an email address${said}`,
        });
      } else if (/address/.test(prefix) && ADDRESS_PART_FIELDS[what]) {
        const side = label === 'home' ? 'home' : 'work';
        hints.set(index, {
          fields: [ADDRESS_PART_FIELDS[what][side]],
          reason: `Google Contacts' "${name}" is the ${what} of a ${side} address`,
        });
      } else if (/organi[sz]ation/.test(prefix) && ORGANIZATION_FIELDS[what]) {
        hints.set(index, {
          fields: [ORGANIZATION_FIELDS[what]],
          reason: `Google Contacts' "${name}" is the organisation's ${what}`,
        });
      }
      return;
    }
    // "Title" is Whispir's salutation (Ms, Dr); in Salesforce, HubSpot and most CRMs it is the
    // job title ("CEO"). The values tell.
    if (/^title$/i.test(name)) {
      const values = column.samples.map((v) => v.trim()).filter((v) => v !== '');
      const salutations = values.filter((v) => SALUTATION.test(v)).length;
      if (values.length > 0 && salutations * 2 < values.length) {
        hints.set(index, {
          fields: ['jobTitle'],
          reason: `"${name}" holds job titles such as "${values.find((v) => !SALUTATION.test(v))}", not salutations (Ms, Dr)`,
          not: 'title',
        });
      }
      return;
    }
    const outlook =
      /^(business|home|organi[sz]ation)\s+(street|city|state|postal code|country\/region|country|title|department|name)$/i.exec(
        name,
      );
    if (outlook) {
      const side = (outlook[1] ?? '').toLowerCase();
      const what = (outlook[2] ?? '').toLowerCase();
      const field = side.startsWith('organi')
        ? ORGANIZATION_FIELDS[what]
        : ADDRESS_PART_FIELDS[what]?.[side === 'home' ? 'home' : 'work'];
      if (field)
        hints.set(index, {
          fields: [field],
          reason: `"${name}" is how Outlook and Google name the ${side} ${what}`,
        });
    }
  });
  return { hints, describing };
}

const VOCABULARY = new WeakMap<readonly Target[], Set<string>>();

/**
 * A one-word header run together from two words, the last one a word the catalogue's names use
 * ("mailingcountry" → "mailing country"), or undefined.
 */
function knownWords(header: NormalisedHeader, targets: readonly Target[]): string | undefined {
  if (header.tokens.length !== 1 || header.base.length < 7 || !/^[a-z]+$/.test(header.base)) {
    return undefined;
  }
  let vocabulary = VOCABULARY.get(targets);
  if (!vocabulary) {
    vocabulary = new Set(
      targets.flatMap((target) =>
        target.names.flatMap((name) => name.normalised.tokens.filter((t) => t.length >= 3)),
      ),
    );
    VOCABULARY.set(targets, vocabulary);
  }
  const word = header.base;
  let known: string | undefined;
  // Both words known, else the longest known last word ("mailing" + "country").
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    if (vocabulary.has(head) && vocabulary.has(tail)) return `${head} ${tail}`;
    if (known === undefined && tail.length >= 4 && vocabulary.has(tail)) known = `${head} ${tail}`;
  }
  return known;
}

/** A header's exact and synonym matches, read as the catalogue's words if it runs them on. */
function matchWholeHeader(
  column: string,
  header: NormalisedHeader,
  targets: readonly Target[],
  byKey: ReadonlyMap<string, Target>,
): { matches: HeaderMatch[]; read: NormalisedHeader } {
  const matches = matchHeader(column, header, targets, byKey);
  if (matches.length > 0) return { matches, read: header };
  // "MAILINGCOUNTRY" (Salesforce's Data Loader writes its names in capitals): read as the
  // words the catalogue knows ("mailing country"), as "MailingCountry" is.
  const words = knownWords(header, targets);
  if (!words) return { matches, read: header };
  const read = normaliseHeader(words);
  return { matches: matchHeader(column, read, targets, byKey), read };
}

/** Below a whole header's match, above any near spelling or containment. */
const PATH_END_PENALTY = 0.04;

/**
 * The parts of a header that is a path, as the JSON and XML readers name nested values
 * (`properties.firstname`, `fields.First Name`, `n.given`), or undefined. The parts before the
 * last are names without spaces (`Mobile No.`, `St. Address` and `Date (dd/mm/yyyy)` are no
 * paths); a path with "/" is one only when no part before the last names a field itself, so
 * "Email/Phone" (either one) is not read as "Phone".
 */
function pathParts(
  column: string,
  targets: readonly Target[],
  byKey: ReadonlyMap<string, Target>,
): { parts: string[]; separator: string } | undefined {
  for (const separator of ['.', '/']) {
    const parts = column.trim().split(separator);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1] as string;
    const containers = parts.slice(0, -1);
    if (last.trim() === '' || last !== last.trim()) continue;
    // "Dept./Team" is no path: a path's last part is a name, not "/Team".
    if (!/^[\p{L}\p{N}_@][\p{L}\p{N}_@ :-]*$/u.test(last)) continue;
    if (containers.some((part) => !/^[\p{L}\p{N}_@:-]+$/u.test(part))) continue;
    if (
      separator === '/' &&
      containers.some((part) => matchHeader(part, normaliseHeader(part), targets, byKey).length)
    )
      continue;
    return { parts, separator };
  }
  return undefined;
}

/**
 * Containers a contact's own values sit in, in the exports the readers know (HubSpot's
 * `properties`, Airtable's `fields`, xCard's `n` and `adr`, EWS's `PhoneNumbers`, an API's
 * `data.items`). Under any other (`owner`, `createdBy`, `manager`, `account`) the value may be
 * someone else's: its end is then only proposed (`FOREIGN_PATH_PENALTY`).
 */
const CONTACT_CONTAINERS: ReadonlySet<string> = new Set(
  `properties fields field values attributes attrs data result results item items record records
  row rows entry entries node nodes contact contacts person people member members profile
  customer customers subscriber subscribers lead leads employee employees student students
  recipient recipients user users name names n fn fullname completename adr address addresses
  physicaladdresses postaladdress homeaddress workaddress tel phone phones phonenumbers
  telephones email emails emailaddresses mail contactinfo contactdetails details info work home
  personal business location org organization organisation company job`.split(/\s+/),
);
/** A path's end under a container not known to hold the contact's own values: proposed only. */
const FOREIGN_PATH_PENALTY = 0.2;

/** Whether every container of a path is one a contact's own values sit in. */
function underContactContainers(containers: readonly string[]): boolean {
  return containers.every(
    (part) =>
      CONTACT_CONTAINERS.has(
        part
          .replace(/^[^:]*:/, '')
          .replace(/[_-]/g, '')
          .replace(/\d+$/, '')
          .toLowerCase(),
      ) || /^\d+$/.test(part),
  );
}

/** xCard's and vCard's short names for a name's container (`n.given`, `n.surname`). */
const CONTAINER_WORDS: Readonly<Record<string, string>> = { n: 'name', fn: 'full name' };

/**
 * The exact and synonym matches of a path's last part (HubSpot's `properties.mobilephone`,
 * Airtable's `fields.First Name`, EWS's `Contact.GivenName`), or of its last two parts read
 * together (`name.first`, xCard's `n.given`), whichever is the stronger, a little below a whole
 * header's. Only the end names the value: `address.state` is a state, not an address, and
 * before, the container's name won through the weaker containment tier.
 */
function matchPathEnd(
  column: string,
  targets: readonly Target[],
  byKey: ReadonlyMap<string, Target>,
): HeaderMatch[] {
  const path = pathParts(column, targets, byKey);
  // `emergencyContact.firstName` is another person's first name: its end alone would make it
  // the contact's own, sure enough to apply. Such a column is only proposed, as before.
  if (!path || personNamed(column) !== undefined) return [];
  const { parts, separator } = path;
  const penalty = underContactContainers(parts.slice(0, -1))
    ? PATH_END_PENALTY
    : FOREIGN_PATH_PENALTY;
  const last = parts[parts.length - 1] as string;
  const before = parts[parts.length - 2] as string;
  const tries = [last, `${CONTAINER_WORDS[before.toLowerCase()] ?? before} ${last}`];
  let best: HeaderMatch[] = [];
  let bestTop = 0;
  for (const end of tries) {
    const { matches } = matchWholeHeader(end, normaliseHeader(end), targets, byKey);
    const top = Math.max(0, ...matches.map((match) => match.confidence));
    if (top <= bestTop) continue;
    best = matches.map((match) => ({
      ...match,
      confidence: match.confidence - penalty,
      reason: match.reason.replace(
        `Header "${end}"`,
        `Header "${column}" ends in "${end === last ? last : parts.slice(-2).join(separator)}", which`,
      ),
    }));
    bestTop = top;
  }
  return best;
}

function candidatesForColumn(
  column: ColumnSample,
  columnIndex: number,
  targets: readonly Target[],
  byKey: ReadonlyMap<string, Target>,
  hint?: ExportHint,
  namesOnly = false,
): Candidate[] {
  const header = normaliseHeader(column.name);
  const profile = profileColumn(column.samples);
  const candidates: Candidate[] = [];
  const push = (target: Target, tier: MatchTier, confidence: number, reason: string) => {
    candidates.push({
      field: target.key,
      column: column.name,
      tier,
      confidence,
      reason,
      apply: false,
      columnIndex,
      fieldOrder: target.order,
    });
  };

  hint?.fields.forEach((key, rank) => {
    const target = byKey.get(key);
    if (target && checkProfileFit(key, profile).fits)
      push(target, 'synonym', CONFIDENCE.exported - 0.01 * rank, hint.reason);
  });
  const whole = matchWholeHeader(column.name, header, targets, byKey);
  const read = whole.read;
  const headerMatches =
    whole.matches.length > 0 ? whole.matches : matchPathEnd(column.name, targets, byKey);
  const fuzzy = headerMatches.length > 0 || namesOnly ? [] : matchFuzzy(column.name, read, targets);
  for (const match of [...headerMatches, ...fuzzy]) {
    if (match.target.key === hint?.not) continue;
    const expected = CONTENT_KIND_OF.get(match.target.key);
    if (checkProfileFit(match.target.key, profile).fits) {
      const agrees =
        expected !== undefined && profile.kind === expected
          ? `; values look like ${KIND_NOUNS[expected]} (${countsText(profile, expected)})`
          : '';
      // A near header whose every value fits is as good as a known name: apply it.
      const everyValueFits =
        expected !== undefined &&
        profile.kind === expected &&
        profile.total >= 1 &&
        profile.counts[expected] === profile.total;
      const agreed = match.tier === 'fuzzy' && everyValueFits;
      // Agreed matches keep their order among themselves (the closer header first).
      const confidence = agreed
        ? CONFIDENCE.agreed + (match.confidence - CONFIDENCE.fuzzyMin) * 0.1
        : match.confidence;
      push(
        match.target,
        match.tier,
        confidence,
        `${match.reason}${agrees}${agreed ? ', every one of them' : ''}`,
      );
    } else if (match.tier === 'fuzzy') {
      // A guessed header with values that do not fit is not worth proposing.
      continue;
    } else if (profile.kind !== undefined) {
      // The values are recognisably something else: the seed page's mobile column of emails.
      push(
        match.target,
        match.tier,
        CONFIDENCE.contradicted,
        `${match.reason}, but its values look like ${KIND_NOUNS[profile.kind]} (${countsText(profile, profile.kind)})`,
      );
    } else if (expected !== undefined) {
      // Unrecognised values ("AEST" under "Time zone") do not outweigh the header; validation
      // reports them row by row.
      push(
        match.target,
        match.tier,
        match.confidence,
        `${match.reason}; only ${countsText(profile, expected)} values look like ${KIND_NOUNS[expected]}`,
      );
    }
  }

  // A column named as an identifier (HubSpot's "Record ID", an "Order #", Mailchimp's "LEID")
  // holds numbers that only look like phone numbers.
  const identifier = header.tokens.some((token) => IDENTIFIER_WORDS.has(token));
  if (profile.kind !== undefined && !(identifier && profile.kind === 'phone')) {
    const kind = profile.kind;
    const ratio = profile.counts[kind] / profile.total;
    CONTENT_FIELDS[kind].forEach((key, rank) => {
      const target = byKey.get(key);
      if (!target) return;
      const values = `Values look like ${KIND_NOUNS[kind]} (${countsText(profile, kind)})`;
      const primary = CONTENT_FIELDS[kind][0];
      const reason =
        rank === 0 || primary === undefined
          ? values
          : `${values}; ${byKey.get(primary)?.label ?? primary} is already matched`;
      push(target, 'content', CONFIDENCE.contentMax - 0.1 * (1 - ratio) - 0.01 * rank, reason);
    });
  }
  return candidates;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.confidence - a.confidence ||
    TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
    a.columnIndex - b.columnIndex ||
    a.fieldOrder - b.fieldOrder
  );
}

/**
 * Suggests a field for each column it can: at most one field per column and one column per
 * field, conflicts going to the higher confidence (and so the stronger tier), then to the column
 * further left. Suggestions come back in column order; columns with none are left out.
 */
export function autoMapColumns(
  columns: readonly ColumnSample[],
  options: AutoMapOptions = {},
): MappingSuggestion[] {
  const targets =
    options.fields === undefined && (options.customFields ?? []).length === 0
      ? DEFAULT_TARGETS
      : buildTargets(options.fields ?? CONTACT_FIELDS, options.customFields ?? []);
  const byKey = new Map(targets.map((target) => [target.key, target]));
  const threshold = options.applyThreshold ?? APPLY_THRESHOLD;

  const { hints, describing } = exportHints(columns);
  const candidates = columns
    .flatMap((column, index) =>
      describing.has(index)
        ? []
        : candidatesForColumn(
            column,
            index,
            targets,
            byKey,
            hints.get(index),
            index >= (options.namesOnlyFrom ?? Infinity),
          ),
    )
    .sort(compareCandidates);

  const usedColumns = new Set<number>();
  const usedFields = new Set<string>();
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    if (usedColumns.has(candidate.columnIndex) || usedFields.has(candidate.field)) continue;
    usedColumns.add(candidate.columnIndex);
    usedFields.add(candidate.field);
    chosen.push(candidate);
  }
  const homeCountry = homeCountryAsContactCountry(chosen, byKey, threshold);
  if (homeCountry) chosen.push(homeCountry);
  wholeNameForBoth(chosen, columns, byKey, threshold);
  const ownPerson = personOf(
    columns,
    chosen.find((candidate) => candidate.field === 'firstName')?.columnIndex,
  );
  for (const [i, candidate] of chosen.entries()) {
    const person = personOf(columns, candidate.columnIndex);
    if (person === undefined || person === ownPerson || candidate.confidence < threshold) continue;
    // Another person's number or address would take the contact's place: the emergency
    // contact's mobile texted in an evacuation. The person decides.
    chosen[i] = {
      ...candidate,
      confidence: Math.min(candidate.confidence, CONFIDENCE.secondary),
      reason: `${candidate.reason}; but "${candidate.column}" seems to be another person's (${person}), so it is only proposed`,
    };
  }

  return chosen
    .sort((a, b) => a.columnIndex - b.columnIndex)
    .map(({ field, column, tier, confidence, reason }) => ({
      field,
      column,
      tier,
      confidence: Math.round(confidence * 100) / 100,
      reason,
      apply: confidence >= threshold,
    }));
}

// Headers that name a person's whole name (a bare "Name" or "Customer Name" is as often a
// company's or a first name: only proposed, as before).
const WHOLE_NAME_HEADERS = new Set(
  [
    'full name',
    'fullname',
    'display name',
    'employee name',
    'member name',
    'person name',
    'staff name',
    'attendee name',
    'participant name',
    'name surname',
    'first and last name',
    '氏名',
    'nombre completo',
    'nom complet',
    'vollständiger name',
    'volledige naam',
    'nome completo',
  ].map((name) => normaliseHeader(name).base),
);

/**
 * A file with one column for the whole name ("Full Name", "Name") and none for the first or the
 * last name: that column feeds both, and the review splits each row's name in two (a fix the
 * person checks: "Smith, John" → John + Smith). Without it, every row lacked a last name.
 */
function wholeNameForBoth(
  chosen: Candidate[],
  columns: readonly ColumnSample[],
  byKey: ReadonlyMap<string, Target>,
  threshold: number,
): void {
  const first = byKey.get('firstName');
  const last = byKey.get('lastName');
  if (!first || !last) return;
  const applied = (field: string) =>
    chosen.some((candidate) => candidate.field === field && candidate.confidence >= threshold);
  if (applied('firstName') || applied('lastName')) return;
  // Its values must be whole names, nearly all of them (no company's, no first names alone).
  const wholeNames = (column: ColumnSample) =>
    column.samples.length > 0 &&
    column.samples.filter((value) => splitFullName(value) !== undefined).length * 5 >=
      column.samples.length * 4;
  const index = columns.findIndex(
    (column, i) =>
      WHOLE_NAME_HEADERS.has(normaliseHeader(column.name).base) &&
      personOf(columns, i) === undefined &&
      wholeNames(column),
  );
  const column = columns[index];
  if (!column) return;
  // The column's own guess (a weak "Name" → First name) gives way to the pair.
  for (let i = chosen.length - 1; i >= 0; i--) {
    const candidate = chosen[i] as Candidate;
    if (
      candidate.columnIndex === index ||
      candidate.field === 'firstName' ||
      candidate.field === 'lastName'
    )
      chosen.splice(i, 1);
  }
  const reason = `"${column.name}" holds the whole name: the review splits each one into first and last name for you to check`;
  for (const target of [first, last])
    chosen.push({
      field: target.key,
      column: column.name,
      tier: 'synonym',
      confidence: CONFIDENCE.weakSynonym + 0.06,
      reason,
      apply: true,
      columnIndex: index,
      fieldOrder: target.order,
    });
}

/**
 * Whispir needs each contact's country (Work country), and a row's phone numbers take their
 * country code from it. An export whose only country is the home address's (Outlook's "Home
 * Country/Region", a Google address labelled Home, Eventbrite's "Home Country") gives it from
 * that column too, when no column was found for Work country at all.
 */
function homeCountryAsContactCountry(
  chosen: readonly Candidate[],
  byKey: ReadonlyMap<string, Target>,
  threshold: number,
): Candidate | undefined {
  const work = byKey.get('workCountry');
  if (!work || chosen.some((candidate) => candidate.field === 'workCountry')) return undefined;
  const home = chosen.find(
    (candidate) => candidate.field === 'personalCountry' && candidate.confidence >= threshold,
  );
  if (!home) return undefined;
  return {
    ...home,
    field: 'workCountry',
    fieldOrder: work.order,
    reason: `No column names a work country, so the home country in "${home.column}" is the contact's country too (Whispir needs one; phone numbers take their country code from it)`,
  };
}

/**
 * The mapping the step starts from: only the suggestions that apply themselves. A file without a
 * time-zone column leaves Time zone to the review, which proposes one per row.
 */
export function suggestionsToMapping(suggestions: readonly MappingSuggestion[]): ColumnMapping {
  const mapping: Record<string, FieldSource> = {};
  for (const suggestion of suggestions) {
    if (suggestion.apply) mapping[suggestion.field] = { kind: 'column', column: suggestion.column };
  }
  mapping.timezone ??= { kind: 'empty' };
  return mapping;
}
