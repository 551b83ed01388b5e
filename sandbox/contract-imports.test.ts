/**
 * Contract: `/imports` (POST only, 202 + Location), its 422s, and the asynchronous processing of
 * Part A: mapping direction, blank for a missing column, the three modes with the match rule,
 * per-row outcomes, CSV/JSON/XML resources, workspace scoping.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MY_COMPANY,
  SALES_TEAM,
  STANDARD_MAPPING,
  SUPPORT_DESK,
  base64,
  idOf,
  importCsv,
  jsonHeaders,
  listAllContacts,
  resetSandbox,
  startTestSandbox,
  waitForImport,
  type ImportStatus,
} from './test-client.ts';

let sandbox: Awaited<ReturnType<typeof startTestSandbox>>;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => resetSandbox(sandbox.url));

const HEADER = 'firstName,lastName,workEmailAddress1,workMobilePhone1,workCountry,timezone';
const THREE_ROWS = [
  HEADER,
  'John,Smith,john.smith@example.com,61423456789,Australia,+10',
  'Jane,Doe,jane@example.com,,Australia,Australia/Melbourne',
  'Raj,Patel,,61400111222,India,+05:30',
].join('\n');

async function createResource(prefix: string, body: Record<string, string>) {
  const response = await fetch(`${sandbox.url}${prefix}/resources`, {
    method: 'POST',
    headers: jsonHeaders('resource'),
    body: JSON.stringify({ scope: 'private', ...body }),
  });
  expect(response.status).toBe(201);
  return idOf(response);
}

const csvResource = (prefix = '', csv = THREE_ROWS) =>
  createResource(prefix, { name: 'c.csv', mimeType: 'text/csv', derefUri: base64(csv) });

const postImport = (
  prefix: string,
  body: unknown,
  contentType = jsonHeaders('importcontact')['content-type'],
) =>
  fetch(`${sandbox.url}${prefix}/imports`, {
    method: 'POST',
    headers: { ...jsonHeaders('importcontact'), 'content-type': contentType! },
    body: JSON.stringify(body),
  });

const importBody = (resourceId: string, extra: Record<string, unknown> = {}) => ({
  resourceId,
  importType: 'contact',
  importOptions: { fieldMapping: STANDARD_MAPPING, importMode: 'replace' },
  ...extra,
});

describe('POST /imports', () => {
  it('answers 202 with a Location holding a 32-hex id, and processes the import', async () => {
    const resourceId = await csvResource(`/workspaces/${SALES_TEAM}`);
    const response = await postImport(`/workspaces/${SALES_TEAM}`, importBody(resourceId));
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.whispir.importcontact-v1+json',
    );
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(
      new RegExp(`^${sandbox.url}/workspaces/${SALES_TEAM}/imports/[0-9A-F]{32}$`),
    );

    const status = await waitForImport(sandbox.url, idOf(response));
    expect(status).toMatchObject({
      workspaceId: SALES_TEAM,
      workspaceName: 'Sales Team',
      resourceId,
      importMode: 'replace',
      state: 'done',
      rows: { total: 3, created: 3, updated: 0, skipped: 0, failed: 0 },
      failures: [],
    });
    expect(status.finishedAt).toBeTruthy();
  });

  it('accepts the legacy import-v1 type and a top-level importMode', async () => {
    const resourceId = await csvResource();
    const response = await postImport(
      '',
      {
        resourceId,
        importType: 'contact',
        importOptions: { fieldMapping: STANDARD_MAPPING },
        importMode: 'duplicate',
      },
      'application/vnd.whispir.import-v1+json',
    );
    expect(response.status).toBe(202);
    const status = await waitForImport(sandbox.url, idOf(response));
    expect(status.importMode).toBe('duplicate');
    expect(status.workspaceId).toBe(MY_COMPANY);
  });

  it('accepts an XML import request', async () => {
    const resourceId = await csvResource();
    const mapping = Object.entries(STANDARD_MAPPING)
      .map(([field, column]) => `<${field}>${column}</${field}>`)
      .join('');
    const response = await fetch(`${sandbox.url}/imports`, {
      method: 'POST',
      headers: {
        ...jsonHeaders('importcontact'),
        'content-type': 'application/vnd.whispir.importcontact-v1+xml',
        accept: 'application/vnd.whispir.importcontact-v1+xml',
      },
      body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ns2:import xmlns:ns2="http://schemas.api.whispir.com" xmlns:ns3="http://schemas.api.whispir.com/dap">
  <resourceId>${resourceId}</resourceId><importType>contact</importType>
  <importOptions><fieldMapping>${mapping}</fieldMapping><importMode>ignore</importMode></importOptions>
</ns2:import>`,
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.whispir.importcontact-v1+xml',
    );
    const status = await waitForImport(sandbox.url, idOf(response));
    expect(status).toMatchObject({ importMode: 'ignore', rows: { created: 3 } });
  });

  it.each([
    ['no resourceId', (id: string) => importBody(id, { resourceId: undefined }), 'resourceId'],
    ['an unknown resourceId', () => importBody('F'.repeat(32)), 'resourceId'],
    [
      'importType other than contact',
      (id: string) => importBody(id, { importType: 'message' }),
      'importType',
    ],
    [
      'no importOptions',
      (id: string) => importBody(id, { importOptions: undefined }),
      'importOptions',
    ],
    [
      'a mandatory mapping key missing',
      (id: string) =>
        importBody(id, {
          importOptions: {
            importMode: 'replace',
            fieldMapping: { ...STANDARD_MAPPING, timezone: undefined },
          },
        }),
      'timezone',
    ],
    [
      'a mapping key that is no contact field',
      (id: string) =>
        importBody(id, {
          importOptions: {
            importMode: 'replace',
            fieldMapping: { ...STANDARD_MAPPING, shoeSize: 'Shoe' },
          },
        }),
      'shoeSize',
    ],
    [
      'an unknown importMode',
      (id: string) =>
        importBody(id, { importOptions: { importMode: 'merge', fieldMapping: STANDARD_MAPPING } }),
      'importMode',
    ],
    [
      'no importMode at all',
      (id: string) => importBody(id, { importOptions: { fieldMapping: STANDARD_MAPPING } }),
      'importMode',
    ],
  ])('answers 422 naming the field for %s', async (_, body, field) => {
    const resourceId = await csvResource();
    const response = await postImport('', body(resourceId));
    expect(response.status).toBe(422);
    const error = await response.json();
    expect(error).toEqual({
      errorSummary: expect.stringContaining('did not contain all of the information'),
      errorText: expect.stringContaining(field),
      errorDetail: expect.any(String),
    });
  });

  it('answers 422 naming resourceId when the resource belongs to another workspace', async () => {
    const resourceId = await csvResource(`/workspaces/${SALES_TEAM}`);
    const response = await postImport(`/workspaces/${SUPPORT_DESK}`, importBody(resourceId));
    expect(response.status).toBe(422);
    expect((await response.json()).errorText).toContain('resourceId');
  });

  it('accepts a custom_ mapping key and stores the custom field', async () => {
    const resourceId = await csvResource(
      '',
      `${HEADER},Staff\nJohn,Smith,j@example.com,614,Australia,+10,S-42\n`,
    );
    const response = await postImport(
      '',
      importBody(resourceId, {
        importOptions: {
          importMode: 'replace',
          fieldMapping: { ...STANDARD_MAPPING, custom_StaffId: 'Staff' },
        },
      }),
    );
    expect(response.status).toBe(202);
    expect((await waitForImport(sandbox.url, idOf(response))).rows.created).toBe(1);
    const list = await (
      await fetch(`${sandbox.url}/contacts?custom_StaffId=42&customFields=true`, {
        headers: jsonHeaders('contact'),
      })
    ).json();
    expect(list.contacts).toHaveLength(1);
    expect(list.contacts[0].custom_StaffId).toBe('S-42');
  });
});

describe('processing', () => {
  it('maps Whispir field ← resource column, and a missing column reads as blank', async () => {
    const csv = 'Given,Family,Mobile,Nation,TZ\nAda,Lovelace,+61 400 000 001,Australia,+10\n';
    const status = await importCsv(sandbox.url, csv, {
      workspaceId: SUPPORT_DESK,
      fieldMapping: {
        firstName: 'Given',
        lastName: 'Family',
        workMobilePhone1: 'Mobile',
        workEmailAddress1: 'No Such Column',
        workCountry: 'Nation',
        timezone: 'TZ',
      },
    });
    expect(status.rows).toEqual({ total: 1, created: 1, updated: 0, skipped: 0, failed: 0 });
    const [contact] = await listAllContacts(sandbox.url, SUPPORT_DESK);
    expect(contact).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      workMobilePhone1: '+61 400 000 001',
      workEmailAddress1: '',
      workCountry: 'Australia',
      timezone: '+10',
    });
  });

  it('fails rows without a channel, with a missing required value or a wrong field count, 1-based', async () => {
    const csv = [
      HEADER,
      'Ok,Row,ok@example.com,,Australia,+10',
      'No,Channel,,,Australia,+10',
      ',Nameless,x@example.com,,Australia,+10',
      'Jane,Smith,jane.smith@testcompany,com,61400000000,Australia,+10',
      'No,Country,nc@example.com,,,+10',
    ].join('\r\n');
    const status = await importCsv(sandbox.url, csv);
    expect(status.rows).toEqual({ total: 5, created: 1, updated: 0, skipped: 0, failed: 4 });
    expect(status.failures).toEqual([
      { row: 2, reason: expect.stringContaining('no channel') },
      { row: 3, reason: expect.stringContaining('firstName') },
      { row: 4, reason: 'the row has 7 fields but the header has 6' },
      { row: 5, reason: expect.stringContaining('workCountry') },
    ]);
  });

  it('reads a CSV with a UTF-8 BOM and CRLF line endings', async () => {
    const status = await importCsv(sandbox.url, `\uFEFF${THREE_ROWS.replace(/\n/g, '\r\n')}\r\n`);
    expect(status.rows.created).toBe(3);
  });

  it('reads JSON {"contacts": [...]} and a bare array', async () => {
    const rows = [
      {
        firstName: 'John',
        lastName: 'Smith',
        workMobilePhone1: 61423456789,
        workCountry: 'Australia',
        timezone: '+10',
      },
    ];
    for (const content of [{ contacts: rows }, rows]) {
      const resourceId = await createResource('', {
        name: 'c.json',
        mimeType: 'application/json',
        derefUri: base64(JSON.stringify(content)),
      });
      const response = await postImport(
        '',
        importBody(resourceId, {
          importOptions: { importMode: 'duplicate', fieldMapping: STANDARD_MAPPING },
        }),
      );
      expect((await waitForImport(sandbox.url, idOf(response))).rows.created).toBe(1);
    }
    const contacts = await listAllContacts(sandbox.url, MY_COMPANY);
    expect(contacts.map((c) => c.workMobilePhone1)).toEqual(['61423456789', '61423456789']);
  });

  it('reads XML contacts by namespace URI, whatever the prefix', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:import xmlns:w="http://schemas.api.whispir.com" xmlns:ns3="http://schemas.api.whispir.com/dap">
  <w:contacts>
    <w:contact><firstName>John</firstName><lastName>Smith</lastName><workEmailAddress1>j@example.com</workEmailAddress1>
      <workMobilePhone1>61423456789</workMobilePhone1><workCountry>Australia</workCountry><timezone>+10</timezone></w:contact>
    <contact><firstName>Not</firstName><lastName>Namespaced</lastName></contact>
  </w:contacts>
</w:import>`;
    const resourceId = await createResource('', {
      name: 'c.xml',
      mimeType: 'application/xml',
      derefUri: base64(xml),
    });
    const status = await waitForImport(
      sandbox.url,
      idOf(await postImport('', importBody(resourceId))),
    );
    expect(status.rows).toEqual({ total: 1, created: 1, updated: 0, skipped: 0, failed: 0 });
  });

  it('fails the whole import when a JSON resource has no contacts array', async () => {
    const resourceId = await createResource('', {
      name: 'c.json',
      mimeType: 'application/json',
      derefUri: base64('{"people": []}'),
    });
    const status = await waitForImport(
      sandbox.url,
      idOf(await postImport('', importBody(resourceId))),
    );
    expect(status.state).toBe('failed');
    expect(status.error).toContain('contacts');
  });

  it('makes mapped values readable through GET /workspaces/{id}/contacts?fields=...', async () => {
    await importCsv(sandbox.url, THREE_ROWS, { workspaceId: SALES_TEAM });
    const response = await fetch(
      `${sandbox.url}/workspaces/${SALES_TEAM}/contacts?fields=firstName,lastName,workEmailAddress1,workMobilePhone1,workCountry,timezone&sortFields=lastName`,
      { headers: jsonHeaders('contact') },
    );
    const body = await response.json();
    expect(body.status).toBe('1 to 3 of 3');
    expect(
      body.contacts.map((c: Record<string, string>) => [
        c.lastName,
        c.workEmailAddress1,
        c.workMobilePhone1,
        c.timezone,
      ]),
    ).toEqual([
      ['Doe', 'jane@example.com', '', 'Australia/Melbourne'],
      ['Patel', '', '61400111222', '+05:30'],
      ['Smith', 'john.smith@example.com', '61423456789', '+10'],
    ]);
  });
});

describe('import modes on a second import of the same file', () => {
  const SECOND = [
    HEADER,
    // Same people, names in other case/spacing; email/mobile still match.
    ' JOHN , smith ,JOHN.SMITH@EXAMPLE.COM,,Australia,+11',
    'jane,DOE,jane@example.com,61499999999,Australia,+11',
    'Raj,Patel,,+61 400 111 222,India,+11',
  ].join('\n');

  const run = async (mode: string) => {
    const first = await importCsv(sandbox.url, THREE_ROWS, { importMode: mode });
    expect(first.rows.created).toBe(3);
    const second = await importCsv(sandbox.url, SECOND, { importMode: mode });
    return { second, contacts: await listAllContacts(sandbox.url, MY_COMPANY) };
  };

  it('replace updates the matched contacts: mapped fields change, unmapped stay', async () => {
    const withJob = THREE_ROWS.split('\n')
      .map((line, i) => `${line},${i === 0 ? 'jobTitle' : 'Pilot'}`)
      .join('\n');
    const first = await importCsv(sandbox.url, withJob, {
      fieldMapping: { ...STANDARD_MAPPING, jobTitle: 'jobTitle' },
    });
    expect(first.rows.created).toBe(3);
    const second = await importCsv(sandbox.url, SECOND, { importMode: 'replace' });
    expect(second.rows).toEqual({ total: 3, created: 0, updated: 3, skipped: 0, failed: 0 });
    const contacts = await listAllContacts(sandbox.url, MY_COMPANY);
    expect(contacts).toHaveLength(3);
    expect(contacts.map((c) => c.timezone)).toEqual(['+11', '+11', '+11']);
    expect(contacts.map((c) => c.jobTitle)).toEqual(['Pilot', 'Pilot', 'Pilot']);
    expect(contacts.map((c) => c.firstName)).toEqual(['JOHN', 'jane', 'Raj']);
    expect(contacts[1]?.workMobilePhone1).toBe('61499999999');
  });

  it('duplicate creates every row again', async () => {
    const { second, contacts } = await run('duplicate');
    expect(second.rows).toEqual({ total: 3, created: 3, updated: 0, skipped: 0, failed: 0 });
    expect(contacts).toHaveLength(6);
  });

  it('ignore skips the matched rows and changes nothing', async () => {
    const { second, contacts } = await run('ignore');
    expect(second.rows).toEqual({ total: 3, created: 0, updated: 0, skipped: 3, failed: 0 });
    expect(contacts).toHaveLength(3);
    expect(new Set(contacts.map((c) => c.timezone))).toEqual(
      new Set(['+10', 'Australia/Melbourne', '+05:30']),
    );
  });

  it('does not match on the name alone, nor across workspaces', async () => {
    await importCsv(sandbox.url, THREE_ROWS);
    const other = await importCsv(sandbox.url, THREE_ROWS, {
      workspaceId: SALES_TEAM,
      importMode: 'ignore',
    });
    expect(other.rows.created).toBe(3);
    const sameNameOtherEmail = `${HEADER}\nJohn,Smith,other@example.com,61000000000,Australia,+10\n`;
    const status = await importCsv(sandbox.url, sameNameOtherEmail, { importMode: 'ignore' });
    expect(status.rows).toMatchObject({ created: 1, skipped: 0 });
  });

  it('a workspace-scoped import touches only that workspace', async () => {
    await importCsv(sandbox.url, THREE_ROWS, { workspaceId: SUPPORT_DESK });
    expect(await listAllContacts(sandbox.url, SUPPORT_DESK)).toHaveLength(3);
    expect(await listAllContacts(sandbox.url, SALES_TEAM)).toHaveLength(0);
    expect(await listAllContacts(sandbox.url, MY_COMPANY)).toHaveLength(0);
  });
});

describe('asynchrony', () => {
  const setConfig = (config: Record<string, number>) =>
    fetch(`${sandbox.url}/__sandbox/config`, { method: 'PUT', body: JSON.stringify(config) });

  it('queues an import for the configured delay before processing it', async () => {
    await setConfig({ importDelayMs: 300 });
    const resourceId = await csvResource();
    const response = await postImport('', importBody(resourceId));
    const early = (await (
      await fetch(`${sandbox.url}/__sandbox/imports/${idOf(response)}`)
    ).json()) as ImportStatus;
    expect(early.state).toBe('queued');
    expect((await waitForImport(sandbox.url, idOf(response))).state).toBe('done');
  });

  it('paces rows at rowsPerSecond, showing progress while processing', async () => {
    await setConfig({ rowsPerSecond: 40 });
    const rows = Array.from({ length: 20 }, (_, i) => `P${i},Q,p${i}@example.com,,Australia,+10`);
    const resourceId = await csvResource('', [HEADER, ...rows].join('\n'));
    const started = Date.now();
    const response = await postImport('', importBody(resourceId));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const midway = (await (
      await fetch(`${sandbox.url}/__sandbox/imports/${idOf(response)}`)
    ).json()) as ImportStatus;
    expect(midway.state).toBe('processing');
    expect(midway.rows.created).toBeLessThan(20);
    const done = await waitForImport(sandbox.url, idOf(response));
    expect(done.rows.created).toBe(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('lists imports and answers 404 for an unknown one', async () => {
    await importCsv(sandbox.url, THREE_ROWS);
    const list = await (await fetch(`${sandbox.url}/__sandbox/imports`)).json();
    expect(list.imports).toHaveLength(1);
    expect((await fetch(`${sandbox.url}/__sandbox/imports/NOPE`)).status).toBe(404);
  });
});
