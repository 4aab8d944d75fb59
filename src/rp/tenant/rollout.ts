/**
 * The rollout of late 2026 at the relying party's edge: the tenant clock (the admin's tenant
 * date), the rules of the timeline that day (src/shared/rollout.ts), the lab's simulated SMS
 * method, the registration campaign's decision for one person (src/shared/registration-campaign.ts)
 * and the policy as the ceremonies see it once passkeys are on by default.
 */
import { DEFAULT_PASSKEY_PROFILE_ID, type Fido2Policy, type PasskeyProfile } from '../../shared/policy.js';
import { type CampaignDecision, campaignDecision, type CampaignPerson, type SnoozeRecord } from '../../shared/registration-campaign.js';
import { dayOf, daysBetween, ROLLOUT_MILESTONES, type RolloutRules, rolloutRules, type RolloutTimeline, tenantNow } from '../../shared/rollout.js';
import type { Deps } from '../http/env.js';
import { listAllCredentials, listCredentials } from '../store/credentials.js';
import type { Db } from '../store/database.js';
import { groupIdsOf } from '../store/groups.js';
import { readRegistrationCampaign, readRolloutSettings } from '../store/tenant-settings.js';
import { findUserById, listUsers, type UserRow } from '../store/users.js';
import { gateCheck } from './policy-enforcement.js';

/** The tenant's "now" (ms): the tenant date at the real time of day, or the real time. */
export function tenantClock(db: Db, realNow: number): number {
  return tenantNow(realNow, readRolloutSettings(db).tenantDate);
}

/** The timeline's rules on the tenant's day. */
export function currentRules(db: Db, realNow: number): RolloutRules {
  const settings = readRolloutSettings(db);
  return rolloutRules(dayOf(tenantNow(realNow, settings.tenantDate)), settings.optOutSettings.passkeyDynamicMigration);
}

/** GET /api/admin/rollout: where the tenant stands against Microsoft's dates. */
export function rolloutTimeline({ db, now }: Deps): RolloutTimeline {
  const settings = readRolloutSettings(db);
  const realToday = dayOf(now());
  const today = settings.tenantDate ?? realToday;
  const withPasskey = new Set(listAllCredentials(db).map((row) => row.user_id));
  const users = listUsers(db);
  return {
    settings,
    today,
    realToday,
    rules: rolloutRules(today, settings.optOutSettings.passkeyDynamicMigration),
    milestones: (Object.keys(ROLLOUT_MILESTONES) as (keyof typeof ROLLOUT_MILESTONES)[]).map((id) => ({
      id,
      date: ROLLOUT_MILESTONES[id],
      reached: today >= ROLLOUT_MILESTONES[id],
      daysAway: daysBetween(today, ROLLOUT_MILESTONES[id]),
    })),
    users: {
      total: users.length,
      withPasskey: users.filter((user) => withPasskey.has(user.id)).length,
      withSms: users.filter((user) => user.sms_method === 1).length,
      smsOnly: users.filter((user) => user.sms_method === 1 && !withPasskey.has(user.id)).length,
    },
    people: users.map((user) => ({ userId: user.id, username: user.username, hasPasskey: withPasskey.has(user.id), hasSms: user.sms_method === 1 })),
  };
}

export function campaignPerson(db: Db, realNow: number, user: UserRow): CampaignPerson {
  return {
    userId: user.id,
    groupIds: groupIdsOf(db, user.id),
    hasPasskey: listCredentials(db, user.id).length > 0,
    hasSms: user.sms_method === 1,
    // The policy's state and scope (passkeys by default included); self-service is not the campaign's business.
    canRegisterPasskey: gateCheck(db, realNow, user.id, 'registration', { startedWithTap: true }) === null,
  };
}

export function snoozeRecordOf(user: UserRow, snoozedInThisSession: boolean): SnoozeRecord {
  return { count: user.campaign_snoozes, lastAt: user.campaign_snoozed_at, inThisSession: snoozedInThisSession };
}

/** The campaign's decision for a user now (tenant clock). */
export function campaignFor(db: Db, realNow: number, user: UserRow, snoozedInThisSession: boolean): CampaignDecision {
  return campaignDecision(readRegistrationCampaign(db), currentRules(db, realNow), campaignPerson(db, realNow, user), snoozeRecordOf(user, snoozedInThisSession), tenantClock(db, realNow));
}

/** The profile Microsoft puts SMS and voice users in from 1 September 2026: every passkey type, no restrictions. */
export const PASSKEYS_BY_DEFAULT_PROFILE: PasskeyProfile = {
  id: '5e7a1c2b-0000-4000-8000-000000000901',
  name: 'Passkeys by default (Microsoft managed)',
  passkeyTypes: 'deviceBound,synced',
  attestationEnforcement: 'disabled',
  keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
};
/** The pseudo-group the auto-enabled users are put in (never a real group id: real ones are GUIDs). */
export const SMS_USERS_TARGET = 'sms_voice_users';

/**
 * The policy as the ceremonies see it for one user: when SMS users are enabled for passkeys
 * and the user has SMS, they are also in scope through a target allowing every passkey type
 * (an exclusion still wins, as everywhere in the policy). Pure.
 */
export function withPasskeysByDefault(policy: Fido2Policy, groupIds: readonly string[], applies: boolean): { policy: Fido2Policy; groupIds: readonly string[] } {
  if (!applies) return { policy, groupIds };
  const target = { id: SMS_USERS_TARGET, targetType: 'group' as const, isRegistrationRequired: false, allowedPasskeyProfiles: [PASSKEYS_BY_DEFAULT_PROFILE.id] };
  return {
    policy: {
      ...policy,
      state: 'enabled',
      // A method the admin turned off is on for these users only: the admin's other targets stay off.
      includeTargets: policy.state === 'enabled' ? [...policy.includeTargets, target] : [target],
      passkeyProfiles: [...policy.passkeyProfiles, PASSKEYS_BY_DEFAULT_PROFILE],
      defaultPasskeyProfile: policy.defaultPasskeyProfile || DEFAULT_PASSKEY_PROFILE_ID,
    },
    groupIds: [...groupIds, SMS_USERS_TARGET],
  };
}

/** Whether passkeys-by-default reaches this user now. */
export function passkeysByDefaultApplies(db: Db, realNow: number, userId: string | null): boolean {
  if (!userId) return false;
  const user = findUserById(db, userId);
  return user?.sms_method === 1 && currentRules(db, realNow).smsUsersEnabledForPasskeys;
}
