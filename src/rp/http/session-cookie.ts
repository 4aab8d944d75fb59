import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { deleteSession, findSession, hashSessionId, SESSION_TTL_MS, type SessionRow, type SignIn, signInSession } from '../store/sessions.js';
import { findUserById, isAdmin, type UserRow } from '../store/users.js';
import type { Env } from './env.js';
import { RpError } from './rp-error.js';

export const SESSION_COOKIE = 'passkey_lab_session';

/**
 * Loads the session named by the cookie (if any, and not expired) into `c.get('session')`: an
 * anonymous one from memory (store/pending.ts), a signed-in one from the database.
 */
export const loadSession: MiddlewareHandler<Env> = async (c, next) => {
  const id = getCookie(c, SESSION_COOKIE);
  const { db, now, pending } = c.get('deps');
  if (id) {
    const idHash = hashSessionId(id);
    c.set('session', pending.findAnonymous(idHash, now()) ?? findSession(db, idHash, now()));
  } else c.set('session', undefined);
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
    secure: c.get('deps').config.secureCookies,
    path: '/',
    ...(signedIn ? { maxAge: SESSION_TTL_MS / 1000 } : {}),
  });
}

/**
 * The caller's session, started (anonymous, short-lived, in memory) when missing: challenges
 * and hand-offs are bound to it. An anonymous session in use again lives another 10 minutes.
 */
export function ensureSession(c: Context<Env>): SessionRow {
  const { now, pending } = c.get('deps');
  const existing = c.get('session');
  if (existing?.user_id) return existing;
  if (existing) return pending.touchAnonymous(existing.id_hash, now());
  const id = randomBytes(32).toString('base64url');
  const row = pending.touchAnonymous(hashSessionId(id), now());
  issueCookie(c, id, false);
  c.set('session', row);
  return row;
}

/**
 * Signs the caller in under a brand-new session id. Writes only: run it inside the ceremony's
 * transaction, then `issueSignedIn` once that committed (which lets the old id go).
 */
export function writeSignedInSession(c: Context<Env>, signIn: SignIn): SignedInSession {
  const previous = c.get('session');
  return signInSession(c.get('deps').db, previous?.user_id ? previous.id_hash : undefined, c.get('deps').now(), signIn);
}

export type SignedInSession = { id: string; row: SessionRow };

/** The new session's cookie, and the session for the rest of the request; the old id's pending state goes. */
export function issueSignedIn(c: Context<Env>, { id, row }: SignedInSession): void {
  const previous = c.get('session');
  if (previous) c.get('deps').pending.forget(previous.id_hash);
  issueCookie(c, id, true);
  c.set('session', row);
}

/** Signs the caller in under a brand-new session id (the old session and its challenges go). */
export function startSignedInSession(c: Context<Env>, signIn: SignIn): void {
  issueSignedIn(c, c.get('deps').db.transaction(() => writeSignedInSession(c, signIn))());
}

export function endSession(c: Context<Env>): void {
  const session = c.get('session');
  const deps = c.get('deps');
  if (session) {
    deps.pending.forget(session.id_hash);
    deleteSession(deps.db, session.id_hash);
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.config.secureCookies });
  c.set('session', undefined);
}

/** The signed-in tenant admin, or 401 not_signed_in / 403 forbidden. */
export function requireAdmin(c: Context<Env>): { session: SessionRow & { user_id: string }; user: UserRow } {
  const signedIn = requireUser(c);
  if (!isAdmin(signedIn.user, c.get('deps').config.adminUsernames)) throw new RpError('forbidden', 'Only tenant admins can do this.');
  return signedIn;
}

/** The signed-in user, or 401 not_signed_in. */
export function requireUser(c: Context<Env>): { session: SessionRow & { user_id: string }; user: UserRow } {
  const session = c.get('session');
  const user = session?.user_id ? findUserById(c.get('deps').db, session.user_id) : undefined;
  if (!session || !user) throw new RpError('not_signed_in');
  return { session: { ...session, user_id: user.id }, user };
}
