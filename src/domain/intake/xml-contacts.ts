import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import type { RecordTable } from './json-contacts';
import { type IntakeProblem, problem } from './problems';

/** Namespace of Whispir's entities, including the import document (docs/whispir-api.md §7). */
export const WHISPIR_NAMESPACE = 'http://schemas.api.whispir.com';

const ELEMENT_NODE = 1;
/**
 * How deep the records are looked for. Address books and API answers nest them deeply (an
 * Exchange EWS answer keeps its contacts eight levels down: `Envelope/Body/FindItemResponse/…/
 * Items/Contact`); at four, such a file was read as one record with everyone's values joined.
 * The search visits each element once, so the depth costs nothing on a shallow file.
 */
const SEARCH_DEPTH = 16;

/**
 * Reads contacts from XML. Whispir's `import/contacts/contact` is matched by namespace URI and
 * local name, so any prefix (or a default namespace) works. Otherwise the records are the most
 * frequent repeated element, at any depth up to 16 (`<people><person>…`); FileMaker's exports are
 * read as the tables they are. In a record, child elements become columns by local name (nested
 * ones dotted: `address.city`), attributes become `@name` columns, a repeated child is joined
 * with "; ". Text is kept as written. Malformed XML gives an `xml-invalid` problem with its line
 * number; nothing throws.
 */
export function readXmlContacts(text: string): RecordTable {
  const warnings: IntakeProblem[] = [];
  let document: ReturnType<DOMParser['parseFromString']>;
  try {
    document = new DOMParser({
      onError: (level, message, context: unknown) => {
        if (level === 'warning') return;
        const line = locatorLine(context);
        if (level === 'error') {
          warnings.push(
            problem(
              'xml-invalid',
              'warning',
              `XML problem${lineText(line)}: ${message}.`,
              lineExtra(line),
            ),
          );
        }
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    // xmldom reports malformed input by throwing ParseError: bad input, so it becomes a problem.
    const message = error instanceof Error ? error.message : String(error);
    const line = locatorLine(error);
    return {
      headers: [],
      rows: [],
      rowNumbers: [],
      source: '',
      problems: [
        problem(
          'xml-invalid',
          'error',
          `This XML file is not well-formed${lineText(line)}: ${message.split('\n')[0]}. A missing closing tag or an unescaped "&" or "<" is the usual cause.`,
          lineExtra(line),
        ),
      ],
    };
  }
  const root = document.documentElement;
  if (!root) {
    return {
      headers: [],
      rows: [],
      rowNumbers: [],
      source: '',
      problems: [...warnings, problem('xml-no-records', 'error', 'This XML file has no elements.')],
    };
  }

  const fileMaker = readFileMaker(root);
  if (fileMaker) {
    const problems = [...warnings];
    if (fileMaker.rows.length === 0) {
      problems.push(
        problem('xml-no-records', 'error', 'This FileMaker export has no records in it.'),
      );
    }
    return {
      ...fileMaker,
      rowNumbers: fileMaker.rows.map((_, i) => i + 1),
      problems,
    };
  }

  const leftOut: { count: number; path: string }[] = [];
  const found = findRecords(root, leftOut);
  for (const other of leftOut)
    warnings.push(
      problem(
        'xml-records-left-out',
        'warning',
        `The file also holds ${other.count} <${other.path.split('/').pop()}> records (${other.path}); they were left out, as the contacts are the <${found.path.split('/').pop()}> records.`,
      ),
    );
  const headers: string[] = [];
  const headerIndex = new Map<string, number>();
  const records = found.records.map((record) => {
    const values = new Map<string, string>();
    collect(record, '', values);
    for (const key of values.keys()) {
      if (!headerIndex.has(key)) {
        headerIndex.set(key, headers.length);
        headers.push(key);
      }
    }
    return values;
  });
  const rows = records.map((values) => headers.map((h) => values.get(h) ?? ''));
  const problems = [...warnings];
  if (rows.length === 0) {
    problems.push(
      problem(
        'xml-no-records',
        'error',
        'This XML file has no repeated records. Expected <ns2:import><ns2:contacts><ns2:contact>… or a list of repeated elements.',
      ),
    );
  }
  return {
    headers,
    rows,
    rowNumbers: rows.map((_, i) => i + 1),
    problems,
    source: found.path,
  };
}

/**
 * FileMaker's XML exports, whose columns are named in a header and whose values sit by
 * position (FMPXMLRESULT: `METADATA/FIELD NAME="…"`, then `RESULTSET/ROW/COL/DATA`) or by name
 * (fmresultset: `metadata/field-definition name="…"`, then `resultset/record/field name="…"/data`).
 * Read as any XML, the header's fields were taken for the records. A repeating field (several
 * DATA in one COL) is joined with "; ", as repeated elements are elsewhere. A portal's related
 * records (fmresultset's `relatedset`) are not columns: only the table's own fields are read.
 */
function readFileMaker(
  root: XmlElement,
): { headers: string[]; rows: string[][]; source: string } | undefined {
  const dataOf = (el: XmlElement | undefined, name: string): string =>
    el
      ? childrenNamed(el, name)
          .map((data) => data.textContent ?? '')
          .join('; ')
      : '';
  if (root.localName === 'FMPXMLRESULT') {
    const metadata = childrenNamed(root, 'METADATA')[0];
    const resultset = childrenNamed(root, 'RESULTSET')[0];
    if (!metadata || !resultset) return undefined;
    const fields = childrenNamed(metadata, 'FIELD');
    if (fields.length === 0) return undefined;
    const headers = columnNames(fields.map((field) => field.getAttribute('NAME') ?? ''));
    const rowElements = childrenNamed(resultset, 'ROW');
    const rows = rowElements.map((row) => {
      const cols = childrenNamed(row, 'COL');
      return headers.map((_, i) => dataOf(cols[i], 'DATA'));
    });
    return { headers, rows, source: `${root.tagName}/${resultset.tagName}/ROW` };
  }
  if (root.localName === 'fmresultset') {
    const metadata = childrenNamed(root, 'metadata')[0];
    const resultset = childrenNamed(root, 'resultset')[0];
    if (!metadata || !resultset) return undefined;
    const names = childrenNamed(metadata, 'field-definition').map(
      (field) => field.getAttribute('name') ?? '',
    );
    if (names.length === 0) return undefined;
    const headers = columnNames(names);
    const rows = childrenNamed(resultset, 'record').map((record) => {
      const byName = new Map<string, XmlElement>();
      for (const field of childrenNamed(record, 'field'))
        byName.set(field.getAttribute('name') ?? '', field);
      return names.map((name) => dataOf(byName.get(name), 'data'));
    });
    return { headers, rows, source: `${root.tagName}/${resultset.tagName}/record` };
  }
  return undefined;
}

/** Column names from a header, a blank one named by its position ("Column 3"). */
function columnNames(names: readonly string[]): string[] {
  return names.map((name, i) => (name.trim() === '' ? `Column ${i + 1}` : name));
}

function childrenNamed(el: XmlElement, localName: string): XmlElement[] {
  return childElements(el).filter((child) => child.localName === localName);
}

function findRecords(
  root: XmlElement,
  leftOut: { count: number; path: string }[] = [],
): { records: XmlElement[]; path: string } {
  const whispir = Array.from(root.getElementsByTagNameNS(WHISPIR_NAMESPACE, 'contact')).filter(
    (el) => {
      const parent = el.parentNode as XmlElement | null;
      return parent?.namespaceURI === WHISPIR_NAMESPACE && parent.localName === 'contacts';
    },
  );
  if (whispir.length > 0) {
    const sample = whispir[0] as XmlElement;
    const parent = sample.parentNode as XmlElement;
    return { records: whispir, path: `${root.tagName}/${parent.tagName}/${sample.tagName}` };
  }

  // Breadth-first, so at equal counts the shallower group wins.
  const groupsFound: { records: XmlElement[]; path: string; parent: XmlElement }[] = [];
  let level: { el: XmlElement; path: string }[] = [{ el: root, path: root.tagName }];
  for (let depth = 0; depth < SEARCH_DEPTH && level.length > 0; depth++) {
    const next: { el: XmlElement; path: string }[] = [];
    for (const { el, path } of level) {
      const groups = new Map<string, XmlElement[]>();
      for (const child of childElements(el)) {
        const key = `${child.namespaceURI ?? ''} ${child.localName}`;
        const group = groups.get(key);
        if (group) group.push(child);
        else groups.set(key, [child]);
        next.push({ el: child, path: `${path}/${child.tagName}` });
      }
      for (const group of groups.values()) {
        const first = group[0] as XmlElement;
        if (!isRecordLike(first)) continue;
        // A record's own tags (`<tag id="1"/>`, attributes alone) inside an element with
        // fields are its parts, never the records (a contact with three tags was read as
        // three contacts). Typed values (`<phone type="work">…</phone>`) are no records at all.
        if (childElements(first).length === 0 && looksLikeRecord(el) && el !== root) continue;
        groupsFound.push({ records: group, path: `${path}/${first.tagName}`, parent: el });
      }
    }
    level = next;
  }
  // A group inside the records of another is their parts (a contact's phones), not records:
  // inside one of several records always; inside a single one when it sits deeper than that
  // one's own children and that one has fields of its own (`<contact><firstName>…<phones>
  // <phone>…`). Wrappers of wrappers (`<export><data><contacts><contact>…`, a SOAP answer's
  // `Body/queryResponse/result/records`) have no fields of their own and hold their records.
  const groupOf = new Map<XmlElement, XmlElement[]>();
  for (const found of groupsFound) {
    for (const record of found.records) groupOf.set(record, found.records);
  }
  const partOfRecords = (found: (typeof groupsFound)[number]): boolean => {
    for (
      let at: XmlElement | null = found.parent;
      at && at !== root;
      at = at.parentNode as XmlElement | null
    ) {
      const holder = groupOf.get(at);
      if (!holder || holder === found.records) continue;
      if (holder.length >= 2) return true;
      if (at !== found.parent && leafFields(at) >= 2 && !holdsRecords(at, found.records))
        return true;
    }
    return false;
  };
  // Records that reach someone (an email or a phone among their fields) before any others, then
  // the most: a CRM export's 3 contacts beside its 4 companies are the contacts.
  // And records of people (a first or last name) before those of companies, which have an
  // email and a phone too.
  const ranks = new Map(
    groupsFound.map((found) => {
      const sample = found.records.slice(0, 20);
      return [
        found,
        (sample.some(hasPersonName) ? 2 : 0) + (sample.some((r) => hasContactField(r)) ? 1 : 0),
      ];
    }),
  );
  let best: { records: XmlElement[]; path: string } | undefined;
  const candidates = groupsFound.filter((found) => !partOfRecords(found));
  for (const found of candidates) {
    const rank = (group: typeof found) => ranks.get(group) ?? 0;
    if (
      !best ||
      rank(found) > rank(best as typeof found) ||
      (rank(found) === rank(best as typeof found) && found.records.length > best.records.length)
    )
      best = found;
  }
  // Another list of records the file holds is left out: said, with its size.
  const other = candidates
    .filter(
      (found) =>
        found !== best &&
        found.records.length > 1 &&
        best !== undefined &&
        !found.records.some((record) => best?.records.some((kept) => contains(kept, record))) &&
        !best.records.some((kept) => found.records.some((record) => contains(record, kept))),
    )
    .sort((a, b) => b.records.length - a.records.length)[0];
  if (best && other) leftOut.push({ count: other.records.length, path: other.path });
  if (best && best.records.length > 1) {
    const inner = recordsInside(best, groupsFound);
    if (inner) return inner;
    return insideGroups(best);
  }
  // A single record, or the root itself holding the fields of one record.
  return best ?? { records: isRecordLike(root) ? [root] : [], path: root.tagName };
}

/**
 * The records kept inside the elements found, when those are groups of people rather than
 * people (`addressBook/group/members/contact`, each group with a name of its own): the
 * elements reach no one themselves (no email or phone among their fields), and inside them sit
 * lists of elements that do, not named as a contact's parts. Read as records, each group was
 * one row with its members' values joined. The lists at the same place in every group are read
 * one after the other, in the file's order.
 */
function recordsInside(
  best: { records: XmlElement[]; path: string },
  groupsFound: readonly { records: XmlElement[]; path: string; parent: XmlElement }[],
): { records: XmlElement[]; path: string } | undefined {
  const holders = new Set(best.records);
  if (best.records.slice(0, 20).some((record) => leafChildren(record).some(isContactLeaf)))
    return undefined;
  const byPath = new Map<string, XmlElement[]>();
  for (const found of groupsFound) {
    const sample = found.records[0] as XmlElement;
    if (CONTACT_PART.test(sample.localName ?? '')) continue;
    let holder: XmlElement | null = found.parent;
    while (holder && !holders.has(holder)) holder = holder.parentNode as XmlElement | null;
    if (!holder || !hasContactField(sample)) continue;
    const list = byPath.get(found.path);
    if (list) list.push(...found.records);
    else byPath.set(found.path, [...found.records]);
  }
  let inner: { records: XmlElement[]; path: string } | undefined;
  // The longest, and at equal lengths the deepest: the search went level by level, so the
  // contacts come after their `members` wrappers, and each list is in the file's order.
  for (const [path, records] of byPath)
    if (!inner || records.length >= inner.records.length) inner = { records, path };
  if (!inner || inner.records.length < best.records.length) return undefined;
  return inner;
}

function leafChildren(el: XmlElement): XmlElement[] {
  return childElements(el).filter((child) => childElements(child).length === 0);
}

function isContactLeaf(el: XmlElement): boolean {
  return CONTACT_FIELD.test(el.localName ?? '') || EMAIL.test((el.textContent ?? '').trim());
}

/**
 * The records inside the group found, when its elements only hold them: contacts kept by
 * department (`<contacts><department><contact>…</contact>…</department>…`) are the contacts,
 * not one row per department with its contacts' values joined. The elements of the group hold
 * them when every child element is one element with fields of its own, found more often than
 * the group's elements (a person with a name and two phones is a record, not a group).
 */
function insideGroups(found: { records: XmlElement[]; path: string }): {
  records: XmlElement[];
  path: string;
} {
  const counts = new Map<string, { count: number; sample: XmlElement }>();
  let children = 0;
  for (const record of found.records)
    for (const child of childElements(record)) {
      children++;
      const key = `${child.namespaceURI ?? ''} ${child.localName}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { count: 1, sample: child });
    }
  let inner: { key: string; count: number; sample: XmlElement } | undefined;
  for (const [key, entry] of counts)
    if (!inner || entry.count > inner.count) inner = { key, ...entry };
  if (
    !inner ||
    inner.count !== children ||
    inner.count <= found.records.length ||
    childElements(inner.sample).length < 2
  )
    return found;
  const key = inner.key;
  return {
    records: found.records.flatMap((record) =>
      childElements(record).filter(
        (child) => `${child.namespaceURI ?? ''} ${child.localName}` === key,
      ),
    ),
    path: `${found.path}/${inner.sample.tagName}`,
  };
}

/**
 * Whether a group deep inside a single element with fields of its own is a list of records
 * rather than that element's parts: the element says nothing of a way to reach someone (no
 * email or phone of its own: an account's or an address book's name and id), the group's
 * elements do, and they are not named as a contact's parts (`<phone>`, `<address>`). An
 * address book's `account/addressBook/group/members/contact` was read as one record, everyone's
 * values joined.
 */
function holdsRecords(holder: XmlElement, records: readonly XmlElement[]): boolean {
  const sample = records[0];
  if (!sample || CONTACT_PART.test(sample.localName ?? '')) return false;
  // The holder's own fields, not the branch that leads to the group.
  const own = childElements(holder).filter((child) => !contains(child, sample));
  if (own.some((child) => isContactField(child, 0))) return false;
  return records.slice(0, 20).some((record) => hasContactField(record));
}

function contains(ancestor: XmlElement, el: XmlElement): boolean {
  for (let at: XmlElement | null = el; at; at = at.parentNode as XmlElement | null) {
    if (at === ancestor) return true;
  }
  return false;
}

/** Names of a person's name fields (`<first>`, `<LastName>`, EWS's `<GivenName>`). */
const PERSON_NAME_FIELD =
  /^(?:(?:first|last|given|family|sur|middle|full)[_-]?name|first|last|given|surname|family)$/i;

function hasPersonName(record: XmlElement): boolean {
  return childElements(record).some((child) => PERSON_NAME_FIELD.test(child.localName ?? ''));
}

/** Names of a contact's parts, never records of their own. */
const CONTACT_PART =
  /phone|mail|mobile|fax|address|tag|url|website|note|label|categor|detail|method|channel/i;

/** Names of the fields that reach someone. */
const CONTACT_FIELD = /mail|phone|mobile|tel|fax/i;

/**
 * Whether an element, or a part of it (up to two levels down: EWS keeps the addresses in
 * `EmailAddresses/Entry`), holds an email or a phone: a field so named, or an email address.
 */
function hasContactField(el: XmlElement, depth = 0): boolean {
  return childElements(el).some((child) => isContactField(child, depth));
}

function isContactField(child: XmlElement, depth: number): boolean {
  if (CONTACT_FIELD.test(child.localName ?? '')) return true;
  if (childElements(child).length === 0) return EMAIL.test((child.textContent ?? '').trim());
  return depth < 2 && hasContactField(child, depth + 1);
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** How many children of the element are fields (text, no elements of their own). */
function leafFields(el: XmlElement): number {
  return childElements(el).filter((child) => childElements(child).length === 0).length;
}

/** Elements with fields, or attributes alone (`<contact name="Ann" email="…"/>`). */
function isRecordLike(el: XmlElement): boolean {
  return childElements(el).length > 0 || (ownAttributes(el).length > 0 && !hasOwnText(el));
}

/** An element with fields of two names or more: a record, not a list (one name, repeated). */
function looksLikeRecord(el: XmlElement): boolean {
  const children = childElements(el);
  const first = children[0];
  return first !== undefined && children.some((child) => child.localName !== first.localName);
}

/**
 * Attributes that name the field a child element holds (`<column name="email">…</column>`;
 * Exchange's `<Entry Key="EmailAddress1">`).
 */
const FIELD_NAME_ATTRIBUTES = ['name', 'field', 'key', 'Key'];

/**
 * Child element names whose elements each name their field in an attribute, all different, as
 * phpMyAdmin and other database exports write a row: each is a column of that name.
 */
function namedFields(children: readonly XmlElement[]): Map<XmlElement, string> {
  const named = new Map<XmlElement, string>();
  const byName = new Map<string, XmlElement[]>();
  for (const child of children) {
    const list = byName.get(child.localName ?? '');
    if (list) list.push(child);
    else byName.set(child.localName ?? '', [child]);
  }
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    for (const attribute of FIELD_NAME_ATTRIBUTES) {
      const names = list.map((child) => child.getAttribute(attribute) ?? '');
      if (names.some((name) => name === '') || new Set(names).size !== names.length) continue;
      if (list.some((child) => childElements(child).length > 0)) continue;
      list.forEach((child, i) => named.set(child, names[i] as string));
      break;
    }
  }
  // Fields named by attribute under more than one element name (`<email name="work">`,
  // `<phone name="work">`) keep their element's name, so an email and a phone do not share a
  // column.
  const holders = new Set([...named.keys()].map((child) => child.localName));
  if (holders.size > 1) {
    for (const [child, name] of named) named.set(child, `${child.localName}.${name}`);
  }
  return named;
}

function collect(el: XmlElement, prefix: string, out: Map<string, string>): void {
  for (const attr of ownAttributes(el)) {
    append(out, `${prefix}@${attr.localName ?? attr.name}`, attr.value);
  }
  const fields = childElements(el);
  const named = namedFields(fields);
  for (const child of fields) {
    const field = named.get(child);
    if (field !== undefined) {
      append(out, `${prefix}${field}`, child.textContent ?? '');
      continue;
    }
    const key = `${prefix}${child.localName}`;
    const children = childElements(child);
    if (children.length > 0 && hasOwnText(child)) {
      // Mixed content. Text with markup in it (`<name>John <b>Smith</b></name>`) is one value,
      // its words kept; text beside fields (`<phone>0412 345 678<type>mobile</type></phone>`)
      // is the element's value, and its fields are columns of their own.
      if (children.every(isMarkup)) {
        append(out, key, wordsOf(child));
      } else {
        append(out, key, ownText(child));
        collect(child, `${key}.`, out);
      }
    } else if (children.length > 0) {
      collect(child, `${key}.`, out);
    } else {
      const attributes = ownAttributes(child);
      const text = child.textContent ?? '';
      // An empty element that says all in its attributes (`<tag id="1"/>`) has no value column.
      if (text !== '' || attributes.length === 0) append(out, key, text);
      for (const attr of attributes) {
        append(out, `${key}.@${attr.localName ?? attr.name}`, attr.value);
      }
    }
  }
}

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Whether text other than blank space sits directly in the element, beside its children. */
function hasOwnText(el: XmlElement): boolean {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== TEXT_NODE && node.nodeType !== CDATA_SECTION_NODE) continue;
    if ((node.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

/** Inline elements of text markup (HTML's, as rich-text exports write them). */
const MARKUP = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'del',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'tt',
  'u',
  'wbr',
]);

function isMarkup(el: XmlElement): boolean {
  return MARKUP.has((el.localName ?? '').toLowerCase()) && childElements(el).every(isMarkup);
}

/** All the text in an element, a space where an element begins or ends, blank runs as one space. */
function wordsOf(el: XmlElement): string {
  const parts: string[] = [];
  const walk = (node: XmlElement) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === ELEMENT_NODE) {
        parts.push(' ');
        walk(child as XmlElement);
        parts.push(' ');
      }
    }
  };
  walk(el);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The text directly in an element, beside its child elements, blank runs as one space. */
function ownText(el: XmlElement): string {
  const parts: string[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      parts.push(node.nodeValue ?? '');
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function append(out: Map<string, string>, key: string, value: string): void {
  const existing = out.get(key);
  out.set(key, existing === undefined ? value : `${existing}; ${value}`);
}

function childElements(el: XmlElement): XmlElement[] {
  const result: XmlElement[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) result.push(node as XmlElement);
  }
  return result;
}

function ownAttributes(
  el: XmlElement,
): { name: string; localName: string | null; value: string }[] {
  const result: { name: string; localName: string | null; value: string }[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const attr = el.attributes.item(i);
    if (!attr || attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
    result.push({ name: attr.name, localName: attr.localName, value: attr.value });
  }
  return result;
}

function locatorLine(source: unknown): number | undefined {
  const locator = (source as { locator?: { lineNumber?: unknown } } | null)?.locator;
  return typeof locator?.lineNumber === 'number' ? locator.lineNumber : undefined;
}

function lineText(line: number | undefined): string {
  return line !== undefined ? ` at line ${line}` : '';
}

function lineExtra(line: number | undefined): { line?: number } {
  return line !== undefined ? { line } : {};
}
