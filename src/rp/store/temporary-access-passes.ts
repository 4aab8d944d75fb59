import type { Db } from './database.js';
import { statement } from './statements.js';

export interface TapRow {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: number;
  expires_at: number;
  lifetime_in_minutes: number;
  is_usable_once: number;
  used_at: number | null;
  replaced_at: number | null;
}

/** Stores a new pass; the user's earlier passes are replaced (Entra keeps one per user). */
export function insertTap(db: Db, row: TapRow): void {
  db.transaction(() => {
    statement(db, 'UPDATE temporary_access_passes SET replaced_at = ? WHERE user_id = ? AND replaced_at IS NULL').run(row.created_at, row.user_id);
    statement(db,
      `INSERT INTO temporary_access_passes (id, user_id, code_hash, created_at, expires_at, lifetime_in_minutes, is_usable_once, used_at, replaced_at)
       VALUES (@id, @user_id, @code_hash, @created_at, @expires_at, @lifetime_in_minutes, @is_usable_once, @used_at, @replaced_at)`,
    ).run(row);
  })();
}

/** The user's passes, newest first. */
export function tapsOf(db: Db, userId: string): TapRow[] {
  return statement<[string], TapRow>(db, 'SELECT * FROM temporary_access_passes WHERE user_id = ? ORDER BY created_at DESC, rowid DESC').all(userId);
}

export function listTaps(db: Db): (TapRow & { username: string; display_name: string })[] {
  return statement<[], TapRow & { username: string; display_name: string }>(db,
      'SELECT t.*, u.username, u.display_name FROM temporary_access_passes t JOIN users u ON u.id = t.user_id ORDER BY t.created_at DESC, t.rowid DESC LIMIT 200',
    )
    .all();
}

export function markTapUsed(db: Db, id: string, at: number): void {
  statement(db, 'UPDATE temporary_access_passes SET used_at = COALESCE(used_at, ?) WHERE id = ?').run(at, id);
}

/** Failed attempts for a username since `since` (the rate limit's window). */
export function countTapFailures(db: Db, username: string, since: number): number {
  return statement<[string, number], { n: number }>(db, 'SELECT COUNT(*) AS n FROM tap_failures WHERE username = ? AND at > ?').get(username, since)?.n ?? 0;
}

/** Records a failed (or not yet checked) attempt; returns its rowid. */
export function recordTapFailure(db: Db, username: string, at: number): number {
  return Number(statement(db, 'INSERT INTO tap_failures (username, at) VALUES (?, ?)').run(username, at).lastInsertRowid);
}

/** Takes back one attempt recorded by recordTapFailure (it turned out not to be a wrong code). */
export function forgetTapFailure(db: Db, rowid: number): void {
  statement(db, 'DELETE FROM tap_failures WHERE rowid = ?').run(rowid);
}

export function forgetTapFailures(db: Db, username: string): void {
  statement(db, 'DELETE FROM tap_failures WHERE username = ?').run(username);
}
