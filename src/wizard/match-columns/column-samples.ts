import { suggestionsToMapping, type MappingSuggestion } from '../../domain/mapping/auto-map';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import {
  columnSamples,
  rememberMapping,
  suggestMapping,
  type RememberedMapping,
} from '../../domain/mapping/opening-mapping';
import type { FileSummary } from '../../worker/protocol';
import { loadSavedMappings } from './saved-mappings-store';

export { columnSamples, type RememberedMapping };

const suggestionsOf = new WeakMap<FileSummary, Map<string, MappingSuggestion[]>>();

/**
 * The automatic mapping's suggestions for a file (`suggestMapping`), worked out once per file:
 * the preview's early check and the mapping step both need them.
 */
export function fileSuggestions(
  file: FileSummary,
  customFields: readonly string[],
): MappingSuggestion[] {
  let byFields = suggestionsOf.get(file);
  if (!byFields) suggestionsOf.set(file, (byFields = new Map()));
  const key = customFields.join('\n');
  const known = byFields.get(key);
  if (known) return known;
  const suggestions = suggestMapping(file, customFields);
  byFields.set(key, suggestions);
  return suggestions;
}

/** The automatic mapping of a file: its applied suggestions, Time zone left to the review. */
export function automaticMapping(
  file: FileSummary,
  customFields: readonly string[] | undefined,
): ColumnMapping {
  return suggestionsToMapping(fileSuggestions(file, customFields ?? []));
}

const rememberedOf = new WeakMap<FileSummary, RememberedMapping | null>();

/**
 * The remembered mapping that fits every column of the file, which the mapping step applies on
 * arrival (the user may undo it). Looked up once per file, so the check the preview starts and
 * the mapping step agree on it (the worker works it out the same way: `openingMappingOf`).
 */
export function rememberedMapping(file: FileSummary): RememberedMapping | undefined {
  let known = rememberedOf.get(file);
  if (known === undefined) {
    known = rememberMapping(file.headers, loadSavedMappings()) ?? null;
    rememberedOf.set(file, known);
  }
  return known ?? undefined;
}

/**
 * The mapping the mapping step opens with: the user's own when coming back, else a remembered
 * one that fits every column, else the automatic one.
 */
export function openingMapping(
  file: FileSummary,
  mapping: ColumnMapping | undefined,
  customFields: readonly string[] | undefined,
): ColumnMapping {
  return mapping ?? rememberedMapping(file)?.mapping ?? automaticMapping(file, customFields);
}

/** Up to `limit` distinct non-empty values of one column, from the preview rows. */
export function columnValues(file: FileSummary, column: string, limit = 20): string[] {
  const index = file.headers.indexOf(column);
  if (index < 0) return [];
  const values = new Set<string>();
  for (const row of file.previewRows) {
    const value = row[index]?.trim();
    if (value) values.add(value);
    if (values.size >= limit) break;
  }
  return [...values];
}
