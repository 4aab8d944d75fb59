import type { ReactNode } from 'react';
import type { ErrorMessage } from '../lib/error-messages';
import { useTakeFocus } from './use-take-focus';

export interface OutcomeProps {
  /**
   * This message is the outcome of something the person just did: it takes focus when it
   * appears (see useTakeFocus). Leave it off for messages present when a page loads.
   */
  takeFocus?: boolean;
  /** For aria-describedby from the control the message is about. */
  id?: string;
}

/** An error the person should notice now: role="alert" so screen readers announce it. */
export function ErrorAlert({ message, takeFocus = false, id }: { message: ErrorMessage } & OutcomeProps) {
  const ref = useTakeFocus<HTMLDivElement>(takeFocus);
  return (
    <div ref={ref} id={id} role="alert" tabIndex={takeFocus ? -1 : undefined} className="notice notice--error">
      <p className="notice__title">{message.title}</p>
      <p>{message.action}</p>
    </div>
  );
}

/** A success or progress message: role="status" (polite). */
export function StatusMessage({ children, takeFocus = false, id }: { children: ReactNode } & OutcomeProps) {
  const ref = useTakeFocus<HTMLDivElement>(takeFocus);
  return (
    <div ref={ref} id={id} role="status" tabIndex={takeFocus ? -1 : undefined} className="notice notice--success">
      {children}
    </div>
  );
}

/** A plain informational box, not a live region. */
export function Note({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'warning' }) {
  return <div className={`notice notice--${tone}`}>{children}</div>;
}
