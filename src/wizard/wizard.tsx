import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { IntakeClient } from '../worker/intake-client';
import { openingMapping } from './match-columns/column-samples';
import { loadSavedMappings } from './match-columns/saved-mappings-store';
import { MappingStep } from './match-columns/mapping-step';
import { PreviewStep } from './check-rows/preview-step';
import { ResultStep } from './result/result-step';
import { ReviewStep } from './review-rows/review-step';
import { SettingsStep } from './settings/settings-step';
import { ResumeBanner } from './sending/resume-banner';
import { SendingStep } from './sending/sending-step';
import { Stepper } from './stepper';
import { UploadStep } from './choose-file/upload-step';
import { useFileReader } from './use-file-reader';
import { useHistorySteps } from './use-history-steps';
import { STEPS, initialWizardState, wizardReducer } from './wizard-state';
import type { FileSummary } from '../worker/protocol';
import type { ColumnMapping } from '../domain/mapping/mapping';
import type { SubmitOutcome, WizardEvent } from './wizard-state';

/** The events that move the wizard from one step to the next or back. */
type StepChange = Extract<
  WizardEvent,
  { type: 'preview-confirmed' | 'mapping-confirmed' | 'review-confirmed' | 'back' }
>;

export function Wizard() {
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const [intake] = useState(() => new IntakeClient());
  useEffect(() => () => intake.terminate(), [intake]);
  // The page's first read of localStorage loads all of it in one blocking call (20 ms seen on a
  // busy machine). The saved mappings are read first when the file's rows are shown: read them
  // once while the user picks a file instead.
  useEffect(() => {
    const warm = () => void loadSavedMappings();
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(warm, 200);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(warm, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, []);
  const reader = useFileReader(
    intake,
    useCallback((file: FileSummary) => dispatch({ type: 'file-read', file }), []),
    useCallback(() => dispatch({ type: 'start-over' }), []),
  );

  // Move focus to the new step's heading so keyboard and screen-reader users land on it. In the
  // next frame: focusing lays out the new step at once, which the frame does anyway (focused
  // here, that layout ran in the same task as the step's commit and made it long).
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => headingRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [state.step]);

  // A step change renders the whole next step: as a transition React builds it in slices that
  // leave the page answering (one synchronous render of the matching step took 60–160 ms), and
  // runs its effects (the heading's focus, the history entry) in a task of their own.
  const goTo = (event: StepChange) => startTransition(() => dispatch(event));
  const back = () => goTo({ type: 'back' });
  const checkAhead = useCallback(
    (mapping: ColumnMapping, signal: AbortSignal) =>
      // Nobody waits for this result: the review asks again and joins the check.
      void intake.validate(mapping, { signal }).catch(() => undefined),
    [intake],
  );
  // While the user looks at the rows, they are checked with the mapping the next step opens
  // with; that step joins the check, and a new read of the file drops it.
  const looking = state.step === 'preview' && state.file.complete ? state : undefined;
  useEffect(() => {
    if (!looking) return;
    const controller = new AbortController();
    checkAhead(
      openingMapping(looking.file, looking.mapping, looking.customFields),
      controller.signal,
    );
    return () => controller.abort();
  }, [looking, checkAhead]);
  const stepIndex = STEPS.findIndex((step) => step.name === state.step);
  // While an import is sent, or stopped half-way, leaving the step could send it twice.
  const importLocked = state.step === 'sending' && state.locked;
  useHistorySteps(stepIndex, back, importLocked);
  const setSendingLocked = useCallback(
    (locked: boolean) => dispatch({ type: 'sending-locked', locked }),
    [],
  );
  const imported = useCallback(
    (outcome: SubmitOutcome) => dispatch({ type: 'imported', outcome }),
    [],
  );
  // Going back from the result would re-send nothing useful: "Import another file" starts over.
  const canGoBack = state.step !== 'result' && !reader.state.reading && !importLocked;
  const goBackTo = (index: number) => {
    for (let i = index; i < stepIndex; i++) back();
  };
  return (
    <>
      <Stepper current={state.step} onGoBackTo={canGoBack ? goBackTo : undefined} />
      <main className="step" aria-labelledby="step-heading">
        {(() => {
          switch (state.step) {
            case 'upload':
              return (
                <UploadStep
                  headingRef={headingRef}
                  reading={reader.state.reading}
                  error={reader.state.error}
                  onFile={(file) => void reader.open(file)}
                  onRejected={reader.clearError}
                  banner={<ResumeBanner />}
                />
              );
            case 'preview':
              return (
                <PreviewStep
                  headingRef={headingRef}
                  file={state.file}
                  reader={reader.state}
                  onChangeReading={(overrides) =>
                    void reader.reread(state.file.fileName, overrides)
                  }
                  onCancelReading={reader.cancel}
                  onBack={() => {
                    if (reader.state.reading) reader.cancel();
                    back();
                  }}
                  onContinue={() => goTo({ type: 'preview-confirmed' })}
                />
              );
            case 'mapping':
              return (
                <MappingStep
                  headingRef={headingRef}
                  file={state.file}
                  initialMapping={state.mapping}
                  initialCustomFields={state.customFields}
                  onBack={back}
                  onContinue={(mapping, customFields) =>
                    goTo({ type: 'mapping-confirmed', mapping, customFields })
                  }
                  onCheckAhead={checkAhead}
                />
              );
            case 'review':
              return (
                <ReviewStep
                  headingRef={headingRef}
                  file={state.file}
                  mapping={state.mapping}
                  intake={intake}
                  onBack={back}
                  onContinue={() => goTo({ type: 'review-confirmed' })}
                />
              );
            case 'settings':
              return (
                <SettingsStep
                  headingRef={headingRef}
                  file={state.file}
                  mapping={state.mapping}
                  initialSettings={state.settings}
                  intake={intake}
                  onBack={back}
                  onSettingsChange={(settings) => dispatch({ type: 'settings-changed', settings })}
                  onSend={(settings, plan) => dispatch({ type: 'send', settings, plan })}
                />
              );
            case 'sending':
              return (
                <SendingStep
                  headingRef={headingRef}
                  file={state.file}
                  settings={state.settings}
                  plan={state.plan}
                  intake={intake}
                  onBack={back}
                  onLockedChange={setSendingLocked}
                  onImported={imported}
                  onStartOver={() => dispatch({ type: 'start-over' })}
                />
              );
            case 'result':
              return (
                <ResultStep
                  headingRef={headingRef}
                  intake={intake}
                  file={state.file}
                  settings={state.settings}
                  outcome={state.outcome}
                  onStartOver={() => dispatch({ type: 'start-over' })}
                />
              );
          }
        })()}
      </main>
    </>
  );
}
