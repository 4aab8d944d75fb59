import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'danger-outline';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /**
   * An action this button started is running: the button says so (aria-busy, aria-disabled) and
   * ignores further clicks, Enter and Space, but stays focusable. A `disabled` button would drop
   * keyboard focus to <body> the moment it is pressed (WAI-ARIA APG, "Focusability of disabled
   * controls"), so the next Tab would start from the top of the page.
   */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ variant = 'primary', busy = false, className, type = 'button', disabled, onClick, children, ...rest }: ButtonProps) {
  function onClickUnlessBusy(event: MouseEvent<HTMLButtonElement>) {
    if (busy) {
      // Also stops a submit button from submitting its form again (and Enter in a field, whose
      // implicit submission is a click on this button).
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }
  return (
    <button
      {...rest}
      type={type}
      className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={onClickUnlessBusy}
    >
      {children}
    </button>
  );
}
