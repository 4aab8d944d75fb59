import type { User } from '../../shared/schemas.js';
import type { Db } from './database.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  user_handle: string;
  created_at: string;
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

export function insertUser(db: Db, row: UserRow): void {
  db.prepare('INSERT INTO users (id, username, display_name, user_handle, created_at) VALUES (@id, @username, @display_name, @user_handle, @created_at)').run(row);
}

export function updateDisplayName(db: Db, id: string, displayName: string): void {
  db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(displayName, id);
}
