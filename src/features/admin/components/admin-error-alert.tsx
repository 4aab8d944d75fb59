import { useTakeFocus } from '../../../components/use-take-focus';
import { describeAdminError } from '../admin-errors';

/**
 * An error on an admin screen: what happened, what to do, and the field a refused document names.
 * `takeFocus`: it is the outcome of the button just pressed (src/components/use-take-focus.ts).
 */
export function AdminErrorAlert({ error, takeFocus = false }: { error: unknown; takeFocus?: boolean }) {
  const message = describeAdminError(error);
  const ref = useTakeFocus<HTMLDivElement>(takeFocus);
  return (
    <div ref={ref} role="alert" tabIndex={takeFocus ? -1 : undefined} className="notice notice--error">
      <p className="notice__title">{message.title}</p>
      {message.field && (
        <p>
          Field: <code className="admin-field">{message.field}</code>
        </p>
      )}
      <p>{message.action}</p>
    </div>
  );
}
