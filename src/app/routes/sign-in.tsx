import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Note, StatusMessage } from '../../components/alert';
import { useDocumentTitle } from '../../components/use-document-title';
import { WebAuthnUnsupported } from '../../components/webauthn-unsupported';
import { UseMyPhone } from '../../features/handoff/components/use-my-phone';
import type { SignedIn } from '../../features/sign-in/api/sign-in-with-passkey';
import { SignInForm } from '../../features/sign-in/components/sign-in-form';
import { authenticatorUsed, type SignedInLocationState } from '../../lib/authenticator-used';
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

  const onSignedIn = useCallback(
    async (result: SignedIn) => {
      // A new session: nothing cached for the previous person may survive.
      await queryClient.resetQueries();
      const used = authenticatorUsed(result.authenticatorAttachment, result.credential.transports);
      const state: SignedInLocationState = { ...(used ? { signedInWith: used } : {}), ...(result.report ? { report: result.report } : {}) };
      await navigate(safeRedirect(redirect, paths.account.getHref()), { replace: true, state });
    },
    [navigate, queryClient, redirect],
  );

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
      <section className="card stack" aria-labelledby="use-phone-heading">
        <h2 id="use-phone-heading">With your phone, by QR code</h2>
        <p>
          Your passkey is on your phone, but this browser cannot reach it? Show a QR code here, scan it with the phone,
          sign in there, and this computer is signed in too.
        </p>
        <UseMyPhone getRequest={() => ({ purpose: 'sign-in' })} onStart={onAttempt} />
      </section>
      <p>
        No passkey yet? <Link to={paths.register.getHref()}>Create one</Link>.
      </p>
    </>
  );
}

export { SignInPage as Component };
