import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Note, StatusMessage } from '../../components/alert';
import { Button } from '../../components/button';
import { WithPresenterNotes } from '../../components/presenter-panel';
import { useDocumentTitle } from '../../components/use-document-title';
import { WebAuthnUnsupported } from '../../components/webauthn-unsupported';
import { temporaryAccessPassState } from '../../features/account/temporary-access-pass-state';
import { UseMyPhone } from '../../features/handoff/components/use-my-phone';
import { PracticeModeButton } from '../../features/practice-mode/components/practice-mode-button';
import { SignInForm } from '../../features/sign-in/components/sign-in-form';
import { TemporaryAccessPassForm } from '../../features/sign-in/components/temporary-access-pass-form';
import type { SignedIn } from '../../lib/authentication-ceremony';
import { authenticatorUsed, type SignedInLocationState } from '../../lib/authenticator-used';
import { paths } from '../../lib/paths';
import { safeRedirect } from '../../lib/safe-redirect';
import { useSession } from '../../lib/session';
import { browserSupportsWebAuthn } from '../../lib/webauthn-support';

export interface SignInLocationState {
  signedOut?: boolean;
}

/** `/sign-in?with=temporary-access-pass` shows the Temporary Access Pass form (a link an admin can send). */
const WITH = 'with';
const TEMPORARY_ACCESS_PASS = 'temporary-access-pass';

function SignInPage() {
  useDocumentTitle('Sign in');
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const redirect = searchParams.get('redirect');
  const signedOutNow = (location.state as SignInLocationState | null)?.signedOut === true;
  const [signedOut, setSignedOut] = useState(signedOutNow);
  // Signed out from the header while already on this page: the page stays mounted, and a new
  // history entry says so (state adjusted while rendering, as React's docs recommend).
  const [seenLocation, setSeenLocation] = useState(location.key);
  if (seenLocation !== location.key) {
    setSeenLocation(location.key);
    if (signedOutNow) setSignedOut(true);
  }
  const signedInAs = signedOut ? undefined : session.data?.user.username;
  const onAttempt = useCallback(() => setSignedOut(false), []);
  // The pass form replaces the passkey forms (and their autofill request) while it is open.
  const withPass = searchParams.get(WITH) === TEMPORARY_ACCESS_PASS;
  const usePassButton = useRef<HTMLButtonElement>(null);
  const closedPass = useRef(false);
  useEffect(() => {
    if (!withPass && closedPass.current) {
      closedPass.current = false;
      usePassButton.current?.focus();
    }
  }, [withPass]);

  function showPassForm(open: boolean) {
    setSignedOut(false);
    closedPass.current = !open;
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (open) next.set(WITH, TEMPORARY_ACCESS_PASS);
        else next.delete(WITH);
        return next;
      },
      { preventScrollReset: true },
    );
  }

  const onPassSignedIn = useCallback(async () => {
    await queryClient.resetQueries();
    // Straight to creating a passkey; the page the person was going to comes after that.
    await navigate(paths.account.getHref(), { replace: true, state: temporaryAccessPassState(redirect) });
  }, [navigate, queryClient, redirect]);

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
      {signedInAs && (
        <Note>
          <p>
            You are signed in as <strong>{signedInAs}</strong>. Sign in here only to switch to another account, or go to{' '}
            <Link to={paths.account.getHref()}>your account</Link>.
          </p>
        </Note>
      )}
      {withPass ? (
        <TemporaryAccessPassForm onSignedIn={onPassSignedIn} onCancel={() => showPassForm(false)} />
      ) : (
        <WithPresenterNotes flow="sign-in">
          {browserSupportsWebAuthn() ? <SignInForm onSignedIn={onSignedIn} onAttempt={onAttempt} /> : <WebAuthnUnsupported />}
          <PracticeModeButton />
          <section className="card stack" aria-labelledby="use-phone-heading">
            <h2 id="use-phone-heading">With your phone, by QR code</h2>
            <p>
              Your passkey is on your phone, but this browser cannot reach it? Show a QR code here, scan it with the phone,
              sign in there, and this computer is signed in too.
            </p>
            <UseMyPhone getRequest={() => ({ purpose: 'sign-in' })} onStart={onAttempt} />
          </section>
          <section className="card stack-sm" aria-labelledby="use-pass-heading">
            <h2 id="use-pass-heading">With a Temporary Access Pass</h2>
            <p>Did your admin give you a Temporary Access Pass to set up your first passkey, or because you lost yours?</p>
            <div className="actions">
              <Button ref={usePassButton} variant="secondary" onClick={() => showPassForm(true)}>
                Use a Temporary Access Pass
              </Button>
            </div>
          </section>
          <p>
            No passkey yet? <Link to={paths.register.getHref()}>Create one</Link>.
          </p>
        </WithPresenterNotes>
      )}
    </>
  );
}

export { SignInPage as Component };
