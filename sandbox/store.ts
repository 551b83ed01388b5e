/**
 * The sandbox's durable state in SQLite. Hot statements are prepared once; import batches run
 * inside one transaction together with the import's progress row, so a crash never leaves a
 * half-applied batch and a restart resumes the import where its last commit ended.
 *
 * Match keys (Part A §8) live in their own table, one row per contact and non-blank channel,
 * kept in step with every contact write. Finding the oldest match is then at most four index
 * seeks, however many contacts share a name: filtering same-name candidates in JavaScript made
 * a `replace` of 20,000 rows over 10 names quadratic (92 s with the server blocked).
 *
 * A contact's name and channels (the fields a search for one person names) are also kept in a
 * trigram full-text index, written with the contact. A "contains" search (Part B §5.4) on one of
 * them asks that index for candidates first, then applies the exact test to those only: a search
 * among a million contacts takes milliseconds instead of a blocking scan of about a second.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ImportMode } from '../src/domain/whispir/import-modes.ts';
import {
  MATCH_CHANNEL_KEYS,
  matchKeysOf,
  type MatchKeys,
} from '../src/domain/whispir/match-rule.ts';
import { SEED_WORKSPACES, DEFAULT_WORKSPACE_ID } from './seed.ts';

export interface WorkspaceRecord {
  readonly id: string;
  readonly projectName: string;
  readonly projectNumber: string;
  readonly status: string;
  readonly billingcostcentre: string;
  readonly isDefault: boolean;
}

export interface ResourceMeta {
  readonly id: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly scope: string;
  readonly mimeType: string;
  readonly size: number;
  readonly updatedAt: string;
}

export interface ResourceInput {
  readonly name: string;
  readonly scope: string;
  readonly mimeType: string;
  readonly content: Buffer;
}

/** Contact fields are kept as a map of non-empty values; a blank field is an absent key. */
export type ContactFields = Record<string, string>;

export interface ContactRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly fields: ContactFields;
  readonly modifiedAt: string;
}

export type ImportState = 'queued' | 'processing' | 'done' | 'failed';

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface ImportRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly resourceId: string;
  readonly importMode: ImportMode;
  readonly fieldMapping: Readonly<Record<string, string>>;
  readonly state: ImportState;
  readonly rows: ImportCounts;
  /** Data rows already applied (committed); where a restarted sandbox resumes. */
  readonly cursor: number;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

export interface ContactQuery {
  /** field → text the field must contain (case-insensitive). */
  readonly search: Readonly<Record<string, string>>;
  readonly sortFields: readonly string[];
  readonly sortOrder: 'asc' | 'desc';
  readonly limit: number;
  readonly offset: number;
}

/** Failures listed per import; the counts stay exact beyond it. */
export const FAILURE_LIST_CAP = 1000;

/** Bump when SCHEMA changes. */
const SCHEMA_VERSION = 6;

/**
 * The fields a contact search can narrow through the trigram index: the ones that say who a
 * contact is. A search on other fields alone scans the workspace, as before.
 */
export const INDEXED_SEARCH_FIELDS: readonly string[] = [
  'firstName',
  'lastName',
  ...MATCH_CHANNEL_KEYS,
];

/**
 * The indexed text of a contact: its indexed fields' values, one per line, in lower case (the
 * index's LIKE folds ASCII letters only; searches are lower-cased too). A value that contains a
 * text makes the whole contain it, so the index finds every contact the exact test would.
 */
const searchTextOf = (fields: ContactFields): string =>
  INDEXED_SEARCH_FIELDS.map((field) => fields[field] ?? '')
    .join('\n')
    .toLowerCase();

/**
 * A 53-bit hash (cyrb53, public domain) of one match key: workspace, normalised name, channel and
 * normalised value. Two keys may share a hash, so a contact found by it is checked by the rule.
 */
export function matchKeyHash(
  workspaceId: string,
  name: string,
  channel: string,
  value: string,
): number {
  const text = `${workspaceId}\n${name}\n${channel}\n${value}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const isChannel = (field: string): boolean =>
  (MATCH_CHANNEL_KEYS as readonly string[]).includes(field);

/**
 * Pages of the search index merged after each write transaction. FTS5's own merging runs at
 * commit and could take a batch's commit from 2 to over 100 ms at a million contacts; this
 * keeps each step small and the index about as merged (searches as fast).
 */
const SEARCH_MERGE_PAGES = 64;

/** The trigram index can narrow a search only by a text of three characters or more. */
const INDEXABLE_LENGTH = 3;

/**
 * The part of a search text the trigram index is asked for: an email's part before the `@`
 * when that is long enough. Every trigram of the text is looked up, and those of a common
 * domain ("gmail.com") are in a good share of all contacts: the whole address took 40 ms a
 * search among 300,000 contacts, its part before the `@` 15 (sandbox/store-search.test.ts
 * checks that the same contacts are found).
 */
function indexedPart(text: string): string {
  const local = text.split('@')[0] ?? text;
  return local !== text && [...local].length >= INDEXABLE_LENGTH ? local : text;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workspaces (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  project_name TEXT NOT NULL,
  project_number TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'A',
  billing TEXT NOT NULL DEFAULT '',
  is_default INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS resources (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL,
  name TEXT NOT NULL,
  scope TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  content BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS contacts (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL,
  data TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
-- rowid = contacts.seq. detail=none keeps it small; LIKE on it still checks the stored text.
CREATE VIRTUAL TABLE IF NOT EXISTS contact_search USING fts5(
  text, tokenize = 'trigram', detail = 'none'
);
-- key = matchKeyHash(workspace, name, channel, value): two integers an entry, where the four
-- strings made the index several times larger and slower to write. contact_seq last in the key,
-- so the oldest contact with a given key is the first index entry.
CREATE TABLE IF NOT EXISTS match_keys (
  key INTEGER NOT NULL,
  contact_seq INTEGER NOT NULL,
  PRIMARY KEY (key, contact_seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS match_keys_by_contact ON match_keys (contact_seq);
CREATE TABLE IF NOT EXISTS imports (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  workspace_id TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  import_mode TEXT NOT NULL,
  field_mapping TEXT NOT NULL,
  state TEXT NOT NULL,
  total INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  cursor INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE TABLE IF NOT EXISTS import_failures (
  import_id TEXT NOT NULL,
  row INTEGER NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS import_failures_by_import ON import_failures (import_id, row);
`;

interface ContactRow {
  id: string;
  workspace_id: string;
  data: string;
  modified_at: string;
}

interface ImportRow {
  id: string;
  workspace_id: string;
  resource_id: string;
  import_mode: ImportMode;
  field_mapping: string;
  state: ImportState;
  total: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  cursor: number;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

interface WorkspaceRow {
  id: string;
  project_name: string;
  project_number: string;
  status: string;
  billing: string;
  is_default: number;
}

interface ResourceRow {
  id: string;
  workspace_id: string;
  name: string;
  scope: string;
  mime_type: string;
  size: number;
  updated_at: string;
}

/** Every table, children first. */
const TABLES = [
  'import_failures',
  'imports',
  'match_keys',
  'contact_search',
  'contacts',
  'resources',
  'workspaces',
];

/** A field name safe to put in a JSON path (catalogue fields and `custom_*` names). */
const SAFE_FIELD = /^[A-Za-z][A-Za-z0-9_]*$/;

const jsonPath = (field: string): string => {
  if (!SAFE_FIELD.test(field)) throw new Error(`unsafe field name ${field}`);
  return `$."${field}"`;
};

const toWorkspace = (row: WorkspaceRow): WorkspaceRecord => ({
  id: row.id,
  projectName: row.project_name,
  projectNumber: row.project_number,
  status: row.status,
  billingcostcentre: row.billing,
  isDefault: row.is_default === 1,
});

const toResource = (row: ResourceRow): ResourceMeta => ({
  id: row.id,
  workspaceId: row.workspace_id,
  name: row.name,
  scope: row.scope,
  mimeType: row.mime_type,
  size: row.size,
  updatedAt: row.updated_at,
});

const toContact = (row: ContactRow): ContactRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  fields: JSON.parse(row.data) as ContactFields,
  modifiedAt: row.modified_at,
});

const toImport = (row: ImportRow): ImportRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  resourceId: row.resource_id,
  importMode: row.import_mode,
  fieldMapping: JSON.parse(row.field_mapping) as Record<string, string>,
  state: row.state,
  rows: {
    total: row.total,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    failed: row.failed,
  },
  cursor: row.cursor,
  error: row.error,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

/** Drops blank values: the store keeps only what a contact actually has. */
export function compactFields(fields: Readonly<Record<string, string>>): ContactFields {
  const out: ContactFields = {};
  for (const key in fields) {
    const value = fields[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

export class SandboxStore {
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // A database from an older sandbox build is rebuilt rather than migrated: it is test data.
    if (this.db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
      for (const table of TABLES) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    this.db.exec(SCHEMA);
    // "Contains" in any case, accented letters too (SQLite's LIKE folds ASCII only): a search
    // for "MÜLLER" finds "Müller", as the import's match rule does (match-rule.ts).
    this.db.function('contains_text', { deterministic: true }, (text: unknown, part: unknown) =>
      String(text ?? '')
        .toLowerCase()
        .includes(String(part ?? '').toLowerCase())
        ? 1
        : 0,
    );
    // Merged by `transaction` instead, a few pages at a time (see SEARCH_MERGE_PAGES).
    this.db.exec(`INSERT INTO contact_search (contact_search, rank) VALUES ('automerge', 0)`);
    this.db.exec(`INSERT INTO contact_search (contact_search, rank) VALUES ('crisismerge', 2000)`);
    const db = this.db;
    this.stmt = {
      countWorkspaces: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM workspaces'),
      insertWorkspace: db.prepare(
        'INSERT INTO workspaces (id, project_name, project_number, status, billing, is_default) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      listWorkspaces: db.prepare<[], WorkspaceRow>('SELECT * FROM workspaces ORDER BY seq'),
      getWorkspace: db.prepare<[string], WorkspaceRow>('SELECT * FROM workspaces WHERE id = ?'),
      insertResource: db.prepare(
        'INSERT INTO resources (id, workspace_id, name, scope, mime_type, content, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      listResources: db.prepare<[string, string, string], ResourceRow>(
        `SELECT id, workspace_id, name, scope, mime_type, length(content) AS size, updated_at FROM resources
         WHERE workspace_id = ? AND (? = '' OR lower(scope) = ?) ORDER BY updated_at DESC, seq DESC`,
      ),
      getResource: db.prepare<[string, string], ResourceRow>(
        'SELECT id, workspace_id, name, scope, mime_type, length(content) AS size, updated_at FROM resources WHERE workspace_id = ? AND id = ?',
      ),
      getResourceContent: db.prepare<[string], { content: Buffer }>(
        'SELECT content FROM resources WHERE id = ?',
      ),
      replaceResource: db.prepare(
        'UPDATE resources SET name = ?, scope = ?, mime_type = ?, content = ?, updated_at = ? WHERE workspace_id = ? AND id = ?',
      ),
      deleteResource: db.prepare('DELETE FROM resources WHERE workspace_id = ? AND id = ?'),
      insertContact: db.prepare(
        'INSERT INTO contacts (id, workspace_id, data, modified_at) VALUES (?, ?, ?, ?)',
      ),
      updateContact: db.prepare<[string, string, string, string], { seq: number }>(
        'UPDATE contacts SET data = ?, modified_at = ? WHERE workspace_id = ? AND id = ? RETURNING seq',
      ),
      getContact: db.prepare<[string, string], ContactRow>(
        'SELECT id, workspace_id, data, modified_at FROM contacts WHERE workspace_id = ? AND id = ?',
      ),
      deleteContact: db.prepare<[string, string], { seq: number }>(
        'DELETE FROM contacts WHERE workspace_id = ? AND id = ? RETURNING seq',
      ),
      insertSearchText: db.prepare('INSERT INTO contact_search (rowid, text) VALUES (?, ?)'),
      updateSearchText: db.prepare('UPDATE contact_search SET text = ? WHERE rowid = ?'),
      deleteSearchText: db.prepare('DELETE FROM contact_search WHERE rowid = ?'),
      mergeSearchIndex: db.prepare(
        `INSERT INTO contact_search (contact_search, rank) VALUES ('merge', ${SEARCH_MERGE_PAGES})`,
      ),
      getContactBySeq: db.prepare<[number | bigint], ContactRow>(
        'SELECT id, workspace_id, data, modified_at FROM contacts WHERE seq = ?',
      ),
      insertMatchKey: db.prepare(
        'INSERT OR IGNORE INTO match_keys (key, contact_seq) VALUES (?, ?)',
      ),
      deleteMatchKeys: db.prepare('DELETE FROM match_keys WHERE contact_seq = ?'),
      // In age order: the first entry whose contact the rule confirms is the oldest.
      contactsWithKey: db.prepare<[number], { contact_seq: number }>(
        'SELECT contact_seq FROM match_keys WHERE key = ? ORDER BY contact_seq',
      ),
      insertImport: db.prepare(
        `INSERT INTO imports (id, workspace_id, resource_id, import_mode, field_mapping, state, created_at)
         VALUES (?, ?, ?, ?, ?, 'queued', ?)`,
      ),
      getImport: db.prepare<[string], ImportRow>('SELECT * FROM imports WHERE id = ?'),
      listImports: db.prepare<[], ImportRow>('SELECT * FROM imports ORDER BY seq'),
      unfinishedImports: db.prepare<[], ImportRow>(
        "SELECT * FROM imports WHERE state IN ('queued', 'processing') ORDER BY seq",
      ),
      startImport: db.prepare("UPDATE imports SET state = 'processing', total = ? WHERE id = ?"),
      saveProgress: db.prepare(
        'UPDATE imports SET created = ?, updated = ?, skipped = ?, failed = ?, cursor = ? WHERE id = ?',
      ),
      finishImport: db.prepare(
        'UPDATE imports SET state = ?, error = ?, finished_at = ? WHERE id = ?',
      ),
      insertFailure: db.prepare(
        'INSERT INTO import_failures (import_id, row, reason) VALUES (?, ?, ?)',
      ),
      listFailures: db.prepare<[string, number], { row: number; reason: string }>(
        'SELECT row, reason FROM import_failures WHERE import_id = ? ORDER BY row LIMIT ?',
      ),
    };
    if (this.stmt.countWorkspaces.get()?.n === 0) this.seed();
  }

  close(): void {
    this.db.close();
  }

  /** Wipes every table and puts the seed back: the same workspace ids every time. */
  reset(): void {
    this.db.transaction(() => {
      for (const table of TABLES) this.db.exec(`DELETE FROM ${table}`);
      this.seed();
    })();
  }

  private seed(): void {
    for (const w of SEED_WORKSPACES)
      this.stmt.insertWorkspace.run(
        w.id,
        w.projectName,
        w.projectNumber,
        'A',
        w.billingcostcentre,
        w.isDefault ? 1 : 0,
      );
  }

  /** Runs `fn` in one SQLite transaction (all or nothing), then a step of index merging. */
  transaction<T>(fn: () => T): T {
    const result = this.db.transaction(fn)();
    this.stmt.mergeSearchIndex.run();
    return result;
  }

  /**
   * Inside an import batch's transaction already: run as part of it. A nested savepoint per
   * contact would only add work, as a failing batch rolls back whole anyway.
   */
  private atomically<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.transaction(fn);
  }

  get defaultWorkspaceId(): string {
    return DEFAULT_WORKSPACE_ID;
  }

  listWorkspaces(): WorkspaceRecord[] {
    return this.stmt.listWorkspaces.all().map(toWorkspace);
  }

  getWorkspace(id: string): WorkspaceRecord | undefined {
    const row = this.stmt.getWorkspace.get(id);
    return row && toWorkspace(row);
  }

  createWorkspace(input: Omit<WorkspaceRecord, 'isDefault'>): WorkspaceRecord {
    this.stmt.insertWorkspace.run(
      input.id,
      input.projectName,
      input.projectNumber,
      input.status,
      input.billingcostcentre,
      0,
    );
    return { ...input, isDefault: false };
  }

  createResource(workspaceId: string, id: string, input: ResourceInput): ResourceMeta {
    const now = new Date().toISOString();
    this.stmt.insertResource.run(
      id,
      workspaceId,
      input.name,
      input.scope,
      input.mimeType,
      input.content,
      now,
    );
    return { id, workspaceId, ...input, size: input.content.length, updatedAt: now };
  }

  /** Resources of a workspace, most recently updated first; `name` is a contains filter. */
  listResources(workspaceId: string, filter: { scope?: string; name?: string }): ResourceMeta[] {
    const scope = (filter.scope ?? '').toLowerCase();
    const name = (filter.name ?? '').toLowerCase();
    return this.stmt.listResources
      .all(workspaceId, scope, scope)
      .filter((row) => row.name.toLowerCase().includes(name))
      .map(toResource);
  }

  getResource(workspaceId: string, id: string): ResourceMeta | undefined {
    const row = this.stmt.getResource.get(workspaceId, id);
    return row && toResource(row);
  }

  getResourceContent(id: string): Buffer | undefined {
    return this.stmt.getResourceContent.get(id)?.content;
  }

  replaceResource(workspaceId: string, id: string, input: ResourceInput): boolean {
    const info = this.stmt.replaceResource.run(
      input.name,
      input.scope,
      input.mimeType,
      input.content,
      new Date().toISOString(),
      workspaceId,
      id,
    );
    return info.changes > 0;
  }

  deleteResource(workspaceId: string, id: string): boolean {
    return this.stmt.deleteResource.run(workspaceId, id).changes > 0;
  }

  /**
   * Writes a contact, its match keys and its search text together (one transaction, so they
   * cannot drift apart).
   * `keys` is `matchKeysOf(fields)`; callers that have them pass them to save work.
   */
  insertContact(
    workspaceId: string,
    id: string,
    fields: ContactFields,
    now: string,
    keys: MatchKeys = matchKeysOf(fields),
  ): void {
    this.atomically(() => {
      const { lastInsertRowid } = this.stmt.insertContact.run(
        id,
        workspaceId,
        JSON.stringify(fields),
        now,
      );
      this.stmt.insertSearchText.run(lastInsertRowid, searchTextOf(fields));
      this.writeMatchKeys(workspaceId, lastInsertRowid, keys);
    });
  }

  updateContact(workspaceId: string, id: string, fields: ContactFields, now: string): boolean {
    return this.atomically(() => {
      const row = this.stmt.updateContact.get(JSON.stringify(fields), now, workspaceId, id);
      if (!row) return false;
      this.stmt.updateSearchText.run(searchTextOf(fields), row.seq);
      this.stmt.deleteMatchKeys.run(row.seq);
      this.writeMatchKeys(workspaceId, row.seq, matchKeysOf(fields));
      return true;
    });
  }

  /** One row per non-blank channel: exactly the values `contactsMatch` can match on. */
  private writeMatchKeys(workspaceId: string, seq: number | bigint, keys: MatchKeys): void {
    for (const channel of MATCH_CHANNEL_KEYS)
      if (keys[channel] !== '')
        this.stmt.insertMatchKey.run(
          matchKeyHash(workspaceId, keys.name, channel, keys[channel]),
          seq,
        );
  }

  getContact(workspaceId: string, id: string): ContactRecord | undefined {
    const row = this.stmt.getContact.get(workspaceId, id);
    return row && toContact(row);
  }

  deleteContact(workspaceId: string, id: string): boolean {
    return this.atomically(() => {
      const row = this.stmt.deleteContact.get(workspaceId, id);
      if (!row) return false;
      this.stmt.deleteSearchText.run(row.seq);
      this.stmt.deleteMatchKeys.run(row.seq);
      return true;
    });
  }

  /**
   * The oldest contact of the workspace that the match rule (`contactsMatch`, Part A §8) says is
   * the same person: same name and the same non-blank value in one channel, field by field. Each
   * non-blank channel of `keys` is one index seek (by its hash, the contact then checked by the
   * rule); contacts are numbered in creation order, so the smallest number wins.
   */
  findMatch(workspaceId: string, keys: MatchKeys): ContactRecord | undefined {
    let oldest: { seq: number; contact: ContactRecord } | undefined;
    for (const channel of MATCH_CHANNEL_KEYS) {
      if (keys[channel] === '') continue;
      const hash = matchKeyHash(workspaceId, keys.name, channel, keys[channel]);
      for (const { contact_seq: seq } of this.stmt.contactsWithKey.all(hash)) {
        if (oldest && seq >= oldest.seq) break;
        const row = this.stmt.getContactBySeq.get(seq);
        const contact = row && toContact(row);
        if (contact?.workspaceId !== workspaceId) continue;
        const theirs = matchKeysOf(contact.fields);
        if (theirs.name === keys.name && theirs[channel] === keys[channel]) {
          oldest = { seq, contact };
          break;
        }
      }
    }
    return oldest?.contact;
  }

  /** A page of contacts plus the total matching the search. */
  listContacts(
    workspaceId: string,
    query: ContactQuery,
  ): { total: number; items: ContactRecord[] } {
    const where = ['workspace_id = ?'];
    const params: (string | number)[] = [workspaceId];
    // Candidates from the trigram index first, by one text: an email's or a mobile's when there
    // is one (nearly every contact has its own), else the longest. A name such as "Ann" has
    // tens of thousands of candidates among a million, each read again to be checked. Unescaped,
    // a `%` or `_` in the text is a wildcard there: that finds more candidates, never fewer, and
    // the exact test below decides.
    const narrowest = Object.entries(query.search)
      .filter(
        ([field, text]) =>
          INDEXED_SEARCH_FIELDS.includes(field) && [...text].length >= INDEXABLE_LENGTH,
      )
      .map(([field, text]) => ({
        text: indexedPart(text).toLowerCase(),
        rank: (isChannel(field) ? 1_000_000 : 0) + [...text].length,
      }))
      .sort((a, b) => b.rank - a.rank)[0];
    if (narrowest) {
      where.push('seq IN (SELECT rowid FROM contact_search WHERE text LIKE ?)');
      params.push(`%${narrowest.text}%`);
    }
    for (const [field, text] of Object.entries(query.search)) {
      where.push(`contains_text(json_extract(data, ?), ?)`);
      params.push(jsonPath(field), text);
    }
    const whereSql = where.join(' AND ');
    const direction = query.sortOrder === 'desc' ? 'DESC' : 'ASC';
    const order = query.sortFields.map(
      () => `coalesce(json_extract(data, ?), '') COLLATE NOCASE ${direction}`,
    );
    // Contact ids grow monotonically, so id order is creation order.
    order.push(`id ${direction}`);
    const rows = this.db
      .prepare<
        (string | number)[],
        ContactRow
      >(`SELECT id, workspace_id, data, modified_at FROM contacts WHERE ${whereSql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`)
      .all(...params, ...query.sortFields.map(jsonPath), query.limit, query.offset);
    // A page that is not full is the last one, and says the total itself: the search is not
    // run a second time to count (most searches, the sending step's checks among them, find a
    // contact or none).
    const lastPage =
      query.limit > 0 && rows.length < query.limit && (rows.length > 0 || query.offset === 0);
    const total = lastPage
      ? query.offset + rows.length
      : this.db
          .prepare<
            (string | number)[],
            { n: number }
          >(`SELECT COUNT(*) AS n FROM contacts WHERE ${whereSql}`)
          .get(...params)?.n;
    return { total: total ?? 0, items: rows.map(toContact) };
  }

  countContacts(workspaceId: string): number {
    return (
      this.db
        .prepare<
          [string],
          { n: number }
        >('SELECT COUNT(*) AS n FROM contacts WHERE workspace_id = ?')
        .get(workspaceId)?.n ?? 0
    );
  }

  createImport(input: {
    id: string;
    workspaceId: string;
    resourceId: string;
    importMode: ImportMode;
    fieldMapping: Record<string, string>;
  }): void {
    this.stmt.insertImport.run(
      input.id,
      input.workspaceId,
      input.resourceId,
      input.importMode,
      JSON.stringify(input.fieldMapping),
      new Date().toISOString(),
    );
  }

  getImport(id: string): ImportRecord | undefined {
    const row = this.stmt.getImport.get(id);
    return row && toImport(row);
  }

  listImports(): ImportRecord[] {
    return this.stmt.listImports.all().map(toImport);
  }

  unfinishedImports(): ImportRecord[] {
    return this.stmt.unfinishedImports.all().map(toImport);
  }

  startImport(id: string, total: number): void {
    this.stmt.startImport.run(total, id);
  }

  /** Call inside the batch's transaction, so progress and contacts commit together. */
  saveImportProgress(id: string, counts: ImportCounts, cursor: number): void {
    this.stmt.saveProgress.run(
      counts.created,
      counts.updated,
      counts.skipped,
      counts.failed,
      cursor,
      id,
    );
  }

  addImportFailure(id: string, row: number, reason: string): void {
    this.stmt.insertFailure.run(id, row, reason);
  }

  importFailures(id: string): { row: number; reason: string }[] {
    return this.stmt.listFailures.all(id, FAILURE_LIST_CAP);
  }

  finishImport(id: string, state: 'done' | 'failed', error: string | null): void {
    this.stmt.finishImport.run(state, error, new Date().toISOString(), id);
  }
}
