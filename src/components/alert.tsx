import type { ReactNode } from 'react';
import type { ErrorMessage } from '../lib/error-messages';

/** An error the person should notice now: role="alert" so screen readers announce it. */
export function ErrorAlert({ message }: { message: ErrorMessage }) {
  return (
    <div role="alert" className="notice notice--error">
      <p className="notice__title">{message.title}</p>
      <p>{message.action}</p>
    </div>
  );
}

/** A success or progress message: role="status" (polite). */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="notice notice--success">
      {children}
    </div>
  );
}

/** A plain informational box, not a live region. */
export function Note({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'warning' }) {
  return <div className={`notice notice--${tone}`}>{children}</div>;
}
