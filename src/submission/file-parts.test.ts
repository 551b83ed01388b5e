import { describe, expect, it } from 'vitest';
import type { PartBody } from '../domain/submission/job-schema';
import { fileParts, type FilingDeps } from './file-parts';

/** A promise and its resolvers, to hold a step until the test lets it go. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const bodyOf = (part: number): PartBody => ({
  name: `part-${part}.csv`,
  base64: new Blob([`B${part}`]),
});
/** A file as its name and text (two Blobs are equal to `toEqual` whatever they hold). */
const read = async (body: PartBody | undefined) =>
  body && { name: body.name, base64: await body.base64.text() };
const textOf = (part: number) => ({ name: `part-${part}.csv`, base64: `B${part}` });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Builds and stores at once unless told otherwise; logs every step. */
function fakeDeps(overrides: Partial<FilingDeps> = {}) {
  const log: string[] = [];
  const stored = new Map<number, PartBody>();
  const deps: FilingDeps = {
    async build(part) {
      log.push(`build ${part}`);
      return bodyOf(part);
    },
    async store(part, body) {
      log.push(`store ${part}`);
      stored.set(part, body);
    },
    async load(part) {
      log.push(`load ${part}`);
      return stored.get(part);
    },
    ...overrides,
  };
  return { deps, log, stored };
}

describe('fileParts', () => {
  it('stores every file in order, building the next while the one before is stored', async () => {
    const { deps, log, stored } = fakeDeps();
    const progress: string[] = [];
    await fileParts([1, 2, 3], {
      ...deps,
      onStored: (done, total) => progress.push(`${done}/${total}`),
    }).done;
    expect([...stored.keys()]).toEqual([1, 2, 3]);
    expect(log).toEqual(['build 1', 'build 2', 'store 1', 'build 3', 'store 2', 'store 3']);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
  });

  it('hands a file asked for before it is built over as built, without waiting for its write; one asked for later is read back once stored', async () => {
    const storeOf1 = deferred<void>();
    const { deps, log, stored } = fakeDeps();
    const filing = fileParts([1, 2], {
      ...deps,
      store: async (part, body) => {
        log.push(`store ${part}`);
        if (part === 1) await storeOf1.promise;
        stored.set(part, body);
      },
    });
    // Asked for before it is built: handed over while its write is still under way.
    expect(await read(await filing.body(1))).toEqual(textOf(1));
    expect(stored.has(1)).toBe(false);
    expect(log).not.toContain('load 1');
    // Asked for after it was built: read back, once stored.
    let again: PartBody | undefined;
    void filing.body(1).then((body) => (again = body));
    await tick();
    expect(again).toBeUndefined();
    storeOf1.resolve();
    await filing.done;
    expect(await read(again)).toEqual(textOf(1));
    expect(log).toContain('load 1');
  });

  it('a file that cannot be stored stops the filing: what waits and what comes later is refused', async () => {
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const { deps, log } = fakeDeps({
      store: async (part) => {
        log.push(`store ${part}`);
        if (part === 2) throw full;
      },
    });
    const filing = fileParts([1, 2, 3], deps);
    const third = filing.body(3);
    await expect(filing.done).rejects.toBe(full);
    await expect(third).rejects.toBe(full);
    await expect(filing.body(2)).rejects.toBe(full);
    expect(log).not.toContain('store 3');
  });

  it('a cancel refuses the waiting parts at once, and nothing is stored after it', async () => {
    const buildOf2 = deferred<PartBody>();
    const { deps, log, stored } = fakeDeps({
      build: async (part) => {
        log.push(`build ${part}`);
        return part === 2 ? buildOf2.promise : bodyOf(part);
      },
    });
    const controller = new AbortController();
    const filing = fileParts([1, 2, 3], deps, controller.signal);
    const second = filing.body(2);
    await tick();
    expect([...stored.keys()]).toEqual([1]);
    const reason = new Error('Cancelled by the person');
    controller.abort(reason);
    // Refused while part 2 is still being built.
    await expect(second).rejects.toBe(reason);
    buildOf2.resolve(bodyOf(2));
    await expect(filing.done).rejects.toBe(reason);
    expect([...stored.keys()]).toEqual([1]);
    expect(log).not.toContain('build 3');
  });

  it('a cancel during a write settles only once that write is over, so what was stored can be deleted', async () => {
    const storeOf1 = deferred<void>();
    const { deps, log } = fakeDeps({
      store: async (part) => {
        log.push(`store ${part}`);
        await storeOf1.promise;
        log.push(`stored ${part}`);
      },
    });
    const controller = new AbortController();
    const filing = fileParts([1, 2], deps, controller.signal);
    let settled = false;
    filing.done.catch(() => (settled = true));
    await tick();
    controller.abort();
    await tick();
    expect(settled).toBe(false);
    storeOf1.resolve();
    await expect(filing.done).rejects.toBeInstanceOf(DOMException);
    expect(log.at(-1)).toBe('stored 1');
    expect(log).not.toContain('store 2');
  });

  it('refuses a part it is not preparing', async () => {
    const { deps } = fakeDeps();
    const filing = fileParts([1, 2], deps);
    await expect(filing.body(3)).rejects.toThrow('Part 3 is not being prepared.');
    await filing.done;
  });
});
