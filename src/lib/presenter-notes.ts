/**
 * What a trainer says beside each step of a flow: what the device does, what the relying party
 * checks, and what can go wrong. Plain data, so it can be read, reviewed and tested on its own.
 */
export interface PresenterStep {
  title: string;
  device: string;
  server: string;
  wrong: string;
}

export type PresenterFlow = 'registration' | 'sign-in' | 'cross-device';

export const presenterNotes: Record<PresenterFlow, { title: string; steps: PresenterStep[] }> = {
  registration: {
    title: 'Creating a passkey',
    steps: [
      {
        title: 'Choose a username',
        device: 'Nothing yet: the browser only sends the username to the site.',
        server: 'Checks the username is free, then sends the options: a fresh random challenge, the site’s RP ID, a random user handle, and “user verification required”.',
        wrong: 'The username is taken (sign in instead), or the policy turned passkeys off for this person.',
      },
      {
        title: 'Create the passkey',
        device: 'Asks for a face, fingerprint or PIN, then makes a new key pair for this site only. The private key stays on the device; it signs the challenge and returns the public key.',
        server: 'Checks the challenge is the one it sent (within 5 minutes), the origin and RP ID hash are its own, the user was present and verified, the attestation, and the tenant policy (AAGUID, synced or device-bound, attestation).',
        wrong: 'The person cancels or the dialog times out; this authenticator already holds a passkey for the account; the organisation does not allow this authenticator.',
      },
      {
        title: 'Done',
        device: 'Keeps the passkey, and may sync it to the person’s other devices (then it is a synced passkey).',
        server: 'Stores the public key, the credential ID, the AAGUID and the backup flags — never anything secret — and signs the person in.',
        wrong: 'A device-bound passkey is lost with its device: register a second passkey as a backup.',
      },
    ],
  },
  'sign-in': {
    title: 'Signing in with a passkey',
    steps: [
      {
        title: 'Ask for a challenge',
        device: 'The browser asks the site for sign-in options: without a username the device offers every passkey it has for the site.',
        server: 'Sends a fresh random challenge bound to this browser session, valid for 5 minutes and usable once.',
        wrong: 'Nothing yet; an old, reused challenge would be refused later.',
      },
      {
        title: 'Unlock the passkey',
        device: 'Shows the passkeys for this site, asks for a face, fingerprint or PIN, and signs the challenge together with the site’s origin.',
        server: 'Waits.',
        wrong: 'No passkey for this site on this device (use a phone or another device); the person cancels; the wrong site — a phishing page gets no signature for this one.',
      },
      {
        title: 'Verify and sign in',
        device: 'Sends the signature, the authenticator data and the client data.',
        server: 'Checks the challenge, origin, RP ID hash, presence and verification flags, the signature with the stored public key, that the counter rose, and the tenant policy; then starts a fresh session.',
        wrong: 'The passkey was deleted here; its counter went backwards (a clone?); the policy no longer allows its authenticator.',
      },
    ],
  },
  'cross-device': {
    title: 'Using a phone for a computer (cross-device)',
    steps: [
      {
        title: 'Show the QR code',
        device: 'The computer shows a QR code; the phone’s camera reads it.',
        server: 'In the browser’s own flow, nothing yet. In the lab’s hand-off, it made an unguessable, single-use link that expires in 5 minutes.',
        wrong: 'Bluetooth is off, or the phone is too far away (the browser’s flow needs both).',
      },
      {
        title: 'Confirm on the phone',
        device: 'Over Bluetooth the phone proves it is near the computer, then asks for a face, fingerprint or PIN and uses (or makes) the passkey.',
        server: 'Verifies the ceremony like any other: challenge, origin, signature, policy.',
        wrong: 'A phishing site can relay a QR code, but not the Bluetooth proximity check; the lab’s own hand-off has no such check, which is why it warns.',
      },
      {
        title: 'Signed in on the computer',
        device: 'The computer is told the result; next time the browser can offer the phone directly.',
        server: 'Signs the computer’s session in.',
        wrong: 'The link expired or was already used: start again.',
      },
    ],
  },
};
