import { Note } from './alert';

/**
 * What the browser will show when the passkey lives on a phone (the hybrid transport), said
 * before the ceremony starts so the QR code is not a surprise.
 */
export function PhoneBeforeNote({ purpose }: { purpose: 'create' | 'sign-in' }) {
  return (
    <Note>
      <p className="notice__title">What your browser will show</p>
      <ul className="tight-list">
        <li>
          A <strong>QR code</strong>. Scan it with your phone’s camera or its authenticator app (on some phones:
          “Use a phone or tablet”, “Passkey from another device”).
        </li>
        <li>
          Turn <strong>Bluetooth on, on both devices</strong>: the phone and this computer check over Bluetooth that they
          are close to each other.
        </li>
        <li>Keep the phone close to this computer until it is done.</li>
        <li>
          {purpose === 'create'
            ? 'On the phone, unlock it when it asks to save the passkey.'
            : 'On the phone, choose the passkey and unlock the phone.'}
        </li>
      </ul>
    </Note>
  );
}

/** After a phone passkey was made: where it lives now and what happens next time. */
export function PhoneAfterText() {
  return (
    <>
      <p>
        <strong>This passkey lives on your phone or tablet</strong>, not on this computer. The computer only passed the
        request on.
      </p>
      <p>
        Next time you sign in here, your browser may offer your phone directly: it sends a notification to the phone
        instead of showing a QR code. Unlock the phone, with Bluetooth on and the phone nearby, and you are in.
      </p>
    </>
  );
}
