/**
 * Broken quotes read as a spreadsheet program reads them, not as PapaParse does. PapaParse goes
 * on looking for a closing quote it can accept, so one stray quote swallows the lines after it
 * into one value: `"VIP" customer` took the next contact's whole line into its Notes, and a
 * quote never closed took every line to the end of the file. Those contacts were in no row, so
 * neither sent nor reported. Here each broken field is rewritten in standard form before the text
 * is parsed again:
 * - a quoted value whose closing quote is followed by more text before the separator keeps that
 *   text, as Excel and Google Sheets do (`"VIP" customer` is `VIP customer`);
 * - a quote never closed is a plain character, and its value ends at the separator or the end of
 *   its line, so the lines after it stay rows of their own.
 */
import { problem, quoteValue, type IntakeProblem } from './problems';

export interface QuoteRepair {
  /** The text with each broken field rewritten. */
  readonly text: string;
  /** One warning for each field rewritten, naming its row, its line and what was read. */
  readonly problems: IntakeProblem[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
/** Characters of a value quoted in a message. */
const EXCERPT = 40;

/**
 * The text with its broken quoted fields rewritten, or undefined when none is broken (or the
 * separator is not one character). Rows are counted as records, as `readTable` numbers them.
 */
export function repairQuotes(text: string, delimiter: string): QuoteRepair | undefined {
  if (delimiter.length !== 1) return undefined;
  const separator = delimiter.charCodeAt(0);
  const n = text.length;
  const parts: string[] = [];
  const problems: IntakeProblem[] = [];
  let copied = 0;
  let line = 1;
  let row = 1;
  let fieldStart = true;
  /** Whether a value starts after this character: a separator or a line break. */
  const isValueStart = (c: number) => c === separator || c === CR || c === LF;
  /** Where the value starting at `from` ends unquoted: the next separator or line break. */
  const endOfValue = (from: number): number => {
    let at = from;
    while (at < n) {
      const c = text.charCodeAt(at);
      if (c === separator || c === CR || c === LF) break;
      at++;
    }
    return at;
  };
  const rewrite = (
    from: number,
    to: number,
    value: string,
    code: 'unclosed-quote' | 'malformed-quote',
    message: string,
  ) => {
    parts.push(text.slice(copied, from), `"${value.replace(/"/g, '""')}"`);
    copied = to;
    problems.push(problem(code, 'warning', message, { row, ...(line !== row ? { line } : {}) }));
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === QUOTE) {
      // A quoted value: its closing quote is the first one not doubled.
      let close = -1;
      for (let k = text.indexOf('"', i + 1); k >= 0; k = text.indexOf('"', k + 2)) {
        if (text.charCodeAt(k + 1) !== QUOTE) {
          close = k;
          break;
        }
      }
      const after = close < 0 ? n : close + 1;
      // Spaces between a closing quote and the separator are allowed (PapaParse drops them).
      let next = after;
      while (next < n && isSpace(text.charCodeAt(next))) next++;
      const following = next < n ? text.charCodeAt(next) : -1;
      const wellFormed =
        close >= 0 &&
        (after === n || following === separator || following === CR || following === LF);
      if (wellFormed) {
        // A well-formed quoted value: its own line breaks count as lines, not rows.
        line += lineBreaksIn(text, i + 1, close);
        i = after;
        fieldStart = false;
        continue;
      }
      // A quote that is never closed, or whose "closing" quote is a later value's opening one
      // (lines further on, at the start of a value): a stray quote, read as a plain character.
      const stray =
        close < 0 ||
        (lineBreaksIn(text, i + 1, close) > 0 && isValueStart(text.charCodeAt(close - 1)));
      if (stray) {
        const end = endOfValue(i + 1);
        const value = text.slice(i, end);
        rewrite(
          i,
          end,
          value,
          'unclosed-quote',
          `A quote (") in row ${row}${line !== row ? ` (line ${line} of the text)` : ''} is never closed on its line: it was read as a plain character in "${excerpt(value)}", and the lines after it as rows of their own.`,
        );
        i = end;
        fieldStart = false;
        continue;
      }
      const end = endOfValue(after);
      const inside = text.slice(i + 1, close).replace(/""/g, '"');
      const value = inside + text.slice(after, end);
      rewrite(
        i,
        end,
        value,
        'malformed-quote',
        `Row ${row}${line !== row ? ` (line ${line} of the text)` : ''} has text after a closing quote: "${excerpt(text.slice(i, end))}" was read as "${excerpt(value)}", as a spreadsheet program reads it.`,
      );
      line += lineBreaksIn(text, i + 1, close);
      i = end;
      fieldStart = false;
      continue;
    }
    if (c === separator) fieldStart = true;
    else if (c === LF || c === CR) {
      if (!(c === CR && text.charCodeAt(i + 1) === LF)) {
        line++;
        row++;
      }
      fieldStart = true;
    } else fieldStart = false;
    i++;
  }
  if (problems.length === 0) return undefined;
  parts.push(text.slice(copied));
  return { text: parts.join(''), problems };
}

/** Line breaks (CR LF counted once) in `text` from `from` to `to`. */
function lineBreaksIn(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const d = text.charCodeAt(k);
    if (d === LF || (d === CR && text.charCodeAt(k + 1) !== LF)) breaks++;
  }
  return breaks;
}

/** A character `trim()` removes, other than a line break (as PapaParse reads spaces). */
function isSpace(c: number): boolean {
  return c !== CR && c !== LF && String.fromCharCode(c).trim() === '';
}

function excerpt(value: string): string {
  return quoteValue(value.replace(/\s+/g, ' '), EXCERPT);
}
