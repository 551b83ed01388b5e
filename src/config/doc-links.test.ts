/**
 * Every `docs/….md` path named in the code exists in the repository, and every section of
 * docs/whispir-api.md the code cites (`Part A §8`, `§A8`, `Part B §6.2`, `§B5.4`, a bare `§5.3`)
 * is a heading there. Citations are read from the .ts/.tsx files of src, sandbox, e2e and bench.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const THIS_FILE = fileURLToPath(import.meta.url);
const REPO_ROOT = path.resolve(path.dirname(THIS_FILE), '../..');
const API_DOC = path.join(REPO_ROOT, 'docs/whispir-api.md');
const SCANNED_DIRS = ['src', 'sandbox', 'e2e', 'bench'];

interface Citation {
  /** `A8`, `B6.2`: the heading it must find. */
  readonly section: string;
  readonly line: number;
  readonly text: string;
}

/**
 * The `§` citations in a file's text. A number takes its part from a letter after the `§`, or
 * from a `Part A`/`Part B` it follows with only spaces, comment markers, punctuation or "and"
 * between (`Part B §5.2/§5.3`, `Part A` at a line's end and `§5` on the next); a number with no
 * part is in Part B, as the doc says. A `§` right after an RFC or another .md file is not ours.
 */
function citationsIn(text: string): Citation[] {
  const token = /Part\s+([AB])\b|§\s?([AB])?(\d+(?:\.\d+)*)/g;
  const glue = /^(?:[\s*/,;&()]|\band\b|\bor\b)*$/;
  const citations: Citation[] = [];
  let part: string | undefined;
  let end = 0;
  for (const match of text.matchAll(token)) {
    const between = text.slice(end, match.index);
    end = match.index + match[0].length;
    if (match[1]) {
      part = match[1];
      continue;
    }
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const lineEnd = text.indexOf('\n', match.index);
    const before = text.slice(lineStart, match.index);
    if (/(?:RFC\s*\d+|\.md)\s*$/i.test(before) && !/whispir-api\.md\s*$/.test(before)) {
      part = undefined;
      continue;
    }
    const explicit = match[2];
    const inherited = part !== undefined && glue.test(between) ? part : undefined;
    part = explicit ?? inherited ?? 'B';
    citations.push({
      section: `${part}${match[3]}`,
      line: text.slice(0, match.index).split('\n').length,
      text: text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim(),
    });
  }
  return citations;
}

/** The `docs/….md` paths in a text, with whatever path leads up to them (`../shared/docs/…`). */
function docPathsIn(text: string): { readonly docPath: string; readonly line: number }[] {
  const pattern = /(?<![\w./-])((?:\.{1,2}\/|[\w-]+\/)*docs\/[\w/.-]+\.md)/g;
  return [...text.matchAll(pattern)].map((match) => ({
    docPath: match[1]!,
    line: text.slice(0, match.index).split('\n').length,
  }));
}

/** The section numbers the doc's headings carry: `### A8. …` → A8, `#### B6.2. …` → B6.2. */
function headingsOf(markdown: string): Set<string> {
  const heading = /^#{2,6}\s+([AB]\d+(?:\.\d+)*)\.?\s/gm;
  return new Set([...markdown.matchAll(heading)].map((match) => match[1]!));
}

function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : codeFiles(full);
    return /\.tsx?$/.test(entry.name) && full !== THIS_FILE ? [full] : [];
  });
}

const files = SCANNED_DIRS.flatMap((dir) => codeFiles(path.join(REPO_ROOT, dir))).map((file) => ({
  name: path.relative(REPO_ROOT, file),
  dir: path.dirname(file),
  text: readFileSync(file, 'utf8'),
}));

describe('citationsIn', () => {
  it.each([
    ['(Part A §10)', ['A10']],
    ['(docs/whispir-api.md §A1, §B4, §B5.4)', ['A1', 'B4', 'B5.4']],
    ['names ("X", Part B §5.2/§5.3) are synonyms', ['B5.2', 'B5.3']],
    ['(Part B §1.4, §7). Incoming', ['B1.4', 'B7']],
    ['a value the user sets (Part A\n * §5: a default country)', ['A5']],
    ['Part A §6 fields; the catalogue covers §5.3', ['A6', 'B5.3']],
    ['Whispir would blank a missing column too (§3.3)', ['B3.3']],
    ['the shortest spelling Part A allows', []],
    ['see RFC 4180 §2 and notes.md §1', []],
  ])('reads %j', (text, sections) => {
    expect(citationsIn(text).map((citation) => citation.section)).toEqual(sections);
  });
});

describe('links from the code to docs/', () => {
  it('finds citations to check', () => {
    expect(files.flatMap((file) => citationsIn(file.text)).length).toBeGreaterThan(0);
  });

  it('names only docs/*.md files that exist in the repository', () => {
    const missing = files.flatMap((file) =>
      docPathsIn(file.text)
        .filter(({ docPath }) => {
          const candidates = [path.resolve(REPO_ROOT, docPath), path.resolve(file.dir, docPath)];
          return !candidates.some(
            (full) => !path.relative(REPO_ROOT, full).startsWith('..') && existsSync(full),
          );
        })
        .map(({ docPath, line }) => `${file.name}:${line} ${docPath}`),
    );
    expect(missing).toEqual([]);
  });

  it('cites only sections that are headings of docs/whispir-api.md', () => {
    const headings = headingsOf(readFileSync(API_DOC, 'utf8'));
    const missing = files.flatMap((file) =>
      citationsIn(file.text)
        .filter((citation) => !headings.has(citation.section))
        .map((citation) => `${file.name}:${citation.line} ${citation.section}: ${citation.text}`),
    );
    expect(missing).toEqual([]);
  });

  it('keeps the section numbers the code was written against', () => {
    const headings = headingsOf(readFileSync(API_DOC, 'utf8'));
    const expected = [
      ...Array.from({ length: 12 }, (_, i) => `A${i + 1}`),
      ...['B1', 'B1.1', 'B1.2', 'B1.3', 'B1.4', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9'],
      ...['B3.1', 'B3.2', 'B3.3', 'B3.4', 'B3.5', 'B3.6'],
      ...['B5.1', 'B5.2', 'B5.3', 'B5.4', 'B6.1', 'B6.2', 'B6.3', 'B6.4'],
    ];
    expect(expected.filter((section) => !headings.has(section))).toEqual([]);
  });
});
