/**
 * Passkeys by default and the retirement of Microsoft-provided SMS and voice, as a timeline the
 * lab applies to its own "tenant date" (docs/entra-2026.md, "The rollout timeline"). Pure: the
 * relying party and the admin pages both call these.
 *
 * Source: Microsoft Learn, "Passkeys by default and retirement of Microsoft-provided SMS and
 * voice authentication" (concept-sms-voice-retirement).
 *
 * Runs in the browser and in Node: no DOM or Node APIs here.
 */
import { z } from 'zod';

/** Microsoft's dates (UTC calendar days). */
export const ROLLOUT_MILESTONES = {
  /** Users enabled for SMS or voice are enabled for passkeys; the campaign becomes Microsoft managed. */
  passkeysByDefault: '2026-09-01',
  /** Microsoft-provided SMS and voice are retired; SMS-only users get a blocking passkey prompt. */
  smsRetired: '2027-02-01',
} as const;

export type RolloutPhase = 'beforePasskeysByDefault' | 'passkeysByDefault' | 'smsRetired';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, `YYYY-MM-DD`, that exists (2026-02-30 does not). */
export const calendarDaySchema = z
  .string({ error: 'must be a date (YYYY-MM-DD)' })
  .regex(DAY, { error: 'must be a date written YYYY-MM-DD, such as 2026-09-01' })
  .refine((text) => {
    const instant = Date.parse(`${text}T00:00:00Z`);
    return Number.isFinite(instant) && new Date(instant).toISOString().startsWith(text);
  }, { error: 'is not a day of the calendar' });

/** The UTC calendar day of an instant. */
export function dayOf(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/**
 * The tenant's clock: the real time, or — when the admin set a tenant date for a demo — that
 * day at the real time of day (so snoozes counted in days move when the admin moves the date).
 */
export function tenantNow(realNow: number, tenantDate: string | null): number {
  if (tenantDate === null) return realNow;
  const timeOfDay = realNow - Date.parse(`${dayOf(realNow)}T00:00:00Z`);
  return Date.parse(`${tenantDate}T00:00:00Z`) + timeOfDay;
}

export function phaseOn(day: string): RolloutPhase {
  if (day >= ROLLOUT_MILESTONES.smsRetired) return 'smsRetired';
  if (day >= ROLLOUT_MILESTONES.passkeysByDefault) return 'passkeysByDefault';
  return 'beforePasskeysByDefault';
}

/** What applies to the tenant on a day. */
export interface RolloutRules {
  day: string;
  phase: RolloutPhase;
  /** The tenant opted out with `optOutSettings.passkeyDynamicMigration` (only delays the 1 September changes). */
  optedOut: boolean;
  /** Users enabled for SMS or voice are enabled for passkeys, in a profile allowing every passkey type. */
  smsUsersEnabledForPasskeys: boolean;
  /** The registration campaign's `default` state is Microsoft managed (passkeys, unlimited snoozes) and brings SMS users in. */
  campaignMicrosoftManaged: boolean;
  /** SMS and voice no longer count as a sign-in method. */
  smsRetired: boolean;
  /** Users whose only MFA method is SMS or voice must register a passkey before going on (no snooze, no opt-out). */
  blockingPromptForSmsOnly: boolean;
}

/**
 * The rules of the timeline. The opt-out is temporary: it delays the 1 September 2026 changes,
 * and from 1 February 2027 there is no opt-out (Microsoft Learn, concept-sms-voice-retirement).
 */
export function rolloutRules(day: string, optedOut: boolean): RolloutRules {
  const phase = phaseOn(day);
  const retired = phase === 'smsRetired';
  const migrating = retired || (phase === 'passkeysByDefault' && !optedOut);
  return {
    day,
    phase,
    optedOut,
    smsUsersEnabledForPasskeys: migrating,
    campaignMicrosoftManaged: migrating,
    smsRetired: retired,
    blockingPromptForSmsOnly: retired,
  };
}

/** Whole days from `from` to `to` (calendar days, UTC); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---- the HTTP shapes (docs/api.md, "Rollout timeline") ------------------------------------

/** `optOutSettings`, as on Graph's beta authenticationMethodsPolicy. */
export const optOutSettingsSchema = z.strictObject({ passkeyDynamicMigration: z.boolean({ error: 'must be true or false' }) });
export type OptOutSettings = z.infer<typeof optOutSettingsSchema>;

export const rolloutSettingsSchema = z.strictObject({
  /** The day the tenant lives on; null: today. */
  tenantDate: calendarDaySchema.nullable(),
  optOutSettings: optOutSettingsSchema,
});
export type RolloutSettings = z.infer<typeof rolloutSettingsSchema>;
export const rolloutSettingsPatchSchema = rolloutSettingsSchema.partial();

export const defaultRolloutSettings = (): RolloutSettings => ({ tenantDate: null, optOutSettings: { passkeyDynamicMigration: false } });

export interface RolloutTimeline {
  settings: RolloutSettings;
  /** Today for the tenant (the tenant date, or the real day). */
  today: string;
  realToday: string;
  rules: RolloutRules;
  milestones: { id: keyof typeof ROLLOUT_MILESTONES; date: string; reached: boolean; daysAway: number }[];
  users: {
    total: number;
    withPasskey: number;
    /** Marked as having the lab's simulated SMS method. */
    withSms: number;
    /** SMS is their only method: no passkey. */
    smsOnly: number;
  };
  /** Every user, with the methods the timeline cares about. */
  people: { userId: string; username: string; hasPasskey: boolean; hasSms: boolean }[];
}
