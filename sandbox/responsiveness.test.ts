/**
 * The sandbox keeps answering (issue 13 item 10, issue 16 item 3): a big `replace` import over
 * few names neither takes quadratic time nor stops other requests, and a hostile XML body is
 * refused before it can freeze the server. The sandbox runs in its own process, watched from
 * this one, so a blocked server shows up as slow answers rather than as a paused test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_KEY,
  BASIC,
  MY_COMPANY,
  SALES_TEAM,
  STANDARD_MAPPING,
  base64,
  idOf,
  importCsv,
  jsonHeaders,
  spawnSandbox,
  waitForImport,
  xml,
  type SandboxProcess,
} from './test-client.ts';

let sandbox: SandboxProcess;
beforeAll(async () => {
  sandbox = await spawnSandbox();
});
afterAll(() => sandbox.stop());

/** Generous: a regression to a blocked server shows up as seconds, not hundreds of ms. */
const WORST_ANSWER_BOUND_MS = 1000;

const HEADER = 'firstName,lastName,workEmailAddress1,workMobilePhone1,workCountry,timezone';
const NAMES = 10;
const SEEDED = 5000;
const ROWS = 20_000;
const name = (i: number) => `Given${i % NAMES},Family${i % NAMES}`;

/**
 * Sends `GET /workspaces` every 100 ms until stopped; each answer's time is measured from its
 * own request, so a server that stops answering makes one answer very late.
 */
function pollEvery100ms(url: string) {
  const times: number[] = [];
  let failures = 0;
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const sent = performance.now();
    const call = fetch(`${url}/workspaces`, { headers: jsonHeaders('workspace') })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.status === 200) times.push(performance.now() - sent);
        else failures += 1;
      })
      .catch(() => {
        failures += 1;
      });
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
  }, 100);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      const sorted = [...times].sort((a, b) => a - b);
      return {
        answered: times.length,
        failures,
        worstMs: sorted.at(-1) ?? Number.NaN,
        medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
      };
    },
  };
}

describe('a 20,000-row replace import where every row shares one of 10 names', () => {
  it('matches by index, gets the counts right, and answers every request meanwhile', async () => {
    const { url } = sandbox;
    // Seeded contacts: the same 10 names, one email each. A copy in another workspace must not
    // be matched (the rule is per workspace).
    const seed = [HEADER];
    for (let i = 0; i < SEEDED; i++) seed.push(`${name(i)},u${i}@example.com,,Australia,+10`);
    expect((await importCsv(url, seed.join('\n'))).rows.created).toBe(SEEDED);
    const other = seed.slice(0, 101).join('\n');
    expect((await importCsv(url, other, { workspaceId: SALES_TEAM })).rows.created).toBe(100);

    // Rows 0..4999 match a seeded contact (name and email in another case, name padded);
    // 5000..14999 are new people with the same names; 15000..19999 repeat 5000..9999, so they
    // match contacts this very import created.
    const rows = [HEADER];
    for (let i = 0; i < ROWS; i++) {
      const person = i < 15_000 ? i : i - 10_000;
      const [first, last] = name(person).split(',');
      const who = i < SEEDED ? ` ${first!.toUpperCase()} ,${last!.toLowerCase()}` : name(person);
      rows.push(`${who},U${person}@Example.com,,New Zealand,+12`);
    }
    const resource = await fetch(`${url}/resources`, {
      method: 'POST',
      headers: jsonHeaders('resource'),
      body: JSON.stringify({
        name: 'same-names.csv',
        scope: 'private',
        mimeType: 'text/csv',
        derefUri: base64(rows.join('\n')),
      }),
    });
    expect(resource.status).toBe(201);

    const poll = pollEvery100ms(url);
    const started = performance.now();
    const accepted = await fetch(`${url}/imports`, {
      method: 'POST',
      headers: jsonHeaders('importcontact'),
      body: JSON.stringify({
        resourceId: idOf(resource),
        importType: 'contact',
        importOptions: {
          fieldMapping: STANDARD_MAPPING,
          importMode: 'replace',
        },
      }),
    });
    expect(accepted.status).toBe(202);
    const status = await waitForImport(url, idOf(accepted), 90_000);
    const importMs = performance.now() - started;
    const answers = await poll.stop();
    console.info(
      `[responsiveness] ${ROWS} rows over ${NAMES} names, replace: ${Math.round(importMs)} ms; ` +
        `GET /workspaces every 100 ms: ${answers.answered} answered, ${answers.failures} failed, ` +
        `median ${answers.medianMs.toFixed(1)} ms, worst ${answers.worstMs.toFixed(1)} ms`,
    );

    expect(status).toMatchObject({
      state: 'done',
      rows: { total: ROWS, created: 10_000, updated: 10_000, skipped: 0, failed: 0 },
    });
    expect(answers.failures).toBe(0);
    expect(answers.answered).toBeGreaterThan(0);
    expect(answers.worstMs).toBeLessThan(WORST_ANSWER_BOUND_MS);

    const count = async (workspaceId: string, query = '') => {
      const page = await fetch(`${url}/workspaces/${workspaceId}/contacts?limit=1${query}`, {
        headers: jsonHeaders('contact'),
      });
      return ((await page.json()) as { status: string }).status;
    };
    expect(await count(MY_COMPANY)).toBe(`1 to 1 of ${SEEDED + 10_000}`);
    // A seeded contact took the row's values; its twin in Sales Team kept its own.
    expect(await count(MY_COMPANY, '&workEmailAddress1=u42@example.com&workCountry=New')).toBe(
      '1 to 1 of 1',
    );
    expect(await count(SALES_TEAM, '&workCountry=Australia')).toBe('1 to 1 of 100');
  }, 120_000);
});

describe('a deeply nested XML body', () => {
  it('gets a 400 in the standard error shape at once, and the server goes on answering', async () => {
    const { url } = sandbox;
    const depth = 1_000_000;
    const body = `<contact>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</contact>`;
    const sent = performance.now();
    const response = await fetch(`${url}/contacts`, {
      method: 'POST',
      headers: {
        'x-api-key': API_KEY,
        authorization: BASIC,
        accept: 'application/vnd.whispir.contact-v1+json',
        'content-type': xml('contact'),
      },
      body,
    });
    const answerMs = performance.now() - sent;
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errorSummary: expect.stringContaining('malformed'),
      errorText: 'Bad Request',
      errorDetail: 'The XML body nests elements deeper than 64 levels',
    });
    const health = performance.now();
    expect((await fetch(`${url}/__sandbox/health`)).status).toBe(200);
    console.info(
      `[responsiveness] ${depth.toLocaleString('en')}-deep XML body (${body.length} bytes): ` +
        `400 in ${answerMs.toFixed(1)} ms; health answered ${(performance.now() - health).toFixed(1)} ms after`,
    );
    expect(answerMs).toBeLessThan(WORST_ANSWER_BOUND_MS);
  });
});
