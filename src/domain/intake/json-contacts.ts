import { detectHeaderRow, generatedHeaders, isEmailAddress } from './header';
import { describeRows, formatCount, type IntakeProblem, problem, quoteValue } from './problems';

export interface RecordTable {
  readonly headers: string[];
  readonly rows: string[][];
  /** Row i is record `rowNumbers[i]` of the file (1-based position among the records). */
  readonly rowNumbers: number[];
  readonly problems: IntakeProblem[];
  /** Where the records were found, e.g. `contacts` or `ns2:import/ns2:contacts/ns2:contact`. */
  readonly source: string;
}

/** Parsed JSON after `reviveNumberText`: numbers arrive as NumberText. */
type Json = string | NumberText | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Wraps numbers so their text survives JSON.parse. Where the engine supports JSON.parse source
 * text access (Chrome/Edge 114+, Firefox 135+, Safari 18.4+), a number keeps the exact digits
 * written in the file (`1.50`, `12345678901234567890`). Elsewhere (Node 20) it becomes
 * String(number), and integers beyond 2^53, whose digits JSON.parse has already lost, are flagged.
 */
class NumberText {
  constructor(
    readonly text: string,
    readonly exact: boolean,
  ) {}
}

/**
 * Reads contacts from JSON: Whispir's `{"contacts": [...]}`, a bare array of objects, an object
 * holding an array of objects (found up to eight levels deep; `contacts` preferred, else the
 * longest), or one object that is itself a contact. Nested objects become dotted columns
 * (`address.city`), arrays of scalars are joined with "; ", arrays of objects get indexed columns
 * (`phones.1.number`), null is empty. Strings are kept exactly (so "0412345678" keeps its zero).
 * Columns are in first-seen order across records. An item that is not a contact is a row with no
 * values and an error naming it, so it is counted and rejected, never lost.
 */
export function readJsonContacts(text: string): RecordTable {
  let root: Json;
  const problems: IntakeProblem[] = [];
  /** JSON Lines: the line of each record, its row number, and the lines that cannot be read. */
  let lines: ReturnType<typeof jsonLines>;
  try {
    root = JSON.parse(text, reviveNumberText) as Json;
  } catch (error) {
    lines = jsonLines(text);
    if (!lines) return empty([jsonSyntaxProblem(text, error)], '');
    root = lines.records;
    problems.push(...lines.problems);
  }
  const table = lines ? undefined : rowsOfLists(root);
  if (table) return { ...table, problems: [...problems, ...table.problems] };

  const found = findRecords(root);
  if (!found) {
    return empty(
      [
        problem(
          'json-no-records',
          'error',
          'This JSON file holds no list of contacts. Expected {"contacts": [{"firstName": …}, …]} or a list of objects [{…}, {…}].',
        ),
      ],
      '',
    );
  }

  const headerIndex = new Map<string, number>();
  const headers: string[] = [];
  const flatRecords: Map<string, string>[] = [];
  const rowNumbers: number[] = [];
  const nulls: number[] = [];
  const unreadable: IntakeProblem[] = [];
  /** Rows of items that are no contact past the ones named one by one. */
  const moreUnreadable: number[] = [];
  const imprecise: number[] = [];
  const where = (i: number) =>
    lines
      ? `Line ${lines.lineNumbers[i]}`
      : `Item ${i + 1} of ${found.path === '(list)' ? 'the list' : `"${found.path}"`}`;
  found.records.forEach((item, i) => {
    const rowNumber = lines ? (lines.lineNumbers[i] as number) : i + 1;
    if (item === null) {
      // Nothing in it, as a blank line of a spreadsheet: skipped, and said.
      nulls.push(rowNumber);
      return;
    }
    const broken = lines?.broken.get(i);
    if (broken !== undefined || !isObject(item)) {
      // Kept as a row with no values, so it is counted and rejected with its reason (unless
      // the person fixes or skips it): left out, it was in no count and no report.
      if (unreadable.length >= MAX_ITEM_PROBLEMS) moreUnreadable.push(rowNumber);
      else {
        unreadable.push(
          broken !== undefined
            ? problem('json-invalid', 'error', `${where(i)} ${broken}`, {
                row: rowNumber,
                line: rowNumber,
              })
            : problem('json-item-not-object', 'error', `${where(i)} ${notContact(item)}`, {
                row: rowNumber,
              }),
        );
      }
      flatRecords.push(new Map());
      rowNumbers.push(rowNumber);
      return;
    }
    const flat = new Map<string, string>();
    let exact = true;
    flatten(item, '', flat, () => (exact = false));
    if (!exact) imprecise.push(i + 1);
    for (const key of flat.keys()) {
      if (!headerIndex.has(key)) {
        headerIndex.set(key, headers.length);
        headers.push(key);
      }
    }
    flatRecords.push(flat);
    rowNumbers.push(rowNumber);
  });
  const rows = flatRecords.map((flat) => headers.map((h) => flat.get(h) ?? ''));
  // Columns are told apart by their paths; their names are the paths dotted, and a name two
  // paths share ("address.city" written with a dot, and nested) is made unique: "(2)".
  const names = new Set<string>();
  headers.forEach((path, column) => {
    const dotted = path.replaceAll(PATH_SEPARATOR, '.');
    let name = dotted;
    for (let n = 2; names.has(name); n++) name = `${dotted} (${n})`;
    names.add(name);
    headers[column] = name;
  });

  if (found.lists) {
    const each = found.lists.map((list) => `"${list.path}" (${formatCount(list.count)})`);
    problems.push(
      problem(
        'json-lists-joined',
        'info',
        `This file keeps its contacts in ${found.lists.length} lists, read one after the other: ${each.slice(0, -1).join(', ')} and ${each.at(-1)}.`,
      ),
    );
  }
  for (const list of found.ignored ?? []) {
    problems.push(
      problem(
        'json-list-ignored',
        'warning',
        `The list "${list.path}" (${formatCount(list.count)} ${list.count === 1 ? 'item' : 'items'}) was not read: its records have other fields than the contacts in "${found.path}".`,
      ),
    );
  }
  problems.push(...unreadable);
  if (moreUnreadable.length > 0) {
    // One problem for the rest, its rows named, so each is still rejected with a reason.
    problems.push(
      problem(
        'json-item-not-object',
        'error',
        `${formatCount(moreUnreadable.length)} more ${lines ? 'lines' : 'items'} than these ${formatCount(MAX_ITEM_PROBLEMS)} are not contacts: each is a row to reject.`,
        { rows: moreUnreadable },
      ),
    );
  }
  if (nulls.length > 0) {
    const what = lines ? 'Line' : 'Item';
    const list = describeRows(nulls).replace(/^rows?/, nulls.length === 1 ? what : `${what}s`);
    problems.push(
      problem(
        'empty-rows-skipped',
        'info',
        `${list} ${nulls.length === 1 ? 'is' : 'are'} null (empty) and ${nulls.length === 1 ? 'was' : 'were'} skipped.`,
        { rows: nulls },
      ),
    );
  }
  if (imprecise.length > 0) {
    problems.push(
      problem(
        'json-number-precision',
        'warning',
        `${imprecise.length === 1 ? 'One record has' : `${formatCount(imprecise.length)} records have`} a number too long to read exactly (more than 15 digits, written without quotes). Put such numbers in quotes in the JSON, e.g. "12345678901234567890".`,
        { rows: imprecise },
      ),
    );
  }
  if (flatRecords.length === 0) {
    problems.push(
      problem('json-no-records', 'error', `The list "${found.path}" in this JSON file is empty.`),
    );
  }
  return { headers, rows, rowNumbers, problems, source: found.path };
}

function reviveNumberText(
  this: unknown,
  _key: string,
  value: unknown,
  context?: { source?: string },
): unknown {
  if (typeof value !== 'number') return value;
  if (typeof context?.source === 'string') return new NumberText(context.source, true);
  const exact = !Number.isInteger(value) || Number.isSafeInteger(value);
  return new NumberText(String(value), exact);
}

function isObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof NumberText)
  );
}

function isRecordArray(value: unknown): value is Json[] {
  return Array.isArray(value) && value.length > 0 && value.some(isObject);
}

interface FoundRecords {
  readonly records: Json[];
  readonly path: string;
  /** The lists read one after the other, when more than one. */
  readonly lists?: readonly { readonly path: string; readonly count: number }[];
  /** Lists of objects not read (their records have other fields). */
  readonly ignored?: readonly { readonly path: string; readonly count: number }[];
}

function findRecords(root: Json): FoundRecords | undefined {
  if (Array.isArray(root)) {
    return root.length === 0 || root.some(isObject) ? { records: root, path: '(list)' } : undefined;
  }
  if (!isObject(root)) return undefined;
  const candidates: { records: Json[]; path: string }[] = [];
  const visit = (node: JsonObject, path: string, depth: number): void => {
    for (const [key, value] of Object.entries(node)) {
      const here = path ? `${path}.${key}` : key;
      if (
        isRecordArray(value) ||
        (Array.isArray(value) && value.length === 0 && key === 'contacts')
      ) {
        candidates.push({ records: value, path: here });
      } else if (isObject(value) && depth < SEARCH_DEPTH) {
        visit(value, here, depth + 1);
      }
    }
  };
  visit(root, '', 1);
  const contacts = candidates.find((c) => c.path.split('.').pop() === 'contacts');
  if (contacts) return contacts;
  // One contact on its own, not in a list (an API's answer for one person, a single export):
  // one row. Its own lists are its parts (a person's phones), unless one of them is a list of
  // contacts under a name that is not a contact's part (`{"owner": …, "team": [{…email…}]}`).
  if (isOneContact(root, candidates)) return { records: [root], path: '(one contact)' };
  // Lists of contacts first (their records have an email or a phone: an API page's `_links` or
  // `tags` beside its `members` are not contacts), then the longest.
  const longest = [...candidates].sort(
    (a, b) =>
      Number(hasContactFields(b.records)) - Number(hasContactFields(a.records)) ||
      b.records.length - a.records.length,
  )[0];
  if (!longest) return undefined;
  // Lists of the same kind of record (contacts kept by team: {"sales": […], "support": […]})
  // are read one after the other, in the file's order; a list of other records is not.
  const fields = fieldsOf(longest.records);
  // The same kind: more than half of the two lists' fields, together, are in both (a list of
  // teams {id, name} beside contacts {id, name, email, phone} is not).
  const sameKind = (list: { records: Json[] }) => {
    if (list === longest) return true;
    const theirs = fieldsOf(list.records);
    let shared = 0;
    for (const field of theirs) if (fields.has(field)) shared++;
    return shared * 2 > theirs.size + fields.size - shared;
  };
  const read = candidates.filter(sameKind);
  const ignored = candidates
    .filter((c) => !sameKind(c))
    .map((c) => ({ path: c.path, count: c.records.length }));
  if (read.length === 1) return { ...longest, ignored };
  return {
    records: read.flatMap((c) => c.records),
    path: read.map((c) => c.path).join(' + '),
    lists: read.map((c) => ({ path: c.path, count: c.records.length })),
    ignored,
  };
}

const CONTACT_KEY = /mail|phone|mobile|tel/i;

/**
 * How deep a list of contacts is looked for: API answers wrap them (`{"data": {"result":
 * {"page": {"items": […]}}}}`), and at three levels such a list was not found at all.
 */
const SEARCH_DEPTH = 8;

/**
 * Whether a list beside a contact's own values is a part of that contact (its `phones`, its
 * `emails`): named as one, a few items, none with a name of its own. A `mailingList` or a
 * `phonebook` of people beside a `replyTo` address is a list of contacts.
 */
function isOwnPart(list: { records: Json[]; path: string }): boolean {
  if (!CONTACT_KEY.test(list.path.split('.').pop() ?? '')) return false;
  if (list.records.length > MAX_OWN_PART_ITEMS) return false;
  return !list.records.some(
    (item) => isObject(item) && Object.keys(item).some((key) => PERSON_NAME_KEY.test(key)),
  );
}

/** A person has a few phones or emails; a list longer than this is a list of people. */
const MAX_OWN_PART_ITEMS = 10;
const PERSON_NAME_KEY = /^(?:(?:first|last|full|given|family|sur|display)_?name|name|surname)$/i;

/**
 * Whether the whole object is one contact: an email or a phone among its own values (at any
 * depth: HubSpot's `properties`), and no list beside them that holds contacts of its own.
 */
function isOneContact(
  root: JsonObject,
  lists: readonly { records: Json[]; path: string }[],
): boolean {
  if (!hasContactFields([root])) return false;
  if (lists.length === 0) return true;
  const ownValues = Object.entries(root).some(
    ([key, value]) =>
      (typeof value === 'string' || value instanceof NumberText) &&
      (CONTACT_KEY.test(key) || (typeof value === 'string' && isEmailAddress(value))),
  );
  return ownValues && lists.every((list) => isOwnPart(list) || !hasContactFields(list.records));
}

/**
 * Whether a list's records look like contacts: a key or a value, at any depth, of an email or a
 * phone (HubSpot nests them under `properties`; Spanish names them `correo`, `telefono`). A
 * name alone does not tell: tags and groups have names too.
 */
function hasContactFields(records: readonly Json[]): boolean {
  const looks = (value: Json, key: string, depth: number): boolean => {
    if (CONTACT_KEY.test(key)) return true;
    if (typeof value === 'string') return isEmailAddress(value);
    if (depth > 3 || value === null || value instanceof NumberText || typeof value !== 'object') {
      return false;
    }
    return Object.entries(value).some(([k, v]) => looks(v, k, depth + 1));
  };
  return records.slice(0, 20).some((record) => looks(record, '', 0));
}

/** The field names of a list's records (its first hundred objects). */
function fieldsOf(records: readonly Json[]): Set<string> {
  const fields = new Set<string>();
  for (const record of records.slice(0, 100))
    if (isObject(record)) for (const key of Object.keys(record)) fields.add(key);
  return fields;
}

/**
 * Between the keys of a nested value's path, inside the reader: a key may hold a dot
 * (`"address.city"`), which must not name the same column as `"address": {"city"}`.
 */
const PATH_SEPARATOR = '\u0000';

function flatten(
  value: Json,
  prefix: string,
  out: Map<string, string>,
  onImprecise: () => void,
): void {
  if (value instanceof NumberText) {
    if (!value.exact) onImprecise();
    out.set(prefix, value.text);
  } else if (value === null) {
    out.set(prefix, '');
  } else if (typeof value === 'string') {
    out.set(prefix, value);
  } else if (typeof value === 'boolean') {
    out.set(prefix, String(value));
  } else if (Array.isArray(value)) {
    if (value.some((v) => isObject(v) || Array.isArray(v))) {
      value.forEach((v, i) => flatten(v, `${prefix}${PATH_SEPARATOR}${i + 1}`, out, onImprecise));
    } else {
      const parts = value.map((v) => {
        if (v instanceof NumberText) {
          if (!v.exact) onImprecise();
          return v.text;
        }
        return v === null ? '' : String(v);
      });
      out.set(prefix, parts.join('; '));
    }
  } else {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.set(prefix, '');
    for (const [key, child] of entries) {
      flatten(child, prefix ? `${prefix}${PATH_SEPARATOR}${key}` : key, out, onImprecise);
    }
  }
}

/**
 * JSON Lines (`.jsonl`, `.ndjson`): one object a line, as log and database tools export. Read
 * when the text is not one JSON value and its first line is an object. Every other line is a
 * record, numbered by its line: a line that is not a contact (cut off, text, a number) is one
 * too, its reason in `broken` or left to the reader, so it is counted and rejected, not lost.
 */
function jsonLines(text: string):
  | {
      records: Json[];
      lineNumbers: number[];
      /** Lines that are no JSON value at all, by index in `records`: why, as a sentence's end. */
      broken: Map<number, string>;
      problems: IntakeProblem[];
    }
  | undefined {
  const lines = text.split(/\r?\n/);
  const records: Json[] = [];
  const lineNumbers: number[] = [];
  const broken = new Map<number, string>();
  let contacts = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    let value: Json | undefined;
    try {
      value = JSON.parse(line, reviveNumberText) as Json;
    } catch {
      value = undefined;
    }
    if (records.length === 0 && (value === undefined || !isObject(value))) return undefined;
    if (value === undefined) {
      broken.set(
        records.length,
        endsMidValue(line)
          ? 'is not a complete JSON object: it ends in the middle of a value (a line cut short, or a value with a line break in it).'
          : `is not a JSON object: "${quoteValue(line)}".`,
      );
      value = line;
    } else if (isObject(value)) {
      contacts++;
    }
    records.push(value);
    lineNumbers.push(i + 1);
  }
  if (records.length < 2) return undefined;
  const problems = [
    problem(
      'json-lines',
      'info',
      `This file holds one JSON object a line (JSON Lines): ${formatCount(contacts)} ${contacts === 1 ? 'contact' : 'contacts'}.`,
    ),
  ];
  return { records, lineNumbers, broken, problems };
}

/**
 * Whether a line of JSON stops before its end: a string, object or list left open (an export
 * cut short, or a value whose line break split the record).
 */
function endsMidValue(line: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

/** Why an item of a list is not a contact, as a sentence's end. */
function notContact(item: Json): string {
  if (typeof item === 'string') return `is text, not a contact: "${quoteValue(item)}".`;
  if (item instanceof NumberText) return `is a number, not a contact: ${quoteValue(item.text)}.`;
  if (typeof item === 'boolean') return `is ${String(item)}, not a contact.`;
  if (Array.isArray(item)) return 'is a list, not a contact with named fields.';
  return 'is not a contact with named fields.';
}

/**
 * Items of a list that are not contacts are each named with their reason up to this many; more
 * are summed up in one line (a million broken lines stay a readable list).
 */
const MAX_ITEM_PROBLEMS = 1000;

/**
 * A list of rows (`[["Name", "Email"], ["Ann", "ann@x.com"]]`), as a table is written to JSON:
 * the first row names the columns.
 */
function rowsOfLists(root: Json): RecordTable | undefined {
  const isRow = (row: Json) =>
    Array.isArray(row) && row.every((value) => !isObject(value) && !Array.isArray(value));
  if (!Array.isArray(root) || root.length === 0 || !root.every(isRow)) return undefined;
  const text = (value: Json): string =>
    value instanceof NumberText ? value.text : value === null ? '' : String(value);
  const rows = (root as Json[][]).map((row) => row.map(text));
  // The first row names the columns unless it holds contact data itself.
  const { hasHeader } = detectHeaderRow(rows.slice(0, 30));
  const width = Math.max(...rows.map((row) => row.length));
  const body = hasHeader ? rows.slice(1) : rows;
  return {
    headers: hasHeader ? (rows[0] as string[]) : generatedHeaders(width),
    rows: body,
    rowNumbers: body.map((_, i) => i + (hasHeader ? 2 : 1)),
    problems: [],
    source: '(rows)',
  };
}

/** What a syntax error most likely is, where the engine's message does not say. */
function syntaxHint(text: string, message: string): { hint: string; at?: number } {
  if (/token '\/'|token \//.test(message)) {
    const at = text.search(/\/[/*]/);
    return { hint: 'JSON allows no comments (// or /* */): remove them', at };
  }
  const trailing = /,\s*[\]}]/.exec(text);
  if (trailing && /token '?[\]}]|property name/.test(message)) {
    return { hint: 'JSON allows no comma before ] or }: remove it', at: trailing.index };
  }
  return { hint: 'A missing comma or quote is the usual cause' };
}

function jsonSyntaxProblem(text: string, error: unknown): IntakeProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  let line: number | undefined;
  let column: number | undefined;
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) {
    line = Number(lineCol[1]);
    column = Number(lineCol[2]);
  } else if (position) {
    const before = text.slice(0, Number(position[1]));
    line = before.split('\n').length;
    column = before.length - before.lastIndexOf('\n');
  }
  const { hint, at } = syntaxHint(text, message);
  if (line === undefined && at !== undefined && at >= 0) {
    const before = text.slice(0, at);
    line = before.split('\n').length;
    column = before.length - before.lastIndexOf('\n');
  }
  const where = line !== undefined ? ` at line ${line}, column ${column}` : '';
  return problem(
    'json-invalid',
    'error',
    `This JSON file has a syntax error${where} (${message.replace(/\s+/g, ' ')}). ${hint}.`,
    line !== undefined ? { line } : {},
  );
}

function empty(problems: IntakeProblem[], source: string): RecordTable {
  return { headers: [], rows: [], rowNumbers: [], problems, source };
}
