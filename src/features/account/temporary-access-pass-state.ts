/**
 * The navigation state /sign-in leaves after a Temporary Access Pass sign-in, read once by
 * /account: it leads straight to creating a passkey (and then back where the person was going).
 * Gone on a new visit or a reload; the account page then relies on the session's method.
 */
import { isSameOriginPath, safeRedirect } from '../../lib/safe-redirect';

export interface TemporaryAccessPassState {
  temporaryAccessPass: true;
  /** The page the person was going to before signing in (a path on this site). */
  continueTo?: string;
}

/** `continueTo` comes from the address (?redirect=): it is made safe here, once. */
export function temporaryAccessPassState(continueTo?: string | null): TemporaryAccessPassState {
  const target = continueTo ? safeRedirect(continueTo, '') : '';
  return { temporaryAccessPass: true, ...(target && target !== '/account' ? { continueTo: target } : {}) };
}

export function readTemporaryAccessPassState(state: unknown): { continueTo: string | null } | null {
  if (typeof state !== 'object' || state === null || (state as { temporaryAccessPass?: unknown }).temporaryAccessPass !== true) return null;
  // Written by temporaryAccessPassState, already made safe: only checked here, not rewritten a
  // second time (a value that is not a plain path on this site is dropped).
  const continueTo = (state as { continueTo?: unknown }).continueTo;
  return { continueTo: isSameOriginPath(continueTo) && continueTo !== '/account' ? continueTo : null };
}
