import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect } from 'react';
import { useFocusKeeper } from '../shared/focus';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { useWorkspaces } from '../../api/get-workspaces';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import { RESOURCE_FORMATS } from '../../domain/resource/formats';
import { IS_SANDBOX } from '../../config/build-info';
import { describeExisting } from '../../domain/submission/verification';
import { IMPORT_MODES, IMPORT_MODE_TEXT, matchRuleText } from '../../domain/whispir/import-modes';
import type { IntakeClient, TaskOptions } from '../../worker/intake-client';
import type { FileSummary, UploadSummary } from '../../worker/protocol';
import type { StepHeading } from '../step-props';
import { PREPARING_UPLOAD, TaskProgress } from '../task-progress';
import { useWorkerTask } from '../use-worker-task';
import type { ImportSettings } from '../wizard-state';
import { RUNNING_ELSEWHERE } from '../../submission/send-lock';
import { useSendingElsewhere } from '../shared/use-sending-elsewhere';
import { ClearingWarning } from './clearing-warning';
import { EXISTING_MEANS, existingCheckAnnouncement, useExistingCheck } from './use-existing-check';
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
  /** Import: the sending step takes the settings and the planned parts. */
  readonly onSend: (settings: ImportSettings, plan: UploadSummary) => void;
}

const settingsSchema = z.object({
  importMode: z.enum(IMPORT_MODES),
  workspaceId: z.string(),
  format: z.enum(RESOURCE_FORMATS),
  ratePerSecond: z.coerce.number().int().min(1).max(30),
});
type SettingsForm = z.output<typeof settingsSchema>;

const FORMAT_LABELS = { csv: 'CSV (recommended)', json: 'JSON', xml: 'XML' } as const;

/**
 * The import settings: a plain form (mode, workspace, format and rate), the planned parts, and
 * how many rows are already contacts in the chosen workspace. Sending is the next step's.
 */
export function SettingsStep(props: Props) {
  const { headingRef, file, mapping, initialSettings, intake, onBack, onSettingsChange, onSend } =
    props;
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
  const ratePerSecond = Number(useWatch({ control, name: 'ratePerSecond' })) || 5;
  const importMode = useWatch({ control, name: 'importMode' });

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

  const workspaceName = (id: string) =>
    choices.find((choice) => choice.id === id)?.name ?? `${DEFAULT_WORKSPACE_NAME} (default)`;
  const toSettings = (values: z.input<typeof settingsSchema>): ImportSettings => ({
    ...values,
    ratePerSecond: Number(values.ratePerSecond) || 5,
    workspaceName: workspaceName(values.workspaceId),
  });

  // Which rows are already there: checked once the parts are planned and the workspaces known.
  const existing = useExistingCheck(
    intake,
    plan && !workspaces.isPending
      ? { id: workspaceId, name: workspaceName(workspaceId) }
      : undefined,
    ratePerSecond,
  );

  // Another tab of this browser is sending: this one waits (one import at a time per browser).
  const elsewhere = useSendingElsewhere();
  const parts = plan?.parts.length ?? 0;
  const rows = (plan?.rowCount ?? file.rowCount).toLocaleString();
  const check = existing.state;
  const checkedIn = workspaceName(workspaceId);
  // "Stop checking" goes with the check (stopped, or done on its own): the result takes the focus.
  const checkFocus = useFocusKeeper(() => document.getElementById('existing-check-result'));

  return (
    <form
      noValidate
      onSubmit={handleSubmit((values) => {
        if (!plan) return;
        const settings = toSettings(values);
        rememberWorkspace(settings.workspaceId);
        existing.stop();
        onSend(settings, plan);
      })}
    >
      <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
        Choose how to import
      </h2>
      <p className="lead">
        Pick what happens to people already in Whispir, and where the contacts go.
      </p>

      <fieldset className="modes">
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
        <p className="muted small">{matchRuleText(IS_SANDBOX)}</p>
        <ClearingWarning emptyFields={plan?.emptyFields ?? []} importMode={importMode} />
        {/* The counts change several times a second: a screen reader hears only the start and
            the result (below), not every count, nor the button. */}
        <div className="existing-check" data-testid="existing-check" {...checkFocus}>
          {check.status === 'checking' && (
            <p>
              Looking in {checkedIn} for the rows to send: {check.looked} of {check.sampled} looked
              up, {check.matched} already there…{' '}
              <button type="button" onClick={existing.stop}>
                Stop checking
              </button>
            </p>
          )}
          {(check.status === 'done' || check.status === 'stopped') && check.sampled > 0 && (
            <p id="existing-check-result" tabIndex={-1}>
              <strong>{describeExisting(check.matched, check.looked, checkedIn)}</strong>
              {check.status === 'stopped' ? ' (stopped early)' : ''}: {EXISTING_MEANS}
            </p>
          )}
          {check.status === 'failed' && (
            <p id="existing-check-result" tabIndex={-1} className="muted small">
              Could not look in the workspace: {check.message}
            </p>
          )}
        </div>
        <p aria-live="polite" className="visually-hidden" data-testid="existing-check-announcer">
          {existingCheckAnnouncement(check, checkedIn)}
        </p>
      </fieldset>

      <WorkspacePicker
        choices={choices}
        selected={workspaceId}
        disabled={workspaces.isPending}
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
        <fieldset>
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
            : `${rows} ${plan.rowCount === 1 ? 'contact' : 'contacts'} will be sent in one request.`)}
      </p>

      {elsewhere && (
        <p className="status" aria-live="polite">
          <strong>{RUNNING_ELSEWHERE}.</strong> To keep contacts from being sent twice, this browser
          sends one import at a time: this one can be sent when that one has finished or its tab is
          closed.
        </p>
      )}
      <StepActions>
        <button
          type="button"
          onClick={() => {
            onSettingsChange(toSettings(getValues()));
            onBack();
          }}
        >
          Back
        </button>
        <button type="submit" className="primary" disabled={!plan || elsewhere}>
          {plan ? `Import ${rows} contact${plan.rowCount === 1 ? '' : 's'}` : 'Import'}
        </button>
      </StepActions>
    </form>
  );
}
