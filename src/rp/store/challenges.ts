import type { Db } from './database.js';
import { statement } from './statements.js';

export type Ceremony = 'registration' | 'authentication';

export interface PendingChallenge<P> {
  challenge: string;
  payload: P;
  expiresAt: number;
}

/** Stores the session's pending challenge for a ceremony, replacing an earlier one. */
export function saveChallenge<P>(db: Db, sessionIdHash: string, ceremony: Ceremony, pending: PendingChallenge<P>): void {
  statement(db,
    `INSERT INTO challenges (session_id_hash, ceremony, challenge, payload, expires_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id_hash, ceremony) DO UPDATE SET challenge = excluded.challenge, payload = excluded.payload, expires_at = excluded.expires_at`,
  ).run(sessionIdHash, ceremony, pending.challenge, JSON.stringify(pending.payload), pending.expiresAt);
}

/** Reads and deletes the pending challenge: a challenge can be answered once, right or wrong. */
export function takeChallenge<P>(db: Db, sessionIdHash: string, ceremony: Ceremony): PendingChallenge<P> | undefined {
  const row = statement<[string, string], { challenge: string; payload: string; expires_at: number }>(db,
      'DELETE FROM challenges WHERE session_id_hash = ? AND ceremony = ? RETURNING challenge, payload, expires_at',
    )
    .get(sessionIdHash, ceremony);
  return row && { challenge: row.challenge, payload: JSON.parse(row.payload) as P, expiresAt: row.expires_at };
}
