import { STEPS, type StepName } from './wizard-state';

export function Stepper({ current }: { current: StepName }) {
  const currentIndex = STEPS.findIndex((step) => step.name === current);
  return (
    <nav aria-label="Import steps" className="stepper">
      <ol>
        {STEPS.map((step, index) => {
          const status =
            index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
          return (
            <li
              key={step.name}
              className={`stepper-item ${status}`}
              aria-current={status === 'current' ? 'step' : undefined}
            >
              <span className="stepper-number" aria-hidden="true">
                {status === 'done' ? '✓' : index + 1}
              </span>
              {step.label}
              {status === 'done' && <span className="visually-hidden"> (done)</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
