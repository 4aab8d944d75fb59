import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface CheckboxFieldProps {
  /** The accessible name (exact: QA scripts use it). */
  label: string;
  /** Read by screen readers after the label, not shown (e.g. " for All users" when the row says which). */
  labelSuffix?: string;
  hint?: ReactNode;
  checked: boolean;
  /** Shown as a dash: some but not all of what it stands for (a11y: aria-checked="mixed"). */
  mixed?: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** A native checkbox with its label beside it and an optional hint tied by aria-describedby. */
export function CheckboxField({ label, labelSuffix, hint, checked, mixed = false, onChange, disabled }: CheckboxFieldProps) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <div className="checkbox-field">
      <div className="checkbox-field__control">
        <input
          ref={ref}
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>
          {label}
          {labelSuffix && <span className="visually-hidden">{labelSuffix}</span>}
        </label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
