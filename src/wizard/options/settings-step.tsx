import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useWorkspaces } from '../../api/get-workspaces';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import { IMPORT_MODES, IMPORT_MODE_TEXT, MATCH_RULE_TEXT } from '../../domain/whispir/import-modes';
import type { IntakeClient } from '../../worker/intake-client';
import type { FileSummary } from '../../worker/protocol';
import type { StepHeading } from '../step-props';
import type { ImportSettings, SubmitOutcome } from '../wizard-state';
import { submitImport } from './submit-import';
import {
  DEFAULT_WORKSPACE_NAME,
  rememberWorkspace,
  rememberedWorkspace,
  workspaceChoices,
} from './workspaces';

interface Props extends StepHeading {
  readonly file: FileSummary;
  readonly mapping: ColumnMapping;
  readonly initialSettings: ImportSettings | undefined;
  readonly intake: IntakeClient;
  readonly onBack: () => void;
  readonly onSettingsChange: (settings: ImportSettings) => void;
  readonly onImported: (settings: ImportSettings, outcome: SubmitOutcome) => void;
}

const settingsSchema = z.object({
  importMode: z.enum(IMPORT_MODES),
  workspaceId: z.string(),
});
type SettingsForm = z.infer<typeof settingsSchema>;

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
  } = props;
  const workspaces = useWorkspaces();
  const choices = workspaceChoices(workspaces.data ?? []);
  const { register, handleSubmit, getValues, setValue } = useForm<SettingsForm>({
    defaultValues: {
      importMode: initialSettings?.importMode ?? 'replace',
      workspaceId: initialSettings?.workspaceId ?? rememberedWorkspace(),
    },
    resolver: zodResolver(settingsSchema),
  });
  const [stage, setStage] = useState('');
  // A remembered workspace that no longer exists falls back to the default.
  useEffect(() => {
    if (workspaces.data && !choices.some((choice) => choice.id === getValues('workspaceId')))
      setValue('workspaceId', '');
  }, [workspaces.data, choices, getValues, setValue]);
  const toSettings = (values: SettingsForm): ImportSettings => ({
    ...values,
    workspaceName:
      choices.find((choice) => choice.id === values.workspaceId)?.name ?? DEFAULT_WORKSPACE_NAME,
  });

  const submit = useMutation({
    mutationFn: (settings: ImportSettings) =>
      submitImport({ intake, file, mapping, settings, onStage: setStage }),
    onSuccess: (outcome, settings) => onImported(settings, outcome),
  });

  const rows = file.rowCount.toLocaleString();
  return (
    <form
      noValidate
      onSubmit={handleSubmit((values) => {
        const settings = toSettings(values);
        rememberWorkspace(settings.workspaceId);
        submit.mutate(settings);
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
            </span>
          </label>
        ))}
        <p className="muted small">{MATCH_RULE_TEXT}</p>
      </fieldset>

      <div className="workspace">
        <label htmlFor="workspace">Workspace</label>
        <select id="workspace" {...register('workspaceId')} disabled={workspaces.isPending}>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
        {workspaces.isPending && <p className="muted small">Loading workspaces…</p>}
        {workspaces.isError && (
          <p role="alert" className="error">
            Could not list workspaces: {workspaces.error.message} Contacts can still go to{' '}
            {DEFAULT_WORKSPACE_NAME}.
          </p>
        )}
      </div>

      <div aria-live="polite" className="status">
        {submit.isPending && <p>{stage}</p>}
      </div>
      {submit.isError && (
        <div role="alert" className="error">
          <p>The import did not go through: {submit.error.message}</p>
          <p>Nothing else was changed. You can try again.</p>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={submit.isPending}
          onClick={() => {
            onSettingsChange(toSettings(getValues()));
            onBack();
          }}
        >
          Back
        </button>
        <button type="submit" className="primary" disabled={submit.isPending}>
          {submit.isPending
            ? 'Importing…'
            : `Import ${rows} contact${file.rowCount === 1 ? '' : 's'}`}
        </button>
      </div>
    </form>
  );
}
