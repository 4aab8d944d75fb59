import { Hono } from 'hono';
import { snoozeCampaign as snoozeDecision } from '../../shared/registration-campaign.js';
import type { Env } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { requireUser } from '../http/session-cookie.js';
import { markCampaignSnoozed } from '../store/sessions.js';
import { findUserById, snoozeCampaign } from '../store/users.js';
import { logCampaignEvent } from '../tenant/dashboard.js';
import { campaignFor, snoozeRecordOf, tenantClock } from '../tenant/rollout.js';

/**
 * The registration campaign for the signed-in person (docs/api.md, "Registration campaign"):
 * Graph's authenticationMethodsRegistrationCampaign, decided by the pure state machine in
 * src/shared/registration-campaign.ts on the tenant's clock.
 */
export const registrationCampaignRoutes = new Hono<Env>()
  .get('/', (c) => {
    const { session, user } = requireUser(c);
    const { db, now } = c.get('deps');
    const decision = campaignFor(db, now(), user, session.campaign_snoozed === 1);
    if (decision.nudge) logCampaignEvent(db, 'nudged', user.id, new Date(now()).toISOString());
    return c.json(decision);
  })
  .post('/snooze', (c) => {
    const { session, user } = requireUser(c);
    const { db, now } = c.get('deps');
    const decision = campaignFor(db, now(), user, session.campaign_snoozed === 1);
    const at = tenantClock(db, now());
    const outcome = snoozeDecision(decision, snoozeRecordOf(user, session.campaign_snoozed === 1), at);
    if (!outcome.ok) throw new RpError(outcome.code);
    if (outcome.record.count !== user.campaign_snoozes) {
      db.transaction(() => {
        snoozeCampaign(db, user.id, { count: outcome.record.count, at });
        markCampaignSnoozed(db, session.id_hash);
        logCampaignEvent(db, 'snoozed', user.id, new Date(now()).toISOString());
      })();
    }
    // Read the user again: the answer counts the snooze just made.
    return c.json(campaignFor(db, now(), findUserById(db, user.id) ?? user, outcome.record.inThisSession));
  });
