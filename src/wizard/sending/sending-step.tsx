/**
 * The sending step: stores the part files (so a reload can resume), sends each part as a
 * resource then an import, proves each accepted part from Whispir itself (a search of the
 * workspace for a sample of its rows), and for a part whose answer was lost, searches too and
 * proposes what to do. Every recovery action sits in the step's action bar; nothing is resent
 * without the person's say.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { reportDelimiterFor } from '../../domain/export/spreadsheet-file';
import { describeTimeLeft } from '../../domain/progress/estimate';
import {
  createJob,
  summariseJob,
  unsentParts,
  type SubmissionJob,
} from '../../domain/submission/submission-job';
import { describeVerification } from '../../domain/submission/verification';
import { fileParts } from '../../submission/file-parts';
import { createPacer } from '../../submission/pacer';
import { RUNNING_ELSEWHERE, sendLocks } from '../../submission/send-lock';
import { proposalFor } from '../../submission/verify-part';
import type { IntakeClient } from '../../worker/intake-client';
import type { FileSummary, UploadSummary } from '../../worker/protocol';
import { StepActions } from '../step-actions';
import type { StepHeading } from '../step-props';
import type { ImportSettings, SubmitOutcome } from '../wizard-state';
import { PartsProgress, SendAgainButton, type PartProof } from './parts-progress';
import { downloadRowsNotSent } from '../shared/journal-downloads';
import { outcomeOf } from './sandbox-outcomes';
import { useSendingElsewhere } from '../shared/use-sending-elsewhere';
import { useSubmission } from './use-submission';
import { VERIFICATION_TIMES, useVerification, type SamplePart } from './use-verification';

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly settings: ImportSettings;
  readonly plan: UploadSummary;
  readonly intake: IntakeClient;
  readonly onBack: () => void;
  /** From the first part file stored until the result: the wizard may not leave the step. */
  readonly onLockedChange: (locked: boolean) => void;
  readonly onImported: (outcome: SubmitOutcome) => void;
  /** Leaves an import no part of which was accepted; the first step offers it again. */
  readonly onStartOver: () => void;
}

interface Filing {
  readonly done: number;
  readonly total: number;
  readonly remaining: string;
}

export function SendingStep(props: Props) {
  const {
    headingRef,
    file,
    settings,
    plan,
    intake,
    onBack,
    onLockedChange,
    onImported,
    onStartOver,
  } = props;
  const pacer = useMemo(
    () => createPacer({ ratePerSecond: settings.ratePerSecond }),
    [settings.ratePerSecond],
  );
  const submission = useSubmission(pacer);
  const { journal } = submission;
  const samplePart = useCallback<SamplePart>(
    (base64, mimeType, fieldMapping, size) =>
      intake.partSample(base64, mimeType, fieldMapping, size),
    [intake],
  );
  const verification = useVerification(journal, pacer, samplePart);
  const elsewhere = useSendingElsewhere();
  const [filing, setFiling] = useState<Filing>();
  /** Parts whose files were all stored in this run: their line stays, so nothing below moves. */
  const [filed, setFiled] = useState<number>();
  const filingController = useRef<AbortController>(undefined);
  const [stage, setStage] = useState('');
  const [error, setError] = useState<string>();
  const [stopped, setStopped] = useState(false);
  const [downloadError, setDownloadError] = useState('');
  const finishing = useRef(false);
  // After Cancel sending, the focus goes to Resume sending, which takes the button's place.
  const resumeButton = useRef<HTMLButtonElement>(null);
  const refocusResume = useRef(false);
  useEffect(() => {
    if (submission.running || !refocusResume.current) return;
    refocusResume.current = false;
    resumeButton.current?.focus();
  }, [submission.running]);

  const job = submission.job;
  const summary = job && summariseJob(job);

  /** The import is over: to the result, with the proof found so far. */
  const finish = useCallback(
    async (final: SubmissionJob) => {
      if (finishing.current) return;
      finishing.current = true;
      verification.stop();
      setStage('Whispir accepted every part; fetching the outcome…');
      let outcome: SubmitOutcome;
      try {
        outcome = await outcomeOf(final, plan.accounting, AbortSignal.timeout(60_000));
      } catch (cause) {
        finishing.current = false;
        setStage('');
        setError(`The outcome could not be fetched: ${(cause as Error).message}`);
        return;
      }
      onImported({
        ...outcome,
        jobId: summariseJob(final).done ? final.id : undefined,
        sent: {
          jobId: final.id,
          fileName: final.fileName,
          mimeType: final.mimeType,
          reportDelimiter: final.reportDelimiter,
          parts: outcome.parts.map((part) => part.part),
        },
        parts: outcome.parts.map((part) => ({
          ...part,
          verification: verification.checks.get(part.part),
        })),
      });
    },
    [onImported, plan.accounting, verification],
  );

  /**
   * Stores every part's file (for a resume) and sends the parts as their files are built: the
   * first upload starts once the first file is built. The job reaches the journal, and its
   * first import Whispir, only once every file is stored (hold-journal.ts), so a reload before
   * that leaves nothing imported and nothing to resume.
   */
  const start = useCallback(async () => {
    if (filingController.current) return;
    const controller = new AbortController();
    filingController.current = controller;
    setError(undefined);
    setStopped(false);
    // Held from the first part file stored to the last request: one import at a time per browser.
    const stopSending = await sendLocks.beginSending();
    if (!stopSending) {
      filingController.current = undefined;
      setStopped(true);
      setStage(`${RUNNING_ELSEWHERE}. This one can start when that one has finished.`);
      return;
    }
    try {
      const next = createJob({
        fileName: file.fileName,
        workspaceId: settings.workspaceId,
        workspaceName: settings.workspaceName,
        importMode: settings.importMode,
        fieldMapping: plan.fieldMapping,
        mimeType: plan.mimeType,
        resourceNameBase: file.fileName,
        reportDelimiter: reportDelimiterFor(file.delimiter),
        plan: plan.parts,
        ...(plan.accounting && {
          notSent: { skipped: plan.accounting.skipped, rejected: plan.accounting.rejected },
        }),
      });
      // The rows no part holds, with their reasons, kept beside the part files: after a reload
      // they can still be downloaded (the worker's rows are gone then). Made while the parts
      // are built and stored, and settled before the job reaches the journal or is dropped.
      // Without it (storage refused) the banner says the report is not kept.
      const reportKept =
        plan.accounting && plan.accounting.skipped + plan.accounting.rejected > 0
          ? intake
              .rejectedReport()
              .then((csv) => journal.saveReport(next.id, csv))
              .catch(() => undefined)
          : Promise.resolve();
      // A new id nobody else knows: this tab owns the job from before it is in the journal.
      await sendLocks.tryClaimJob(next.id);
      const began = performance.now();
      setFiling({ done: 0, total: plan.parts.length, remaining: '' });
      const files = fileParts(
        plan.parts.map((part) => part.part),
        {
          build: (part) => intake.partBody(part),
          store: (part, body) => journal.savePartBody(next.id, part, body),
          load: (part) => journal.loadPartBody(next.id, part),
          onStored: (done, total) =>
            setFiling({
              done,
              total,
              remaining: describeTimeLeft(performance.now() - began, done / total),
            }),
        },
        controller.signal,
      );
      // Sent while this tab still holds the sending lock (it nests in one tab): no other tab can
      // start in between. The run stops by itself if the files cannot all be stored.
      const sending = submission.run(next, undefined, files);
      void sending.catch(() => undefined); // awaited below, after the filing
      const allStored = await files.done.then(
        () => true,
        (cause: unknown) => cause,
      );
      await reportKept;
      setFiling(undefined);
      if (allStored !== true) {
        // Nothing was imported (imports wait for every file) and the job never reached the
        // journal; what was stored of it goes too.
        await sending.catch(() => undefined);
        await journal.deleteJob(next.id);
        sendLocks.releaseJob(next.id);
        submission.setJob(undefined);
        setStopped(true);
        if (controller.signal.aborted) setStage('Stopped before anything was imported.');
        else setError(`The files to send could not be prepared: ${(allStored as Error).message}`);
        return;
      }
      setFiled(plan.parts.length);
      setStage('');
      const final = await sending;
      if (!final) {
        // Not sent after all (another run held it): the job, every file stored, is kept and
        // shown with its Resume button.
        await journal.saveJob(next);
        submission.setJob(next);
        setStopped(true);
      }
    } catch (cause) {
      setError((cause as Error).message);
    } finally {
      stopSending();
      filingController.current = undefined;
      setFiling(undefined);
    }
  }, [file.fileName, file.delimiter, intake, journal, plan, settings, submission]);

  // The person pressed Import on the settings step: start at once (once, also in React's
  // development mode, which mounts a component twice).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void start();
  }, [start]);

  // Each accepted part is checked in the workspace; a part whose answer was lost is looked for
  // too, so the wizard can propose what to do.
  useEffect(() => {
    if (!job) return;
    for (const part of job.parts) {
      if (verification.checks.has(part.part)) continue;
      if (part.status === 'accepted')
        void verification.check(job, part.part, {
          patienceMs: VERIFICATION_TIMES.patienceMs,
          roundEveryMs: VERIFICATION_TIMES.roundEveryMs,
        });
      else if (part.status === 'unknown' && !submission.running)
        void verification.check(job, part.part, {
          patienceMs: VERIFICATION_TIMES.lostAnswerPatienceMs,
          roundEveryMs: VERIFICATION_TIMES.roundEveryMs,
        });
    }
  }, [job, submission.running, verification]);

  // Every part accepted and proven (or the checks' time ran out): on to the result.
  useEffect(() => {
    if (!job || !summary?.done || submission.running) return;
    const proven = job.parts.every((part) => verification.checks.get(part.part)?.state === 'done');
    if (proven) void finish(job);
    else setStage('Every part was accepted. Checking in the workspace that the contacts arrived…');
  }, [job, summary?.done, submission.running, verification.checks, finish]);

  const locked = submission.running || Boolean(job) || filing !== undefined;
  useEffect(() => onLockedChange(locked), [locked, onLockedChange]);
  useEffect(() => () => onLockedChange(false), [onLockedChange]);

  const again = async (part?: number) => {
    if (!job) return;
    try {
      const final = await submission.run(job, part === undefined ? undefined : [part]);
      if (final && part !== undefined) verification.forget(part);
    } catch (cause) {
      setError((cause as Error).message);
    }
  };

  const arrived = async (part: number) => {
    try {
      await submission.markDone(part);
    } catch (cause) {
      setError((cause as Error).message);
    }
  };

  const proofs = new Map<number, PartProof>();
  for (const [part, check] of verification.checks) {
    const status = job?.parts.find((p) => p.part === part)?.status;
    proofs.set(part, {
      text: describeVerification(check, settings.workspaceName),
      proposal: status === 'unknown' ? proposalFor(check) : undefined,
      contacts: check.contacts,
    });
  }
  const decisions = job?.parts.filter(
    (part) => part.status === 'unknown' || part.status === 'failed',
  );
  // While files are still being stored the job is not in the journal yet: nothing to decide.
  const idle = !submission.running && !elsewhere && filing === undefined;
  const unsent = job ? unsentParts(job) : [];

  return (
    <div className="sending-step">
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Sending to {settings.workspaceName}
      </h2>
      <p className="lead">
        “{file.fileName}”: {plan.rowCount.toLocaleString()} contacts in {plan.parts.length}{' '}
        {plan.parts.length === 1 ? 'part' : 'parts'}, {settings.importMode} mode. Each part is
        uploaded, imported, then looked for in the workspace to prove it arrived.
      </p>

      {(filing || filed !== undefined) && (
        // Parts are sent while their files are stored: the line stays once they all are (the
        // parts table below it would otherwise jump up as it went).
        <div className="task-progress">
          <label htmlFor="filing-progress">
            {filing ? 'Preparing the files to send…' : 'The files to send are ready.'}
          </label>
          <progress
            id="filing-progress"
            max={filing?.total ?? filed}
            value={filing?.done ?? filed}
          />
          <span className="muted small">
            {filing
              ? `${filing.done} of ${filing.total} parts${filing.remaining ? `, ${filing.remaining}` : ''}`
              : `${filed} of ${filed} parts`}
          </span>
        </div>
      )}
      {job && (
        <PartsProgress
          job={job}
          running={submission.running}
          remaining={submission.remaining}
          proofs={proofs}
        />
      )}
      <div aria-live="polite" className="status">
        {stage && <p>{stage}</p>}
        {elsewhere && !submission.running && filing === undefined && (
          <p>
            <strong>{RUNNING_ELSEWHERE}.</strong> To keep contacts from being sent twice, this
            browser sends one import at a time: this one can be sent when that one has finished or
            its tab is closed.
          </p>
        )}
      </div>
      {error && (
        <div role="alert" className="error">
          <p>The import stopped: {error}</p>
        </div>
      )}
      {downloadError && (
        <p role="alert" className="error">
          {downloadError}
        </p>
      )}

      <StepActions>
        {!job && (
          <button type="button" disabled={filing !== undefined} onClick={onBack}>
            Back
          </button>
        )}
        {filing && (
          <button type="button" onClick={unlessRepeated(() => filingController.current?.abort())}>
            Cancel sending
          </button>
        )}
        {!job && stopped && filing === undefined && (
          <button
            type="button"
            className="primary"
            disabled={elsewhere}
            onClick={() => void start()}
          >
            Import {plan.rowCount.toLocaleString()} {plan.rowCount === 1 ? 'contact' : 'contacts'}
          </button>
        )}
        {submission.running && !filing && (
          <button
            type="button"
            onClick={unlessRepeated(() => {
              refocusResume.current = true;
              submission.cancel();
            })}
          >
            Cancel sending
          </button>
        )}
        {job &&
          idle &&
          decisions?.map((part) => {
            const proposal = proofs.get(part.part)?.proposal;
            return (
              <span key={part.part} className="decision">
                {part.status === 'unknown' && (
                  <button type="button" onClick={() => void arrived(part.part)}>
                    Part {part.part} did arrive
                  </button>
                )}
                <SendAgainButton
                  part={part}
                  proposal={proposal}
                  primary={part.status === 'failed' || proposal === 'send-again'}
                  onSend={() => void again(part.part)}
                />
              </span>
            );
          })}
        {job &&
          idle &&
          summary &&
          (summary.pending > 0 || job.parts.some((p) => p.status === 'cancelled')) && (
            <button
              ref={resumeButton}
              type="button"
              className="primary"
              onClick={() => void again()}
            >
              Resume sending
            </button>
          )}
        {job && !submission.running && !filing && unsent.length > 0 && (
          <button
            type="button"
            onClick={() =>
              void downloadRowsNotSent(journal, job).then(
                () => setDownloadError(''),
                (cause: unknown) =>
                  setDownloadError(`The rows not sent could not be saved: ${String(cause)}`),
              )
            }
          >
            Download the rows not sent
          </button>
        )}
        {job && idle && summary && summary.accepted === 0 && (
          <button
            type="button"
            onClick={() => {
              // Kept in this browser's journal: the first step offers to resume or discard it.
              sendLocks.releaseJob(job.id);
              onStartOver();
            }}
          >
            Keep it for later and start over
          </button>
        )}
        {job && !submission.running && summary && summary.accepted > 0 && (
          <button type="button" onClick={() => void finish(job)}>
            {summary.done ? 'Show the result now' : 'Show the result of the accepted parts'}
          </button>
        )}
      </StepActions>
    </div>
  );
}

/**
 * "Cancel sending" appears where "Import N contacts" was: the second click of a double click on
 * Import lands on it and would stop the import the person asked for. A click that is the second
 * (or later) of a quick series (`detail` > 1) is not a request to cancel; a single click, or the
 * keyboard (`detail` 0), is.
 */
function unlessRepeated(action: () => void): (event: MouseEvent) => void {
  return (event) => {
    if (event.detail <= 1) action();
  };
}
