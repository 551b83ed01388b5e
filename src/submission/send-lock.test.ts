import { describe, expect, it } from 'vitest';
import { createFakeLockManager } from './fake-locks';
import { SENDING_LOCK, createSendLocks, jobLockName } from './send-lock';

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function twoTabs() {
  const manager = createFakeLockManager();
  return {
    manager,
    first: createSendLocks(manager.tab('first')),
    second: createSendLocks(manager.tab('second')),
  };
}

describe('one import at a time per browser', () => {
  it('a second tab cannot send while the first one sends, and can once it has finished', async () => {
    const { first, second } = twoTabs();
    const done = await first.beginSending();
    expect(done).toBeDefined();
    expect(await second.sendingElsewhere()).toBe(true);
    expect(await second.beginSending()).toBeUndefined();
    expect(await first.sendingElsewhere()).toBe(false);

    done?.();
    await settle();
    expect(await second.sendingElsewhere()).toBe(false);
    const secondDone = await second.beginSending();
    expect(secondDone).toBeDefined();
    expect(await first.beginSending()).toBeUndefined();
    secondDone?.();
  });

  it('a tab that is closed mid-send lets the other one send', async () => {
    const { manager, first, second } = twoTabs();
    await first.beginSending();
    manager.closeClient('first');
    await settle();
    expect(await second.sendingElsewhere()).toBe(false);
    expect(await second.beginSending()).toBeDefined();
  });

  it('within one tab the sending lock nests: it goes when the last holder releases it', async () => {
    const { manager, first } = twoTabs();
    const outer = await first.beginSending();
    const inner = await first.beginSending();
    inner?.();
    inner?.();
    await settle();
    expect(manager.heldNames()).toContain(SENDING_LOCK);
    expect(first.sendingHere()).toBe(true);
    outer?.();
    await settle();
    expect(manager.heldNames()).not.toContain(SENDING_LOCK);
  });

  it('without Web Locks every tab may send, as before', async () => {
    const alone = createSendLocks(undefined);
    expect(await alone.beginSending()).toBeDefined();
    expect(await alone.sendingElsewhere()).toBe(false);
    expect(await alone.tryClaimJob('a')).toBe(true);
  });
});

describe('who owns a journal job', () => {
  it('only the tab that created the job owns it; another waits until the owner is gone', async () => {
    const { manager, first, second } = twoTabs();
    expect(await first.tryClaimJob('job-1')).toBe(true);
    expect(await second.tryClaimJob('job-1')).toBe(false);

    let taken = false;
    const waiting = second.claimJob('job-1').then(() => (taken = true));
    await settle();
    expect(taken).toBe(false);
    expect(second.ownsJob('job-1')).toBe(false);

    manager.closeClient('first');
    await waiting;
    expect(second.ownsJob('job-1')).toBe(true);
    expect(manager.heldNames()).toContain(jobLockName('job-1'));
  });

  it('an owner that lets the job go hands it to the tab waiting for it', async () => {
    const { first, second } = twoTabs();
    await first.tryClaimJob('job-1');
    const waiting = second.claimJob('job-1');
    first.releaseJob('job-1');
    await waiting;
    expect(second.ownsJob('job-1')).toBe(true);
    expect(first.ownsJob('job-1')).toBe(false);
  });

  it('a wait that is given up never takes the job', async () => {
    const { manager, first, second } = twoTabs();
    await first.tryClaimJob('job-1');
    const controller = new AbortController();
    const waiting = second.claimJob('job-1', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    manager.closeClient('first');
    await settle();
    expect(second.ownsJob('job-1')).toBe(false);
    expect(manager.heldNames()).toEqual([]);
  });

  it('owning one job does not stop a tab from owning another', async () => {
    const { first, second } = twoTabs();
    await first.tryClaimJob('job-1');
    expect(await second.tryClaimJob('job-2')).toBe(true);
  });
});

describe('claims within one tab', () => {
  it('two waits for the same job share one request, and one giving up leaves the other', async () => {
    const { manager, first, second } = twoTabs();
    await first.tryClaimJob('job-1');
    const gaveUp = new AbortController();
    const early = second.claimJob('job-1', gaveUp.signal);
    const later = second.claimJob('job-1');
    gaveUp.abort();
    await expect(early).rejects.toThrow();
    manager.closeClient('first');
    await later;
    expect(second.ownsJob('job-1')).toBe(true);
  });

  it('a wait given up and started again at once (an effect run twice) still takes the job', async () => {
    const { second } = twoTabs();
    const gaveUp = new AbortController();
    const early = second.claimJob('job-1', gaveUp.signal);
    gaveUp.abort();
    await expect(early).rejects.toThrow();
    await second.claimJob('job-1');
    expect(second.ownsJob('job-1')).toBe(true);
  });
});
