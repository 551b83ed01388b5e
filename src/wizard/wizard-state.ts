/**
 * The wizard as a pure reducer over a discriminated union of steps. Each step carries only the
 * data it needs; earlier answers travel along so going back never loses work.
 */
import type { ColumnMapping } from '../domain/mapping/mapping';
import type { ImportMode } from '../domain/whispir/import-modes';
import type { ResourceFormat } from '../domain/resource/formats';
import type { SandboxImport } from '../domain/whispir/api-schemas';
import type { SubmissionJob } from '../domain/submission/submission-job';
import type { PartVerification } from '../domain/submission/verification';
import type { FileSummary, RowAccountingCounts, UploadSummary } from '../worker/protocol';

export interface ImportSettings {
  readonly importMode: ImportMode;
  readonly format: ResourceFormat;
  /** Requests per second the submission keeps to. */
  readonly ratePerSecond: number;
  /** Empty string = the default "My Company" workspace, which uses the root paths. */
  readonly workspaceId: string;
  readonly workspaceName: string;
}

export interface PartOutcome {
  readonly part: number;
  readonly rows: number;
  readonly resourceId: string;
  readonly importId: string | undefined;
  readonly importLocation: string;
  /** Present only against the local sandbox. */
  readonly sandbox?: SandboxImport;
  /** What a search of the workspace found of a sample of the part's rows. */
  readonly verification?: PartVerification;
}

export interface SubmitOutcome {
  readonly rowsSent: number;
  /** Every row of the file: sent, skipped by the user, or rejected (from the review). */
  readonly accounting?: RowAccountingCounts;
  readonly fieldMapping: Readonly<Record<string, string>>;
  readonly parts: readonly PartOutcome[];
  /**
   * The finished journal job this result shows. It stays in the journal (so a reload shows it
   * once more) until the user leaves the result; absent when the job is not finished.
   */
  readonly jobId?: string;
  /** Where the part files sent are kept (this browser's journal), for "Download the rows sent". */
  readonly sent?: {
    readonly jobId: string;
    readonly fileName: string;
    readonly mimeType: SubmissionJob['mimeType'];
    readonly reportDelimiter?: SubmissionJob['reportDelimiter'];
    readonly parts: readonly number[];
  };
}

export type WizardState =
  | { readonly step: 'upload' }
  | {
      readonly step: 'preview';
      readonly file: FileSummary;
      readonly mapping?: ColumnMapping;
      readonly customFields?: readonly string[];
    }
  | {
      readonly step: 'mapping';
      readonly file: FileSummary;
      readonly mapping?: ColumnMapping;
      readonly customFields?: readonly string[];
      readonly settings?: ImportSettings;
    }
  | {
      readonly step: 'review';
      readonly file: FileSummary;
      readonly mapping: ColumnMapping;
      readonly customFields: readonly string[];
      readonly settings?: ImportSettings;
    }
  | {
      readonly step: 'settings';
      readonly file: FileSummary;
      readonly mapping: ColumnMapping;
      readonly customFields: readonly string[];
      readonly settings?: ImportSettings;
    }
  | {
      /** The import is sent: its parts, their proof, and what to do when one goes wrong. */
      readonly step: 'sending';
      readonly file: FileSummary;
      readonly mapping: ColumnMapping;
      readonly customFields: readonly string[];
      readonly settings: ImportSettings;
      readonly plan: UploadSummary;
      /** From the first part file stored: the wizard cannot leave the step (a send could double). */
      readonly locked: boolean;
    }
  | {
      readonly step: 'result';
      readonly file: FileSummary;
      readonly mapping: ColumnMapping;
      readonly settings: ImportSettings;
      readonly outcome: SubmitOutcome;
    };

export type StepName = WizardState['step'];

export type WizardEvent =
  | { readonly type: 'file-read'; readonly file: FileSummary }
  | { readonly type: 'preview-confirmed' }
  | {
      readonly type: 'mapping-confirmed';
      readonly mapping: ColumnMapping;
      readonly customFields?: readonly string[];
    }
  | { readonly type: 'review-confirmed' }
  | { readonly type: 'settings-changed'; readonly settings: ImportSettings }
  | { readonly type: 'send'; readonly settings: ImportSettings; readonly plan: UploadSummary }
  | { readonly type: 'sending-locked'; readonly locked: boolean }
  | { readonly type: 'imported'; readonly outcome: SubmitOutcome }
  | { readonly type: 'back' }
  | { readonly type: 'start-over' };

export const STEPS: readonly { readonly name: StepName; readonly label: string }[] = [
  { name: 'upload', label: 'Choose file' },
  { name: 'preview', label: 'Check rows' },
  { name: 'mapping', label: 'Match columns' },
  { name: 'review', label: 'Review rows' },
  { name: 'settings', label: 'Import settings' },
  { name: 'sending', label: 'Sending' },
  { name: 'result', label: 'Result' },
];

export const initialWizardState: WizardState = { step: 'upload' };

export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'file-read':
      return { step: 'preview', file: event.file };
    case 'preview-confirmed':
      return state.step === 'preview'
        ? {
            step: 'mapping',
            file: state.file,
            mapping: state.mapping,
            customFields: state.customFields,
          }
        : state;
    case 'mapping-confirmed':
      // The review re-validates when the mapping changed and keeps its work when it did not.
      return state.step === 'mapping'
        ? {
            step: 'review',
            file: state.file,
            mapping: event.mapping,
            customFields: event.customFields ?? [],
            settings: state.settings,
          }
        : state;
    case 'review-confirmed':
      return state.step === 'review' ? { ...state, step: 'settings' } : state;
    case 'settings-changed':
      return state.step === 'settings' ? { ...state, settings: event.settings } : state;
    case 'send':
      return state.step === 'settings'
        ? {
            step: 'sending',
            file: state.file,
            mapping: state.mapping,
            customFields: state.customFields,
            settings: event.settings,
            plan: event.plan,
            locked: false,
          }
        : state;
    case 'sending-locked':
      return state.step === 'sending' ? { ...state, locked: event.locked } : state;
    case 'imported':
      return state.step === 'sending'
        ? {
            step: 'result',
            file: state.file,
            mapping: state.mapping,
            settings: state.settings,
            outcome: event.outcome,
          }
        : state;
    case 'back':
      switch (state.step) {
        case 'preview':
          return { step: 'upload' };
        case 'mapping':
          return {
            step: 'preview',
            file: state.file,
            mapping: state.mapping,
            customFields: state.customFields,
          };
        case 'review':
          return {
            step: 'mapping',
            file: state.file,
            mapping: state.mapping,
            customFields: state.customFields,
            settings: state.settings,
          };
        case 'settings':
          return {
            step: 'review',
            file: state.file,
            mapping: state.mapping,
            customFields: state.customFields,
            settings: state.settings,
          };
        case 'sending':
          // Only before anything may have been sent; after that the step holds the user.
          return state.locked
            ? state
            : {
                step: 'settings',
                file: state.file,
                mapping: state.mapping,
                customFields: state.customFields,
                settings: state.settings,
              };
        default:
          return state;
      }
    case 'start-over':
      return initialWizardState;
  }
}
