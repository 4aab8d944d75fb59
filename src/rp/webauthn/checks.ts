/**
 * The lab's own verification rules, as pure functions. Each returns the contract's error
 * code for the first rule broken, or null. They run before @simplewebauthn/server so that
 * every refusal has a specific code (the library throws one generic Error per failure).
 */
import type { ErrorCode } from '../../shared/error-codes.js';

export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
  crossOrigin?: boolean;
}

/** WebAuthn §7.1 steps 7–9 / §7.2 steps 11–13: type, challenge, origin. */
export function checkClientData(
  clientData: ClientData,
  expected: { type: 'webauthn.create' | 'webauthn.get'; challenge: string; origins: readonly string[] },
): ErrorCode | null {
  if (clientData.type !== expected.type) return 'ceremony_type_mismatch';
  if (clientData.challenge !== expected.challenge) return 'challenge_mismatch';
  if (!expected.origins.includes(clientData.origin) || clientData.crossOrigin === true) return 'origin_mismatch';
  return null;
}

export interface AuthenticatorDataFacts {
  rpIdHash: Uint8Array;
  flags: { up: boolean; uv: boolean };
}

/** WebAuthn §7.1 steps 13–15 / §7.2 steps 15–17: rpIdHash, user presence, user verification (always required here). */
export function checkAuthenticatorData(authData: AuthenticatorDataFacts, expectedRpIdHash: Uint8Array): ErrorCode | null {
  if (!equalBytes(authData.rpIdHash, expectedRpIdHash)) return 'rp_id_mismatch';
  if (!authData.flags.up) return 'user_presence_required';
  if (!authData.flags.uv) return 'user_verification_required';
  return null;
}

/**
 * WebAuthn §7.2 step 22: when either counter is non-zero the new one must be greater than
 * the stored one; otherwise the authenticator may have been cloned. 0 → 0 is allowed
 * (authenticators without counters, such as most synced passkeys).
 */
export function checkSignCount(stored: number, received: number): ErrorCode | null {
  if ((stored !== 0 || received !== 0) && received <= stored) return 'counter_regression';
  return null;
}

/** The pending challenge must exist and be younger than its expiry. */
export function checkPendingChallenge(pending: { expiresAt: number } | undefined, now: number): ErrorCode | null {
  if (!pending) return 'challenge_missing';
  if (now >= pending.expiresAt) return 'challenge_expired';
  return null;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
