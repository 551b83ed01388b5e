/**
 * Remembered mappings: saved with the headers they were made for, offered again when a file with
 * the same or similar headers arrives ("7 of 7 columns match"), exported and imported as JSON.
 * Storing them (localStorage) is the UI's job; this module only shapes, ranks and checks them.
 */
import { z } from 'zod';
import type { ColumnMapping, FieldSource } from './mapping';
import { columnMappingSchema, customFieldNameSchema } from './mapping-schema';
import { normaliseHeader } from './normalise-header';

export const savedMappingSchema = z.object({
  version: z.literal(1),
  name: z.string().trim().min(1).max(200),
  savedAt: z.iso.datetime({ offset: true }),
  headers: z.array(z.string()).max(2000),
  mapping: columnMappingSchema,
  customFields: z.array(customFieldNameSchema),
});

export type SavedMapping = z.infer<typeof savedMappingSchema>;

/** Marks an exported file, so importing some other JSON says so instead of failing obscurely. */
export const SAVED_MAPPINGS_FORMAT = 'whispir-contact-import/mappings';

// Case, accents, spaces and punctuation do not make a different column; a number does
// ("Email 1" and "Email 2" are two columns), so the full form is compared, not the base.
function headerKey(header: string): string {
  return normaliseHeader(header).full;
}

function headerKeys(headers: readonly string[]): Set<string> {
  return new Set(headers.map(headerKey).filter((key) => key.length > 0));
}

/** 53-bit FNV-1a-style hash as hex: short, stable, and collisions do not matter at this scale. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * A key for a set of headers: the same whatever their order, case, accents, spacing or
 * punctuation, and whether a header is repeated.
 */
export function headerFingerprint(headers: readonly string[]): string {
  return `h1-${hash([...headerKeys(headers)].sort().join('\n'))}`;
}

export interface RankedSavedMapping {
  readonly saved: SavedMapping;
  /** How many of the file's columns the saved mapping was made with. */
  readonly matched: number;
  /** How many distinct columns the file has. */
  readonly total: number;
  /** The same set of headers (the same fingerprint). */
  readonly exact: boolean;
  /** Columns the saved mapping maps that this file lacks; applying it drops them. */
  readonly missingColumns: readonly string[];
}

/**
 * The saved mappings worth offering for a file with `headers`, best first: exact matches, then by
 * the share of the file's columns they know, then the newest. Mappings sharing no column are left
 * out.
 */
export function rankSavedMappings(
  saved: readonly SavedMapping[],
  headers: readonly string[],
): RankedSavedMapping[] {
  const current = headerKeys(headers);
  const fingerprint = headerFingerprint(headers);
  const ranked: RankedSavedMapping[] = [];
  for (const entry of saved) {
    const known = headerKeys(entry.headers);
    const matched = [...current].filter((key) => known.has(key)).length;
    if (matched === 0) continue;
    const missingColumns = Object.values(entry.mapping).flatMap((source) =>
      source.kind === 'column' && !current.has(headerKey(source.column)) ? [source.column] : [],
    );
    ranked.push({
      saved: entry,
      matched,
      total: current.size,
      exact: headerFingerprint(entry.headers) === fingerprint,
      missingColumns: [...new Set(missingColumns)],
    });
  }
  return ranked.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      b.matched / b.total - a.matched / a.total ||
      Date.parse(b.saved.savedAt) - Date.parse(a.saved.savedAt),
  );
}

/**
 * The saved mapping that fits every column of a file with `headers`, if one does: it was made
 * for all of the file's columns (in any order or spelling `rankSavedMappings` ignores) and every
 * column it maps is in the file, so applying it loses nothing. Several fit: the newest of those
 * made for exactly these columns, else the newest. Undefined when none fits, or the file has no
 * named column.
 */
export function fullySavedMapping(
  saved: readonly SavedMapping[],
  headers: readonly string[],
): SavedMapping | undefined {
  if (saved.length === 0) return undefined;
  const current = headerKeys(headers);
  if (current.size === 0) return undefined;
  let best: { saved: SavedMapping; exact: boolean } | undefined;
  for (const entry of saved) {
    const known = headerKeys(entry.headers);
    if ([...current].some((key) => !known.has(key))) continue;
    const mapsMissing = Object.values(entry.mapping).some(
      (source) => source.kind === 'column' && !current.has(headerKey(source.column)),
    );
    if (mapsMissing) continue;
    const exact = known.size === current.size;
    const newer = best === undefined || Date.parse(entry.savedAt) > Date.parse(best.saved.savedAt);
    if (best === undefined || (exact && !best.exact) || (exact === best.exact && newer))
      best = { saved: entry, exact };
  }
  return best?.saved;
}

/**
 * A saved mapping adapted to a file: sources naming a column the file lacks are dropped, and
 * columns are renamed to the file's spelling ("e-mail" saved, "E-Mail" now). Constants and
 * fields left empty are kept.
 */
export function applySavedMapping(saved: SavedMapping, headers: readonly string[]): ColumnMapping {
  const byKey = new Map<string, string>();
  for (const header of headers) {
    const key = headerKey(header);
    if (key.length > 0 && !byKey.has(key)) byKey.set(key, header);
  }
  const exact = new Set(headers);
  const mapping: Record<string, FieldSource> = {};
  for (const [field, source] of Object.entries(saved.mapping)) {
    if (source.kind !== 'column') {
      mapping[field] = source;
      continue;
    }
    const column = exact.has(source.column) ? source.column : byKey.get(headerKey(source.column));
    if (column !== undefined) mapping[field] = { kind: 'column', column };
  }
  return mapping;
}

/** The JSON a user exports: a marked envelope around the list, readable by `parseSavedMappings`. */
export function serializeSavedMappings(saved: readonly SavedMapping[]): string {
  return JSON.stringify({ format: SAVED_MAPPINGS_FORMAT, version: 1, mappings: saved }, null, 2);
}

export interface SavedMappingsProblem {
  readonly code: 'invalid-json' | 'not-mappings' | 'unsupported-version' | 'no-valid-mappings';
  readonly message: string;
}

export type ParseSavedMappingsResult =
  | {
      readonly ok: true;
      readonly data: SavedMapping[];
      /** Entries that were not valid saved mappings and were left out, each with why. */
      readonly skipped: readonly string[];
    }
  | { readonly ok: false; readonly problem: SavedMappingsProblem };

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not a saved mapping';
  const path = issue.path.map(String).join('.');
  return path.length > 0 ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Reads mappings a user imports: our export, a bare list, or a single mapping. Never throws on
 * bad input: it returns the valid mappings and why others were skipped, or one problem.
 */
export function parseSavedMappings(json: string): ParseSavedMappingsResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {
      ok: false,
      problem: {
        code: 'invalid-json',
        message: 'This file is not valid JSON, so it cannot hold saved mappings.',
      },
    };
  }

  let entries: unknown[];
  if (Array.isArray(parsed)) entries = parsed;
  else if (typeof parsed === 'object' && parsed !== null && 'mappings' in parsed) {
    const envelope = parsed as { version?: unknown; mappings: unknown };
    if (typeof envelope.version === 'number' && envelope.version > 1) {
      return {
        ok: false,
        problem: {
          code: 'unsupported-version',
          message: `These mappings were exported by a newer version of the wizard (format ${envelope.version}); update the wizard to import them.`,
        },
      };
    }
    if (!Array.isArray(envelope.mappings)) return notMappings();
    entries = envelope.mappings;
  } else if (typeof parsed === 'object' && parsed !== null && 'mapping' in parsed) {
    entries = [parsed];
  } else return notMappings();

  const data: SavedMapping[] = [];
  const skipped: string[] = [];
  entries.forEach((entry, i) => {
    const result = savedMappingSchema.safeParse(entry);
    if (result.success) data.push(result.data);
    else skipped.push(`Mapping ${i + 1} was skipped (${describeIssue(result.error)}).`);
  });
  if (data.length === 0 && skipped.length > 0) {
    return {
      ok: false,
      problem: {
        code: 'no-valid-mappings',
        message:
          skipped.length === 1
            ? `The mapping in this file could not be read: ${skipped[0]}`
            : `None of the ${skipped.length} mappings in this file could be read: ${skipped[0]}`,
      },
    };
  }
  return { ok: true, data, skipped };
}

function notMappings(): ParseSavedMappingsResult {
  return {
    ok: false,
    problem: {
      code: 'not-mappings',
      message: 'This JSON file does not contain saved mappings; export them from the wizard first.',
    },
  };
}
