import { Hono } from 'hono';
import { validateTapSettings } from '../../shared/policy.js';
import { addGroupMemberRequest, conditionalAccessPatchSchema, createGroupRequest, issueTapRequest, prepareAllowListRequest, signInLogQuery } from '../../shared/tenant.js';
import type { Env } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { requireAdmin } from '../http/session-cookie.js';
import { readJson, validJson, validQuery } from '../http/validate.js';
import { prepareAllowList } from '../policy/allow-list.js';
import { querySignInLog, toSignInLogEntry } from '../store/sign-in-log.js';
import { readConditionalAccess, readPolicy, saveConditionalAccess, savePolicy } from '../store/tenant-settings.js';
import { aaguidInventory, aaguidsInUse } from '../tenant/aaguid-inventory.js';
import { patchedPolicy, previewPolicy } from '../tenant/policy-admin.js';
import { issueTap, tapSummaries } from '../tenant/temporary-access-pass.js';
import { addMember, createGroup, removeGroup, removeMember, tenantGroups, tenantUsers } from '../tenant/users-and-groups.js';

/** Tenant administration (docs/api.md, "Tenant administration"): tenant admins only. */
export const adminRoutes = new Hono<Env>()
  .use(async (c, next) => {
    requireAdmin(c);
    await next();
  })

  // ---- the passkey policy (its own parser names the fields: src/shared/policy.ts) -------------
  .get('/policy', (c) => c.json(readPolicy(c.get('deps').db)))
  .patch('/policy', async (c) => {
    const { next } = patchedPolicy(c.get('deps'), await readJson(c));
    savePolicy(c.get('deps').db, next);
    return c.json(next);
  })
  .post('/policy/preview', async (c) => c.json(previewPolicy(c.get('deps'), await readJson(c))))
  .post('/policy/prepare-allow-list', validJson(prepareAllowListRequest), (c) => {
    const deps = c.get('deps');
    return c.json(previewPolicy(deps, prepareAllowList(readPolicy(deps.db), aaguidsInUse(deps), c.req.valid('json'))));
  })

  // ---- AAGUID inventory (Get-PasskeyDeviceBoundAAGUID) -----------------------------------
  .get('/aaguids', (c) => c.json({ aaguids: aaguidInventory(c.get('deps')) }))

  // ---- users and groups -----------------------------------------------------------------
  .get('/users', (c) => c.json({ users: tenantUsers(c.get('deps')) }))
  .get('/groups', (c) => c.json({ groups: tenantGroups(c.get('deps')) }))
  .post('/groups', validJson(createGroupRequest), (c) => c.json(createGroup(c.get('deps'), c.req.valid('json').displayName), 201))
  .delete('/groups/:id', (c) => {
    removeGroup(c.get('deps'), c.req.param('id'));
    return c.body(null, 204);
  })
  .post('/groups/:id/members', validJson(addGroupMemberRequest), (c) => c.json(addMember(c.get('deps'), c.req.param('id'), c.req.valid('json').username)))
  .delete('/groups/:id/members/:userId', (c) => {
    removeMember(c.get('deps'), c.req.param('id'), c.req.param('userId'));
    return c.body(null, 204);
  })

  // ---- Temporary Access Pass ---------------------------------------------------------------
  .post('/temporary-access-passes', validJson(issueTapRequest), async (c) => {
    const { username, displayName, ...settings } = c.req.valid('json');
    const checked = validateTapSettings(settings);
    if (!checked.ok) throw new RpError('invalid_request', checked.message, checked.field);
    return c.json(await issueTap(c.get('deps'), { username, displayName }, checked.settings), 201);
  })
  .get('/temporary-access-passes', (c) => c.json({ passes: tapSummaries(c.get('deps')) }))

  // ---- conditional access (the sensitive app) ----------------------------------------------
  .get('/conditional-access', (c) => c.json(readConditionalAccess(c.get('deps').db)))
  .patch('/conditional-access', validJson(conditionalAccessPatchSchema), (c) => {
    const { db } = c.get('deps');
    const rule = { ...readConditionalAccess(db), ...c.req.valid('json') };
    saveConditionalAccess(db, rule);
    return c.json(rule);
  })

  // ---- sign-in log ------------------------------------------------------------------------
  .get('/sign-in-log', validQuery(signInLogQuery), (c) => {
    const { db, directory } = c.get('deps');
    return c.json({ entries: querySignInLog(db, c.req.valid('query')).map((row) => toSignInLogEntry(row, directory)) });
  });
