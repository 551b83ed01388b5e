/**
 * Checks that a part's contacts arrived, from Whispir itself: a sample of the part's rows is
 * searched for in the workspace, each search paced with the import's own requests, again and
 * again for a while, since Whispir imports in the background after its 202 (docs/whispir-api.md
 * §A10). The same engine decides what to propose for a part whose answer was lost.
 */
import {
  SAMPLE_PER_PART,
  spreadSample,
  type PartVerification,
  type SentContact,
} from '../domain/submission/verification';
import { abortReason } from './sleep';

export interface FoundContact {
  readonly id?: string;
  readonly uri?: string;
}

export interface VerifyDeps {
  /** The part's rows as sent (from its file in the journal). */
  readPart(part: number): Promise<readonly SentContact[]>;
  /** One search: the row's own contact, or undefined. Paced by the caller's pacer. */
  search(row: SentContact, signal?: AbortSignal): Promise<FoundContact | undefined>;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): number;
  /**
   * Runs one round of searches when it is this part's turn (see `createTurns`). The pause
   * between rounds is spent outside any turn, so a part waiting for its import does not hold
   * up the check of the next one. Default: at once.
   */
  inTurn?<T>(round: () => Promise<T>): Promise<T>;
}

export interface VerifyOptions {
  readonly sampleSize?: number;
  /** How long to keep looking for rows not found yet (Whispir imports in the background). */
  readonly patienceMs?: number;
  /** Pause between rounds of searches for the rows not found yet. */
  readonly roundEveryMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (verification: PartVerification) => void;
}

/** A few minutes: long enough for a background import of a 10 MB part. */
export const DEFAULT_PATIENCE_MS = 180_000;
/** A round costs at most two searches while an import is under way, so it can come often. */
export const DEFAULT_ROUND_EVERY_MS = 2_000;

const nameOf = (row: SentContact) => `${row.firstName ?? ''} ${row.lastName ?? ''}`.trim();

/**
 * Searches for a sample of the part's rows until every one is found or the patience runs out,
 * then once more for every row still not found. A failed search (a network error, a 5xx) counts
 * as "not found yet" and is tried again in the next round; a cancel stops at once.
 */
export async function verifyPart(
  part: number,
  deps: VerifyDeps,
  options: VerifyOptions = {},
): Promise<PartVerification> {
  const { signal } = options;
  const sample = spreadSample(await deps.readPart(part), options.sampleSize ?? SAMPLE_PER_PART);
  const patience = options.patienceMs ?? DEFAULT_PATIENCE_MS;
  const found = new Map<number, { name: string; uri?: string }>();
  const answered = new Set<number>();
  const started = deps.now();
  const report = (state: PartVerification['state']): PartVerification => {
    const verification: PartVerification = {
      part,
      sampled: sample.length,
      found: found.size,
      answered: answered.size,
      contacts: [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, contact]) => contact),
      state,
    };
    options.onProgress?.(verification);
    return verification;
  };
  report('checking');
  /** Searches for one row; false when it is not there yet, or the search failed. */
  const look = async (index: number, row: SentContact): Promise<boolean> => {
    if (signal?.aborted) throw abortReason(signal);
    try {
      const contact = await deps.search(row, signal);
      answered.add(index);
      if (!contact) return false;
      found.set(index, { name: nameOf(row), uri: contact.uri });
      report('checking');
      return true;
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      // A search that failed says nothing about the row: looked for again next round.
      void error;
      return false;
    }
  };
  /**
   * Looks for the rows not found yet, in the part's order. At the first one missing, it looks
   * for the last one: missing too, the import is most likely still under way, and the rows
   * between wait for the next round rather than each cost a request now. `everyRow` looks for
   * all of them whatever it finds (the last round, so the report counts every row it can).
   */
  const round = async (everyRow: boolean) => {
    const left = [...sample.entries()].filter(([index]) => !found.has(index));
    for (const [position, [index, row]] of left.entries()) {
      if (found.has(index) || (await look(index, row)) || everyRow) continue;
      const [lastIndex, lastRow] = left[left.length - 1]!;
      if (position === left.length - 1 || !(await look(lastIndex, lastRow))) return;
      everyRow = true;
    }
  };
  for (;;) {
    const lastRound = deps.now() - started >= patience;
    await (deps.inTurn ? deps.inTurn(() => round(lastRound)) : round(lastRound));
    if (found.size === sample.length || lastRound) return report('done');
    await deps.sleep(options.roundEveryMs ?? DEFAULT_ROUND_EVERY_MS, signal);
  }
}

/**
 * What the wizard proposes for a part whose answer was lost, from what the search found. Sending
 * again is proposed only when every sampled row was searched for, answered, and not found: a
 * search that failed (a rate limit, a 5xx) proves nothing. Contacts found do not prove it
 * arrived, in any mode: they may have been in the workspace before (an earlier import of the
 * same file, in `duplicate` mode too), so the person checks in Whispir and chooses (`found`).
 */
export function proposalFor(verification: PartVerification): 'found' | 'send-again' | 'unsure' {
  if (verification.found > 0) return 'found';
  const everyRowAnswered = (verification.answered ?? 0) >= verification.sampled;
  return verification.state === 'done' && verification.sampled > 0 && everyRowAnswered
    ? 'send-again'
    : 'unsure';
}

/**
 * Turns for the rounds of several parts' checks: one round at a time, in the order asked, so the
 * checks take one share of the rate limit next to the parts still being sent, not one share each.
 */
export function createTurns(): <T>(round: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (round) => {
    const turn = last.then(round);
    last = turn.catch(() => undefined);
    return turn;
  };
}
