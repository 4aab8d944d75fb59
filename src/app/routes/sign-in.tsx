import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Note, StatusMessage } from '../../components/alert';
import { useDocumentTitle } from '../../components/use-document-title';
import { WebAuthnUnsupported } from '../../components/webauthn-unsupported';
import { SignInForm } from '../../features/sign-in/components/sign-in-form';
import { paths } from '../../lib/paths';
import { safeRedirect } from '../../lib/safe-redirect';
import { browserSupportsWebAuthn } from '../../lib/webauthn-support';

export interface SignInLocationState {
  signedOut?: boolean;
}

function SignInPage() {
  useDocumentTitle('Sign in');
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const redirect = searchParams.get('redirect');
  const [signedOut, setSignedOut] = useState(() => (location.state as SignInLocationState | null)?.signedOut === true);
  const onAttempt = useCallback(() => setSignedOut(false), []);

  const onSignedIn = useCallback(async () => {
    // A new session: nothing cached for the previous person may survive.
    await queryClient.resetQueries();
    await navigate(safeRedirect(redirect, paths.account.getHref()), { replace: true });
  }, [navigate, queryClient, redirect]);

  return (
    <>
      <h1>Sign in</h1>
      {signedOut && <StatusMessage>You are signed out.</StatusMessage>}
      {redirect && !signedOut && (
        <Note>
          <p>Sign in to continue to that page.</p>
        </Note>
      )}
      {browserSupportsWebAuthn() ? <SignInForm onSignedIn={onSignedIn} onAttempt={onAttempt} /> : <WebAuthnUnsupported />}
      <p>
        No passkey yet? <Link to={paths.register.getHref()}>Create one</Link>.
      </p>
    </>
  );
}

export { SignInPage as Component };
