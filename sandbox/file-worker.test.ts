/**
 * The file worker: it gives the same answers as the work done in place (the contract tests
 * check those answers against Whispir's), and the thread that asks goes on running meanwhile,
 * so the server answers other requests while an upload is checked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FileWorker, inThreadFiles, ownMemory } from './file-worker.ts';
import type { RowTableRead } from './resource-files.ts';
import type { RunningSandbox } from './server.ts';
import { base64, idOf, jsonHeaders, startTestSandbox } from './test-client.ts';

const files = new FileWorker();
afterAll(() => files.close());

const COLUMNS = ['firstName', 'lastName', 'note', 'missing'];

/** Every row of a read table: the columns' cells, then the row's problem. */
function cellsOf(read: RowTableRead) {
  if ('error' in read) return read;
  const readers = COLUMNS.map((name) => read.table.column(name));
  return Array.from({ length: read.table.rowCount }, (_, row) => [
    ...readers.map((cell) => cell(row)),
    read.table.problem(row),
  ]);
}

const csv = (rows: number) =>
  [
    'firstName,lastName,note',
    ...Array.from({ length: rows }, (_, i) =>
      i % 5 === 0
        ? `Zoë${i},"Ó ${i}","a, ""b""\r\nc"`
        : i % 13 === 0
          ? `F${i},L${i}`
          : `F${i},L${i},`,
    ),
  ].join('\r\n');

/** A Whispir import document of `count` contacts (about 180 bytes each). */
const contactsXml = (count: number) =>
  `<?xml version="1.0"?><import xmlns="http://schemas.api.whispir.com"><contacts>${Array.from(
    { length: count },
    (_, i) =>
      `<contact><firstName xmlns="">F${i}</firstName><lastName xmlns="">L${i}</lastName><workEmailAddress1 xmlns="">u${i}@example.com</workEmailAddress1><note xmlns="">n</note></contact>`,
  ).join('')}</contacts></import>`;

const FILES = [
  ['CSV', csv(2000), 'text/csv'],
  ['CSV with a BOM and blank lines', `\uFEFF${csv(3)}\n\n`, 'text/csv'],
  ['CSV with a quote error', `${csv(10)}\nF,"open`, 'text/csv'],
  ['empty CSV', '  \n', 'text/csv'],
  [
    'JSON',
    JSON.stringify({ contacts: [{ firstName: 'Ada', note: 7 }, 'x', {}] }),
    'application/json',
  ],
  ['a bare JSON array', '[{"firstName":"Bo"}]', 'application/json'],
  ['JSON without contacts', '{"people":[]}', 'application/json'],
  ['broken JSON', '{"contacts":', 'application/json'],
  ['XML', contactsXml(50), 'application/xml'],
  ['broken XML', '<import>', 'application/xml'],
  ['XML nested too deep', `${'<a>'.repeat(65)}${'</a>'.repeat(65)}`, 'application/xml'],
  ['a public image', 'GIF89a', 'image/gif'],
] as const;

const jsonBody = (fields: Record<string, string>) => Buffer.from(JSON.stringify(fields));
const resource = (content: string, mimeType: string) => ({
  name: 'file',
  scope: mimeType.startsWith('image/') ? 'public' : 'private',
  mimeType,
  derefUri: base64(content),
});

describe('the file worker answers as the work done in place', () => {
  const read = async (bytes: Buffer, format: 'json' | 'xml', maxFileBytes = 10_000_000) => {
    const [worker, inPlace] = await Promise.all([
      // The worker may take the bytes it is given: it gets a copy.
      files.readResourceBody(Buffer.from(bytes), format, maxFileBytes),
      inThreadFiles.readResourceBody(bytes, format, maxFileBytes),
    ]);
    expect(worker).toEqual(inPlace);
    return worker;
  };

  it.each(FILES)('checks an upload of %s', async (_, content, mimeType) => {
    const worker = await read(jsonBody(resource(content, mimeType)), 'json');
    if (worker.ok && worker.checked.ok)
      expect(worker.checked.value.content.equals(Buffer.from(content))).toBe(true);
  });

  it('reads an XML body', async () => {
    const xml = `<resource xmlns="http://schemas.api.whispir.com"><name xmlns="">a.csv</name><scope xmlns="">private</scope><mimeType xmlns="">text/csv</mimeType><derefUri xmlns="">${base64(csv(3))}</derefUri></resource>`;
    expect(await read(Buffer.from(xml), 'xml')).toMatchObject({
      ok: true,
      checked: { ok: true, value: { name: 'a.csv', mimeType: 'text/csv' } },
    });
  });

  it.each([
    ['an empty body', '', 'json'],
    ['broken JSON', '{"name":', 'json'],
    ['a JSON array', '[]', 'json'],
    ['another XML root', '<contact/>', 'xml'],
    ['XML nested too deep', `<resource>${'<a>'.repeat(65)}${'</a>'.repeat(65)}</resource>`, 'xml'],
  ] as const)('refuses %s as malformed', async (_, body, format) => {
    expect((await read(Buffer.from(body), format)).ok).toBe(false);
  });

  it.each([
    ['a missing field', { name: 'a', scope: 'private', mimeType: 'text/csv' }, 1000],
    ['invalid base64', { ...resource('', 'text/csv'), derefUri: 'a$k=' }, 1000],
    ['a file over the size limit', resource('a,b\n1,2\n', 'text/csv'), 4],
  ])('refuses %s', async (_, fields, maxFileBytes) => {
    const worker = await read(jsonBody(fields), 'json', maxFileBytes);
    expect(worker.ok && worker.checked.ok).toBe(false);
  });

  it.each(FILES)('reads the rows of %s', async (_, content, mimeType) => {
    const bytes = Buffer.from(content);
    const [worker, inPlace] = await Promise.all([
      files.readRows(Buffer.from(bytes), mimeType, COLUMNS),
      inThreadFiles.readRows(bytes, mimeType, COLUMNS),
    ]);
    expect(cellsOf(worker)).toEqual(cellsOf(inPlace));
  });

  it('reports a file that is not UTF-8', async () => {
    const bytes = Buffer.from([0x61, 0xff, 0x0a]);
    expect(await files.readRows(bytes, 'text/csv', COLUMNS)).toEqual({
      error: 'the resource is not UTF-8 text',
    });
  });
});

describe('the memory a job gives the worker', () => {
  it('is the whole buffer of bytes that own it, and nothing of a shared one', () => {
    const own = Buffer.from('x'.repeat(10_000));
    expect(ownMemory(own)).toEqual([own.buffer]);
    expect(ownMemory(own.subarray(1))).toEqual([]);
    // Small Buffers share Node's pool.
    expect(ownMemory(Buffer.from('small'))).toEqual([]);
    expect(ownMemory(false)).toEqual([]);
  });

  it('moves to the worker: the caller’s bytes are left empty', async () => {
    const body = jsonBody(resource(csv(1000), 'text/csv'));
    const read = await files.readResourceBody(body, 'json', 10_000_000);
    expect(read.ok && read.checked.ok).toBe(true);
    expect(body.byteLength).toBe(0);
  });
});

/** Event-loop turns the calling thread takes until `work` settles. */
async function turnsWhile(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let settled = false;
  const turn = () => {
    if (settled) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  await work;
  settled = true;
  return turns;
}

describe('while the file worker checks a large upload', () => {
  // About 6 MB of XML (8 MB of base64, under the 10 MB request limit): a DOM parse of hundreds
  // of milliseconds.
  const body = jsonBody(resource(contactsXml(35_000), 'application/xml'));

  it('the thread that asked goes on turning', async () => {
    const turns = await turnsWhile(files.readResourceBody(Buffer.from(body), 'json', 10_485_760));
    // The same check in place does its work before it returns: no turn between.
    const inPlace = await turnsWhile(inThreadFiles.readResourceBody(body, 'json', 10_485_760));
    expect(inPlace).toBe(0);
    expect(turns).toBeGreaterThan(0);
  });
});

describe('a sandbox checking a large upload', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  afterEach(() => vi.restoreAllMocks());

  it('answers a GET sent once the upload has arrived before it answers the upload', async () => {
    const { url } = sandbox;
    const order: string[] = [];
    let checkBegan!: () => void;
    const began = new Promise<void>((resolve) => (checkBegan = resolve));
    const check = FileWorker.prototype.readResourceBody;
    vi.spyOn(FileWorker.prototype, 'readResourceBody').mockImplementation(function (
      this: FileWorker,
      ...args
    ) {
      checkBegan();
      return check.apply(this, args);
    });

    const xml = contactsXml(35_000);
    const upload = fetch(`${url}/resources`, {
      method: 'POST',
      headers: jsonHeaders('resource'),
      body: JSON.stringify({
        name: 'contacts.xml',
        scope: 'public',
        mimeType: 'application/xml',
        derefUri: base64(xml),
      }),
    }).then((response) => {
      order.push('upload');
      return response;
    });
    await Promise.race([began, upload]);
    const listed = await fetch(`${url}/workspaces`, { headers: jsonHeaders('workspace') });
    order.push('GET');
    expect(listed.status).toBe(200);

    const created = await upload;
    expect(order).toEqual(['GET', 'upload']);
    expect(created.status).toBe(201);
    const stored = await fetch(`${url}/__sandbox/public/resources/${idOf(created)}/contacts.xml`);
    expect(await stored.text()).toBe(xml);
  });
});
