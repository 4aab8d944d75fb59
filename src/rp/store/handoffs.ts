import { randomBytes, randomInt } from 'node:crypto';
import type { Handoff, HandoffPurpose } from '../../shared/schemas.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

export const HANDOFF_TTL_MS = 5 * 60 * 1000;

export interface HandoffRow {
  id: string;
  code: string;
  purpose: HandoffPurpose;
  username: string | null;
  display_name: string | null;
  creator_session_hash: string;
  browser: string;
  os: string;
  origin: string;
  user_id: string | null;
  created_at: number;
  expires_at: number;
  approved_at: number | null;
  claimed_at: number | null;
}

/** 31 characters without look-alikes (no 0/O, 1/I/L); 8 of them ≈ 39 bits, shown as XXXX-XXXX. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newHandoffId(): string {
  return randomBytes(16).toString('base64url');
}

export function newHandoffCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** "abcd efgh", "ABCD-EFGH" → "ABCDEFGH". */
export function normalizeHandoffCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function handoffStatus(row: HandoffRow, now: number): Handoff['status'] {
  if (row.claimed_at !== null) return 'claimed';
  if (now >= row.expires_at) return 'expired';
  return row.approved_at !== null ? 'approved' : 'pending';
}

export function toHandoff(row: HandoffRow, now: number, callerSessionHash: string | undefined): Handoff {
  return {
    id: row.id,
    code: `${row.code.slice(0, 4)}-${row.code.slice(4)}`,
    purpose: row.purpose,
    username: row.username,
    displayName: row.display_name,
    status: handoffStatus(row, now),
    requestedBy: { browser: row.browser, os: row.os },
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    url: `${row.origin}/handoff/${row.id}`,
    startedHere: callerSessionHash === row.creator_session_hash,
  };
}

export function insertHandoff(db: Db, row: HandoffRow): void {
  statement(db,
    `INSERT INTO handoffs (id, code, purpose, username, display_name, creator_session_hash, browser, os, origin, user_id, created_at, expires_at, approved_at, claimed_at)
     VALUES (@id, @code, @purpose, @username, @display_name, @creator_session_hash, @browser, @os, @origin, @user_id, @created_at, @expires_at, @approved_at, @claimed_at)`,
  ).run(row);
}

/**
 * An expired hand-off still answers handoff_expired for an hour (rather than handoff_not_found);
 * then the sweep deletes it (src/rp/maintenance/sweep.ts).
 */
export const HANDOFF_RETENTION_MS = 60 * 60 * 1000;

export function findHandoff(db: Db, id: string): HandoffRow | undefined {
  return statement<[string], HandoffRow>(db, 'SELECT * FROM handoffs WHERE id = ?').get(id);
}

export function findHandoffByCode(db: Db, code: string): HandoffRow | undefined {
  return statement<[string], HandoffRow>(db, 'SELECT * FROM handoffs WHERE code = ?').get(normalizeHandoffCode(code));
}

/** Marks a pending hand-off approved by `userId`; false when it was no longer pending. */
export function approveHandoff(db: Db, id: string, userId: string, now: number): boolean {
  return (
    statement(db, 'UPDATE handoffs SET user_id = ?, approved_at = ? WHERE id = ? AND approved_at IS NULL AND claimed_at IS NULL AND expires_at > ?')
      .run(userId, now, id, now).changes === 1
  );
}

/** Marks an approved hand-off claimed; false when someone got there first. */
export function claimHandoff(db: Db, id: string, now: number): boolean {
  return (
    statement(db, 'UPDATE handoffs SET claimed_at = ? WHERE id = ? AND approved_at IS NOT NULL AND claimed_at IS NULL AND expires_at > ?').run(now, id, now)
      .changes === 1
  );
}
