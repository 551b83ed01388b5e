import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer';
import { sleep } from './sleep';

/** A clock that only moves when told to, and a sleep that moves it. */
function fakeTime() {
  let time = 1_000;
  const sleeps: number[] = [];
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    sleeps,
    sleep: async (ms: number, signal?: AbortSignal) => {
      sleeps.push(ms);
      signal?.throwIfAborted();
      time += ms;
    },
  };
}

describe('createPacer', () => {
  it.each([
    { rate: 5, interval: 200 },
    { rate: 10, interval: 100 },
    { rate: 30, interval: 1000 / 30 },
  ])('at $rate/s, back-to-back starts are $interval ms apart', async ({ rate, interval }) => {
    const time = fakeTime();
    const pacer = createPacer({ ratePerSecond: rate, now: time.now, sleep: time.sleep });
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await pacer.wait();
      starts.push(time.now());
    }
    expect(time.sleeps).toHaveLength(3);
    for (let i = 1; i < starts.length; i++)
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeCloseTo(interval, 9);
  });

  it('defaults to 5 requests a second', async () => {
    const time = fakeTime();
    const pacer = createPacer({ now: time.now, sleep: time.sleep });
    await pacer.wait();
    await pacer.wait();
    expect(time.sleeps).toEqual([200]);
  });

  it('waits only for what is left of the interval, and not at all after a pause', async () => {
    const time = fakeTime();
    const pacer = createPacer({ ratePerSecond: 5, now: time.now, sleep: time.sleep });
    await pacer.wait();
    time.advance(150); // the request took 150 ms
    await pacer.wait();
    expect(time.sleeps).toEqual([50]);
    time.advance(5_000);
    await pacer.wait();
    expect(time.sleeps).toEqual([50]);
  });

  it('paces callers who wait at the same time, in call order', async () => {
    const sleeps: number[] = [];
    const pacer = createPacer({
      ratePerSecond: 5,
      now: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    await Promise.all([pacer.wait(), pacer.wait(), pacer.wait()]);
    expect(sleeps).toEqual([200, 400]);
  });

  it('rejects at once when already cancelled, without taking a slot', async () => {
    const time = fakeTime();
    const pacer = createPacer({ now: time.now, sleep: time.sleep });
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(pacer.wait(controller.signal)).rejects.toThrow('cancelled by the user');
    await pacer.wait();
    expect(time.sleeps).toEqual([]);
  });

  it('a wait cancelled while sleeping rejects and gives its slot back', async () => {
    const requested: number[] = [];
    // A sleep that never ends by itself: only a cancel ends it.
    const hangingSleep = (ms: number, signal?: AbortSignal) => {
      requested.push(ms);
      return new Promise<void>((_, reject) =>
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
      );
    };
    const pacer = createPacer({ ratePerSecond: 5, now: () => 0, sleep: hangingSleep });
    await pacer.wait();
    const controller = new AbortController();
    const waiting = pacer.wait(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    const next = pacer.wait(new AbortController().signal);
    // The next request waits one interval after the first, not two.
    expect(requested).toEqual([200, 200]);
    void next.catch(() => undefined);
  });

  it('rejects a rate that is not a positive number', () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => createPacer({ ratePerSecond: rate })).toThrow(RangeError);
  });

  it('works with the real clock and timers', async () => {
    const pacer = createPacer({ ratePerSecond: 50 });
    const started = performance.now();
    for (let i = 0; i < 3; i++) await pacer.wait();
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });
});

describe('sleep', () => {
  it('resolves after the time', async () => {
    const started = performance.now();
    await sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
  });

  it('rejects with an AbortError when cancelled, before or during', async () => {
    const before = new AbortController();
    before.abort();
    await expect(sleep(10_000, before.signal)).rejects.toMatchObject({ name: 'AbortError' });
    const during = new AbortController();
    const waiting = sleep(10_000, during.signal);
    during.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
