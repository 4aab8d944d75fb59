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
  /** Written only by createSession (a SignIn's method); null for an anonymous session. */
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
  deleteExpired: 'DELETE FROM sessions WHERE expires_at <= ?',
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
  const id = randomBytes(32).toString('base64url');
  statement(db, SESSION_SQL.insert).run(
    hashSessionId(id),
    user?.userId ?? null,
    user?.method ?? null,
    user?.userVerified ? 1 : 0,
    user ? new Date(now).toISOString() : null,
    now + (user ? SESSION_TTL_MS : ANONYMOUS_SESSION_TTL_MS),
    user?.credentialId ?? null,
  );
  return id;
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

/** Deletes expired sessions (their challenges go with them); returns how many. */
export function deleteExpiredSessions(db: Db, now: number): number {
  return statement(db, SESSION_SQL.deleteExpired).run(now).changes;
}
