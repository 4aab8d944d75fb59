import type { CeremonyReport } from '../shared/schemas';

/**
 * Which kind of authenticator answered a sign-in, from the authentication response's
 * `authenticatorAttachment` and the credential's stored `transports`. Pure, unit-tested.
 */

export type AuthenticatorUsed = 'this-device' | 'phone' | 'security-key';

/** How someone signed in: a passkey on one of those, or the lab's two-device hand-off. */
export type SignInMethod = AuthenticatorUsed | 'handoff';

const phoneTransports = new Set(['hybrid', 'cable']);
const securityKeyTransports = new Set(['usb', 'nfc', 'ble', 'smart-card']);

/**
 * - `platform` → this device;
 * - `cross-platform` with hybrid (or its old name cable) → a phone or tablet; otherwise a security key;
 * - no attachment reported → guess from the transports (hybrid → phone, internal → this device,
 *   usb/nfc/ble/smart-card → security key), or `null` when they say nothing.
 */
export function authenticatorUsed(
  attachment: string | null | undefined,
  transports: readonly string[] = [],
): AuthenticatorUsed | null {
  const phone = transports.some((t) => phoneTransports.has(t));
  if (attachment === 'platform') return 'this-device';
  if (attachment === 'cross-platform') return phone ? 'phone' : 'security-key';
  if (phone) return 'phone';
  if (transports.includes('internal')) return 'this-device';
  if (transports.some((t) => securityKeyTransports.has(t))) return 'security-key';
  return null;
}

export const authenticatorUsedWords: Record<AuthenticatorUsed, string> = {
  'this-device': 'this device',
  phone: 'a phone or tablet (hybrid)',
  'security-key': 'a security key',
};

/** The status sentence on the account page after a sign-in. */
export function signedInSentence(method: SignInMethod): string {
  if (method === 'handoff') return 'You signed in from your phone.';
  return `You signed in with a passkey on ${authenticatorUsedWords[method]}.`;
}

const methods: readonly string[] = ['this-device', 'phone', 'security-key', 'handoff'];

export function isSignInMethod(value: unknown): value is SignInMethod {
  return typeof value === 'string' && methods.includes(value);
}

/** Navigation state the account page reads once after a sign-in (gone on a new visit). */
export interface SignedInLocationState {
  signedInWith?: SignInMethod;
  /** The sign-in's ceremony report, for its "Show what happened" panel. */
  report?: CeremonyReport;
}

export function readSignedInWith(state: unknown): SignInMethod | null {
  if (typeof state !== 'object' || state === null) return null;
  const value = (state as { signedInWith?: unknown }).signedInWith;
  return isSignInMethod(value) ? value : null;
}
