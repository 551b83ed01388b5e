/**
 * `npm run bench:rules`: what each row rule costs, in Node, over a bench file's own values.
 * The read and the whole review are timed (the review first with cold caches, as the app meets
 * its first file), then each rule's function over the column it checks, every row, as the
 * review calls it. Medians of BENCH_RUNS (default 3). The file: the first argument, else the
 * bench's generated file of BENCH_RULE_ROWS rows (default 1,000,000).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readTable } from '../src/domain/intake/read-table';
import type { ColumnMapping } from '../src/domain/mapping/mapping';
import { CONTACT_COLUMNS } from '../src/domain/samples/contact-files';
import { findCountry } from '../src/domain/validation/countries';
import { DuplicateIndex, MatchBatch } from '../src/domain/validation/duplicates';
import { runSteps } from '../src/domain/progress/steps';
import { hasUpperCase, isEmail, isPlainEmail } from '../src/domain/validation/emails';
import { lineTypeOf } from '../src/domain/validation/line-types';
import { checkPhone, isWhispirFormFor, toPhoneRegion } from '../src/domain/validation/phones';
import { checkTimezone } from '../src/domain/validation/timezones';
import { ReviewSession } from '../src/worker/review-session';
import path from 'node:path';
import { generateContactFile } from './generate';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function timed(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function once(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const file =
    process.argv[2] ??
    (
      await generateContactFile(
        path.join(import.meta.dirname, 'data'),
        Number(process.env.BENCH_RULE_ROWS ?? 1_000_000),
        42,
      )
    ).path;
  if (!existsSync(file)) throw new Error(`No file at ${file}`);
  const bytes = new Uint8Array(readFileSync(file));
  const table = readTable(bytes, file, {});
  const rows = table.rows.length;
  const column = (name: string): string[] => {
    const at = table.headers.indexOf(name);
    return Array.from({ length: rows }, (_, i) => table.rows.cell(i, at) ?? '');
  };
  const first = column('firstName');
  const emails = column('workEmailAddress1');
  const mobiles = column('workMobilePhone1');
  const countries = column('workCountry');
  const zones = column('timezone');
  const regions = countries.map((name) => toPhoneRegion(findCountry(name)?.country.iso2));
  const valid = mobiles.filter((m, i) => checkPhone(m, regions[i]).kind === 'valid');

  // The bench file's columns are Whispir's field names (its department is left out).
  const mapping: ColumnMapping = Object.fromEntries(
    CONTACT_COLUMNS.map((field) => [field, { kind: 'column', column: field }]),
  );
  // Each row's match values (email, mobile) and an index made for the file, as the review's.
  const matchValues = (i: number) => [emails[i], undefined, mobiles[i], undefined];
  const matchIndex = () => new DuplicateIndex(() => '', matchValues, rows);
  // First, as the app meets its first file: every cache cold (libphonenumber's line types).
  const cold = once(() => ReviewSession.create(table, mapping));
  const results: [string, number][] = [
    ['read: decode, parse, rows kept compact', timed(() => readTable(bytes, file, {}))],
    ['the whole review, first file (caches cold)', cold],
    ['the whole review, again (caches warm)', timed(() => ReviewSession.create(table, mapping))],
    ['required fields (blank test)', timed(() => first.forEach((v) => v.trim() === ''))],
    ['email: syntax', timed(() => emails.forEach((v) => isEmail(v)))],
    ['email: capitals', timed(() => emails.forEach((v) => hasUpperCase(v)))],
    [
      'email: both at once, lower-case ASCII (isPlainEmail)',
      timed(() => emails.forEach((v) => isPlainEmail(v))),
    ],
    [
      'mobile: Whispir form / fix (checkPhone)',
      timed(() => mobiles.forEach((v, i) => checkPhone(v, regions[i]))),
    ],
    [
      'mobile: already in Whispir form (isWhispirFormFor)',
      timed(() => mobiles.forEach((v, i) => isWhispirFormFor(v, regions[i]))),
    ],
    [
      'mobile: landline or mobile (lineTypeOf, warm)',
      timed(() => valid.forEach((v) => lineTypeOf(v))),
    ],
    [
      'country: name, code or alias (findCountry)',
      timed(() => countries.forEach((v) => findCountry(v))),
    ],
    [
      'time zone: IANA name or offset (checkTimezone)',
      timed(() => zones.forEach((v) => checkTimezone(v))),
    ],
    [
      'duplicates: index of email and mobile, row by row (`add`, as an edit does)',
      timed(() => {
        const index = matchIndex();
        for (let i = 0; i < rows; i++) index.add(i, matchValues(i));
        index.groups();
      }),
    ],
    [
      'duplicates: the same, at once (`addAll`, as the review does)',
      timed(() => {
        const index = matchIndex();
        const batch = new MatchBatch(rows);
        for (let i = 0; i < rows; i++) batch.add(i, matchValues(i));
        runSteps(index.addAll(batch));
        index.groups();
      }),
    ],
  ];
  console.log(`${rows.toLocaleString('en')} rows of ${file} (medians of ${RUNS}):`);
  console.log('| step | total | per row |\n| --- | ---: | ---: |');
  for (const [label, ms] of results)
    console.log(
      `| ${label} | ${Math.round(ms).toLocaleString('en')} ms | ${((ms * 1000) / rows).toFixed(2)} µs |`,
    );
}

void main();
