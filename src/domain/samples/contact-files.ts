/**
 * The contact file shapes Whispir imports, as the app's sample files, the e2e fixtures and the
 * seeded generator write them: CSV, its JSON `{contacts: [...]}` and its `ns2:import` XML, with
 * Whispir's field names as columns.
 *
 * Kept apart from `seeded-contacts.ts` so the app, whose sample files use these writers, does not
 * carry the generator's tables of names.
 */

/** The columns of Whispir's own Imports page sample: its field names, so matching needs no help. */
export const CONTACT_COLUMNS = [
  'firstName',
  'lastName',
  'workEmailAddress1',
  'workMobilePhone1',
  'workCountry',
  'timezone',
] as const;

/** The same with a free-text column that some rows quote (`"Sales, APAC"`). */
export const CONTACT_COLUMNS_WITH_DEPARTMENT = [...CONTACT_COLUMNS, 'department'] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** A CSV value, quoted only when it has to be, as spreadsheets write it. */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line, without its line end. A loop, not map and join: the bench writes millions. */
export function csvLine(values: readonly string[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++)
    line += i === 0 ? csvCell(values[i]!) : `,${csvCell(values[i]!)}`;
  return line;
}

/** Rows as Whispir's JSON import shape, one object per row keyed by `columns`, indented. */
export function contactsJson(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const contacts = rows.map((row) =>
    Object.fromEntries(columns.map((column, i) => [column, row[i] ?? ''])),
  );
  return `${JSON.stringify({ contacts }, null, 2)}\n`;
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/**
 * Rows as Whispir's XML import shape (`ns2:import/ns2:contacts/ns2:contact`); `columns` are the
 * element names, so they must be XML names (Whispir's field names are). `one-line` puts each
 * contact on one line, `indented` each field on its own line, as Whispir's documentation shows it.
 */
export function contactsXml(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  layout: 'one-line' | 'indented',
): string {
  const contacts = rows.map((row) => {
    const fields = columns.map((name, i) => `<${name}>${escapeXml(row[i] ?? '')}</${name}>`);
    return layout === 'one-line'
      ? `    <ns2:contact>${fields.join('')}</ns2:contact>`
      : [
          '    <ns2:contact>',
          ...fields.map((field) => `      ${field}`),
          '    </ns2:contact>',
        ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<ns2:import xmlns:ns2="http://schemas.api.whispir.com" xmlns:ns3="http://schemas.api.whispir.com/dap">',
    '  <ns2:contacts>',
    ...contacts,
    '  </ns2:contacts>',
    '</ns2:import>',
    '',
  ].join('\n');
}
