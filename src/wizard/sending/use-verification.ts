/**
 * The proof from Whispir, per part: a sample of the part's rows searched for in the workspace
 * (src/submission/verify-part.ts), paced with the import's requests. Used after a part is accepted,
 * and for a part whose answer was lost, to propose what to do.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { searchContact } from '../../api/search-contacts';
import type { SubmissionJob } from '../../domain/submission/submission-job';
import {
  samplePerPart,
  type PartVerification,
  type SentContact,
} from '../../domain/submission/verification';
import type { Journal } from '../../submission/journal';
import type { Pacer } from '../../submission/pacer';
import { sleep } from '../../submission/sleep';
import { createTurns, verifyPart, type VerifyOptions } from '../../submission/verify-part';

export interface VerificationTimes {
  /** How long to keep looking after an accepted import. */
  readonly patienceMs: number;
  /** How long to look for a part whose answer was lost before proposing to send it again. */
  readonly lostAnswerPatienceMs: number;
  readonly roundEveryMs: number;
}

/** A few minutes for a background import; tests and demos against the sandbox need less. */
export const VERIFICATION_TIMES: VerificationTimes = {
  patienceMs: 180_000,
  lostAnswerPatienceMs: 120_000,
  roundEveryMs: 2_000,
};

/** Reads a sent part's file and samples its rows (in the intake worker: `IntakeClient.partSample`). */
export type SamplePart = (
  base64: Blob,
  mimeType: SubmissionJob['mimeType'],
  fieldMapping: Readonly<Record<string, string>>,
  size: number,
) => Promise<readonly SentContact[]>;

export function useVerification(journal: Journal, pacer: Pacer, samplePart: SamplePart) {
  const [checks, setChecks] = useState<ReadonlyMap<number, PartVerification>>(new Map());
  const controllers = useRef(new Map<number, AbortController>());
  // One round of searches at a time, so the checks take a share of the rate limit, not all of it
  // while parts are still being sent; a part waiting for its next round lets the others search.
  const [inTurn] = useState(createTurns);
  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((controller) => controller.abort());
  }, []);

  const check = useCallback(
    async (
      job: SubmissionJob,
      part: number,
      options: Pick<VerifyOptions, 'patienceMs' | 'roundEveryMs'>,
    ): Promise<PartVerification | undefined> => {
      if (controllers.current.has(part)) return undefined;
      const controller = new AbortController();
      controllers.current.set(part, controller);
      const purpose = `Check that part ${part} arrived in ${job.workspaceName}: look for one of its contacts`;
      const sampleSize = samplePerPart(job.parts.length);
      try {
        return await verifyPart(
          part,
          {
            readPart: async (n) => {
              const body = await journal.loadPartBody(job.id, n);
              if (!body) return [];
              return samplePart(body.base64, job.mimeType, job.fieldMapping, sampleSize);
            },
            search: (row, signal) =>
              searchContact({
                workspaceId: job.workspaceId || undefined,
                row,
                purpose,
                signal,
                beforeRequest: (s) => pacer.wait(s),
              }),
            sleep,
            now: () => performance.now(),
            inTurn,
          },
          {
            ...options,
            sampleSize,
            signal: controller.signal,
            onProgress: (verification) =>
              setChecks((previous) => new Map(previous).set(part, verification)),
          },
        );
      } catch {
        return undefined; // stopped: the step was left or the check cancelled
      } finally {
        controllers.current.delete(part);
      }
    },
    [journal, pacer, inTurn, samplePart],
  );

  const stop = useCallback(
    () => controllers.current.forEach((controller) => controller.abort()),
    [],
  );

  /** Drops a part's check (it is sent again, so it will be checked again once accepted). */
  const forget = useCallback((part: number) => {
    controllers.current.get(part)?.abort();
    setChecks((previous) => {
      const next = new Map(previous);
      next.delete(part);
      return next;
    });
  }, []);

  return { checks, check, stop, forget };
}
