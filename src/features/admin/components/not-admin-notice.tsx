import { Link } from 'react-router';
import { paths } from '../../../lib/paths';

/** What a signed-in person who is not a tenant admin sees instead of an admin screen. */
export function NotAdminNotice({ username }: { username?: string | undefined }) {
  return (
    <div role="alert" className="notice notice--error">
      <p className="notice__title">This page is for tenant admins.</p>
      <p>
        {username ? (
          <>
            You are signed in as <strong>{username}</strong>, who is not an admin of this tenant.
          </>
        ) : (
          'The account you are signed in with is not an admin of this tenant.'
        )}{' '}
        Ask a tenant admin for help, or sign in with an admin account.
      </p>
      <p>
        <Link to={paths.account.getHref()}>Go to your account</Link>
      </p>
    </div>
  );
}
