/**
 * The rollout timeline's sentences (docs/entra-2026.md): what applies to the tenant on its date,
 * in plain words. Pure, unit-tested.
 */
import type { RegistrationCampaign } from '../../shared/registration-campaign';
import type { RolloutPhase, RolloutRules } from '../../shared/rollout';

export const milestoneWords = {
  passkeysByDefault: {
    title: 'Passkeys by default',
    summary:
      'Users enabled for SMS or voice are enabled for passkeys, in a profile allowing every passkey type. The registration campaign becomes Microsoft managed: it targets passkeys and allows unlimited snoozes.',
  },
  smsRetired: {
    title: 'Microsoft-provided SMS and voice retired',
    summary: 'SMS and voice no longer work. Users whose only MFA method is SMS or voice must register a passkey before they can go on (a blocking prompt, no opt-out).',
  },
} as const;

export const phaseWords: Record<RolloutPhase, string> = {
  beforePasskeysByDefault: 'Before passkeys by default',
  passkeysByDefault: 'Passkeys by default',
  smsRetired: 'SMS and voice retired',
};

/** "in 3 days", "today", "12 days ago". */
export function daysAwayWords(daysAway: number): string {
  if (daysAway === 0) return 'today';
  const n = Math.abs(daysAway);
  const days = n === 1 ? '1 day' : `${n} days`;
  return daysAway > 0 ? `in ${days}` : `${days} ago`;
}

/** What applies on the tenant's day, one sentence each. */
export function rulesSentences(rules: RolloutRules): string[] {
  const out: string[] = [];
  if (rules.phase === 'beforePasskeysByDefault') out.push('Nothing has changed yet: SMS and voice work, and passkeys are on only where your policy turns them on.');
  if (rules.phase === 'passkeysByDefault' && rules.optedOut) {
    out.push('The tenant opted out (optOutSettings.passkeyDynamicMigration): SMS users are not enabled for passkeys and the campaign stays as you set it, until 1 February 2027.');
  }
  if (rules.smsUsersEnabledForPasskeys) out.push('Users with SMS are enabled for passkeys, in a profile allowing every passkey type, even where your policy leaves them out.');
  if (rules.campaignMicrosoftManaged) out.push('The registration campaign nudges users with SMS who have no passkey (Microsoft managed: unlimited snoozes).');
  if (rules.smsRetired) out.push('SMS and voice are retired: people whose only method is SMS must register a passkey before going on. The opt-out no longer applies.');
  return out;
}

/** The campaign as it behaves on the tenant's day. */
export function campaignSentence(campaign: RegistrationCampaign, rules: RolloutRules): string {
  const snooze = campaign.snoozeDurationInDays === 0 ? 'asked again at every sign-in' : `asked again after ${campaign.snoozeDurationInDays === 1 ? '1 day' : `${campaign.snoozeDurationInDays} days`}`;
  const limit = campaign.enforceRegistrationAfterAllowedSnoozes ? 'registration required after 3 snoozes' : 'unlimited snoozes';
  const managed = rules.campaignMicrosoftManaged ? ' Users with SMS are brought in by Microsoft as well, with unlimited snoozes.' : '';
  if (campaign.state === 'disabled') return `Disabled by you.${managed}`;
  if (campaign.state === 'default') {
    return rules.campaignMicrosoftManaged
      ? `Microsoft managed: users with SMS and no passkey are nudged to register a passkey, ${snooze}, with unlimited snoozes.`
      : 'Default: off until 1 September 2026 (Microsoft’s default for the campaign is disabled).';
  }
  return `Enabled by you for ${campaign.includeTargets.length === 1 ? '1 target' : `${campaign.includeTargets.length} targets`}: ${snooze}, ${limit}.${managed}`;
}
