/**
 * Durability: data survives a restart on a file database, `reset` starts clean, an import that
 * crashes mid-part leaves nothing half-written, and an interrupted paced import resumes exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportRunner } from './import-runner.ts';
import { startSandbox } from './server.ts';
import { SandboxStore } from './store.ts';
import {
  MY_COMPANY,
  STANDARD_MAPPING,
  base64,
  idOf,
  importCsv,
  jsonHeaders,
  listAllContacts,
  spawnSandbox,
  waitForImport,
  type ImportStatus,
} from './test-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'whispir-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'firstName,lastName,workEmailAddress1,workMobilePhone1,workCountry,timezone';
const csvOf = (rows: number) =>
  [
    HEADER,
    ...Array.from({ length: rows }, (_, i) => `F${i},L${i},p${i}@example.com,,Australia,+10`),
  ].join('\n');
const mapping = {
  firstName: 'firstName',
  lastName: 'lastName',
  workEmailAddress1: 'workEmailAddress1',
  workMobilePhone1: 'workMobilePhone1',
  workCountry: 'workCountry',
  timezone: 'timezone',
};

/** Puts a CSV resource and a queued import straight into a store. */
function queueImport(store: SandboxStore, rows: number): string {
  store.createResource(MY_COMPANY, 'R'.repeat(32), {
    name: 'c.csv',
    scope: 'private',
    mimeType: 'text/csv',
    content: Buffer.from(csvOf(rows)),
  });
  store.createImport({
    id: 'I'.repeat(32),
    workspaceId: MY_COMPANY,
    resourceId: 'R'.repeat(32),
    importMode: 'replace',
    fieldMapping: mapping,
  });
  return 'I'.repeat(32);
}

describe('restart', () => {
  it('keeps workspaces, contacts and import status across a restart on a file database', async () => {
    const db = join(dir, 'restart.db');
    const first = await startSandbox({ port: 0, db, importDelayMs: 0 });
    const status = await importCsv(first.url, csvOf(5));
    const created = await fetch(`${first.url}/workspaces`, {
      method: 'POST',
      headers: jsonHeaders('workspace'),
      body: JSON.stringify({ projectName: 'Survivor' }),
    });
    expect(created.status).toBe(201);
    await first.close();

    const second = await startSandbox({ port: 0, db, importDelayMs: 0 });
    try {
      expect(await listAllContacts(second.url, MY_COMPANY)).toHaveLength(5);
      const list = await (
        await fetch(`${second.url}/workspaces`, { headers: jsonHeaders('workspace') })
      ).json();
      expect(list.workspaces.map((w: { projectName: string }) => w.projectName)).toContain(
        'Survivor',
      );
      const again = await (await fetch(`${second.url}/__sandbox/imports/${status.id}`)).json();
      expect(again).toMatchObject({ state: 'done', rows: { created: 5 } });
    } finally {
      await second.close();
    }

    const wiped = await startSandbox({ port: 0, db, reset: true });
    try {
      expect(await listAllContacts(wiped.url, MY_COMPANY)).toHaveLength(0);
      const list = await (
        await fetch(`${wiped.url}/workspaces`, { headers: jsonHeaders('workspace') })
      ).json();
      expect(list.status).toBe('1 to 3 of 3');
    } finally {
      await wiped.close();
    }
  });
});

describe('transactions', () => {
  it('a crash in the middle of a batch leaves none of its rows written', async () => {
    const store = new SandboxStore(':memory:');
    const id = queueImport(store, 100);
    const insert = store.insertContact.bind(store);
    let calls = 0;
    store.insertContact = (...args) => {
      if (++calls === 50) throw new Error('disk on fire');
      insert(...args);
    };
    const runner = new ImportRunner(store, () => ({ importDelayMs: 0, rowsPerSecond: 0 }));
    runner.enqueue(id);
    await runner.whenIdle();
    expect(store.countContacts(MY_COMPANY)).toBe(0);
    expect(store.getImport(id)).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('disk on fire'),
      rows: { created: 0 },
    });
    store.close();
  });

  it('a crash after some batches keeps exactly the committed ones, and the status says so', async () => {
    const store = new SandboxStore(':memory:');
    const id = queueImport(store, 100);
    const insert = store.insertContact.bind(store);
    let calls = 0;
    store.insertContact = (...args) => {
      if (++calls === 75) throw new Error('disk on fire');
      insert(...args);
    };
    const runner = new ImportRunner(store, () => ({ importDelayMs: 0, rowsPerSecond: 0 }), {
      maxRows: 30,
      maxMs: 60_000,
    });
    runner.enqueue(id);
    await runner.whenIdle();
    // Batches 1-30 and 31-60 committed; 61-74 rolled back with their batch.
    expect(store.countContacts(MY_COMPANY)).toBe(60);
    expect(store.getImport(id)).toMatchObject({
      state: 'failed',
      cursor: 60,
      rows: { total: 100, created: 60, failed: 0 },
    });
    store.close();
  });

  it('an interrupted paced import resumes after a restart without losing or repeating rows', async () => {
    const db = join(dir, 'resume.db');
    const store = new SandboxStore(db);
    const id = queueImport(store, 100);
    const slow = new ImportRunner(store, () => ({ importDelayMs: 0, rowsPerSecond: 100 }));
    slow.enqueue(id);
    await new Promise((resolve) => setTimeout(resolve, 250));
    slow.stop();
    await slow.whenIdle();
    const interrupted = store.getImport(id)!;
    expect(interrupted.state).toBe('processing');
    expect(interrupted.cursor).toBeGreaterThan(0);
    expect(interrupted.cursor).toBeLessThan(100);
    expect(store.countContacts(MY_COMPANY)).toBe(interrupted.cursor);
    store.close();

    const reopened = new SandboxStore(db);
    const runner = new ImportRunner(reopened, () => ({ importDelayMs: 0, rowsPerSecond: 0 }));
    runner.resumeUnfinished();
    await runner.whenIdle();
    expect(reopened.getImport(id)).toMatchObject({
      state: 'done',
      rows: { total: 100, created: 100, updated: 0, skipped: 0, failed: 0 },
    });
    expect(reopened.countContacts(MY_COMPANY)).toBe(100);
    reopened.close();
  });
});

describe('kill -9', () => {
  it('an import killed mid-way resumes on restart, losing and repeating no row', async () => {
    const db = join(dir, 'killed.db');
    const rows = 100_000;
    const first = await spawnSandbox({ SANDBOX_DB: db });
    let id = '';
    try {
      const resource = await fetch(`${first.url}/resources`, {
        method: 'POST',
        headers: jsonHeaders('resource'),
        body: JSON.stringify({
          name: 'c.csv',
          scope: 'private',
          mimeType: 'text/csv',
          derefUri: base64(csvOf(rows)),
        }),
      });
      const accepted = await fetch(`${first.url}/imports`, {
        method: 'POST',
        headers: jsonHeaders('importcontact'),
        body: JSON.stringify({
          resourceId: idOf(resource),
          importType: 'contact',
          importOptions: { fieldMapping: STANDARD_MAPPING, importMode: 'replace' },
        }),
      });
      id = idOf(accepted);
      // Kill as soon as some batches have committed and the import is not finished.
      for (;;) {
        const status = (await (
          await fetch(`${first.url}/__sandbox/imports/${id}`)
        ).json()) as ImportStatus;
        expect(status.state).not.toBe('done');
        if (status.rows.created > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      await first.stop('SIGKILL');
    }

    const second = await spawnSandbox({ SANDBOX_DB: db });
    try {
      const status = await waitForImport(second.url, id, 60_000);
      expect(status).toMatchObject({
        state: 'done',
        rows: { total: rows, created: rows, updated: 0, skipped: 0, failed: 0 },
      });
      const page = await fetch(`${second.url}/contacts?limit=1`, {
        headers: jsonHeaders('contact'),
      });
      expect(((await page.json()) as { status: string }).status).toBe(`1 to 1 of ${rows}`);
    } finally {
      await second.stop();
    }
  }, 90_000);
});
