import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { validateTapSettings } from '../../shared/policy.js';
import {
  addGroupMemberRequest,
  conditionalAccessPatchSchema,
  createGroupRequest,
  issueTapRequest,
  prepareAllowListRequest,
  signInLogQuery,
  type AaguidUsage,
  type Group,
  type TenantUser,
} from '../../shared/tenant.js';
import type { Env } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { providerIcon } from '../metadata/directory.js';
import { requireAdmin } from '../http/session-cookie.js';
import { validJson } from '../http/validate.js';
import { prepareAllowList } from '../policy/allow-list.js';
import { aaguidAllowedByPolicy } from '../policy/evaluate.js';
import { listAllCredentials } from '../store/credentials.js';
import { addGroupMember, deleteGroup, findGroup, findGroupByName, groupIdsOf, groupMembers, insertGroup, listGroups, removeGroupMember, type GroupRow } from '../store/groups.js';
import { querySignInLog, toSignInLogEntry } from '../store/sign-in-log.js';
import { listTaps } from '../store/temporary-access-passes.js';
import { readConditionalAccess, readPolicy, saveConditionalAccess, savePolicy } from '../store/tenant-settings.js';
import { findUserById, findUserByUsername, isAdmin, listUsers, toUser } from '../store/users.js';
import type { Db } from '../store/database.js';
import { patchedPolicy, previewPolicy } from '../tenant/policy-admin.js';
import { issueTap, summary } from '../tenant/temporary-access-pass.js';

function toGroup(db: Db, row: GroupRow): Group {
  return { id: row.id, displayName: row.display_name, createdAt: row.created_at, members: groupMembers(db, row.id).map(toUser) };
}

/** The body as JSON for routes that validate it themselves; malformed JSON is a 400, not a 500. */
async function jsonBody(c: Context<Env>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new RpError('invalid_request', 'The request body is not valid JSON.');
  }
}

function existingGroup(db: Db, id: string): GroupRow {
  const row = findGroup(db, id);
  if (!row) throw new RpError('not_found', 'There is no group with this id.');
  return row;
}

/** Tenant administration (docs/api.md, "Tenant administration"): tenant admins only. */
export const adminRoutes = new Hono<Env>()
  .use(async (c, next) => {
    requireAdmin(c);
    await next();
  })

  // ---- the passkey policy -------------------------------------------------------------
  .get('/policy', (c) => c.json(readPolicy(c.var.deps.db)))
  .patch('/policy', async (c) => {
    const { next } = patchedPolicy(c.var.deps, await jsonBody(c));
    savePolicy(c.var.deps.db, next);
    return c.json(next);
  })
  .post('/policy/preview', async (c) => c.json(previewPolicy(c.var.deps, await jsonBody(c))))
  .post('/policy/prepare-allow-list', validJson(prepareAllowListRequest), (c) => {
    const { deps } = c.var;
    const inUse = [...new Set(listAllCredentials(deps.db).map((row) => row.aaguid))];
    return c.json(previewPolicy(deps, prepareAllowList(readPolicy(deps.db), inUse, c.req.valid('json'))));
  })

  // ---- AAGUID inventory (Get-PasskeyDeviceBoundAAGUID) -----------------------------------
  .get('/aaguids', (c) => {
    const { db, directory } = c.var.deps;
    const policy = readPolicy(db);
    const byAaguid = new Map<string, AaguidUsage>();
    for (const row of listAllCredentials(db)) {
      const provider = directory.lookup(row.aaguid);
      const usage = byAaguid.get(row.aaguid) ?? {
        aaguid: row.aaguid,
        providerName: provider.name,
        providerIcon: providerIcon(provider),
        passkeys: 0,
        users: 0,
        usernames: [],
        attestedPasskeys: 0,
        simulatedPasskeys: 0,
        lastUsedAt: null,
        allowedByPolicy: aaguidAllowedByPolicy(policy, row.aaguid),
      };
      usage.passkeys += 1;
      usage.attestedPasskeys += row.attested;
      usage.simulatedPasskeys += row.simulated;
      if (!usage.usernames.includes(row.username)) usage.usernames.push(row.username);
      usage.users = usage.usernames.length;
      if (row.last_used_at && (!usage.lastUsedAt || row.last_used_at > usage.lastUsedAt)) usage.lastUsedAt = row.last_used_at;
      byAaguid.set(row.aaguid, usage);
    }
    const aaguids = [...byAaguid.values()].sort((a, b) => b.passkeys - a.passkeys || a.aaguid.localeCompare(b.aaguid));
    return c.json({ aaguids });
  })

  // ---- users and groups -----------------------------------------------------------------
  .get('/users', (c) => {
    const { db, config } = c.var.deps;
    const counts = new Map<string, number>();
    for (const row of listAllCredentials(db)) counts.set(row.user_id, (counts.get(row.user_id) ?? 0) + 1);
    const users: TenantUser[] = listUsers(db).map((user) => ({
      ...toUser(user),
      isAdmin: isAdmin(user, config.adminUsernames),
      groups: groupIdsOf(db, user.id),
      passkeys: counts.get(user.id) ?? 0,
      createdAt: user.created_at,
    }));
    return c.json({ users });
  })
  .get('/groups', (c) => c.json({ groups: listGroups(c.var.deps.db).map((row) => toGroup(c.var.deps.db, row)) }))
  .post('/groups', validJson(createGroupRequest), (c) => {
    const { db, now } = c.var.deps;
    const { displayName } = c.req.valid('json');
    if (findGroupByName(db, displayName)) throw new RpError('group_exists');
    const row: GroupRow = { id: randomUUID(), display_name: displayName, created_at: new Date(now()).toISOString() };
    insertGroup(db, row);
    return c.json(toGroup(db, row), 201);
  })
  .delete('/groups/:id', (c) => {
    const { db } = c.var.deps;
    const group = existingGroup(db, c.req.param('id'));
    const policy = readPolicy(db);
    if ([...policy.includeTargets, ...policy.excludeTargets].some((target) => target.id === group.id)) throw new RpError('group_in_use');
    deleteGroup(db, group.id);
    return c.body(null, 204);
  })
  .post('/groups/:id/members', validJson(addGroupMemberRequest), (c) => {
    const { db } = c.var.deps;
    const group = existingGroup(db, c.req.param('id'));
    const user = findUserByUsername(db, c.req.valid('json').username);
    if (!user) throw new RpError('not_found', 'There is no user with this username.', 'username');
    addGroupMember(db, group.id, user.id);
    return c.json(toGroup(db, group));
  })
  .delete('/groups/:id/members/:userId', (c) => {
    const { db } = c.var.deps;
    const group = existingGroup(db, c.req.param('id'));
    if (!removeGroupMember(db, group.id, c.req.param('userId'))) throw new RpError('not_found', 'This user is not a member of the group.');
    return c.body(null, 204);
  })

  // ---- Temporary Access Pass ---------------------------------------------------------------
  .post('/temporary-access-passes', validJson(issueTapRequest), async (c) => {
    const { username, displayName, ...settings } = c.req.valid('json');
    const checked = validateTapSettings(settings);
    if (!checked.ok) throw new RpError('invalid_request', checked.message, checked.field);
    return c.json(await issueTap(c.var.deps, { username, displayName }, checked.settings), 201);
  })
  .get('/temporary-access-passes', (c) => {
    const { db, now } = c.var.deps;
    const passes = listTaps(db).map((row) => summary(row, findUserById(db, row.user_id)!, now()));
    return c.json({ passes });
  })

  // ---- conditional access (the sensitive app) ----------------------------------------------
  .get('/conditional-access', (c) => c.json(readConditionalAccess(c.var.deps.db)))
  .patch('/conditional-access', validJson(conditionalAccessPatchSchema), (c) => {
    const { db } = c.var.deps;
    const rule = { ...readConditionalAccess(db), ...c.req.valid('json') };
    saveConditionalAccess(db, rule);
    return c.json(rule);
  })

  // ---- sign-in log ------------------------------------------------------------------------
  .get('/sign-in-log', (c) => {
    const parsed = signInLogQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.');
      throw new RpError('invalid_request', `${field}: ${issue?.message ?? 'is not valid'}`, field);
    }
    const { db, directory } = c.var.deps;
    return c.json({ entries: querySignInLog(db, parsed.data).map((row) => toSignInLogEntry(row, directory)) });
  });
