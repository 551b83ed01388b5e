/**
 * The submission journal: jobs and their part files kept in IndexedDB, so that a reload or a
 * crash mid-submission can offer to resume, or to download what was not sent.
 *
 * Nothing secret is stored. A job holds file and workspace names, the field mapping, row ranges,
 * Whispir ids and plain-language messages; credentials never reach the browser (the proxy adds
 * them), and the one place Whispir echoes a key, `?apikey=` in a `Location`, is stripped before
 * a job is written. The part files are the user's own contacts, kept on the user's device until
 * the job is deleted.
 */
import { createStore, del, get, keys, set } from 'idb-keyval';
import {
  partBodySchema,
  submissionJobSchema,
  type PartBody,
} from '../domain/submission/job-schema';
import {
  recoverInterruptedJob,
  summariseJob,
  sanitiseJob,
  type SubmissionJob,
} from '../domain/submission/submission-job';
import { z } from 'zod';

/** The four operations the journal needs; idb-keyval in the app, a Map in tests. */
export interface JournalStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export const JOURNAL_DB = 'whispir-import';
export const JOBS_STORE = 'jobs';
/**
 * Part files live in a database of their own: idb-keyval's `createStore` creates its object store
 * only when it creates the database, so a second store in `whispir-import` would never exist.
 */
export const BODIES_DB = 'whispir-import-parts';
export const BODIES_STORE = 'parts';

/** A `JournalStorage` over one idb-keyval store (the database is opened on first use). */
export function createIdbStorage(dbName: string, storeName: string): JournalStorage {
  const store = createStore(dbName, storeName);
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).filter((key): key is string => typeof key === 'string'),
  };
}

/** Bump when the record shape changes; older records then fail to parse and are skipped. */
const RECORD_VERSION = 1;

const jobRecordSchema = z.object({
  version: z.literal(RECORD_VERSION),
  savedAt: z.string(),
  job: submissionJobSchema,
});

export interface Journal {
  saveJob(job: SubmissionJob): Promise<void>;
  /** One job as saved, or undefined if missing or unreadable. */
  loadJob(id: string): Promise<SubmissionJob | undefined>;
  /**
   * Jobs with a part not yet accepted, oldest first, with parts caught mid-request by the reload
   * already recovered (an import that may have run is "unknown"). Unreadable records are skipped.
   */
  loadUnfinishedJobs(): Promise<SubmissionJob[]>;
  /**
   * Every job still in the journal, oldest first, recovered as `loadUnfinishedJobs` does: the
   * unfinished ones, and the finished ones whose result the user has not dismissed yet (a job
   * is deleted when the user is done with it, not when its last part is accepted).
   */
  loadOpenJobs(): Promise<SubmissionJob[]>;
  /** Deletes the job and its part files. */
  deleteJob(id: string): Promise<void>;
  savePartBody(jobId: string, part: number, body: PartBody): Promise<void>;
  loadPartBody(jobId: string, part: number): Promise<PartBody | undefined>;
  deletePartBodies(jobId: string): Promise<void>;
  /**
   * The rejected-rows report of the job's file (rows skipped or in error, with their reasons),
   * kept with its part files so it can still be downloaded after a reload; deleted with them.
   */
  saveReport(jobId: string, csv: string): Promise<void>;
  loadReport(jobId: string): Promise<string | undefined>;
}

export interface JournalStorages {
  readonly jobs: JournalStorage;
  readonly bodies: JournalStorage;
}

const bodyPrefix = (jobId: string) => `${encodeURIComponent(jobId)}/`;
const bodyKey = (jobId: string, part: number) => `${bodyPrefix(jobId)}${part}`;
const reportKey = (jobId: string) => `${bodyPrefix(jobId)}rejected`;

/** The journal over the given storages; by default IndexedDB via idb-keyval. */
export function createJournal(
  storages: JournalStorages = {
    jobs: createIdbStorage(JOURNAL_DB, JOBS_STORE),
    bodies: createIdbStorage(BODIES_DB, BODIES_STORE),
  },
): Journal {
  const { jobs, bodies } = storages;

  const readJob = async (key: string): Promise<SubmissionJob | undefined> => {
    try {
      const parsed = jobRecordSchema.safeParse(await jobs.get(key));
      return parsed.success ? parsed.data.job : undefined;
    } catch {
      // One unreadable record must not hide the others.
      return undefined;
    }
  };

  const readAll = async (): Promise<SubmissionJob[]> => {
    const found: SubmissionJob[] = [];
    for (const key of await jobs.keys()) {
      const job = await readJob(key);
      if (job) found.push(recoverInterruptedJob(job));
    }
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  };

  const deletePartBodies = async (jobId: string) => {
    const prefix = bodyPrefix(jobId);
    for (const key of await bodies.keys()) if (key.startsWith(prefix)) await bodies.del(key);
  };

  return {
    async saveJob(job) {
      await jobs.set(job.id, {
        version: RECORD_VERSION,
        savedAt: new Date().toISOString(),
        job: sanitiseJob(job),
      });
    },
    loadJob: readJob,
    async loadUnfinishedJobs() {
      return (await readAll()).filter((job) => !summariseJob(job).done);
    },
    loadOpenJobs: readAll,
    async deleteJob(id) {
      await jobs.del(id);
      await deletePartBodies(id);
    },
    async savePartBody(jobId, part, body) {
      const key = bodyKey(jobId, part);
      try {
        await bodies.set(key, { name: body.name, base64: body.base64 });
      } catch {
        // Some browsers' IndexedDB refuses Blobs (Safari's private windows have): the file is
        // kept as its text, as records were before part files became Blobs.
        await bodies.set(key, { name: body.name, base64: await body.base64.text() });
      }
    },
    async loadPartBody(jobId, part) {
      try {
        const parsed = partBodySchema.safeParse(await bodies.get(bodyKey(jobId, part)));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    deletePartBodies,
    async saveReport(jobId, csv) {
      await bodies.set(reportKey(jobId), csv);
    },
    async loadReport(jobId) {
      try {
        const csv = await bodies.get(reportKey(jobId));
        return typeof csv === 'string' ? csv : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
