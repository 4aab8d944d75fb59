import { Hono } from 'hono';
import { z } from 'zod';
import { dashboardRows, dashboardTables, toCsv } from '../../shared/dashboard.js';
import { type RegistrationCampaign, registrationCampaignPatchSchema, registrationCampaignSchema } from '../../shared/registration-campaign.js';
import { rolloutSettingsPatchSchema } from '../../shared/rollout.js';
import type { Env } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { requireAdmin } from '../http/session-cookie.js';
import { validJson, validQuery } from '../http/validate.js';
import type { Db } from '../store/database.js';
import { findGroup } from '../store/groups.js';
import { readRegistrationCampaign, readRolloutSettings, saveRegistrationCampaign, saveRolloutSettings } from '../store/tenant-settings.js';
import { findUserById, setSmsMethod } from '../store/users.js';
import { rolloutDashboard } from '../tenant/dashboard.js';
import { rolloutTimeline } from '../tenant/rollout.js';

/** Targets must name all_users, an existing group or an existing user: the first that does not is a field error. */
function checkCampaignTargets(db: Db, campaign: RegistrationCampaign): void {
  const lists = [
    ['includeTargets', campaign.includeTargets],
    ['excludeTargets', campaign.excludeTargets],
  ] as const;
  for (const [name, targets] of lists) {
    targets.forEach((target, i) => {
      const field = `${name}.${i}.id`;
      if (target.targetType === 'user') {
        if (!findUserById(db, target.id)) throw new RpError('invalid_request', `${field}: names an unknown user ${JSON.stringify(target.id)}`, field);
      } else if (target.id === 'all_users') {
        if (name === 'excludeTargets') throw new RpError('invalid_request', `${field}: cannot exclude all_users; set state to "disabled" instead`, field);
      } else if (!findGroup(db, target.id)) {
        throw new RpError('invalid_request', `${field}: names an unknown group ${JSON.stringify(target.id)}; use all_users or the id of an existing group`, field);
      }
    });
  }
}

const smsMethodRequest = z.strictObject({ hasSms: z.boolean({ error: 'must be true or false' }) });
const csvQuery = z.object({ table: z.enum(dashboardTables, { error: `must be one of ${dashboardTables.join(', ')}` }) });

/**
 * The rollout of late 2026 (docs/api.md, "Rollout timeline", "Registration campaign (admin)",
 * "Rollout dashboard"): tenant admins only.
 */
export const adminRolloutRoutes = new Hono<Env>()
  .use(async (c, next) => {
    requireAdmin(c);
    await next();
  })
  .get('/rollout', (c) => c.json(rolloutTimeline(c.get('deps'))))
  .patch('/rollout', validJson(rolloutSettingsPatchSchema), (c) => {
    const { db } = c.get('deps');
    saveRolloutSettings(db, { ...readRolloutSettings(db), ...c.req.valid('json') });
    return c.json(rolloutTimeline(c.get('deps')));
  })
  .get('/registration-campaign', (c) => c.json(readRegistrationCampaign(c.get('deps').db)))
  .patch('/registration-campaign', validJson(registrationCampaignPatchSchema), (c) => {
    const { db } = c.get('deps');
    const { '@odata.type': _type, ...patch } = c.req.valid('json');
    const next = registrationCampaignSchema.parse({ ...readRegistrationCampaign(db), ...patch });
    checkCampaignTargets(db, next);
    saveRegistrationCampaign(db, next);
    return c.json(next);
  })
  .put('/sms-methods/:userId', validJson(smsMethodRequest), (c) => {
    const { db } = c.get('deps');
    const userId = c.req.param('userId');
    if (!findUserById(db, userId)) throw new RpError('not_found', 'There is no user with this id.');
    setSmsMethod(db, userId, c.req.valid('json').hasSms);
    return c.json(rolloutTimeline(c.get('deps')).users);
  })
  .get('/dashboard', (c) => c.json(rolloutDashboard(c.get('deps'))))
  .get('/dashboard/export', validQuery(csvQuery), (c) => {
    const { table } = c.req.valid('query');
    const csv = toCsv(dashboardRows(rolloutDashboard(c.get('deps')), table));
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="passkey-rollout-${table}.csv"` });
  });
