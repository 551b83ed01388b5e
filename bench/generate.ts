/**
 * The bench's contact files: the seeded contacts of `src/domain/samples/seeded-contacts.ts`
 * (Whispir's field names as headers, so the mapping step matches every column by itself; about 2%
 * of rows with a problem), streamed to a CSV file and cached under a name that carries the
 * generator's version, since a 1,000,000-row file takes seconds to write.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { CONTACT_COLUMNS_WITH_DEPARTMENT, csvLine } from '../src/domain/samples/contact-files.ts';
import {
  PROBLEM_KINDS,
  SEEDED_CONTACTS_VERSION,
  createRandom,
  seededContact,
  seededContactCsvLine,
  type ProblemKind,
} from '../src/domain/samples/seeded-contacts.ts';

export interface GeneratedFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
  readonly seed: number;
  /** False when an identical file from an earlier run was reused. */
  readonly generated: boolean;
  readonly problems: Readonly<Record<ProblemKind, number>> | undefined;
}

export function contactFileName(rows: number, seed: number): string {
  return `contacts-${rows}-seed${seed}-v${SEEDED_CONTACTS_VERSION}.csv`;
}

/** Writes `rows` contacts (plus a header) to `dir`; reuses an existing file of the same name. */
export async function generateContactFile(
  dir: string,
  rows: number,
  seed: number,
): Promise<GeneratedFile> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, contactFileName(rows, seed));
  if (existsSync(file)) {
    return {
      path: file,
      rows,
      bytes: statSync(file).size,
      seed,
      generated: false,
      problems: undefined,
    };
  }
  const random = createRandom(seed);
  const problems = Object.fromEntries(PROBLEM_KINDS.map((kind) => [kind, 0])) as Record<
    ProblemKind,
    number
  >;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  // Wait only when the stream asks (its buffer is full), so generating the next lines overlaps
  // writing the last ones, and memory stays at a few chunks however many rows there are.
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(`${csvLine(CONTACT_COLUMNS_WITH_DEPARTMENT)}\r\n`);
  let chunk = '';
  for (let index = 0; index < rows; index++) {
    const contact = seededContact(random, index);
    if (contact.problem) problems[contact.problem]++;
    chunk += `${seededContactCsvLine(contact)}\r\n`;
    if (chunk.length >= 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await finished(out);
  renameSync(partial, file);
  return { path: file, rows, bytes: statSync(file).size, seed, generated: true, problems };
}

// `npx tsx bench/generate.ts 1000 [seed]` writes one file and says where.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const rows = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 42);
  const dir = path.join(import.meta.dirname, 'data');
  const result = await generateContactFile(dir, rows, seed);
  console.log(result);
}
