import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBase64Utf8,
  redactHeaders,
  shellQuote,
  shortenBase64InJson,
  toCurl,
  type InspectedRequest,
} from './curl';
import { redactUrlSecrets, removeUrlSecrets } from '../whispir/url-secrets';

const RESOURCE_TYPE = 'application/vnd.whispir.resource-v1+json';
const IMPORT_TYPE = 'application/vnd.whispir.importcontact-v1+json';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const ENV = {
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  WHISPIR_API_KEY: 'key-from-env',
  WHISPIR_USERNAME: 'user@example.com',
  WHISPIR_PASSWORD: "pa ss'word$",
  WHISPIR_TOKEN: 'token-from-env',
};

/**
 * Runs the command with `curl` replaced by a shell function that prints each argument on its
 * own line and then what it got on stdin, so the test sees exactly what curl would receive.
 */
function runWithFakeCurl(command: string, shell = 'bash'): { args: string[]; stdin: string } {
  const fakeCurl = `curl() { for a in "$@"; do printf '%s\\036' "$a"; done; printf '\\035'; cat; }`;
  const output = execFileSync(shell, ['-c', `${fakeCurl}\n${command}`], {
    env: ENV,
    input: '',
    encoding: 'utf8',
  });
  const [argText = '', stdin = ''] = output.split('\u001d');
  return { args: argText.split('\u001e').slice(0, -1), stdin };
}

const syntaxCheck = (command: string, shell = 'bash') =>
  execFileSync(shell, ['-n'], { input: command, encoding: 'utf8' });

const resourceRequest: InspectedRequest = {
  method: 'POST',
  url: 'https://api.au.whispir.com/workspaces/9A4C5521FFC7B15B/resources',
  headers: { Accept: RESOURCE_TYPE, 'Content-Type': RESOURCE_TYPE },
  body: JSON.stringify({
    name: 'contacts-part-1.csv',
    scope: 'private',
    mimeType: 'text/csv',
    derefUri: base64("firstName,lastName\nZoë,O'Brien\n"),
  }),
};

describe('toCurl', () => {
  it('writes a resource POST with placeholders, vendor types and a heredoc body', () => {
    expect(toCurl(resourceRequest)).toBe(
      [
        "curl -i -X POST 'https://api.au.whispir.com/workspaces/9A4C5521FFC7B15B/resources' \\",
        '  -H "x-api-key: $WHISPIR_API_KEY" \\',
        '  -u "$WHISPIR_USERNAME:$WHISPIR_PASSWORD" \\',
        `  -H 'Accept: ${RESOURCE_TYPE}' \\`,
        `  -H 'Content-Type: ${RESOURCE_TYPE}' \\`,
        "  --data-binary @- <<'JSON'",
        resourceRequest.body,
        'JSON',
      ].join('\n'),
    );
  });

  it.each<{ description: string; request: InspectedRequest; has: string[]; hasNot: string[] }>([
    {
      description: 'secrets in headers are replaced by placeholders, never copied',
      request: {
        method: 'POST',
        url: 'https://api.au.whispir.com/imports',
        headers: { 'X-Api-Key': 'REALKEY', Authorization: 'Basic dXNlcjpwYXNz', Cookie: 'sid=1' },
        body: '{}',
      },
      has: ['"x-api-key: $WHISPIR_API_KEY"', '-u "$WHISPIR_USERNAME:$WHISPIR_PASSWORD"'],
      hasNot: ['REALKEY', 'dXNlcjpwYXNz', 'sid=1'],
    },
    {
      description: 'a bearer token becomes the token placeholder',
      request: {
        method: 'GET',
        url: 'https://api.au.whispir.com/workspaces',
        headers: { authorization: 'Bearer abc.def' },
      },
      has: [
        '-H "Authorization: Bearer $WHISPIR_TOKEN"',
        `-H 'Accept: application/vnd.whispir.workspace-v1+json'`,
      ],
      hasNot: ['abc.def', '-u ', '-X GET', 'Content-Type'],
    },
    {
      description: 'an apikey in the URL is dropped (the header carries the key)',
      request: {
        method: 'GET',
        url: 'https://api.au.whispir.com/contacts?apikey=REALKEY&limit=20',
        headers: {},
      },
      has: [
        "'https://api.au.whispir.com/contacts?limit=20'",
        `-H 'Accept: application/vnd.whispir.contact-v1+json'`,
      ],
      hasNot: ['REALKEY'],
    },
    {
      description: 'missing vendor types are filled in from the path',
      request: {
        method: 'post',
        url: 'https://api.au.whispir.com/imports',
        headers: {},
        body: '{}',
      },
      has: [`-H 'Content-Type: ${IMPORT_TYPE}'`, `-H 'Accept: ${IMPORT_TYPE}'`, '-X POST'],
      hasNot: [],
    },
    {
      description: 'headers curl computes itself are left out',
      request: {
        method: 'POST',
        url: 'https://api.au.whispir.com/imports',
        headers: { 'Content-Length': '2', Host: 'localhost:5173' },
        body: '{}',
      },
      has: [],
      hasNot: ['Content-Length', 'localhost'],
    },
  ])('$description', ({ request, has, hasNot }) => {
    const command = toCurl(request);
    for (const text of has) expect(command).toContain(text);
    for (const text of hasNot) expect(command).not.toContain(text);
    expect(() => syntaxCheck(command)).not.toThrow();
  });

  it.each<[string, string]>([
    [
      'a JSON body with quotes, $ and backticks',
      JSON.stringify({ a: "O'Brien", b: '$HOME `id` $(id)' }),
    ],
    ['a pretty-printed JSON body', JSON.stringify({ a: 1, b: [1, 2] }, null, 2)],
    ['a JSON body with "JSON" on a line of its own', '[\n"JSON",\n1]'],
    ['a JSON body ending in a newline', '"x"\n'],
    ['a non-JSON body with the delimiter on a line', 'JSON\nJSON\n'],
    ['a non-JSON body with quotes and a newline', "it's\n$HOME 'quoted'\\"],
    ['an XML body', '<contact><firstName>Zoë</firstName></contact>'],
  ])('bash receives %s exactly', (_, body) => {
    const command = toCurl({
      method: 'POST',
      url: 'https://api.au.whispir.com/resources',
      headers: {},
      body,
    });
    expect(() => syntaxCheck(command)).not.toThrow();
    const { args, stdin } = runWithFakeCurl(command);
    const dataIndex = args.indexOf('--data-binary');
    if (args[dataIndex + 1] === '@-') expect(stdin).toBe(`${body}\n`);
    else expect(args[dataIndex + 1]).toBe(body);
  });

  it('the shell expands the placeholders from the environment', () => {
    for (const shell of ['bash', 'sh']) {
      const { args, stdin } = runWithFakeCurl(toCurl(resourceRequest), shell);
      expect(args).toEqual([
        '-i',
        '-X',
        'POST',
        'https://api.au.whispir.com/workspaces/9A4C5521FFC7B15B/resources',
        '-H',
        'x-api-key: key-from-env',
        '-u',
        "user@example.com:pa ss'word$",
        '-H',
        `Accept: ${RESOURCE_TYPE}`,
        '-H',
        `Content-Type: ${RESOURCE_TYPE}`,
        '--data-binary',
        '@-',
      ]);
      expect(JSON.parse(stdin)).toEqual(JSON.parse(resourceRequest.body ?? ''));
    }
  });

  // Spawns a shell per case: slow on a loaded 2-core machine, hence the explicit timeout.
  it(
    'for any body and header value, the command parses and delivers them exactly',
    { timeout: 90_000 },
    () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', maxLength: 40 }).filter((text) => !text.includes('\0')),
          fc.string({ maxLength: 20 }).filter((text) => !/[\0\r\n]/.test(text)),
          fc.boolean(),
          (text, headerValue, asJson) => {
            const body = asJson ? JSON.stringify({ text }) : text;
            const command = toCurl({
              method: 'POST',
              url: 'https://api.au.whispir.com/resources',
              headers: { 'X-Note': headerValue },
              body,
            });
            const { args, stdin } = runWithFakeCurl(command);
            expect(args).toContain(`X-Note: ${headerValue}`);
            const data = args[args.indexOf('--data-binary') + 1];
            expect(data === '@-' ? stdin : data).toBe(data === '@-' ? `${body}\n` : body);
          },
        ),
        { numRuns: 25 },
      );
    },
  );
});

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ["O'Brien", "'O'\\''Brien'"],
    ['', "''"],
    ['$HOME', "'$HOME'"],
  ])('%j → %s', (input, expected) => {
    expect(shellQuote(input)).toBe(expected);
  });
});

describe('redactHeaders', () => {
  it.each<[Record<string, string>, Record<string, string>]>([
    [
      { 'x-api-key': 'K', Accept: 'a' },
      { 'x-api-key': '‹redacted›', Accept: 'a' },
    ],
    [{ Authorization: 'Basic abc' }, { Authorization: '‹redacted›' }],
    [{ 'X-API-KEY': 'K' }, { 'X-API-KEY': '‹redacted›' }],
    [
      { Cookie: 'a=b', 'Set-Cookie': 'c=d' },
      { Cookie: '‹redacted›', 'Set-Cookie': '‹redacted›' },
    ],
    [
      { Location: 'http://api.au.whispir.com/imports/ABC?apikey=K&x=1' },
      { Location: 'http://api.au.whispir.com/imports/ABC?apikey=‹redacted›&x=1' },
    ],
    [
      { 'X-Error-Code': 'ERR_403_DEVELOPER_OVER_QPS' },
      { 'X-Error-Code': 'ERR_403_DEVELOPER_OVER_QPS' },
    ],
  ])('%j → %j', (input, expected) => {
    expect(redactHeaders(input)).toEqual(expected);
  });
});

describe('URL secrets', () => {
  it.each([
    ['https://h/r/ID?apikey=K', 'https://h/r/ID', 'https://h/r/ID?apikey=‹redacted›'],
    [
      'https://h/r/ID?a=1&APIKEY=K&b=2',
      'https://h/r/ID?a=1&b=2',
      'https://h/r/ID?a=1&APIKEY=‹redacted›&b=2',
    ],
    ['https://h/r/ID?api%6Bey=K', 'https://h/r/ID', 'https://h/r/ID?api%6Bey=‹redacted›'],
    [
      'https://h/r/ID?apikey=K#frag',
      'https://h/r/ID#frag',
      'https://h/r/ID?apikey=‹redacted›#frag',
    ],
    ['https://h/r/ID?x=apikey', 'https://h/r/ID?x=apikey', 'https://h/r/ID?x=apikey'],
    ['https://h/r/ID', 'https://h/r/ID', 'https://h/r/ID'],
  ])('%s', (url, removed, redacted) => {
    expect(removeUrlSecrets(url)).toBe(removed);
    expect(redactUrlSecrets(url)).toBe(redacted);
  });
});

describe('shortenBase64InJson', () => {
  const csv = 'firstName,lastName\nZoë,Müller\n日本,語\n';
  const body = JSON.stringify({
    name: 'c.csv',
    scope: 'private',
    mimeType: 'text/csv',
    derefUri: base64(csv.repeat(20)),
  });

  it('shortens a long derefUri, gives its size and its decoded content', () => {
    const result = shortenBase64InJson(body, 8);
    const full = base64(csv.repeat(20));
    expect(result.base64Bytes).toBe(full.length);
    expect(result.decoded).toBe(csv.repeat(20));
    expect(JSON.parse(result.text)).toEqual({
      name: 'c.csv',
      scope: 'private',
      mimeType: 'text/csv',
      derefUri: `${full.slice(0, 8)}…[${full.length - 8} more characters]`,
    });
  });

  it('keeps 48 characters by default', () => {
    const parsed = JSON.parse(shortenBase64InJson(body).text) as { derefUri: string };
    expect(parsed.derefUri.startsWith(base64(csv.repeat(20)).slice(0, 48))).toBe(true);
    expect(parsed.derefUri.indexOf('…')).toBe(48);
  });

  it.each([
    ['an import request', JSON.stringify({ resourceId: 'ABC', importType: 'contact' })],
    ['a short derefUri', JSON.stringify({ derefUri: 'QUJD' })],
    ['not JSON', 'HTTP content length exceeded 10485760 bytes.'],
    ['a JSON array', '[1,2]'],
    ['JSON null', 'null'],
    ['an empty body', ''],
  ])('leaves %s as it was', (_, text) => {
    expect(shortenBase64InJson(text)).toEqual({ text });
  });

  it('shortens invalid base64 without decoding it', () => {
    const result = shortenBase64InJson(JSON.stringify({ derefUri: '%'.repeat(100) }));
    expect(result.base64Bytes).toBe(100);
    expect(result.decoded).toBeUndefined();
  });
});

describe('decodeBase64Utf8', () => {
  it.each([
    ['', ''],
    [base64('Zoë'), 'Zoë'],
    [`${base64('abcdef').slice(0, 4)}\n${base64('abcdef').slice(4)}`, 'abcdef'],
    ['QUJD=', undefined],
    ['QU*D', undefined],
  ])('%j → %j', (input, expected) => {
    expect(decodeBase64Utf8(input)).toBe(expected);
  });
});
