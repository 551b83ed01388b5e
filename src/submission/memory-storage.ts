import type { JournalStorage } from './journal';

/**
 * A `JournalStorage` in a Map, for tests and for browsers where IndexedDB is unavailable (the
 * job then lasts only as long as the tab). Values are structured-cloned, as IndexedDB does, so
 * a caller cannot change a stored record by keeping a reference to it.
 */
export function createMemoryStorage(initial?: Iterable<[string, unknown]>): JournalStorage & {
  readonly entries: Map<string, unknown>;
} {
  const entries = new Map<string, unknown>(initial);
  return {
    entries,
    async get(key) {
      return entries.has(key) ? structuredClone(entries.get(key)) : undefined;
    },
    async set(key, value) {
      entries.set(key, structuredClone(value));
    },
    async del(key) {
      entries.delete(key);
    },
    async keys() {
      return [...entries.keys()];
    },
  };
}
