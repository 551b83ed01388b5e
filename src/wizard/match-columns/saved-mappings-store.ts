import {
  headerFingerprint,
  parseSavedMappings,
  serializeSavedMappings,
  type SavedMapping,
} from '../../domain/mapping/saved-mappings';

const STORAGE_KEY = 'whispir-import.saved-mappings';

/** Saved mappings of this browser (no server): what the user mapped before, never a secret. */
export function loadSavedMappings(): SavedMapping[] {
  try {
    const json = localStorage.getItem(STORAGE_KEY);
    if (!json) return [];
    const parsed = parseSavedMappings(json);
    return parsed.ok ? parsed.data : [];
  } catch {
    return [];
  }
}

export function storeSavedMappings(saved: readonly SavedMapping[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, serializeSavedMappings(saved));
  } catch {
    // Storage full or disabled: remembering is a convenience, the import goes on.
  }
}

/**
 * Adds a mapping, replacing one with the same name, or an unnamed ("last used") one made for the
 * same set of headers, so repeated imports of one file keep a single entry.
 */
export function upsertSavedMapping(
  list: readonly SavedMapping[],
  entry: SavedMapping,
): SavedMapping[] {
  const fingerprint = headerFingerprint(entry.headers);
  const kept = list.filter(
    (saved) =>
      saved.name !== entry.name &&
      !(
        isAutomatic(saved) &&
        isAutomatic(entry) &&
        headerFingerprint(saved.headers) === fingerprint
      ),
  );
  return [entry, ...kept].slice(0, 50);
}

export const AUTOMATIC_PREFIX = 'Last used for ';
const isAutomatic = (saved: SavedMapping) => saved.name.startsWith(AUTOMATIC_PREFIX);
