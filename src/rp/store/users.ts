import type { User } from '../../shared/schemas.js';
import { usernameKey, usernameSkeleton } from '../../shared/usernames.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  user_handle: string;
  created_at: string;
  is_admin: number;
  campaign_snoozes: number;
  /** When the registration campaign was last snoozed (tenant clock, ms), or null. */
  campaign_snoozed_at: number | null;
  /** 1: the user has the lab's simulated SMS method (no messages are ever sent). */
  sms_method: number;
  /** NFKC, case-folded: unique (src/shared/usernames.ts). */
  username_key: string;
  /** UTS #39 skeleton: equal for look-alike names. */
  username_skeleton: string;
}

export function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name };
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return statement<[string], UserRow>(db, 'SELECT * FROM users WHERE id = ?').get(id);
}

/** The account a typed username names: compared after NFKC and case folding (src/shared/usernames.ts). */
export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return statement<[string], UserRow>(db, 'SELECT * FROM users WHERE username_key = ?').get(usernameKey(username));
}

/**
 * Why `username` cannot name a new account: `username_taken` when an account has it (in any
 * case or compatibility form), `username_confusable` when an account's name looks the same
 * (the same UTS #39 skeleton, e.g. a Cyrillic а for a Latin a).
 */
export function usernameConflict(db: Db, username: string): 'username_taken' | 'username_confusable' | undefined {
  if (statement(db, 'SELECT 1 FROM users WHERE username_key = ?').get(usernameKey(username))) return 'username_taken';
  if (statement(db, 'SELECT 1 FROM users WHERE username_skeleton = ? LIMIT 1').get(usernameSkeleton(username))) return 'username_confusable';
  return undefined;
}

export type NewUser = Omit<UserRow, 'is_admin' | 'campaign_snoozes' | 'campaign_snoozed_at' | 'sms_method' | 'username_key' | 'username_skeleton'>;

/** Inserts a user; the first account of the tenant becomes its admin. */
export function insertUser(db: Db, row: NewUser): UserRow {
  // EXISTS stops at the first row; COUNT(*) would read the whole table on every registration.
  const first = statement<[], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM users) AS n').get()!.n === 0;
  const user: UserRow = {
    ...row,
    is_admin: first ? 1 : 0,
    campaign_snoozes: 0,
    campaign_snoozed_at: null,
    sms_method: 0,
    username_key: usernameKey(row.username),
    username_skeleton: usernameSkeleton(row.username),
  };
  statement(
    db,
    `INSERT INTO users (id, username, display_name, user_handle, created_at, is_admin, username_key, username_skeleton)
     VALUES (@id, @username, @display_name, @user_handle, @created_at, @is_admin, @username_key, @username_skeleton)`,
  ).run(user);
  return user;
}

export function listUsers(db: Db): UserRow[] {
  return statement<[], UserRow>(db, 'SELECT * FROM users ORDER BY created_at, rowid').all();
}

/** An admin: the first account, or a username in ADMIN_USERNAMES (keys, see config.ts). */
export function isAdmin(user: UserRow, adminUsernames: readonly string[]): boolean {
  return user.is_admin === 1 || adminUsernames.includes(usernameKey(user.username));
}

/** Records a "Not now": the count the state machine computed and when (tenant clock, ms). */
export function snoozeCampaign(db: Db, id: string, snooze: { count: number; at: number }): void {
  statement(db, 'UPDATE users SET campaign_snoozes = ?, campaign_snoozed_at = ? WHERE id = ?').run(snooze.count, snooze.at, id);
}

/** Marks (or unmarks) a user as having the lab's simulated SMS method. */
export function setSmsMethod(db: Db, id: string, hasSms: boolean): void {
  statement(db, 'UPDATE users SET sms_method = ? WHERE id = ?').run(hasSms ? 1 : 0, id);
}

export function updateDisplayName(db: Db, id: string, displayName: string): void {
  statement(db, 'UPDATE users SET display_name = ? WHERE id = ?').run(displayName, id);
}
