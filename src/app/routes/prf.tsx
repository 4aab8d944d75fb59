import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title';
import { WebAuthnUnsupported } from '../../components/webauthn-unsupported';
import { PrfNote } from '../../features/prf/components/prf-note';
import { branding } from '../../lib/branding';
import { paths } from '../../lib/paths';
import { browserSupportsWebAuthn } from '../../lib/webauthn-support';

/** /prf: the PRF extension, shown by encrypting a note that the server never sees. */
function PrfPage() {
  useDocumentTitle('Encrypt a note with your passkey');
  return (
    <>
      <h1>Encrypt a note with your passkey</h1>
      <p className="lead">
        A passkey can do more than sign you in: with the PRF extension it can also give this page a secret key, and only that
        passkey can give the same key again.
      </p>
      <section className="explain card stack-sm" aria-labelledby="prf-how-heading">
        <h2 id="prf-how-heading">How it works</h2>
        <ol>
          <li>
            This page asks your passkey to mix a fixed value with a secret that never leaves the authenticator. Out comes a
            32-byte secret, the same every time for this passkey.
          </li>
          <li>Your browser turns that secret into an AES encryption key (with HKDF), here in this page.</li>
          <li>
            The note is encrypted and decrypted in this browser. The server never sees the note, the secret or the key; no
            request leaves this page, not even to {branding().appName}.
          </li>
        </ol>
        <p className="muted">
          It needs a passkey for this site that supports PRF. <Link to={paths.register.getHref()}>Create one</Link> if you
          have none; see <Link to={paths.capabilities.getHref()}>what this browser can do</Link>.
        </p>
      </section>
      {browserSupportsWebAuthn() ? <PrfNote /> : <WebAuthnUnsupported />}
    </>
  );
}

export { PrfPage as Component };
