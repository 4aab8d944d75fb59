import { Hono } from 'hono';
import { MAX_CAMPAIGN_SNOOZES, type Campaign } from '../../shared/tenant.js';
import type { Env } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { requireUser } from '../http/session-cookie.js';
import { scopeOf } from '../policy/evaluate.js';
import { listCredentials } from '../store/credentials.js';
import type { Db } from '../store/database.js';
import { groupIdsOf } from '../store/groups.js';
import { markCampaignSnoozed, type SessionRow } from '../store/sessions.js';
import { readPolicy } from '../store/tenant-settings.js';
import { findUserById, snoozeCampaign, type UserRow } from '../store/users.js';

/** The registration campaign: people a target requires to register, with no passkey, are nudged. */
function campaignOf(db: Db, user: UserRow, session: SessionRow): Campaign {
  const policy = readPolicy(db);
  const required = policy.state === 'enabled' && scopeOf(policy, groupIdsOf(db, user.id)).registrationRequired && listCredentials(db, user.id).length === 0;
  const snoozesLeft = Math.max(0, MAX_CAMPAIGN_SNOOZES - user.campaign_snoozes);
  // A snooze (the last one included) hides the nudge for the rest of this session; the next
  // session asks again, and with no snoozes left registration is required.
  const snoozedHere = session.campaign_snoozed === 1;
  return {
    nudge: required && !snoozedHere,
    snoozesUsed: user.campaign_snoozes,
    snoozesLeft,
    mustRegister: required && snoozesLeft === 0 && !snoozedHere,
  };
}

export const registrationCampaignRoutes = new Hono<Env>()
  .get('/', (c) => {
    const { session, user } = requireUser(c);
    return c.json(campaignOf(c.var.deps.db, user, session));
  })
  .post('/snooze', (c) => {
    const { session, user } = requireUser(c);
    const { db } = c.var.deps;
    const campaign = campaignOf(db, user, session);
    if (campaign.mustRegister) throw new RpError('snooze_limit_reached');
    if (campaign.nudge) {
      snoozeCampaign(db, user.id);
      markCampaignSnoozed(db, session.id_hash);
    }
    // Read the user again: the answer counts the snooze just made.
    return c.json(campaignOf(db, findUserById(db, user.id) ?? user, { ...session, campaign_snoozed: 1 }));
  });
