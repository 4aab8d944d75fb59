import { Link } from 'react-router';
import { Note } from '../../components/alert';
import { useDocumentTitle } from '../../components/use-document-title';
import { WebAuthnUnsupported } from '../../components/webauthn-unsupported';
import { SupportPanel } from '../../features/browser-support/components/support-panel';
import { PracticeModeButton } from '../../features/practice-mode/components/practice-mode-button';
import { usePracticeMode } from '../../features/practice-mode/practice-store';
import { paths } from '../../lib/paths';
import { useSession } from '../../lib/session';
import { browserSupportsWebAuthn } from '../../lib/webauthn-support';

function HomePage() {
  useDocumentTitle('');
  const supported = browserSupportsWebAuthn();
  const practice = usePracticeMode();
  const signedInAs = useSession().data?.user.username;
  return (
    <>
      <section className="intro">
        <h1>Sign in without a password</h1>
        <p className="lead">
          A passkey is a pair of keys your device makes for one website: the private key stays on your phone, computer or
          security key, and the site keeps only the public key. You sign in by unlocking your device with a fingerprint,
          face or PIN, and because a passkey only works on the site it was made for, it cannot be phished.
        </p>
        {signedInAs && (
          <Note>
            <p>
              You are signed in as <strong>{signedInAs}</strong>. See your passkeys on <Link to={paths.account.getHref()}>your account page</Link>.
            </p>
          </Note>
        )}
        {supported ? (
          <ul className="choices">
            <li>
              <Link className="choice" to={paths.register.getHref()}>
                <span className="choice__title">Create a passkey</span>
                <span className="choice__text">New here? Pick a username and let your device make a passkey.</span>
              </Link>
            </li>
            <li>
              <Link className="choice" to={paths.signIn.getHref()}>
                <span className="choice__title">Sign in with a passkey</span>
                <span className="choice__text">Already made one? Use it to sign in.</span>
              </Link>
            </li>
          </ul>
        ) : (
          <WebAuthnUnsupported />
        )}
        <PracticeModeButton />
      </section>
      <SupportPanel simulatedDevice={practice.preset !== null} />
    </>
  );
}

export { HomePage as Component };
