/**
 * The WebAuthn Signal API: the relying party tells the passkey provider (password manager,
 * platform) what it knows, so the provider's list matches the site's. Every call is
 * feature-detected and best effort: it never throws, and nothing changes where the browser
 * has no such method. See https://w3c.github.io/webauthn/#sctn-signal-methods
 */

interface SignalMethods {
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
  signalAllAcceptedCredentials?: (options: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }) => Promise<void>;
  signalCurrentUserDetails?: (options: { rpId: string; userId: string; name: string; displayName: string }) => Promise<void>;
}

export type SignalName = keyof SignalMethods;

export const signalNames: readonly SignalName[] = ['signalUnknownCredential', 'signalAllAcceptedCredentials', 'signalCurrentUserDetails'];

function methods(): SignalMethods | undefined {
  return globalThis.PublicKeyCredential as unknown as SignalMethods | undefined;
}

/** Whether this browser has the signal method at all. */
export function supportsSignal(name: SignalName): boolean {
  return typeof methods()?.[name] === 'function';
}

/** The RP ID the options named, else this page's host (the relying party's default RP ID). */
export function rpIdOf(options?: { rpId?: string | undefined; rp?: { id?: string | undefined } } | null): string {
  return options?.rpId ?? options?.rp?.id ?? globalThis.location.hostname;
}

async function attempt(call: (() => Promise<void>) | undefined): Promise<boolean> {
  if (!call) return false;
  try {
    await call();
    return true;
  } catch {
    // A signal is a courtesy to the provider; whatever the page was doing goes on.
    return false;
  }
}

/** The relying party does not know this credential (deleted, or never registered): the provider may hide it. */
export function signalUnknownCredential(rpId: string, credentialId: string): Promise<boolean> {
  const pkc = methods();
  return attempt(pkc?.signalUnknownCredential && (() => pkc.signalUnknownCredential!({ rpId, credentialId })));
}

/** These are all of the account's passkeys: the provider may hide the others for this account. */
export function signalAllAcceptedCredentials(rpId: string, userId: string, allAcceptedCredentialIds: string[]): Promise<boolean> {
  const pkc = methods();
  return attempt(
    pkc?.signalAllAcceptedCredentials && (() => pkc.signalAllAcceptedCredentials!({ rpId, userId, allAcceptedCredentialIds })),
  );
}

/** The account's username or display name changed: the provider may update what it shows. */
export function signalCurrentUserDetails(rpId: string, userId: string, name: string, displayName: string): Promise<boolean> {
  const pkc = methods();
  return attempt(pkc?.signalCurrentUserDetails && (() => pkc.signalCurrentUserDetails!({ rpId, userId, name, displayName })));
}
