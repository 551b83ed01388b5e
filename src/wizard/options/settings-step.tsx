import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { useWorkspaces } from '../../api/get-workspaces';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import { RESOURCE_FORMATS } from '../../domain/resource/formats';
import { describeTimeLeft } from '../../domain/progress/estimate';
import { createJob, summariseJob } from '../../domain/submit/submission-job';
import { IMPORT_MODES, IMPORT_MODE_TEXT, MATCH_RULE_TEXT } from '../../domain/whispir/import-modes';
import type { IntakeClient, TaskOptions } from '../../worker/intake-client';
import type { FileSummary } from '../../worker/protocol';
import type { StepHeading } from '../step-props';
import { PREPARING_UPLOAD, TaskProgress } from '../task-progress';
import { useWorkerTask } from '../use-worker-task';
import { RUNNING_ELSEWHERE, sendLocks } from '../../submit/send-lock';
import { PartsProgress } from '../submit/parts-progress';
import { outcomeOf } from '../submit/sandbox-outcomes';
import { useSendingElsewhere, useSubmission } from '../submit/use-submission';
import type { ImportSettings, SubmitOutcome } from '../wizard-state';
import { WorkspacePicker } from './workspace-picker';
import {
  DEFAULT_WORKSPACE_NAME,
  rememberWorkspace,
  rememberedWorkspace,
  workspaceChoices,
} from './workspaces';
import { StepActions } from '../step-actions';

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly mapping: ColumnMapping;
  readonly initialSettings: ImportSettings | undefined;
  readonly intake: IntakeClient;
  readonly onBack: () => void;
  readonly onSettingsChange: (settings: ImportSettings) => void;
  readonly onImported: (settings: ImportSettings, outcome: SubmitOutcome) => void;
  /** True while an import is prepared, sent or left unfinished: the wizard may not leave then. */
  readonly onLockedChange?: (locked: boolean) => void;
}

const settingsSchema = z.object({
  importMode: z.enum(IMPORT_MODES),
  workspaceId: z.string(),
  format: z.enum(RESOURCE_FORMATS),
  ratePerSecond: z.coerce.number().int().min(1).max(30),
});
type SettingsForm = z.output<typeof settingsSchema>;

const FORMAT_LABELS = { csv: 'CSV (recommended)', json: 'JSON', xml: 'XML' } as const;

export function SettingsStep(props: Props) {
  const {
    headingRef,
    file,
    mapping,
    initialSettings,
    intake,
    onBack,
    onSettingsChange,
    onImported,
    onLockedChange,
  } = props;
  const workspaces = useWorkspaces();
  const choices = workspaceChoices(workspaces.data ?? []);
  const { register, handleSubmit, getValues, setValue, control } = useForm<
    z.input<typeof settingsSchema>,
    unknown,
    SettingsForm
  >({
    defaultValues: {
      importMode: initialSettings?.importMode ?? 'replace',
      workspaceId: initialSettings?.workspaceId ?? rememberedWorkspace(),
      format: initialSettings?.format ?? 'csv',
      ratePerSecond: initialSettings?.ratePerSecond ?? 5,
    },
    resolver: zodResolver(settingsSchema),
  });
  const format = useWatch({ control, name: 'format' });
  const workspaceId = useWatch({ control, name: 'workspaceId' });
  const ratePerSecond = useWatch({ control, name: 'ratePerSecond' });
  const submission = useSubmission(Number(ratePerSecond) || 5);
  // Another tab of this browser is sending: this one waits (one import at a time per browser).
  const elsewhere = useSendingElsewhere();
  const [stage, setStage] = useState('');
  // The files of the parts, encoded and kept (for a resume) before the first request.
  const [filingState, setFiling] = useState<{ done: number; total: number; remaining: string }>();
  const filing = useRef<AbortController>(undefined);
  const [error, setError] = useState<string>();

  // A remembered workspace that no longer exists falls back to the default.
  useEffect(() => {
    if (workspaces.data && !choices.some((choice) => choice.id === getValues('workspaceId')))
      setValue('workspaceId', '');
  }, [workspaces.data, choices, getValues, setValue]);

  // The upload is built in the worker as soon as the format is known, so the parts show first.
  const preparing = useWorkerTask(
    useCallback(
      (options: TaskOptions) => intake.prepareUpload(mapping, format, options),
      [intake, mapping, format],
    ),
  );
  const plan = preparing.state.status === 'done' ? preparing.state.value : undefined;

  const toSettings = (values: z.input<typeof settingsSchema>): ImportSettings => ({
    ...values,
    ratePerSecond: Number(values.ratePerSecond) || 5,
    workspaceName:
      choices.find((choice) => choice.id === values.workspaceId)?.name ??
      `${DEFAULT_WORKSPACE_NAME} (default)`,
  });

  /**
   * Every way of finishing ends here: the last part accepted by a run, sent again, or marked as
   * arrived. The job stays in the journal until the user leaves the result (so a reload shows
   * the finished import once more); this tab keeps owning it until then.
   */
  const finish = async (settings: ImportSettings, job: Parameters<typeof outcomeOf>[0]) => {
    if (!summariseJob(job).done) return;
    setStage('Whispir accepted every part; waiting for the sandbox to finish importing…');
    const outcome = await outcomeOf(job, plan?.accounting);
    onImported(settings, { ...outcome, jobId: job.id });
  };

  // After a cancel the focus goes back to Import (enabled again once the form unlocks).
  const importButton = useRef<HTMLButtonElement>(null);
  const refocusImport = useRef(false);
  // After Cancel sending, the focus goes to Resume sending, which takes the button's place.
  const resumeButton = useRef<HTMLButtonElement>(null);
  const refocusResume = useRef(false);
  useEffect(() => {
    if (submission.running || !refocusResume.current) return;
    refocusResume.current = false;
    resumeButton.current?.focus();
  }, [submission.running]);
  const stoppedBeforeSending = () => {
    setStage('Stopped before anything was sent.');
    refocusImport.current = true;
  };

  const start = async (values: SettingsForm) => {
    const settings = toSettings(values);
    // One import per click: a second click while the files are prepared does nothing.
    if (!plan || filing.current) return;
    const filingNow = new AbortController();
    filing.current = filingNow;
    setError(undefined);
    // Held from the first part file stored to the last request: one import at a time per browser.
    const stopSending = await sendLocks.beginSending();
    if (!stopSending) {
      filing.current = undefined;
      setStage(`${RUNNING_ELSEWHERE}. This one can start when that one has finished.`);
      return;
    }
    rememberWorkspace(settings.workspaceId);
    try {
      const job = createJob({
        fileName: file.fileName,
        workspaceId: settings.workspaceId,
        workspaceName: settings.workspaceName,
        importMode: settings.importMode,
        fieldMapping: plan.fieldMapping,
        mimeType: plan.mimeType,
        resourceNameBase: file.fileName,
        plan: plan.parts,
      });
      // A new id nobody else knows: this tab owns the job from before it is in the journal.
      await sendLocks.tryClaimJob(job.id);
      const started = performance.now();
      for (const [index, part] of plan.parts.entries()) {
        const fraction = index / plan.parts.length;
        const left = describeTimeLeft(performance.now() - started, fraction);
        setFiling({ done: index, total: plan.parts.length, remaining: left });
        await submission.journal.savePartBody(job.id, part.part, await intake.partBody(part.part));
        if (filingNow.signal.aborted) break;
      }
      if (!filingNow.signal.aborted) await submission.journal.saveJob(job);
      if (filingNow.signal.aborted) {
        await submission.journal.deleteJob(job.id);
        sendLocks.releaseJob(job.id);
        stoppedBeforeSending();
        return;
      }
      setFiling(undefined);
      setStage('');
      const final = await submission.run(job);
      stopSending();
      if (final) await finish(settings, final);
    } catch (cause) {
      setError((cause as Error).message);
    } finally {
      stopSending();
      filing.current = undefined;
      setFiling(undefined);
    }
  };

  /** Sends the parts not yet sent, or, when the user names one, that part again. */
  const again = async (part?: number) => {
    if (!submission.job) return;
    try {
      const final = await submission.run(submission.job, part === undefined ? undefined : [part]);
      if (final) await finish(toSettings(getValues()), final);
    } catch (cause) {
      setError((cause as Error).message);
    }
  };

  /** "Part n did arrive": when it was the last part in doubt, the import is finished. */
  const markArrived = async (part: number) => {
    try {
      const next = await submission.markDone(part);
      if (next) await finish(toSettings(getValues()), next);
    } catch (cause) {
      setError((cause as Error).message);
    }
  };

  const job = submission.job;
  const locked = submission.running || Boolean(job) || filingState !== undefined;
  useEffect(() => {
    onLockedChange?.(locked);
    if (!locked && refocusImport.current) {
      refocusImport.current = false;
      importButton.current?.focus();
    }
  }, [locked, onLockedChange]);
  useEffect(() => () => onLockedChange?.(false), [onLockedChange]);
  const parts = plan?.parts.length ?? 0;
  const rows = (plan?.rowCount ?? file.rowCount).toLocaleString();
  const summary = job && summariseJob(job);

  return (
    <form noValidate onSubmit={handleSubmit((values) => void start(values))}>
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Choose how to import
      </h2>
      <p className="lead">
        Pick what happens to people already in Whispir, and where the contacts go.
      </p>

      <fieldset className="modes" disabled={locked}>
        <legend>When a contact is already in the workspace</legend>
        {IMPORT_MODES.map((mode) => (
          <label key={mode} className="mode">
            <input type="radio" value={mode} {...register('importMode')} />
            <span>
              <strong>{IMPORT_MODE_TEXT[mode].label}</strong> <code>{mode}</code>
              <span className="muted block">{IMPORT_MODE_TEXT[mode].explanation}</span>
              <span className="muted block small">Example: {IMPORT_MODE_TEXT[mode].example}</span>
            </span>
          </label>
        ))}
        <p className="muted small">{MATCH_RULE_TEXT}</p>
      </fieldset>

      <WorkspacePicker
        choices={choices}
        selected={workspaceId}
        disabled={workspaces.isPending || locked}
        registration={register('workspaceId')}
      />
      {workspaces.isPending && <p className="muted small">Loading workspaces…</p>}
      {workspaces.isError && (
        <p role="alert" className="error">
          Could not list workspaces: {workspaces.error.message} Contacts can still go to{' '}
          {DEFAULT_WORKSPACE_NAME}.
        </p>
      )}

      <details className="advanced">
        <summary>Advanced: file format and request rate</summary>
        <fieldset disabled={locked}>
          <legend className="visually-hidden">Advanced settings</legend>
          <label>
            File format sent to Whispir
            <select {...register('format')}>
              {RESOURCE_FORMATS.map((value) => (
                <option key={value} value={value}>
                  {FORMAT_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Requests per second (your Whispir edition allows 5, 10 or 30)
            <input type="number" min={1} max={30} {...register('ratePerSecond')} />
          </label>
        </fieldset>
      </details>

      <TaskProgress id="prepare-progress" task={preparing} words={PREPARING_UPLOAD} />
      <p className="muted">
        {plan &&
          (parts > 1
            ? `${rows} contacts will be sent in ${parts} parts, because Whispir accepts at most 10 MB per request.`
            : `${rows} contacts will be sent in one request.`)}
      </p>

      {job && (
        <PartsProgress
          job={job}
          running={submission.running}
          waiting={!submission.running && elsewhere}
          remaining={submission.remaining}
          onSendAgain={(part) => void again(part)}
          onMarkDone={(part) => void markArrived(part)}
        />
      )}
      {filingState && (
        <div className="task-progress">
          <label htmlFor="filing-progress">Preparing the files to send…</label>
          <progress id="filing-progress" max={filingState.total} value={filingState.done} />
          <button type="button" onClick={() => filing.current?.abort()}>
            Cancel sending
          </button>
          <span className="muted small">
            {filingState.done} of {filingState.total} parts
            {filingState.remaining ? `, ${filingState.remaining}` : ''}
          </span>
        </div>
      )}
      <div aria-live="polite" className="status">
        {stage && !(elsewhere && stage.startsWith(RUNNING_ELSEWHERE)) && <p>{stage}</p>}
        {elsewhere && !submission.running && filingState === undefined && (
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
      <StepActions>
        <button
          type="button"
          disabled={locked}
          onClick={() => {
            onSettingsChange(toSettings(getValues()));
            onBack();
          }}
        >
          Back
        </button>
        {!job && (
          <button
            ref={importButton}
            type="submit"
            className="primary"
            disabled={!plan || locked || elsewhere}
          >
            {plan ? `Import ${rows} contact${plan.rowCount === 1 ? '' : 's'}` : 'Import'}
          </button>
        )}
        {submission.running && (
          <button
            type="button"
            onClick={() => {
              refocusResume.current = true;
              submission.cancel();
            }}
          >
            Cancel sending
          </button>
        )}
        {job && !submission.running && summary && !summary.done && summary.accepted > 0 && (
          <button
            type="button"
            onClick={() =>
              void outcomeOf(job).then((outcome) => onImported(toSettings(getValues()), outcome))
            }
          >
            Show the result of the accepted parts
          </button>
        )}
        {job &&
          !submission.running &&
          summary &&
          (summary.pending > 0 || job.parts.some((p) => p.status === 'cancelled')) && (
            <button
              ref={resumeButton}
              type="button"
              className="primary"
              disabled={elsewhere}
              onClick={() => void again()}
            >
              Resume sending
            </button>
          )}
      </StepActions>
    </form>
  );
}
