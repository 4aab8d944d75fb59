import { hash, randomBytes } from 'node:crypto';
import type { SignInMethod } from '../../shared/sign-in.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

/** A signed-in session lives 12 hours; the cookie holds a random id, the table only its hash. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/**
 * An anonymous session exists only to bind a pending ceremony (options → verify) or a hand-off
 * to one browser, so it lives 10 minutes from its last use: twice a challenge's 5 minutes, so
 * that a late answer still hears `challenge_expired` rather than `challenge_missing`. It is
 * kept in memory (store/pending.ts), never in this table. Signing in replaces it with a new
 * 12-hour session here (a fresh id, see signInSession).
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
  snoozeCampaign: 'UPDATE sessions SET campaign_snoozed = 1 WHERE id_hash = ?',
  delete: 'DELETE FROM sessions WHERE id_hash = ?',
  // Signing in again renames the signed-in row (a fresh id) instead of a delete and an insert.
  signIn:
    'UPDATE sessions SET id_hash = ?, user_id = ?, method = ?, user_verified = ?, signed_in_at = ?, expires_at = ?, credential_id = ?, campaign_snoozed = 0 WHERE id_hash = ?',
  deleteExpired: 'DELETE FROM sessions WHERE expires_at <= ?',
  // A passkey's sessions are its owner's, so the owner's index (sessions_user) finds them.
  deleteSignedInBy: 'DELETE FROM sessions WHERE user_id = ? AND credential_id = ?',
} as const;

export function hashSessionId(id: string): string {
  return hash('sha256', id, 'hex');
}

export function findSession(db: Db, idHash: string, now: number): SessionRow | undefined {
  const row = statement<[string], SessionRow>(db, SESSION_SQL.find).get(idHash);
  return row && row.expires_at > now ? row : undefined;
}

/** Creates a signed-in session and returns the cookie value. */
export function createSession(db: Db, now: number, user: SignIn): string {
  return insertSession(db, now, user).id;
}

/** Creates a signed-in session and returns its cookie value with the row as stored (no read back). */
export function insertSession(db: Db, now: number, user: SignIn): { id: string; row: SessionRow } {
  const id = randomBytes(32).toString('base64url');
  const row = sessionRow(hashSessionId(id), now, user);
  statement(db, SESSION_SQL.insert).run(row.id_hash, row.user_id, row.method, row.user_verified, row.signed_in_at, row.expires_at, row.credential_id);
  return { id, row };
}

/**
 * Signs a browser in under a brand-new random id (no session fixation: OWASP Session Management
 * Cheat Sheet, "Renew the Session ID After Any Privilege Level Change"). A previous signed-in
 * row, when there is one, is renamed to the new id's hash — one UPDATE instead of a delete and
 * an insert; the old id finds nothing any more. Call inside the ceremony's transaction.
 */
export function signInSession(db: Db, previousIdHash: string | undefined, now: number, user: SignIn): { id: string; row: SessionRow } {
  if (previousIdHash === undefined) return insertSession(db, now, user);
  const id = randomBytes(32).toString('base64url');
  const row = sessionRow(hashSessionId(id), now, user);
  const renamed = statement(db, SESSION_SQL.signIn).run(
    row.id_hash, row.user_id, row.method, row.user_verified, row.signed_in_at, row.expires_at, row.credential_id, previousIdHash,
  ).changes;
  return renamed ? { id, row } : insertSession(db, now, user);
}

function sessionRow(idHash: string, now: number, user: SignIn): SessionRow {
  return {
    id_hash: idHash,
    user_id: user.userId,
    method: user.method,
    user_verified: user.userVerified ? 1 : 0,
    signed_in_at: new Date(now).toISOString(),
    expires_at: now + SESSION_TTL_MS,
    credential_id: user.credentialId ?? null,
    campaign_snoozed: 0,
  };
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

/** Deletes expired sessions; returns how many. */
export function deleteExpiredSessions(db: Db, now: number): number {
  return statement(db, SESSION_SQL.deleteExpired).run(now).changes;
}
