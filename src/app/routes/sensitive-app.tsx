import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title';
import { getCredentialsQueryOptions } from '../../features/account/api/get-credentials';
import { temporaryAccessPassState } from '../../features/account/temporary-access-pass-state';
import { SensitiveApp } from '../../features/sensitive-app/components/sensitive-app';
import { signInWithPasskey } from '../../lib/authentication-ceremony';
import { paths } from '../../lib/paths';
import { useSession } from '../../lib/session';

/**
 * /apps/sensitive: a stand-in for an app an organisation protects with conditional access (for
 * example, a policy that requires phishing-resistant MFA for the Azure portal). Stepping up is an ordinary
 * username-first passkey sign-in, from the sign-in feature.
 */
function SensitiveAppPage() {
  useDocumentTitle('Sensitive app');
  const session = useSession();
  const credentials = useQuery({ ...getCredentialsQueryOptions(), enabled: session.isSuccess });
  return (
    <div className="stack">
      <h1>Sensitive app</h1>
      <p className="lead">
        A stand-in for an app your organisation protects with conditional access, like a cloud admin portal that only
        lets people in after a phishing-resistant sign-in.
      </p>
      <SensitiveApp
        signInWithPasskey={(username) => signInWithPasskey(username)}
        passkeyCount={credentials.data ? credentials.data.credentials.length : null}
        createPasskeyLink={
          // After a Temporary Access Pass sign-in the account page leads straight to creating one, then back here.
          <Link to={paths.account.getHref()} state={temporaryAccessPassState(paths.sensitiveApp.getHref())}>
            Create a passkey on your account page
          </Link>
        }
      />
    </div>
  );
}

export { SensitiveAppPage as Component };
