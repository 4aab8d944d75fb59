/**
 * "Registration needs a recent strong sign-in": Microsoft Entra ID asks people to have completed
 * multifactor authentication within the past five minutes before they register a passkey
 * (Microsoft Learn, "How to enable passkey profiles", how-to-authentication-passkey-profiles,
 * "Before you begin"). The lab models it for adding a passkey to an account that is signed in;
 * a new account's first passkey is its sign-in, so the rule does not apply there.
 *
 * What counts as strong (docs/entra-2026.md, "Registration needs a recent strong sign-in"):
 * - `passkey` with user verification: possession of the key plus a PIN or biometric;
 * - `temporaryAccessPass`: Entra treats a pass as strong authentication for onboarding and
 *   recovery, which is what it is for;
 * - `handoff` with user verification: the phone signed in with a user-verified passkey in a
 *   ceremony of its own. Entra asks for multifactor authentication, not phishing resistance, so
 *   it counts here (the sensitive app, which wants phishing resistance, still refuses it).
 * Nothing else (an anonymous session, a passkey sign-in without user verification) counts.
 *
 * Pure: no clock, no database. No zod (the account page imports it).
 */
import type { SignInMethod } from './sign-in.js';

/** Entra's window: five minutes. The relying party may shorten it (RECENT_SIGN_IN_SECONDS) for tests. */
export const RECENT_SIGN_IN_WINDOW_MS = 5 * 60 * 1000;

export interface SignInFacts {
  method: SignInMethod | null;
  userVerified: boolean;
  /** ISO-8601, when the session signed in; null for an anonymous session. */
  signedInAt: string | null;
}

export type RecentSignInDecision =
  | { allowed: true }
  | { allowed: false; why: 'notStrong' | 'tooOld'; signedInAt: string | null; ageMs: number | null };

export function isStrongSignIn({ method, userVerified }: Pick<SignInFacts, 'method' | 'userVerified'>): boolean {
  switch (method) {
    case 'passkey':
    case 'handoff':
      return userVerified;
    case 'temporaryAccessPass':
      return true;
    default:
      return false;
  }
}

/**
 * May this session add a passkey now? Strong, and signed in at most `windowMs` ago (the edge
 * itself still counts). A sign-in time in the future (a clock step back) or unreadable is not
 * recent: the person is asked to verify again, never let through on a doubt.
 */
export function recentSignInDecision(facts: SignInFacts, now: number, windowMs: number = RECENT_SIGN_IN_WINDOW_MS): RecentSignInDecision {
  const at = facts.signedInAt === null ? Number.NaN : Date.parse(facts.signedInAt);
  const ageMs = Number.isNaN(at) ? null : now - at;
  if (!isStrongSignIn(facts)) return { allowed: false, why: 'notStrong', signedInAt: facts.signedInAt, ageMs };
  if (ageMs === null || ageMs < 0 || ageMs > windowMs) return { allowed: false, why: 'tooOld', signedInAt: facts.signedInAt, ageMs };
  return { allowed: true };
}
