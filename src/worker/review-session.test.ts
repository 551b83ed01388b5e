import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../domain/mapping/mapping';
import { ROWS_PER_STEP, runSteps } from '../domain/progress/steps';
import { prepareUpload, preparingUpload } from '../domain/resource/upload-plan';
import { uploadedContacts } from './uploaded-contacts';
import { ReviewSession, type ReviewTable } from './review-session';
import { RowStore, rowsToArrays } from '../domain/intake/row-store';

const headers = ['first', 'last', 'email', 'mobile', 'country', 'tz'];
const table: ReviewTable = {
  headers,
  delimiter: ',',
  rows: RowStore.from([
    ['Ann', 'Lee', 'ann@example.com', '61412345001', 'Australia', '+10'],
    ['Bob', 'Ray', 'BOB@example.com', '0412 345 002', 'AU', 'UTC+10'],
    ['Cat', 'Fox', 'cat@example,com', '61412345003', 'Australia', '+10'],
    ['Dan', 'Orr', 'dan@example.com', '0412345004', 'Australia', '+10', 'extra'],
    ['', 'Eve', 'eve@example.com', '61412345005', 'Australia', '+10'],
  ]),
  rowNumbers: [2, 3, 4, 5, 7],
};
const mapping: ColumnMapping = {
  firstName: { kind: 'column', column: 'first' },
  lastName: { kind: 'column', column: 'last' },
  workEmailAddress1: { kind: 'column', column: 'email' },
  workMobilePhone1: { kind: 'column', column: 'mobile' },
  workCountry: { kind: 'column', column: 'country' },
  timezone: { kind: 'column', column: 'tz' },
  department: { kind: 'constant', value: 'Sales' },
};

const codesOf = (session: ReviewSession, position: number) =>
  session.window(position, 1, { kind: 'all' }).rows[0]?.problems.map((p) => p.code);

describe('ReviewSession: one column feeding two fields', () => {
  it('sends each field its own value once a whole name is split', () => {
    const names: ReviewTable = {
      headers: ['Full Name', 'Email', 'Country', 'TZ'],
      delimiter: ',',
      rows: RowStore.from([
        ['Olivia Nguyen', 'olivia@example.com', 'Australia', '+10'],
        ['Smith, John', 'john@example.com', 'Australia', '+10'],
      ]),
      rowNumbers: [2, 3],
    };
    const session = ReviewSession.create(names, {
      firstName: { kind: 'column', column: 'Full Name' },
      lastName: { kind: 'column', column: 'Full Name' },
      workEmailAddress1: { kind: 'column', column: 'Email' },
      workCountry: { kind: 'column', column: 'Country' },
      timezone: { kind: 'column', column: 'TZ' },
    });
    expect(session.summary().rowsWithErrors).toBe(2);
    expect(session.applyAllFixes()).toBe(4);
    const input = session.uploadInput();
    const contacts = [...input.rows].map((row) =>
      Object.fromEntries(
        Object.entries(input.mapping).map(([field, source]) => [
          field,
          source.kind === 'column' ? row[input.headers.indexOf(source.column)] : '',
        ]),
      ),
    );
    expect(contacts.map((c) => [c.firstName, c.lastName])).toEqual([
      ['Olivia', 'Nguyen'],
      ['John', 'Smith'],
    ]);
    expect(input.mapping.lastName).toEqual({ kind: 'column', column: 'lastName (from Full Name)' });

    // Back to the mapping, a change, and the review again: each edit returns to its own field.
    const remapped = ReviewSession.create(
      names,
      {
        lastName: { kind: 'column', column: 'Full Name' },
        firstName: { kind: 'column', column: 'Full Name' },
        workEmailAddress1: { kind: 'column', column: 'Email' },
        workCountry: { kind: 'column', column: 'Country' },
        timezone: { kind: 'column', column: 'TZ' },
        department: { kind: 'constant', value: 'Sales' },
      },
      session.work(),
    );
    expect(remapped.summary().rowsWithErrors).toBe(0);
    const again = remapped.uploadInput();
    const [olivia] = [...again.rows];
    const at = (field: string) => {
      const source = again.mapping[field];
      return source?.kind === 'column' ? olivia?.[again.headers.indexOf(source.column)] : '';
    };
    expect([at('firstName'), at('lastName')]).toEqual(['Olivia', 'Nguyen']);
  });

  it('never moves a split name’s part into the other name field when the mapping changes', () => {
    const people: ReviewTable = {
      headers: ['Full Name', 'Surname', 'Email', 'Country', 'TZ'],
      delimiter: ',',
      rows: RowStore.from([['Olivia Nguyen', 'Nguyen', 'olivia@example.com', 'Australia', '+10']]),
      rowNumbers: [2],
    };
    const rest: ColumnMapping = {
      workEmailAddress1: { kind: 'column', column: 'Email' },
      workCountry: { kind: 'column', column: 'Country' },
      timezone: { kind: 'column', column: 'TZ' },
    };
    const split = ReviewSession.create(people, {
      firstName: { kind: 'column', column: 'Full Name' },
      lastName: { kind: 'column', column: 'Full Name' },
      ...rest,
    });
    split.applyAllFixes();
    const next = ReviewSession.create(
      people,
      {
        firstName: { kind: 'column', column: 'Full Name' },
        lastName: { kind: 'column', column: 'Surname' },
        ...rest,
      },
      split.work(),
    );
    const input = next.uploadInput();
    const [row] = [...input.rows];
    const at = (field: string) => {
      const source = input.mapping[field];
      return source?.kind === 'column' ? row?.[input.headers.indexOf(source.column)] : '';
    };
    expect([at('firstName'), at('lastName')]).toEqual(['Olivia', 'Nguyen']);
    // The last name's edit has no field of its column left: set aside, not lost.
    expect(next.summary().setAside).toEqual([
      { source: 'the Full Name column (as Last name)', count: 1 },
    ]);
  });

  it('gives an edit back to its own field, or follows its column to another field', () => {
    const typo: ReviewTable = {
      headers: ['Full Name', 'Email', 'Country', 'TZ'],
      delimiter: ',',
      rows: RowStore.from([['Olivia Nguyen', 'olivia@exampel.com', 'Australia', '+10']]),
      rowNumbers: [2],
    };
    const place: ColumnMapping = {
      workCountry: { kind: 'column', column: 'Country' },
      timezone: { kind: 'column', column: 'TZ' },
    };
    const first = ReviewSession.create(typo, {
      firstName: { kind: 'column', column: 'Full Name' },
      lastName: { kind: 'constant', value: 'x' },
      workEmailAddress1: { kind: 'column', column: 'Email' },
      ...place,
    });
    // First name trimmed to the first name; the email's typo corrected.
    first.editCell(0, 'firstName', 'Olivia');
    first.editCell(0, 'workEmailAddress1', 'olivia@example.com');
    const next = ReviewSession.create(
      typo,
      {
        lastName: { kind: 'column', column: 'Full Name' },
        firstName: { kind: 'column', column: 'Full Name' },
        personalEmailAddress1: { kind: 'column', column: 'Email' },
        ...place,
      },
      first.work(),
    );
    const input = next.uploadInput();
    const [row] = [...input.rows];
    const at = (field: string) => {
      const source = input.mapping[field];
      return source?.kind === 'column' ? row?.[input.headers.indexOf(source.column)] : '';
    };
    // The trimmed first name stays the first name only; the email follows its column.
    expect([at('firstName'), at('lastName'), at('personalEmailAddress1')]).toEqual([
      'Olivia',
      'Olivia Nguyen',
      'olivia@example.com',
    ]);
  });
});

describe('ReviewSession', () => {
  it('validates the mapped values of every row, with file row numbers', () => {
    const session = ReviewSession.create(table, mapping);
    const summary = session.summary();
    expect(summary.totalRows).toBe(5);
    // Bob: country code (error) and fixable phone/timezone; Cat: bad email; Dan: a seventh
    // field and a local mobile; Eve: no first name.
    expect(summary.rowsWithErrors).toBe(4);
    expect(codesOf(session, 2)).toEqual(['email-invalid']);
    expect(codesOf(session, 3)).toEqual(['row-too-many-fields', 'phone-needs-country-code']);
    expect(session.window(4, 1, { kind: 'all' }).rows[0]).toMatchObject({
      rowNumber: 7,
      problems: [{ code: 'required-missing', field: 'firstName', row: 7 }],
    });
    expect(summary.accounting).toEqual({ total: 5, sent: 1, skipped: 0, rejected: 4 });
    expect(summary.byCode.find((c) => c.code === 'row-too-many-fields')?.count).toBe(1);
  });

  it('an empty field past the header’s is nothing to review when every line ends so', () => {
    const ann = ['Ann', 'Lee', 'ann@example.com', '61412345001', 'Australia', '+10'];
    const bob = ['Bob', 'Ray', 'bob@example.com', '61412345002', 'Australia', '+10'];
    const trailing: ReviewTable = {
      ...table,
      rows: RowStore.from([
        [...ann, ''],
        [...bob, ''],
      ]),
      rowNumbers: [2, 3],
    };
    const session = ReviewSession.create(trailing, mapping);
    expect(codesOf(session, 0)).toEqual([]);
    expect(session.summary().accounting).toMatchObject({ sent: 2, rejected: 0 });
    // One row so among others may have its values shifted right: it is flagged.
    const one: ReviewTable = {
      ...table,
      rows: RowStore.from([[...ann, ''], bob]),
      rowNumbers: [2, 3],
    };
    expect(codesOf(ReviewSession.create(one, mapping), 0)).toEqual(['row-too-many-fields']);
  });

  it('offers fixes with counts and applies one kind to every row, undoably', () => {
    const session = ReviewSession.create(table, mapping);
    const fix = session.summary().fixes.find((f) => f.kind === 'phone-country-code');
    expect(fix).toMatchObject({ count: 2, field: 'workMobilePhone1' });
    expect(session.applyFix('phone-country-code', 'workMobilePhone1')).toBe(2);
    const after = session.window(0, 5, { kind: 'all' }).rows;
    expect(after[1]?.values[3]).toBe('61412345002');
    expect(after[1]?.edited).toEqual(['workMobilePhone1']);
    expect(after[3]?.values[3]).toBe('61412345004');
    expect(session.summary().undo).toBe('fix of 2 cells of Work mobile');
    session.undo();
    expect(session.window(1, 1, { kind: 'all' }).rows[0]?.values[3]).toBe('0412 345 002');
    session.redo();
    expect(session.window(1, 1, { kind: 'all' }).rows[0]?.values[3]).toBe('61412345002');
  });

  it('re-validates an edited row at once; an edit settles a row with too many fields', () => {
    const session = ReviewSession.create(table, mapping);
    session.editCell(2, 'workEmailAddress1', 'cat@example.com');
    expect(codesOf(session, 2)).toEqual([]);
    session.editCell(3, 'workMobilePhone1', '61412345004');
    expect(codesOf(session, 3)).toEqual([]);
    session.undo();
    expect(codesOf(session, 3)).toEqual(['row-too-many-fields', 'phone-needs-country-code']);
    session.redo();
    expect(session.summary().rowsWithErrors).toBe(2);
  });

  it('filters, finds the next error, skips and restores', () => {
    const session = ReviewSession.create(table, mapping);
    expect(session.window(0, 10, { kind: 'errors' }).rows.map((r) => r.rowNumber)).toEqual([
      3, 4, 5, 7,
    ]);
    expect(
      session.window(0, 10, { kind: 'code', code: 'email-invalid' }).rows.map((r) => r.rowNumber),
    ).toEqual([4]);
    expect(
      session.window(0, 10, { kind: 'field', field: 'workCountry' }).rows.map((r) => r.rowNumber),
    ).toEqual([3]);
    expect(session.nextError({ kind: 'all' }, 0)).toBe(1);
    expect(session.nextError({ kind: 'all' }, 4)).toBe(1);
    expect(session.nextError({ kind: 'errors' }, 0)).toBe(1);
    expect(session.setSkipped('all-with-errors', true)).toBe(4);
    expect(session.summary().accounting).toEqual({ total: 5, sent: 1, skipped: 4, rejected: 0 });
    expect(session.nextError({ kind: 'all' }, 0)).toBe(-1);
    session.undo();
    expect(session.summary().accounting.skipped).toBe(0);
    session.setSkipped([0], true);
    expect(session.summary().message).toBe(
      '0 will be sent, 1 skipped, 4 rows with errors will not be sent (they are in the rejected-rows report). There is nothing to send.',
    );
  });

  it('blocks under the "block" policy while errors remain', () => {
    const session = ReviewSession.create(table, mapping);
    session.setPolicy('block');
    expect(session.summary()).toMatchObject({ blocked: true, held: 1 });
    expect(() => session.uploadInput()).toThrow(/Nothing will be sent yet/);
    session.setSkipped('all-with-errors', true);
    expect(session.summary().blocked).toBe(false);
  });

  it('names a row too large to send by its row in the file, not its place among those sent', () => {
    const session = ReviewSession.create(table, mapping);
    session.applyFix('phone-country-code', 'workMobilePhone1');
    // Rows 3 and 4 of the file stay in error: Dan's (file row 5) is the second row sent.
    session.editCell(3, 'department', 'x'.repeat(6000));
    const input = session.uploadInput();
    expect(input.rowNumberOf(1)).toBe(5);
    const result = prepareUpload(input.headers, input.rows, input.mapping, 'csv', 'c.csv', 4000);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^Row 2 alone/) });
    // The review gives the row numbers (its rows are a fresh generator each time).
    const again = session.uploadInput();
    const named = runSteps(
      preparingUpload({
        ...again,
        total: 2,
        format: 'csv',
        fileName: 'c.csv',
        maxRequestBytes: 4000,
      }),
    );
    expect(named).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Row 5 alone is larger/),
    });
  });

  it('uploads only the rows to send, with edited values, constants and fixed constants', () => {
    const session = ReviewSession.create(table, mapping);
    session.applyFix('phone-country-code', 'workMobilePhone1');
    session.editCell(3, 'firstName', 'Daniel');
    session.editCell(0, 'department', 'Support');
    const input = session.uploadInput();
    expect(input.accounting).toEqual({ total: 5, sent: 2, skipped: 0, rejected: 3 });
    // Any row to send can be asked for again, as the parts' files are built one by one.
    const rows = [...input.rows];
    expect(input.rowCount).toBe(2);
    expect(Array.from({ length: input.rowCount }, (_, p) => input.rowAt(p))).toEqual(rows);
    expect(() => input.rowAt(2)).toThrow(RangeError);
    expect(uploadedContacts(session)).toEqual([
      {
        firstName: 'Ann',
        lastName: 'Lee',
        workEmailAddress1: 'ann@example.com',
        workMobilePhone1: '61412345001',
        workCountry: 'Australia',
        timezone: '+10',
        department: 'Support',
      },
      {
        firstName: 'Daniel',
        lastName: 'Orr',
        workEmailAddress1: 'dan@example.com',
        workMobilePhone1: '61412345004',
        workCountry: 'Australia',
        timezone: '+10',
        department: 'Sales',
      },
    ]);
    // A change after the upload was planned makes its rows stale: no part is built from them.
    const planned = session.uploadInput();
    session.editCell(0, 'lastName', 'Leigh');
    expect(() => planned.rowAt(0)).toThrow(/changed after the upload was planned/);
  });

  it('writes the rejected rows report: original cells, status, reasons, neutralised', () => {
    const session = ReviewSession.create(
      {
        ...table,
        rows: RowStore.from(
          rowsToArrays(table.rows).map((row, i) =>
            i === 2 ? ['=HYPERLINK("x")', ...row.slice(1)] : row,
          ),
        ),
      },
      mapping,
    );
    session.setSkipped([0], true);
    const csv = session.rejectedReport();
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    const [head, ...rows] = parsed.data;
    expect(head).toEqual([...headers, 'Column 7', 'row', 'status', 'problems']);
    expect(rows.map((r) => [r[7], r[8]])).toEqual([
      ['2', 'skipped'],
      ['3', 'rejected'],
      ['4', 'rejected'],
      ['5', 'rejected'],
      ['7', 'rejected'],
    ]);
    expect(rows[2]?.[0]).toBe(`'=HYPERLINK("x")`);
    expect(rows[2]?.[9]).toContain('is not an email address');
  });

  it('applies a kind of fix across fields, and finds rows whose numbers do not ascend', () => {
    const session = ReviewSession.create(
      {
        headers,
        rows: RowStore.from([
          [' Ann ', 'Lee ', 'ann@example.com', '61412345001', 'Australia', '+10'],
          ['Bob', ' Ray', 'bob@example.com', '61412345002', 'Australia', '+10'],
        ]),
        // JSON records, say, numbered in an order of their own.
        rowNumbers: [9, 4],
      },
      mapping,
    );
    expect(session.summary().fixes.map((fix) => [fix.kind, fix.field, fix.count])).toEqual([
      ['trim', 'lastName', 2],
      ['trim', 'firstName', 1],
    ]);
    expect(session.applyFix('trim', 'all')).toBe(3);
    expect(session.summary().byCode).toEqual([]);
    expect(session.window(0, 2, { kind: 'all' }).rows.map((row) => row.rowNumber)).toEqual([9, 4]);
    session.undo();
    expect(session.window(1, 1, { kind: 'all' }).rows[0]?.problems[0]).toMatchObject({
      row: 4,
      code: 'whitespace',
    });
  });

  it('checks 100,000 rows, with windows from the errors (speed: npm run bench)', () => {
    const session = ReviewSession.create(bigTable(100_000), mapping);
    const summary = session.summary();
    const window = session.window(5_000, 40, { kind: 'errors' });
    expect(summary.totalRows).toBe(100_000);
    expect(summary.rowsWithErrors).toBe(10_000);
    expect(window.rows).toHaveLength(40);
    expect(window.rows[0]?.problems.map((p) => p.code)).toEqual(['phone-needs-country-code']);
  });

  it('checks in steps that pause with their progress, ending in the same review', () => {
    const big = bigTable(ROWS_PER_STEP * 3 + 7);
    const steps = ReviewSession.checking(big, mapping);
    const seen: number[] = [];
    let next = steps.next();
    while (!next.done) {
      seen.push(next.value.rows);
      expect(next.value.total).toBe(big.rows.length);
      next = steps.next();
    }
    expect(seen.slice(0, 3)).toEqual([ROWS_PER_STEP, ROWS_PER_STEP * 2, ROWS_PER_STEP * 3]);
    expect(next.value.summary()).toEqual(ReviewSession.create(big, mapping).summary());
  });

  it('keeps its counts and fixes as a fresh check of the same edits would count them', () => {
    // Counts are kept up to date by each change (not counted again over every problem): after
    // any run of edits, skips, fixes, undos and redos they are those of a new review that
    // takes the same work over.
    const edit = fc.record({
      index: fc.integer({ min: 0, max: 4 }),
      field: fc.constantFrom(
        'firstName',
        'lastName',
        'workEmailAddress1',
        'workMobilePhone1',
        'timezone',
      ),
      value: fc.constantFrom(
        '',
        'Ann',
        'Lee',
        'ann@example.com',
        'A@@b',
        '0412 345 009',
        '61412345001',
        'GMT+10',
        'Mars/Base',
      ),
    });
    // A row made the same person as the first (a duplicate group forms), in three edits.
    const copy = fc.record({ copy: fc.integer({ min: 1, max: 4 }) });
    const step = fc.oneof(
      edit,
      copy,
      fc.constantFrom('undo', 'redo', 'fix-all', 'skip-errors', 'restore-all'),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const session = ReviewSession.create(table, mapping);
        for (const s of steps) {
          if (s === 'undo') session.undo();
          else if (s === 'redo') session.redo();
          else if (s === 'fix-all') session.applyAllFixes();
          else if (s === 'skip-errors') session.setSkipped('all-with-errors', true);
          else if (s === 'restore-all') session.setSkipped([0, 1, 2, 3, 4], false);
          else if ('copy' in s) {
            session.editCell(s.copy, 'firstName', 'Ann');
            session.editCell(s.copy, 'lastName', 'Lee');
            session.editCell(s.copy, 'workEmailAddress1', 'ann@example.com');
          } else session.editCell(s.index, s.field, s.value);
        }
        const kept = session.summary();
        const fresh = ReviewSession.create(table, mapping, session.work()).summary();
        expect(kept.byCode).toEqual(fresh.byCode);
        expect(kept.byField).toEqual(fresh.byField);
        const fixes = (summary: typeof kept) =>
          summary.fixes.map((f) => `${f.kind} ${f.field} ${f.count}`).sort();
        expect(fixes(kept)).toEqual(fixes(fresh));
        expect(kept.duplicates).toEqual(fresh.duplicates);
        expect(kept.rowsWithErrors).toBe(fresh.rowsWithErrors);
      }),
      { numRuns: process.env.CI ? 100 : 500 },
    );
  });
});

function bigTable(count: number): ReviewTable {
  const rows = Array.from({ length: count }, (_, i) => [
    `First${i}`,
    `Last${i}`,
    `p${i}@example.com`,
    i % 10 === 0 ? `0412 ${String(i).padStart(6, '0')}` : `614${String(i).padStart(8, '0')}`,
    'Australia',
    '+10',
  ]);
  return { headers, rows: RowStore.from(rows), rowNumbers: rows.map((_, i) => i + 2) };
}
