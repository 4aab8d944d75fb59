/**
 * The lab's verification rules as pure functions. Each returns a named check result — passed
 * or failed, with what was compared and the contract's error code when it fails — so that
 * the same results drive the refusal and the ceremony report (`report.checks`). They run
 * before @simplewebauthn/server, which throws one generic Error per failure.
 */
import { createHash } from 'node:crypto';
import type { ErrorCode } from '../../shared/error-codes.js';
import type { CheckId } from '../../shared/report.js';
import type { Check } from '../../shared/schemas.js';

export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
  crossOrigin?: boolean;
}

export const passed = (id: CheckId, message: string): Check => ({ id, passed: true, message });
export const failed = (id: CheckId, code: ErrorCode, message: string): Check => ({ id, passed: false, message, code });

/** The session's pending challenge exists, is younger than its expiry, and is the one answered. */
export function checkChallenge(pending: { challenge: string; expiresAt: number } | undefined, clientData: ClientData, now: number): Check {
  if (!pending) return failed('challenge', 'challenge_missing', 'No challenge is pending for this session: it was never issued, or already used.');
  if (now >= pending.expiresAt) return failed('challenge', 'challenge_expired', 'The challenge expired (challenges last 5 minutes).');
  if (clientData.challenge !== pending.challenge) return failed('challenge', 'challenge_mismatch', 'clientDataJSON.challenge is not the challenge issued to this session.');
  return passed('challenge', 'clientDataJSON.challenge is the one issued to this session, within 5 minutes.');
}

/** WebAuthn §7.1 step 9 / §7.2 step 13: the origin is allowed (and not a cross-origin iframe). */
export function checkOrigin(clientData: ClientData, origins: readonly string[]): Check {
  if (clientData.crossOrigin === true) return failed('origin', 'origin_mismatch', `The ceremony ran in a cross-origin iframe (${clientData.origin}).`);
  if (!origins.includes(clientData.origin)) return failed('origin', 'origin_mismatch', `Origin ${clientData.origin} is not one of ${origins.join(', ')}.`);
  return passed('origin', `Origin ${clientData.origin} is allowed.`);
}

/** WebAuthn §7.1 step 7 / §7.2 step 11. */
export function checkType(clientData: ClientData, expected: 'webauthn.create' | 'webauthn.get'): Check {
  if (clientData.type !== expected) return failed('type', 'ceremony_type_mismatch', `clientDataJSON.type is "${clientData.type}", expected "${expected}".`);
  return passed('type', `clientDataJSON.type is "${expected}".`);
}

/** WebAuthn §7.1 step 13 / §7.2 step 15: `actualHex` is the authenticator data's rpIdHash. */
export function checkRpIdHash(actualHex: string, rpId: string): Check {
  if (actualHex.toLowerCase() !== createHash('sha256').update(rpId).digest('hex')) return failed('rpIdHash', 'rp_id_mismatch', `rpIdHash is not SHA-256("${rpId}"): the passkey was made for another site.`);
  return passed('rpIdHash', `rpIdHash is SHA-256("${rpId}").`);
}

/** WebAuthn §7.1 step 14 / §7.2 step 16. */
export function checkUserPresence(flags: { up: boolean }): Check {
  return flags.up ? passed('userPresence', 'UP flag set: someone was present.') : failed('userPresence', 'user_presence_required', 'UP flag missing.');
}

/** WebAuthn §7.1 step 15 / §7.2 step 17: this relying party always requires user verification. */
export function checkUserVerification(flags: { uv: boolean }): Check {
  return flags.uv
    ? passed('userVerification', 'UV flag set: the authenticator verified the person (PIN or biometric).')
    : failed('userVerification', 'user_verification_required', 'UV flag missing: the person was not verified.');
}

/**
 * WebAuthn §7.2 step 22: when either counter is non-zero the new one must be greater than
 * the stored one; otherwise the authenticator may have been cloned. 0 → 0 is allowed
 * (authenticators without counters, such as most synced passkeys).
 */
export function checkSignCount(stored: number, received: number): Check {
  if (stored === 0 && received === 0) return passed('counter', 'Both counters are 0: this authenticator does not count.');
  if (received <= stored) return failed('counter', 'counter_regression', `signCount ${received} is not greater than the stored ${stored}: possible cloned authenticator.`);
  return passed('counter', `signCount rose from ${stored} to ${received}.`);
}
