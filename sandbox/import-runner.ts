/**
 * Runs accepted imports in the background, one at a time, like Whispir's asynchronous import:
 * each waits `importDelayMs`, then its rows are applied in batches. Every batch is one SQLite
 * transaction that also records the import's counts and cursor, so a crash loses no committed
 * row and duplicates none: a restarted sandbox resumes from the cursor.
 *
 * SQLite runs on the server's only thread, so a batch is bounded by time as well as rows and
 * the runner yields to the event loop between batches: requests keep being answered while a
 * million rows go in.
 */
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import { CHANNEL_KEYS, ROW_REQUIRED_KEYS } from '../src/domain/whispir/contact-fields.ts';
import { matchKeysOf } from '../src/domain/whispir/match-rule.ts';
import { newContactId } from './ids.ts';
import { inThreadFiles, type ResourceFiles } from './file-worker.ts';
import type { RowTable } from './resource-files.ts';
import {
  compactFields,
  FAILURE_LIST_CAP,
  type ContactFields,
  type ImportCounts,
  type ImportRecord,
  type SandboxStore,
} from './store.ts';

export interface RunnerSettings {
  readonly importDelayMs: number;
  readonly rowsPerSecond: number;
}

/** How much one batch (one transaction) may do before the runner yields. */
export interface BatchLimits {
  readonly maxRows: number;
  /** Wall-clock budget of a batch; checked every few rows, so a batch may run a little over. */
  readonly maxMs: number;
}

/**
 * 20 ms keeps a waiting request's delay well under 100 ms even when answering it takes a few
 * event-loop turns; the row cap bounds the transaction (and its rollback) on a fast machine.
 */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxRows: 5000, maxMs: 20 };

/** Rows between clock reads inside a batch: reading the clock per row would cost more than it saves. */
const ROWS_PER_CLOCK_CHECK = 64;

/** Why a mapped row cannot become a contact (Part A §6), or `undefined` when it can. */
export function rowProblem(fields: Readonly<Record<string, string>>): string | undefined {
  const empty = ROW_REQUIRED_KEYS.filter((key) => !fields[key]?.trim());
  if (empty.length) return `missing required value: ${empty.join(', ')}`;
  if (!CHANNEL_KEYS.some((key) => fields[key]?.trim()))
    return `no channel: needs one of ${CHANNEL_KEYS.join(', ')}`;
  return undefined;
}

interface ActiveImport {
  readonly record: ImportRecord;
  readonly table: RowTable;
  readonly readers: readonly (readonly [field: string, read: (row: number) => string])[];
  readonly counts: ImportCounts;
  cursor: number;
}

export class ImportRunner {
  private readonly queue: { id: string; readyAt: number }[] = [];
  private running = false;
  /** Bumped by reset/stop so that a run in flight notices it must drop its work. */
  private generation = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: SandboxStore,
    private readonly settings: () => RunnerSettings,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
    /** Reads a resource's rows; the server's reads them on a worker thread. */
    private readonly files: Pick<ResourceFiles, 'readRows'> = inThreadFiles,
  ) {}

  /** Queues an accepted import; it starts after the configured delay. */
  enqueue(id: string, delayMs = this.settings().importDelayMs): void {
    this.queue.push({ id, readyAt: Date.now() + delayMs });
    void this.drain();
  }

  /** Picks up imports a previous process left queued or half-done. */
  resumeUnfinished(): void {
    for (const record of this.store.unfinishedImports()) this.enqueue(record.id, 0);
  }

  /** Forgets queued work (the store is about to be wiped). */
  reset(): void {
    this.generation += 1;
    this.queue.length = 0;
  }

  stop(): void {
    this.stopped = true;
    this.reset();
  }

  /** Resolves once nothing is queued or running (for tests and graceful shutdown). */
  whenIdle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length && !this.stopped) {
        const next = this.queue[0]!;
        const wait = next.readyAt - Date.now();
        const generation = this.generation;
        if (wait > 0) await sleep(wait);
        if (generation !== this.generation) continue;
        this.queue.shift();
        await this.run(next.id, generation);
      }
    } finally {
      this.running = false;
      if (this.queue.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private async run(id: string, generation: number): Promise<void> {
    try {
      const active = await this.open(id, generation);
      if (!active) return;
      while (active.cursor < active.table.rowCount) {
        const rps = this.settings().rowsPerSecond;
        // Paced: a tenth of a second's worth of rows per batch, then wait out the rest of it.
        const rows = rps > 0 ? Math.max(1, Math.ceil(rps / 10)) : this.limits.maxRows;
        const end = Math.min(active.table.rowCount, active.cursor + rows);
        const reached = this.store.transaction(() =>
          this.applyRows(active, end, performance.now() + this.limits.maxMs),
        );
        const done = reached - active.cursor;
        active.cursor = reached;
        if (rps > 0) await sleep(Math.round((done * 1000) / rps));
        else await yieldToEventLoop();
        if (generation !== this.generation) return;
      }
      this.store.finishImport(id, 'done', null);
    } catch (error) {
      if (generation !== this.generation) return;
      this.store.finishImport(id, 'failed', `internal error: ${(error as Error).message}`);
    }
  }

  /**
   * Loads an import and its resource (parsed by `files`, on the server a worker thread, while
   * requests are answered); fails the import when the resource cannot be read.
   */
  private async open(id: string, generation: number): Promise<ActiveImport | undefined> {
    const record = this.store.getImport(id);
    if (!record || record.state === 'done' || record.state === 'failed') return undefined;
    const resource = this.store.getResource(record.workspaceId, record.resourceId);
    const content = resource && this.store.getResourceContent(resource.id);
    if (!resource || !content) {
      this.store.finishImport(id, 'failed', `resource ${record.resourceId} no longer exists`);
      return undefined;
    }
    const columns = [...new Set(Object.values(record.fieldMapping))];
    const read = await this.files.readRows(content, resource.mimeType, columns);
    // Reset or stopped while parsing: the import (perhaps the whole store) is gone.
    if (generation !== this.generation) return undefined;
    if ('error' in read) {
      this.store.finishImport(id, 'failed', read.error);
      return undefined;
    }
    const { table } = read;
    this.store.startImport(id, table.rowCount);
    return {
      record,
      table,
      readers: Object.entries(record.fieldMapping).map(
        ([field, column]) => [field, table.column(column)] as const,
      ),
      counts: { ...record.rows, total: table.rowCount },
      cursor: record.cursor,
    };
  }

  /**
   * Applies rows from the cursor up to `end`, or fewer once `deadline` (a `performance.now()`
   * time) has passed, and saves progress; called inside one transaction. Returns the row after
   * the last one applied, at least one row past the cursor.
   */
  private applyRows(active: ActiveImport, end: number, deadline: number): number {
    const { record, table, readers } = active;
    // Counted on a copy: a batch that throws rolls back, and so must its counts.
    const counts = { ...active.counts };
    const now = new Date().toISOString();
    let row = active.cursor;
    while (row < end) {
      const problem = table.problem(row) ?? this.applyRow(record, readers, row, counts, now);
      if (problem) {
        if (counts.failed < FAILURE_LIST_CAP)
          this.store.addImportFailure(record.id, row + 1, problem);
        counts.failed += 1;
      }
      row += 1;
      if ((row - active.cursor) % ROWS_PER_CLOCK_CHECK === 0 && performance.now() > deadline) break;
    }
    this.store.saveImportProgress(record.id, counts, row);
    Object.assign(active.counts, counts);
    return row;
  }

  private applyRow(
    record: ImportRecord,
    readers: ActiveImport['readers'],
    row: number,
    counts: ImportCounts,
    now: string,
  ): string | undefined {
    const mapped: Record<string, string> = {};
    for (const [field, read] of readers) mapped[field] = read(row).trim();
    const problem = rowProblem(mapped);
    if (problem) return problem;

    const keys = matchKeysOf(mapped);
    const match =
      record.importMode === 'duplicate'
        ? undefined
        : this.store.findMatch(record.workspaceId, keys);
    if (!match) {
      const id = newContactId();
      this.store.insertContact(record.workspaceId, id, compactFields(mapped), now, keys);
      counts.created += 1;
    } else if (record.importMode === 'ignore') {
      counts.skipped += 1;
    } else {
      // replace: the mapped fields take the row's values; unmapped fields stay (Part A §8).
      const merged: ContactFields = { ...match.fields };
      for (const field in mapped) {
        if (mapped[field]) merged[field] = mapped[field];
        else delete merged[field];
      }
      this.store.updateContact(record.workspaceId, match.id, merged, now);
      counts.updated += 1;
    }
    return undefined;
  }
}
