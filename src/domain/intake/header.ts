/** Finding the header row and making its names usable as unique column names. */
import { quoteValue } from './problems';

export interface HeaderDetection {
  /** 0-based index into the rows given: the header, or the first data row if `hasHeader` is false. */
  readonly index: number;
  /** False when the first substantial row already looks like contact data (emails, numbers). */
  readonly hasHeader: boolean;
  readonly reason: string;
}

export interface HeaderRename {
  readonly index: number;
  readonly from: string;
  readonly to: string;
}

const SCAN_ROWS = 30;
const WIDTH_SAMPLE_ROWS = 100;

/**
 * Finds the header: the first row that fills at least half of the table's usual width (and at
 * least two cells), so title lines ("Contacts export", "Generated 2026-11-01") and blank rows
 * above it are skipped. If that row is mostly emails, numbers or dates, or holds an email address
 * or a phone-length number at all, it is data, not names, and `hasHeader` is false. Looks only at
 * the first rows.
 */
export function detectHeaderRow(rows: readonly (readonly string[])[]): HeaderDetection {
  const width = usualWidth(rows.slice(0, WIDTH_SAMPLE_ROWS));
  const needed = width <= 1 ? 1 : Math.max(2, Math.ceil(width / 2));
  const limit = Math.min(rows.length, SCAN_ROWS);
  // The last row above with cells but too few for a header, if they are all names.
  let namesAbove: { index: number; names: number } | undefined;
  for (let i = 0; i < limit; i++) {
    const row = rows[i] as readonly string[];
    const filled = row.filter((cell) => cell.trim() !== '');
    if (filled.length === 0) continue;
    // A comment ("# Exported from CRM, v2") or a line of facts ("Report date:,2024-05-01",
    // "Exported by:,admin") narrower than the table is never its header.
    const first = (filled[0] as string).trim();
    const comment = /^(#|\/\/)\s/.test(first);
    const facts = filled.length <= 2 && first.endsWith(':');
    if (filled.length < width && (comment || facts)) {
      namesAbove = undefined;
      continue;
    }
    if (filled.length < needed) {
      namesAbove =
        filled.length >= Math.min(3, needed) && !filled.some(looksLikeData)
          ? { index: i, names: filled.length }
          : undefined;
      continue;
    }
    const skippedAbove = (at: number) =>
      at === 0
        ? ''
        : `; the ${at === 1 ? 'row' : `${at} rows`} above it ${at === 1 ? 'is' : 'are'} blank or a title`;
    const skipped = skippedAbove(i);
    const dataLike = filled.filter(looksLikeData).length;
    // Names over fewer than half the columns right above rows of contact data: the header of a
    // table whose later columns have no names, not a title.
    if (dataLike > 0 && namesAbove) {
      return {
        index: namesAbove.index,
        hasHeader: true,
        reason: `Row ${namesAbove.index + 1} names ${namesAbove.names} of the ${width} columns and the rows below it hold contact data${skippedAbove(namesAbove.index)}.`,
      };
    }
    // An email address or a phone-length number is never a column's name: one such cell makes
    // the row a contact, whatever its other cells (names, a company, a country).
    const strong = filled.find(isContactValue);
    const below = nextFilledRow(rows, i + 1, limit);
    // A band over the header ("Name,,Contact,"): below it a fuller row of names, itself over
    // the values it names.
    const underBelow = below && nextFilledRow(rows, below.index + 1, limit);
    if (
      strong === undefined &&
      dataLike === 0 &&
      below !== undefined &&
      underBelow !== undefined &&
      filled.length < width &&
      isRowOfNames(below.cells) &&
      below.cells.filter((cell) => cell.trim() !== '').length > filled.length &&
      labelsOver(below.cells, underBelow.cells)
    ) {
      continue;
    }
    // Names over values (Email over an address, 2024 over Yes): a header, however many of its
    // names are numbers or dates (years, session numbers, the days of a register).
    const labels = strong === undefined && below !== undefined && labelsOver(row, below.cells);
    if (!labels && (dataLike * 2 >= filled.length || strong !== undefined)) {
      return {
        index: i,
        hasHeader: false,
        reason: `Row ${i + 1} holds values such as "${quoteValue(strong ?? filled.find(looksLikeData) ?? '')}" rather than column names, so the file seems to have no header row${skipped}.`,
      };
    }
    const distinct = new Set(filled.map((c) => c.trim().toLowerCase())).size;
    const quality = distinct === filled.length ? 'distinct names' : 'names';
    return {
      index: i,
      hasHeader: true,
      reason: `Row ${i + 1} is the first row with ${filled.length} ${quality} across a table ${width} columns wide${skipped}.`,
    };
  }
  const first = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  return {
    index: Math.max(0, first),
    hasHeader: true,
    reason: 'No row stands out as a header; the first non-blank row is used.',
  };
}

function nextFilledRow(
  rows: readonly (readonly string[])[],
  from: number,
  limit: number,
): { index: number; cells: readonly string[] } | undefined {
  for (let i = from; i < limit; i++) {
    const cells = rows[i] as readonly string[];
    if (cells.some((cell) => cell.trim() !== '')) return { index: i, cells };
  }
  return undefined;
}

/** A row whose filled cells are all names, no two alike. */
function isRowOfNames(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return (
    filled.length >= 2 &&
    !filled.some(looksLikeData) &&
    new Set(filled.map((cell) => cell.toLowerCase())).size === filled.length
  );
}

/**
 * Whether `row` reads as names over the values of `below`: in some column, a name over an
 * email or a phone-length number; or numbers and dates over words ("2024" over "Yes") in at
 * least as many columns as over numbers and dates. A contact's row and the next one hold the
 * same kinds of value column by column, bar a value someone left to fill; and a row that starts
 * with a number over a number (an id column: "1001,2024-01-05,Smith" over "1002,TBC,Jones") is
 * a contact's, whatever stands further on.
 */
function labelsOver(row: readonly string[], below: readonly string[]): boolean {
  // Numbers that count up from column to column ("2021,2022,2023", "1,2,3,4") name columns:
  // years and days of a register.
  if (countsUp(row)) return true;
  let overWords = 0;
  let overData = 0;
  let first = true;
  for (let column = 0; column < Math.min(row.length, below.length); column++) {
    const above = (row[column] as string).trim();
    const value = (below[column] as string).trim();
    if (above === '') continue;
    const leading = first;
    first = false;
    if (value === '') continue;
    if (!looksLikeData(above)) {
      if (isContactValue(value)) return true;
    } else if (looksLikeData(value)) {
      if (leading) return false;
      overData++;
    } else overWords++;
  }
  return overWords > 0 && overWords >= overData;
}

/**
 * Whether three neighbouring cells of the row count up by one from 0 or 1 (the days or sessions
 * of a register) or are years counting up (2021, 2022, 2023): column names. A contact's birth
 * date in three columns ("10,11,12") starts elsewhere.
 */
function countsUp(row: readonly string[]): boolean {
  let run = 1;
  let first = NaN;
  for (let column = 1; column < row.length; column++) {
    const before = (row[column - 1] as string).trim();
    const here = (row[column] as string).trim();
    const next =
      /^\d{1,4}$/.test(before) && /^\d{1,4}$/.test(here) && Number(here) === Number(before) + 1;
    if (next && run === 1) first = Number(before);
    run = next ? run + 1 : 1;
    if (run >= 3 && (first <= 1 || (first >= 1900 && first <= 2100))) return true;
  }
  return false;
}

/**
 * Makes header names unique and visible: surrounding spaces are trimmed, a blank name becomes
 * "Column 3" (its 1-based position) and a repeated name (compared without case) becomes
 * "Email (2)", "Email (3)"… never colliding with a name used elsewhere in the row.
 */
export function uniqueHeaders(raw: readonly string[]): {
  headers: string[];
  renamed: HeaderRename[];
} {
  const trimmed = raw.map((name) => name.trim());
  const taken = new Set(trimmed.filter((n) => n !== '').map((n) => n.toLowerCase()));
  const used = new Set<string>();
  const renamed: HeaderRename[] = [];
  const headers = trimmed.map((name, index) => {
    let to = name;
    if (name === '') {
      to = freeName(`Column ${index + 1}`, taken, used);
    } else if (used.has(name.toLowerCase())) {
      for (let k = 2; ; k++) {
        const candidate = `${name} (${k})`;
        if (!taken.has(candidate.toLowerCase()) && !used.has(candidate.toLowerCase())) {
          to = candidate;
          break;
        }
      }
    }
    used.add(to.toLowerCase());
    if (to !== raw[index]) renamed.push({ index, from: raw[index] as string, to });
    return to;
  });
  return { headers, renamed };
}

/** Names for a file declared to have no header: "Column 1" … "Column n". */
export function generatedHeaders(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
}

function freeName(base: string, taken: Set<string>, used: Set<string>): string {
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()) || used.has(name.toLowerCase()); k++) {
    name = `${base} (${k})`;
  }
  return name;
}

/** The most common field count among non-blank rows (the width of the table's body). */
function usualWidth(rows: readonly (readonly string[])[]): number {
  const frequency = new Map<number, number>();
  for (const row of rows) {
    let last = row.length;
    while (last > 0 && (row[last - 1] as string).trim() === '') last--;
    if (last === 0) continue;
    frequency.set(row.length, (frequency.get(row.length) ?? 0) + 1);
  }
  let width = 0;
  let best = 0;
  for (const [w, n] of frequency) {
    if (n > best || (n === best && w > width)) {
      width = w;
      best = n;
    }
  }
  return width;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const NUMBER_LIKE = /^[+(]?[\d\s().,/:-]*\d[\d\s().,/:-]*$/;
const URL_LIKE = /^(https?:\/\/|www\.)/i;
const PHONE_LIKE = /^\+?[\d\s().-]+$/;
const DATE_LIKE = /^\d{4}[-.]\d{1,2}[-.]\d{1,2}$|^\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$/;

/** An email address with a dot in its domain (each dot read once: no backtracking on long cells). */
export function isEmailAddress(value: string): boolean {
  return EMAIL_ADDRESS.test(value.trim());
}

const EMAIL_ADDRESS = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** An email address, or a number with a phone's digits (eight or more; not a date or a span). */
export function isContactValue(cell: string): boolean {
  const value = cell.trim();
  if (EMAIL.test(value)) return true;
  if (!PHONE_LIKE.test(value) || DATE_LIKE.test(value)) return false;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 8;
}

/** A cell that reads as a value (email, number, phone, date, URL) rather than a column name. */
function looksLikeData(cell: string): boolean {
  const value = cell.trim();
  return EMAIL.test(value) || NUMBER_LIKE.test(value) || URL_LIKE.test(value);
}
