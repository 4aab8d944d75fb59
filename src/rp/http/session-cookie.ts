import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { deleteSession, extendAnonymousSession, findSession, insertSession, SESSION_TTL_MS, type SessionRow, type SignIn, signInSession } from '../store/sessions.js';
import { findUserById, isAdmin, type UserRow } from '../store/users.js';
import type { Env } from './env.js';
import { RpError } from './rp-error.js';

export const SESSION_COOKIE = 'passkey_lab_session';

/** Loads the session named by the cookie (if any, and not expired) into `c.var.session`. */
export const loadSession: MiddlewareHandler<Env> = async (c, next) => {
  const id = getCookie(c, SESSION_COOKIE);
  const { db, now } = c.var.deps;
  c.set('session', id ? findSession(db, id, now()) : undefined);
  await next();
};

/**
 * A signed-in session's cookie lasts as long as the session (12 hours); an anonymous one is a
 * browser-session cookie, because the server forgets it after 10 idle minutes anyway.
 */
function issueCookie(c: Context<Env>, id: string, signedIn: boolean) {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secureCookies,
    path: '/',
    ...(signedIn ? { maxAge: SESSION_TTL_MS / 1000 } : {}),
  });
}

/**
 * The caller's session, created (anonymous, short-lived) when missing: challenges are bound to
 * it. Expired sessions are swept on a timer (maintenance/sweep.ts), not here.
 */
export function ensureSession(c: Context<Env>): SessionRow {
  const { db, now } = c.var.deps;
  const existing = c.var.session;
  if (existing) {
    if (existing.user_id === null) extendAnonymousSession(db, existing.id_hash, now());
    return existing;
  }
  const { id, row } = insertSession(db, now());
  issueCookie(c, id, false);
  c.set('session', row);
  return row;
}

/**
 * Signs the caller in under a brand-new session id (the old id and its challenges go). Writes
 * only: run it inside the ceremony's transaction, then `issueSignedIn` once that committed.
 */
export function writeSignedInSession(c: Context<Env>, signIn: SignIn): SignedInSession {
  return signInSession(c.var.deps.db, c.var.session?.id_hash, c.var.deps.now(), signIn);
}

export type SignedInSession = { id: string; row: SessionRow };

/** The new session's cookie, and the session for the rest of the request. */
export function issueSignedIn(c: Context<Env>, { id, row }: SignedInSession): void {
  issueCookie(c, id, true);
  c.set('session', row);
}

/** Signs the caller in under a brand-new session id (the old session and its challenges go). */
export function startSignedInSession(c: Context<Env>, signIn: SignIn): void {
  issueSignedIn(c, c.var.deps.db.transaction(() => writeSignedInSession(c, signIn))());
}

export function endSession(c: Context<Env>): void {
  if (c.var.session) deleteSession(c.var.deps.db, c.var.session.id_hash);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.deps.config.secureCookies });
  c.set('session', undefined);
}

/** The signed-in tenant admin, or 401 not_signed_in / 403 forbidden. */
export function requireAdmin(c: Context<Env>): { session: SessionRow & { user_id: string }; user: UserRow } {
  const signedIn = requireUser(c);
  if (!isAdmin(signedIn.user, c.var.deps.config.adminUsernames)) throw new RpError('forbidden', 'Only tenant admins can do this.');
  return signedIn;
}

/** The signed-in user, or 401 not_signed_in. */
export function requireUser(c: Context<Env>): { session: SessionRow & { user_id: string }; user: UserRow } {
  const session = c.var.session;
  const user = session?.user_id ? findUserById(c.var.deps.db, session.user_id) : undefined;
  if (!session || !user) throw new RpError('not_signed_in');
  return { session: { ...session, user_id: user.id }, user };
}
