import { describeAdminError } from '../admin-errors';

/** An error on an admin screen: what happened, what to do, and the field a refused document names. */
export function AdminErrorAlert({ error }: { error: unknown }) {
  const message = describeAdminError(error);
  return (
    <div role="alert" className="notice notice--error">
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
