/**
 * What this browser can do with passkeys. The checks mirror @simplewebauthn/browser's helpers
 * (browserSupportsWebAuthn, platformAuthenticatorIsAvailable, browserSupportsWebAuthnAutofill)
 * but are written out here so the home page does not load the library's ceremony code.
 */

/** Like @simplewebauthn/browser's browserSupportsWebAuthn(). */
export function browserSupportsWebAuthn(): boolean {
  return typeof globalThis.PublicKeyCredential === 'function';
}

/** Like platformAuthenticatorIsAvailable(): a built-in authenticator that verifies the user. */
export async function platformAuthenticatorIsAvailable(): Promise<boolean> {
  if (!browserSupportsWebAuthn()) return false;
  return PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable();
}

/** Like browserSupportsWebAuthnAutofill(): conditional mediation (passkeys in autofill). */
export async function browserSupportsWebAuthnAutofill(): Promise<boolean> {
  if (!browserSupportsWebAuthn()) return false;
  const pkc = PublicKeyCredential as unknown as { isConditionalMediationAvailable?: () => Promise<boolean> };
  if (typeof pkc.isConditionalMediationAvailable !== 'function') return false;
  return pkc.isConditionalMediationAvailable();
}

export interface WebAuthnSupport {
  webAuthn: boolean;
  platformAuthenticator: boolean;
  autofill: boolean;
  /** Entries of PublicKeyCredential.getClientCapabilities(), or null where it does not exist. */
  clientCapabilities: Record<string, boolean> | null;
}

async function settle<T>(promise: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await promise();
  } catch {
    return fallback;
  }
}

export async function getClientCapabilities(): Promise<Record<string, boolean> | null> {
  if (!browserSupportsWebAuthn() || !('getClientCapabilities' in PublicKeyCredential)) return null;
  const capabilities = await settle(() => PublicKeyCredential.getClientCapabilities(), null);
  return capabilities ? { ...(capabilities as Record<string, boolean>) } : null;
}

export async function detectWebAuthnSupport(): Promise<WebAuthnSupport> {
  const webAuthn = browserSupportsWebAuthn();
  if (!webAuthn) return { webAuthn, platformAuthenticator: false, autofill: false, clientCapabilities: null };
  const [platformAuthenticator, autofill, clientCapabilities] = await Promise.all([
    settle(platformAuthenticatorIsAvailable, false),
    settle(browserSupportsWebAuthnAutofill, false),
    getClientCapabilities(),
  ]);
  return { webAuthn, platformAuthenticator, autofill, clientCapabilities };
}

/** Names people understand for the capability keys of getClientCapabilities(). */
const capabilityWords: Record<string, string> = {
  conditionalCreate: 'Create a passkey automatically after a password sign-in',
  conditionalGet: 'Passkey suggestions in the username field (autofill)',
  immediateGet: 'Sign in at once when a passkey is available (immediate mediation)',
  hybridTransport: 'Use a phone or tablet nearby (QR code)',
  passkeyPlatformAuthenticator: 'Passkeys on this device or its password manager',
  userVerifyingPlatformAuthenticator: 'Built-in authenticator that checks your PIN, fingerprint or face',
  relatedOrigins: 'Passkeys shared across related websites',
  signalAllAcceptedCredentials: 'Tell the passkey provider which passkeys still exist',
  signalCurrentUserDetails: 'Tell the passkey provider about a new name',
  signalUnknownCredential: 'Tell the passkey provider to forget a deleted passkey',
};

export function describeCapability(key: string): string {
  if (capabilityWords[key]) return capabilityWords[key];
  if (key.startsWith('extension:')) return `Extension “${key.slice('extension:'.length)}”`;
  return key;
}
