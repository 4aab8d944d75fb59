import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './database.js';

/** Sessions live 12 hours; the cookie holds a random id, the table only its hash. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionRow {
  id_hash: string;
  user_id: string | null;
  method: string | null;
  user_verified: number;
  signed_in_at: string | null;
  expires_at: number;
  /** The passkey that signed this session in (null for other methods). */
  credential_id: string | null;
  /** The registration campaign's nudge was snoozed in this session. */
  campaign_snoozed: number;
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export function findSession(db: Db, id: string, now: number): SessionRow | undefined {
  const row = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id_hash = ?').get(hashSessionId(id));
  return row && row.expires_at > now ? row : undefined;
}

/** Creates a session (anonymous when `user` is omitted) and returns the cookie value. */
export function createSession(db: Db, now: number, user?: SignIn): string {
  const id = randomBytes(32).toString('base64url');
  db.prepare(
    'INSERT INTO sessions (id_hash, user_id, method, user_verified, signed_in_at, expires_at, credential_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    hashSessionId(id),
    user?.userId ?? null,
    user?.method ?? null,
    user?.userVerified ? 1 : 0,
    user ? new Date(now).toISOString() : null,
    now + SESSION_TTL_MS,
    user?.credentialId ?? null,
  );
  return id;
}

/** How a session was signed in. */
export interface SignIn {
  userId: string;
  /** `passkey`, `handoff` or `temporaryAccessPass`. */
  method: string;
  userVerified: boolean;
  credentialId?: string | null;
}

export function markCampaignSnoozed(db: Db, idHash: string): void {
  db.prepare('UPDATE sessions SET campaign_snoozed = 1 WHERE id_hash = ?').run(idHash);
}

export function deleteSession(db: Db, idHash: string): void {
  db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
}

export function deleteExpiredSessions(db: Db, now: number): void {
  db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
}
