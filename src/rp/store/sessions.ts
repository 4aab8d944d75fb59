import { createHash, randomBytes } from 'node:crypto';
import type { SignInMethod } from '../../shared/sign-in.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

/** A signed-in session lives 12 hours; the cookie holds a random id, the table only its hash. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * An anonymous session exists only to bind a pending ceremony (options → verify) or a hand-off
 * to one browser, so it lives 10 minutes from its last use: twice a challenge's 5 minutes, so
 * that a late answer still hears `challenge_expired` rather than `challenge_missing`. Signing
 * in replaces it with a new 12-hour session (a fresh id, see startSignedInSession).
 */
export const ANONYMOUS_SESSION_TTL_MS = 10 * 60 * 1000;

export interface SessionRow {
  id_hash: string;
  user_id: string | null;
  /** Written only at sign-in (a SignIn's method); null for an anonymous session. */
  method: SignInMethod | null;
  user_verified: number;
  signed_in_at: string | null;
  expires_at: number;
  /** The passkey that signed this session in (null for other methods). */
  credential_id: string | null;
  /** The registration campaign's nudge was snoozed in this session. */
  campaign_snoozed: number;
}

/** Every statement by primary key or an index (test/rp/abuse-sessions.test.ts checks the plans). */
export const SESSION_SQL = {
  find: 'SELECT * FROM sessions WHERE id_hash = ?',
  insert: 'INSERT INTO sessions (id_hash, user_id, method, user_verified, signed_in_at, expires_at, credential_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  extendAnonymous: 'UPDATE sessions SET expires_at = ? WHERE id_hash = ? AND user_id IS NULL AND expires_at < ?',
  snoozeCampaign: 'UPDATE sessions SET campaign_snoozed = 1 WHERE id_hash = ?',
  delete: 'DELETE FROM sessions WHERE id_hash = ?',
  // Signing in renames the anonymous row (a fresh id) instead of a delete and an insert.
  signIn:
    'UPDATE sessions SET id_hash = ?, user_id = ?, method = ?, user_verified = ?, signed_in_at = ?, expires_at = ?, credential_id = ?, campaign_snoozed = 0 WHERE id_hash = ?',
  deleteChallenges: 'DELETE FROM challenges WHERE session_id_hash = ?',
  deleteExpired: 'DELETE FROM sessions WHERE expires_at <= ?',
  // A passkey's sessions are its owner's, so the owner's index (sessions_user) finds them.
  deleteSignedInBy: 'DELETE FROM sessions WHERE user_id = ? AND credential_id = ?',
} as const;

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export function findSession(db: Db, id: string, now: number): SessionRow | undefined {
  const row = statement<[string], SessionRow>(db, SESSION_SQL.find).get(hashSessionId(id));
  return row && row.expires_at > now ? row : undefined;
}

/** Creates a session (anonymous and short-lived when `user` is omitted) and returns the cookie value. */
export function createSession(db: Db, now: number, user?: SignIn): string {
  return insertSession(db, now, user).id;
}

/** Creates a session and returns its cookie value with the row as stored (no read back). */
export function insertSession(db: Db, now: number, user?: SignIn): { id: string; row: SessionRow } {
  const id = randomBytes(32).toString('base64url');
  const row = sessionRow(hashSessionId(id), now, user);
  statement(db, SESSION_SQL.insert).run(row.id_hash, row.user_id, row.method, row.user_verified, row.signed_in_at, row.expires_at, row.credential_id);
  return { id, row };
}

/**
 * Signs a browser in under a brand-new random id (no session fixation: OWASP Session Management
 * Cheat Sheet, "Renew the Session ID After Any Privilege Level Change"). The browser's previous
 * session row, when there is one, is renamed to the new id's hash and loses its pending
 * challenges — one UPDATE instead of a delete and an insert; the old id finds nothing any more.
 * Call inside the ceremony's transaction.
 */
export function signInSession(db: Db, previousIdHash: string | undefined, now: number, user: SignIn): { id: string; row: SessionRow } {
  if (previousIdHash === undefined) return insertSession(db, now, user);
  const id = randomBytes(32).toString('base64url');
  const row = sessionRow(hashSessionId(id), now, user);
  // challenges.session_id_hash references the old id (no ON UPDATE rule): they go first.
  statement(db, SESSION_SQL.deleteChallenges).run(previousIdHash);
  const renamed = statement(db, SESSION_SQL.signIn).run(
    row.id_hash, row.user_id, row.method, row.user_verified, row.signed_in_at, row.expires_at, row.credential_id, previousIdHash,
  ).changes;
  return renamed ? { id, row } : insertSession(db, now, user);
}

function sessionRow(idHash: string, now: number, user?: SignIn): SessionRow {
  return {
    id_hash: idHash,
    user_id: user?.userId ?? null,
    method: user?.method ?? null,
    user_verified: user?.userVerified ? 1 : 0,
    signed_in_at: user ? new Date(now).toISOString() : null,
    expires_at: now + (user ? SESSION_TTL_MS : ANONYMOUS_SESSION_TTL_MS),
    credential_id: user?.credentialId ?? null,
    campaign_snoozed: 0,
  };
}

/** An anonymous session in use again (new options, a hand-off) lives another 10 minutes. */
export function extendAnonymousSession(db: Db, idHash: string, now: number): void {
  const expiresAt = now + ANONYMOUS_SESSION_TTL_MS;
  statement(db, SESSION_SQL.extendAnonymous).run(expiresAt, idHash, expiresAt);
}

/** How a session was signed in. */
export interface SignIn {
  userId: string;
  method: SignInMethod;
  userVerified: boolean;
  credentialId?: string | null;
}

export function markCampaignSnoozed(db: Db, idHash: string): void {
  statement(db, SESSION_SQL.snoozeCampaign).run(idHash);
}

export function deleteSession(db: Db, idHash: string): void {
  statement(db, SESSION_SQL.delete).run(idHash);
}

/** Ends every session a passkey signed in (an admin removed it: a lost phone may still hold one); returns how many. */
export function deleteSessionsSignedInBy(db: Db, userId: string, credentialId: string): number {
  return statement(db, SESSION_SQL.deleteSignedInBy).run(userId, credentialId).changes;
}

/** Deletes expired sessions (their challenges go with them); returns how many. */
export function deleteExpiredSessions(db: Db, now: number): number {
  return statement(db, SESSION_SQL.deleteExpired).run(now).changes;
}
