/**
 * The mapping the matching step opens with, from the file's headers and first rows: a saved
 * mapping that fits every column, else the automatic one. Pure, so the page (the matching step)
 * and the worker (which starts checking rows with it while it reads the file) agree on it.
 */
import { MAX_SUGGESTED_COLUMNS } from '../../config/limits';
import { autoMapColumns, suggestionsToMapping, type MappingSuggestion } from './auto-map';
import type { ColumnMapping } from './mapping';
import { applySavedMapping, fullySavedMapping, type SavedMapping } from './saved-mappings';

/** What the opening mapping is worked out from: a file's headers and its first rows. */
export interface FileStart {
  readonly headers: readonly string[];
  readonly previewRows: readonly (readonly string[])[];
}

/** Up to `limit` distinct non-empty sample values per column (of the first `columns`), from the first rows. */
export function columnSamples(
  file: FileStart,
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

/**
 * The automatic mapping's suggestions, from 20 sample values per column, for the first
 * MAX_SUGGESTED_COLUMNS columns (about 0.7 ms a column: a hostile file's 10,000 columns took 7 s).
 */
export function suggestMapping(
  file: FileStart,
  customFields: readonly string[] = [],
): MappingSuggestion[] {
  const wide = columnSamples(file, 20, MAX_SUGGESTED_COLUMNS);
  return autoMapColumns(
    file.headers
      .slice(0, MAX_SUGGESTED_COLUMNS)
      .map((name) => ({ name, samples: wide.get(name) ?? [] })),
    { customFields },
  );
}

export interface RememberedMapping {
  readonly saved: SavedMapping;
  /** The saved mapping in this file's spelling of its columns. */
  readonly mapping: ColumnMapping;
}

/** The saved mapping that fits every column of the file, if any. */
export function rememberMapping(
  headers: readonly string[],
  saved: readonly SavedMapping[],
): RememberedMapping | undefined {
  const fits = fullySavedMapping(saved, headers);
  return fits ? { saved: fits, mapping: applySavedMapping(fits, headers) } : undefined;
}

/** A saved mapping that fits every column, else the automatic one (Time zone left to the review). */
export function openingMappingOf(
  file: FileStart,
  saved: readonly SavedMapping[],
  customFields: readonly string[] = [],
): ColumnMapping {
  return (
    rememberMapping(file.headers, saved)?.mapping ??
    suggestionsToMapping(suggestMapping(file, customFields))
  );
}
