import type { Db } from './database.js';
import { statement } from './statements.js';
import type { UserRow } from './users.js';

export interface GroupRow {
  id: string;
  display_name: string;
  created_at: string;
}

export function listGroups(db: Db): GroupRow[] {
  return statement<[], GroupRow>(db, 'SELECT * FROM groups ORDER BY display_name').all();
}

export function findGroup(db: Db, id: string): GroupRow | undefined {
  return statement<[string], GroupRow>(db, 'SELECT * FROM groups WHERE id = ?').get(id);
}

export function findGroupByName(db: Db, displayName: string): GroupRow | undefined {
  return statement<[string], GroupRow>(db, 'SELECT * FROM groups WHERE display_name = ?').get(displayName);
}

export function insertGroup(db: Db, row: GroupRow): void {
  statement(db, 'INSERT INTO groups (id, display_name, created_at) VALUES (@id, @display_name, @created_at)').run(row);
}

export function deleteGroup(db: Db, id: string): boolean {
  return statement(db, 'DELETE FROM groups WHERE id = ?').run(id).changes === 1;
}

export function groupMembers(db: Db, groupId: string): UserRow[] {
  return statement<[string], UserRow>(db, 'SELECT users.* FROM users JOIN group_members ON group_members.user_id = users.id WHERE group_id = ? ORDER BY username')
    .all(groupId);
}

export function addGroupMember(db: Db, groupId: string, userId: string): void {
  statement(db, 'INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)').run(groupId, userId);
}

export function removeGroupMember(db: Db, groupId: string, userId: string): boolean {
  return statement(db, 'DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId).changes === 1;
}

/** The ids of the groups a user is in (what policy targets are matched against). */
export function groupIdsOf(db: Db, userId: string): string[] {
  return statement<[string], { group_id: string }>(db, 'SELECT group_id FROM group_members WHERE user_id = ?').all(userId).map((row) => row.group_id);
}
