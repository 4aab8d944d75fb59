/**
 * Users and groups for the admin side: who has how many passkeys, and the groups the passkey
 * policy can target (a group the policy names cannot be deleted).
 */
import { randomUUID } from 'node:crypto';
import type { Group, TenantUser } from '../../shared/tenant.js';
import type { Deps } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { listAllCredentials } from '../store/credentials.js';
import type { Db } from '../store/database.js';
import { addGroupMember, deleteGroup, findGroup, findGroupByName, groupIdsOf, groupMembers, type GroupRow, insertGroup, listGroups, removeGroupMember } from '../store/groups.js';
import { readPolicy } from '../store/tenant-settings.js';
import { findUserByUsername, isAdmin, listUsers, toUser } from '../store/users.js';

export function tenantUsers({ db, config }: Deps): TenantUser[] {
  const counts = new Map<string, number>();
  for (const row of listAllCredentials(db)) counts.set(row.user_id, (counts.get(row.user_id) ?? 0) + 1);
  return listUsers(db).map((user) => ({
    ...toUser(user),
    isAdmin: isAdmin(user, config.adminUsernames),
    groups: groupIdsOf(db, user.id),
    passkeys: counts.get(user.id) ?? 0,
    createdAt: user.created_at,
  }));
}

function toGroup(db: Db, row: GroupRow): Group {
  return { id: row.id, displayName: row.display_name, createdAt: row.created_at, members: groupMembers(db, row.id).map(toUser) };
}

/** The group, or 404 not_found. */
function existingGroup(db: Db, id: string): GroupRow {
  const row = findGroup(db, id);
  if (!row) throw new RpError('not_found', 'There is no group with this id.');
  return row;
}

export function tenantGroups({ db }: Deps): Group[] {
  return listGroups(db).map((row) => toGroup(db, row));
}

/** A new, empty group; 409 group_exists when the name is taken. */
export function createGroup({ db, now }: Deps, displayName: string): Group {
  if (findGroupByName(db, displayName)) throw new RpError('group_exists');
  const row: GroupRow = { id: randomUUID(), display_name: displayName, created_at: new Date(now()).toISOString() };
  insertGroup(db, row);
  return toGroup(db, row);
}

/** Deletes a group the policy does not target; 409 group_in_use when it does. */
export function removeGroup({ db }: Deps, id: string): void {
  const group = existingGroup(db, id);
  const policy = readPolicy(db);
  if ([...policy.includeTargets, ...policy.excludeTargets].some((target) => target.id === group.id)) throw new RpError('group_in_use');
  deleteGroup(db, group.id);
}

export function addMember({ db }: Deps, groupId: string, username: string): Group {
  const group = existingGroup(db, groupId);
  const user = findUserByUsername(db, username);
  if (!user) throw new RpError('not_found', 'There is no user with this username.', 'username');
  addGroupMember(db, group.id, user.id);
  return toGroup(db, group);
}

export function removeMember({ db }: Deps, groupId: string, userId: string): void {
  const group = existingGroup(db, groupId);
  if (!removeGroupMember(db, group.id, userId)) throw new RpError('not_found', 'This user is not a member of the group.');
}
