/**
 * The relying party's side of "registration needs a recent strong sign-in"
 * (src/shared/recent-sign-in.ts holds the rule and what counts as strong).
 */
import { RECENT_SIGN_IN_WINDOW_MS, recentSignInDecision } from '../../shared/recent-sign-in.js';
import type { Deps } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import type { SessionRow } from '../store/sessions.js';

export function recentSignInWindowMs(deps: Pick<Deps, 'config'>): number {
  const seconds = deps.config.recentSignInSeconds;
  return seconds ? Math.min(seconds * 1000, RECENT_SIGN_IN_WINDOW_MS) : RECENT_SIGN_IN_WINDOW_MS;
}

/** 403 recent_sign_in_required unless the session signed in strongly within the window. */
export function requireRecentSignIn(deps: Pick<Deps, 'config' | 'now'>, session: SessionRow): void {
  const refusal = recentSignInRefusal(deps, session);
  if (refusal) throw refusal;
}

/** The 403 recent_sign_in_required to answer, or undefined when the session may add a passkey. */
export function recentSignInRefusal(deps: Pick<Deps, 'config' | 'now'>, session: SessionRow): RpError | undefined {
  const windowMs = recentSignInWindowMs(deps);
  const decision = recentSignInDecision(
    { method: session.method, userVerified: session.user_verified === 1, signedInAt: session.signed_in_at },
    deps.now(),
    windowMs,
  );
  if (decision.allowed) return undefined;
  const minutes = windowMs >= 60_000 ? `${windowMs / 60_000} minutes` : `${windowMs / 1000} seconds`;
  return new RpError(
    'recent_sign_in_required',
    decision.why === 'notStrong'
      ? 'Adding a passkey needs a strong sign-in (a passkey or a Temporary Access Pass). Verify with a passkey, then add it.'
      : `Adding a passkey needs a sign-in within the last ${minutes}, and yours was earlier. Verify with a passkey (or sign in again), then add it.`,
  );
}
