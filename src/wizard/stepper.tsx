import { STEPS, type StepName } from './wizard-state';

interface Props {
  readonly current: StepName;
  /** Goes back to an earlier step; undefined where going back is not possible. */
  readonly onGoBackTo?: (index: number) => void;
}

/** Where the user is, what is done, and a way back to any earlier step without losing work. */
export function Stepper({ current, onGoBackTo }: Props) {
  const currentIndex = STEPS.findIndex((step) => step.name === current);
  return (
    <nav aria-label="Import steps" className="stepper">
      <ol>
        {STEPS.map((step, index) => {
          const status =
            index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
          const body = (
            <>
              <span className="stepper-number" aria-hidden="true">
                {status === 'done' ? '✓' : index + 1}
              </span>
              {step.label}
              {status === 'done' && <span className="visually-hidden"> (done)</span>}
            </>
          );
          return (
            <li
              key={step.name}
              className={`stepper-item ${status}`}
              aria-current={status === 'current' ? 'step' : undefined}
            >
              {status === 'done' && onGoBackTo ? (
                <button type="button" className="stepper-link" onClick={() => onGoBackTo(index)}>
                  {body}
                </button>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
