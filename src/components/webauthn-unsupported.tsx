import { branding } from '../lib/branding';
import { Note } from './alert';

/** Shown instead of passkey buttons in a browser that has no WebAuthn at all. */
export function WebAuthnUnsupported() {
  return (
    <Note tone="warning">
      <p className="notice__title">This browser cannot use passkeys.</p>
      <p>
        It does not offer WebAuthn, the web standard passkeys are built on. Open {branding().appName} in a current version of
        Chrome, Edge, Firefox or Safari, on a page served over https or from localhost.
      </p>
    </Note>
  );
}
