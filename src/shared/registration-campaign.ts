/**
 * The registration campaign, shaped like Microsoft Graph's
 * `registrationEnforcement.authenticationMethodsRegistrationCampaign` (Graph reference,
 * "authenticationMethodsRegistrationCampaign resource type", v1.0 and beta), and its state
 * machine: pure functions from the campaign, the rollout rules and one person's facts to what
 * the nudge does (docs/entra-2026.md, "Registration campaign").
 *
 * Runs in the browser and in Node: no DOM or Node APIs here.
 */
import { z } from 'zod';
import type { RolloutRules } from './rollout.js';

export const campaignStateValues = ['default', 'enabled', 'disabled'] as const;
export type CampaignState = (typeof campaignStateValues)[number];

/** Graph: after this many snoozes, registration is required when enforceRegistrationAfterAllowedSnoozes is true. */
export const ALLOWED_SNOOZES = 3;
export const MAX_SNOOZE_DURATION_IN_DAYS = 14;

export const campaignIncludeTargetSchema = z.strictObject({
  /** `all_users`, a group id or a user id. */
  id: z.string().trim().min(1, 'must be all_users, a group id or a user id').max(128, 'must be at most 128 characters'),
  targetType: z.enum(['group', 'user'], { error: 'must be "group" or "user"' }).default('group'),
  /** The lab nudges for passkeys; `microsoftAuthenticator` targets are kept but nudge nobody here (the lab has no Authenticator app). */
  targetedAuthenticationMethod: z.enum(['fido2', 'microsoftAuthenticator'], { error: 'must be "fido2" or "microsoftAuthenticator"' }).default('fido2'),
});
export const campaignExcludeTargetSchema = z.strictObject({
  id: z.string().trim().min(1, 'must be a group id or a user id').max(128, 'must be at most 128 characters'),
  targetType: z.enum(['group', 'user'], { error: 'must be "group" or "user"' }).default('group'),
});

const campaignFields = {
  state: z.enum(campaignStateValues, { error: 'must be "default", "enabled" or "disabled"' }),
  snoozeDurationInDays: z
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(0, 'must be at least 0 (0: ask at every sign-in)')
    .max(MAX_SNOOZE_DURATION_IN_DAYS, `must be at most ${MAX_SNOOZE_DURATION_IN_DAYS} days`),
  enforceRegistrationAfterAllowedSnoozes: z.boolean({ error: 'must be true or false' }),
  includeTargets: z.array(campaignIncludeTargetSchema).max(100, 'can hold at most 100 targets'),
  excludeTargets: z.array(campaignExcludeTargetSchema).max(100, 'can hold at most 100 targets'),
};

export const registrationCampaignSchema = z.strictObject(campaignFields);
export type RegistrationCampaign = z.infer<typeof registrationCampaignSchema>;
export const registrationCampaignPatchSchema = z
  .strictObject({ '@odata.type': z.literal('#microsoft.graph.authenticationMethodsRegistrationCampaign').optional(), ...campaignFields })
  .partial();

/** Graph's defaults: state `default` (which behaves as disabled before passkeys by default), 1 day, enforcement on. */
export const defaultRegistrationCampaign = (): RegistrationCampaign => ({
  state: 'default',
  snoozeDurationInDays: 1,
  enforceRegistrationAfterAllowedSnoozes: true,
  includeTargets: [{ id: 'all_users', targetType: 'group', targetedAuthenticationMethod: 'fido2' }],
  excludeTargets: [],
});

/**
 * The lab's earlier campaign lived on the passkey policy (include targets with
 * `isRegistrationRequired`, 3 snoozes, asked again each sign-in). A lab that never saved a
 * campaign gets the same behaviour in the Graph shape: enabled for those groups, 0 days
 * (every sign-in), enforcement after 3 snoozes.
 */
export function campaignFromLegacyPolicy(requiredTargetIds: readonly string[]): RegistrationCampaign {
  if (requiredTargetIds.length === 0) return defaultRegistrationCampaign();
  return {
    state: 'enabled',
    snoozeDurationInDays: 0,
    enforceRegistrationAfterAllowedSnoozes: true,
    includeTargets: requiredTargetIds.map((id) => ({ id, targetType: 'group', targetedAuthenticationMethod: 'fido2' })),
    excludeTargets: [],
  };
}

// ---- the state machine ----------------------------------------------------------------------

/** One person, as the campaign sees them. */
export interface CampaignPerson {
  userId: string;
  groupIds: readonly string[];
  hasPasskey: boolean;
  /** Has the lab's simulated SMS method. */
  hasSms: boolean;
  /** The passkey policy lets this person register a passkey (enabled and in scope): nobody is nudged toward a method they cannot use. */
  canRegisterPasskey: boolean;
}

/** A person's snooze record. */
export interface SnoozeRecord {
  count: number;
  /** When the last "Not now" was (tenant clock, ms), or null. */
  lastAt: number | null;
  /** "Not now" was said in this session (snoozeDurationInDays 0: ask again at the next sign-in). */
  inThisSession: boolean;
}

/** Why the person is nudged. */
export type CampaignReason = 'adminTarget' | 'microsoftManaged' | 'smsRetired';

export interface CampaignDecision {
  /** Show the nudge now. */
  nudge: boolean;
  /** Why the person is in scope (null: not in scope). */
  reason: CampaignReason | null;
  snoozesUsed: number;
  /** Snoozes left; null: unlimited. */
  snoozesLeft: number | null;
  /** Registration is required before going on (no snooze). */
  mustRegister: boolean;
  /** When the nudge shows again after a snooze (ISO), or null. */
  snoozedUntil: string | null;
  snoozeDurationInDays: number;
}

const matches = (target: { id: string; targetType: 'group' | 'user' }, person: CampaignPerson) =>
  target.targetType === 'user' ? target.id === person.userId : target.id === 'all_users' || person.groupIds.includes(target.id);

/** Why the campaign reaches this person, or null. */
export function campaignReason(campaign: RegistrationCampaign, rules: RolloutRules, person: CampaignPerson): CampaignReason | null {
  if (person.hasPasskey || !person.canRegisterPasskey) return null;
  // From 1 February 2027 an SMS-only person must register: no opt-out, whatever the campaign says.
  if (rules.blockingPromptForSmsOnly && person.hasSms) return 'smsRetired';
  if (campaign.state === 'disabled') return rules.campaignMicrosoftManaged && person.hasSms ? 'microsoftManaged' : null;
  if (campaign.excludeTargets.some((target) => matches(target, person))) return null;
  if (campaign.state === 'default') return rules.campaignMicrosoftManaged && person.hasSms ? 'microsoftManaged' : null;
  const targeted = campaign.includeTargets.some((target) => target.targetedAuthenticationMethod === 'fido2' && matches(target, person));
  if (targeted) return 'adminTarget';
  return rules.campaignMicrosoftManaged && person.hasSms ? 'microsoftManaged' : null;
}

const DAY_MS = 86_400_000;

/** What the nudge does for this person now (`now`: the tenant clock). */
export function campaignDecision(campaign: RegistrationCampaign, rules: RolloutRules, person: CampaignPerson, snooze: SnoozeRecord, now: number): CampaignDecision {
  const reason = campaignReason(campaign, rules, person);
  const limited = reason === 'adminTarget' && campaign.enforceRegistrationAfterAllowedSnoozes;
  const snoozesLeft = reason === 'smsRetired' ? 0 : limited ? Math.max(0, ALLOWED_SNOOZES - snooze.count) : null;
  const until = snooze.lastAt === null ? null : snooze.lastAt + campaign.snoozeDurationInDays * DAY_MS;
  const snoozed = reason !== 'smsRetired' && (snooze.inThisSession || (until !== null && now < until));
  const mustRegister = reason !== null && snoozesLeft === 0 && (reason === 'smsRetired' || !snoozed);
  return {
    nudge: reason !== null && !snoozed,
    reason,
    snoozesUsed: snooze.count,
    snoozesLeft,
    mustRegister,
    snoozedUntil: snoozed && until !== null && until > now ? new Date(until).toISOString() : null,
    snoozeDurationInDays: campaign.snoozeDurationInDays,
  };
}

export type SnoozeOutcome = { ok: true; record: SnoozeRecord } | { ok: false; code: 'snooze_limit_reached' | 'sms_retired' };

/** "Not now": refused when registration is required; otherwise the record after the snooze (nothing changes when there is no nudge). */
export function snoozeCampaign(decision: CampaignDecision, snooze: SnoozeRecord, now: number): SnoozeOutcome {
  if (decision.reason === 'smsRetired') return { ok: false, code: 'sms_retired' };
  if (decision.mustRegister) return { ok: false, code: 'snooze_limit_reached' };
  if (!decision.nudge) return { ok: true, record: snooze };
  return { ok: true, record: { count: snooze.count + 1, lastAt: now, inThisSession: true } };
}
