import type { User } from '../../shared/schemas.js';
import type { Db } from './database.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  user_handle: string;
  created_at: string;
  is_admin: number;
  campaign_snoozes: number;
}

export function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name };
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id);
}

export function findUserByUsername(db: Db, username: string): UserRow | undefined {
  return db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username);
}

export type NewUser = Omit<UserRow, 'is_admin' | 'campaign_snoozes'>;

/** Inserts a user; the first account of the tenant becomes its admin. */
export function insertUser(db: Db, row: NewUser): UserRow {
  const first = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users').get()!.n === 0;
  const user: UserRow = { ...row, is_admin: first ? 1 : 0, campaign_snoozes: 0 };
  db.prepare(
    'INSERT INTO users (id, username, display_name, user_handle, created_at, is_admin) VALUES (@id, @username, @display_name, @user_handle, @created_at, @is_admin)',
  ).run(user);
  return user;
}

export function listUsers(db: Db): UserRow[] {
  return db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, rowid').all();
}

/** An admin: the first account, or a username in ADMIN_USERNAMES. */
export function isAdmin(user: UserRow, adminUsernames: readonly string[]): boolean {
  return user.is_admin === 1 || adminUsernames.includes(user.username.toLowerCase());
}

export function snoozeCampaign(db: Db, id: string): void {
  db.prepare('UPDATE users SET campaign_snoozes = campaign_snoozes + 1 WHERE id = ?').run(id);
}

export function updateDisplayName(db: Db, id: string, displayName: string): void {
  db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(displayName, id);
}
