import {
  autoMapColumns,
  suggestionsToMapping,
  type MappingSuggestion,
} from '../../domain/mapping/auto-map';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import {
  applySavedMapping,
  fullySavedMapping,
  type SavedMapping,
} from '../../domain/mapping/saved-mappings';
import { MAX_NAMED_COLUMNS, MAX_SUGGESTED_COLUMNS } from '../../config/limits';
import type { FileSummary } from '../../worker/protocol';
import { loadSavedMappings } from './saved-mappings-store';

/** Up to `limit` distinct non-empty sample values per column (of the first `columns`), from the preview rows. */
export function columnSamples(
  file: FileSummary,
  limit = 3,
  columns = file.headers.length,
): Map<string, string[]> {
  const samples = new Map<string, string[]>();
  file.headers.slice(0, columns).forEach((header, index) => {
    const values: string[] = [];
    for (const row of file.previewRows) {
      const value = row[index]?.trim();
      if (value && !values.includes(value)) values.push(value);
      if (values.length >= limit) break;
    }
    samples.set(header, values);
  });
  return samples;
}

const suggestionsOf = new WeakMap<FileSummary, Map<string, MappingSuggestion[]>>();

/**
 * The automatic mapping's suggestions for a file, from 20 sample values per column. Worked out
 * once per file (the preview's early check and the mapping step both need them), for the first
 * MAX_SUGGESTED_COLUMNS columns: it costs about 0.7 ms a column on the page's thread, so the
 * 10,000 columns of a hostile file took 7 s. The next ones, up to MAX_NAMED_COLUMNS, by their
 * names alone (~0.02 ms a column). The step says so.
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
  const wide = columnSamples(file, 20, MAX_SUGGESTED_COLUMNS);
  const suggestions = autoMapColumns(
    file.headers.slice(0, MAX_NAMED_COLUMNS).map((name, i) => ({
      name,
      samples: i < MAX_SUGGESTED_COLUMNS ? (wide.get(name) ?? []) : [],
    })),
    { customFields, namesOnlyFrom: MAX_SUGGESTED_COLUMNS },
  );
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

export interface RememberedMapping {
  readonly saved: SavedMapping;
  /** The saved mapping in this file's spelling of its columns. */
  readonly mapping: ColumnMapping;
}

const rememberedOf = new WeakMap<FileSummary, RememberedMapping | null>();

/**
 * The remembered mapping that fits every column of the file, which the mapping step applies on
 * arrival (the user may undo it). Looked up once per file, so the check the preview starts and
 * the mapping step agree on it.
 */
export function rememberedMapping(file: FileSummary): RememberedMapping | undefined {
  let known = rememberedOf.get(file);
  if (known === undefined) {
    const saved = fullySavedMapping(loadSavedMappings(), file.headers);
    known = saved ? { saved, mapping: applySavedMapping(saved, file.headers) } : null;
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

/** The file's columns that can be matched: all but those with no name and no values. */
export function matchableColumns(file: FileSummary): readonly string[] {
  if (!file.emptyColumns?.length) return file.headers;
  const empty = new Set(file.emptyColumns);
  return file.headers.filter((column) => !empty.has(column));
}

/** What the matching step says of the columns it leaves out. */
export function emptyColumnsNote(columns: readonly string[]): string {
  const shown = columns.slice(0, 5).join(', ');
  const more = columns.length > 5 ? ` and ${(columns.length - 5).toLocaleString()} more` : '';
  return columns.length === 1
    ? `${shown} has no name and no values in any row, so it is not listed.`
    : `${columns.length.toLocaleString()} columns have no name and no values in any row, so they are not listed: ${shown}${more}.`;
}
