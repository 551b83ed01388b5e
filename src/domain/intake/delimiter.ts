/** Delimiter sniffing: which separator gives the same number of fields on most rows. */

export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

export interface DelimiterGuess {
  readonly delimiter: string;
  /** 0–1: share of sampled rows that have the chosen field count. */
  readonly confidence: number;
  readonly reason: string;
  /** Every row read as one field although the text seems to hold several values per line. */
  readonly looksMerged: boolean;
}

const SAMPLE_CHARS = 65536;
const SAMPLE_RECORDS = 200;

/** Human name of a delimiter for chips and messages: "comma", "semicolon", "tab", "pipe". */
export function delimiterName(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    case ' ':
      return 'space';
    default:
      return `"${delimiter}"`;
  }
}

/** "Separated by ;" style display form: tab is invisible, so it is spelled out. */
export function delimiterDisplay(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}

interface Score {
  readonly delimiter: string;
  readonly fields: number;
  readonly consistency: number;
}

/**
 * Picks the delimiter whose field count is the same on the most of the first ~200 records
 * (quote-aware: separators inside "…" do not count, and a quoted value may span lines). A comma
 * whose extra fields disappear once digit,digit pairs are masked is a decimal comma, not a
 * separator, so `1,5;2,75` files are read as `;`. Ties go to the candidate with more fields, then
 * to `\t`, `;`, `|`, `,` (a non-comma separator used consistently is rarely accidental).
 */
export function sniffDelimiter(text: string): DelimiterGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  let scores = DELIMITER_CANDIDATES.map((d) => scoreDelimiter(sample, d)).filter(
    (s) => s.fields >= 2,
  );
  const comma = scores.find((s) => s.delimiter === ',');
  if (comma && scores.length > 1) {
    // Only when another separator competes: masking digits,digits then tells a decimal comma.
    const masked = scoreDelimiter(sample.replace(/(\d),(?=\d)/g, '$1.'), ',');
    if (masked.fields < 2 || masked.consistency < comma.consistency - 0.2) {
      scores = scores.filter((s) => s !== comma);
    }
  }
  const preference = (d: string): number => ['\t', ';', '|', ','].indexOf(d);
  scores.sort(
    (a, b) =>
      b.consistency - a.consistency ||
      b.fields - a.fields ||
      preference(a.delimiter) - preference(b.delimiter),
  );
  const best = scores[0];
  if (!best) {
    const looksMerged = looksLikeMergedColumn(sample);
    return {
      delimiter: ',',
      confidence: 0,
      reason: looksMerged
        ? 'No comma, semicolon, tab or pipe separates the values consistently; each line reads as one value. If the values are separated by something else, choose it.'
        : 'Each line holds a single value, so the file has one column.',
      looksMerged,
    };
  }
  const percent = Math.round(best.consistency * 100);
  return {
    delimiter: best.delimiter,
    confidence: best.consistency,
    reason: `Separating by ${delimiterName(best.delimiter)} gives ${best.fields} fields on ${percent}% of the first rows.`,
    looksMerged: false,
  };
}

/** Field counts of the first records for one delimiter; blank lines are ignored. */
function scoreDelimiter(sample: string, delimiter: string): Score {
  const counts = countFieldsPerRecord(sample, delimiter);
  if (counts.length === 0) return { delimiter, fields: 0, consistency: 0 };
  const frequency = new Map<number, number>();
  for (const c of counts) frequency.set(c, (frequency.get(c) ?? 0) + 1);
  let fields = 0;
  let hits = 0;
  for (const [count, n] of frequency) {
    if (n > hits || (n === hits && count > fields)) {
      fields = count;
      hits = n;
    }
  }
  return { delimiter, fields, consistency: hits / counts.length };
}

/**
 * Quote-aware field counting: a `"` opens a quoted value only at the start of a field, `""` inside
 * is an escaped quote. The last record is dropped when the sample cut it short.
 */
export function countFieldsPerRecord(
  sample: string,
  delimiter: string,
  maxRecords = SAMPLE_RECORDS,
): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let blank = true;
  const n = sample.length;
  for (let i = 0; i < n && counts.length < maxRecords; i++) {
    const ch = sample[i];
    if (inQuotes) {
      if (ch === '"') {
        if (sample[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      blank = false;
    } else if (ch === delimiter) {
      fields++;
      atFieldStart = true;
      blank = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && sample[i + 1] === '\n') i++;
      if (!blank) counts.push(fields);
      fields = 1;
      atFieldStart = true;
      blank = true;
    } else {
      atFieldStart = false;
      if (ch !== ' ') blank = false;
    }
  }
  // A final record without a newline is complete only if the sample is the whole text.
  if (!blank && counts.length < maxRecords && sample.length < SAMPLE_CHARS) counts.push(fields);
  return counts;
}

/** One value per line that still looks like several values run together (e.g. `a:b:c`). */
function looksLikeMergedColumn(sample: string): boolean {
  const lines = sample.split(/\r\n|\n|\r/, 50).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const separated = lines.filter((l) => /[,;\t|:~^]| {2,}/.test(l)).length;
  return separated >= lines.length * 0.6;
}
