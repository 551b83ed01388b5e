import { useEffect, useReducer, useRef, useState } from 'react';
import { IntakeClient } from '../worker/intake-client';
import { MappingStep } from './mapping/mapping-step';
import { PreviewStep } from './preview/preview-step';
import { ResultStep } from './result/result-step';
import { SettingsStep } from './options/settings-step';
import { Stepper } from './stepper';
import { UploadStep } from './upload/upload-step';
import { initialWizardState, wizardReducer } from './wizard-state';

export function Wizard() {
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const [intake] = useState(() => new IntakeClient());
  useEffect(() => () => intake.terminate(), [intake]);

  // Move focus to the new step's heading so keyboard and screen-reader users land on it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [state.step]);

  const back = () => dispatch({ type: 'back' });
  return (
    <>
      <Stepper current={state.step} />
      <main className="step" aria-labelledby="step-heading">
        {(() => {
          switch (state.step) {
            case 'upload':
              return (
                <UploadStep
                  headingRef={headingRef}
                  intake={intake}
                  onContinue={(file) => dispatch({ type: 'file-read', file })}
                />
              );
            case 'preview':
              return (
                <PreviewStep
                  headingRef={headingRef}
                  file={state.file}
                  onBack={back}
                  onContinue={() => dispatch({ type: 'preview-confirmed' })}
                />
              );
            case 'mapping':
              return (
                <MappingStep
                  headingRef={headingRef}
                  file={state.file}
                  initialMapping={state.mapping}
                  onBack={back}
                  onContinue={(mapping) => dispatch({ type: 'mapping-confirmed', mapping })}
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
                  onImported={(settings, outcome) =>
                    dispatch({ type: 'imported', settings, outcome })
                  }
                />
              );
            case 'result':
              return (
                <ResultStep
                  headingRef={headingRef}
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
