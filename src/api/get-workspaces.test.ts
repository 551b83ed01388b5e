import { afterEach, describe, expect, it, vi } from 'vitest';
import { getWorkspaces } from './get-workspaces';

const workspace = (n: number) => ({
  id: `W${String(n).padStart(15, '0')}`,
  projectName: `Team ${n}`,
});

/** A Whispir that answers `/workspaces` as `answer` says, recording the queries asked. */
function serve(answer: (limit: number, offset: number) => object) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const query = new URL(url, 'http://app').searchParams;
      asked.push(query.toString());
      const body = answer(Number(query.get('limit')), Number(query.get('offset')));
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  );
  return asked;
}

describe('getWorkspaces', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads every page of an account with more workspaces than a page holds', async () => {
    const all = Array.from({ length: 45 }, (_, i) => workspace(i + 1));
    const asked = serve((limit, offset) => ({
      workspaces: all.slice(offset, offset + limit),
      link: offset + limit < all.length ? [{ uri: 'x', rel: 'next', method: 'GET' }] : [],
    }));
    const found = await getWorkspaces();
    expect(found.map((w) => w.projectName)).toEqual(all.map((w) => w.projectName));
    expect(asked).toEqual(['limit=20&offset=0', 'limit=20&offset=20', 'limit=20&offset=40']);
  });

  it('asks once of a server that answers every workspace at once', async () => {
    const all = Array.from({ length: 25 }, (_, i) => workspace(i + 1));
    const asked = serve(() => ({ workspaces: all }));
    expect(await getWorkspaces()).toHaveLength(25);
    expect(asked).toHaveLength(1);
  });

  it('stops when a server that pages with no links answers the same ones again', async () => {
    const all = Array.from({ length: 20 }, (_, i) => workspace(i + 1));
    const asked = serve(() => ({ workspaces: all }));
    expect(await getWorkspaces()).toHaveLength(20);
    expect(asked).toHaveLength(2);
  });
});

describe('a call the app’s own server refuses', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says the server refused it and why, not Whispir', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response('This server is being reached through another server. Set APP_PASSWORD.', {
            status: 403,
            headers: { 'x-proxy-refused': 'sign-in', 'content-type': 'text/plain' },
          }),
      ),
    );
    const error = (await getWorkspaces().catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe(
      'The app\'s proxy refused the call (rule "sign-in"), so it never reached Whispir. This server is being reached through another server. Set APP_PASSWORD.',
    );
  });
});
