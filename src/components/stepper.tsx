export interface StepperProps {
  /** Visible names of the steps, in order. */
  steps: readonly string[];
  /** Index of the current step (0-based). Earlier steps are shown as done. */
  current: number;
  label: string;
}

/** A list of steps with the current one marked by aria-current="step". */
export function Stepper({ steps, current, label }: StepperProps) {
  return (
    <nav aria-label={label} className="stepper">
      <ol>
        {steps.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={step} className={`stepper__step stepper__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="stepper__number" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span>
                {step}
                {state === 'done' && <span className="visually-hidden"> (done)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
