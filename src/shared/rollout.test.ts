import { describe, expect, it } from 'vitest';
import { calendarDaySchema, daysBetween, phaseOn, rolloutRules, tenantNow } from './rollout';

describe('the rollout timeline (Microsoft Learn, concept-sms-voice-retirement)', () => {
  it('phases change on 1 September 2026 and 1 February 2027', () => {
    expect(phaseOn('2026-08-31')).toBe('beforePasskeysByDefault');
    expect(phaseOn('2026-09-01')).toBe('passkeysByDefault');
    expect(phaseOn('2027-01-31')).toBe('passkeysByDefault');
    expect(phaseOn('2027-02-01')).toBe('smsRetired');
  });

  it('before 1 September nothing applies', () => {
    expect(rolloutRules('2026-08-31', false)).toMatchObject({ smsUsersEnabledForPasskeys: false, campaignMicrosoftManaged: false, smsRetired: false, blockingPromptForSmsOnly: false });
  });

  it('from 1 September SMS users are enabled for passkeys and the campaign is Microsoft managed, unless opted out', () => {
    expect(rolloutRules('2026-09-01', false)).toMatchObject({ smsUsersEnabledForPasskeys: true, campaignMicrosoftManaged: true, smsRetired: false, blockingPromptForSmsOnly: false });
    expect(rolloutRules('2026-09-01', true)).toMatchObject({ smsUsersEnabledForPasskeys: false, campaignMicrosoftManaged: false, optedOut: true });
  });

  it('from 1 February 2027 SMS is retired with a blocking prompt, and the opt-out no longer helps', () => {
    for (const optedOut of [false, true]) {
      expect(rolloutRules('2027-02-01', optedOut)).toMatchObject({ smsRetired: true, blockingPromptForSmsOnly: true, smsUsersEnabledForPasskeys: true });
    }
  });

  it('the tenant date keeps the real time of day', () => {
    const real = Date.parse('2026-11-30T13:45:00Z');
    expect(new Date(tenantNow(real, '2027-02-01')).toISOString()).toBe('2027-02-01T13:45:00.000Z');
    expect(tenantNow(real, null)).toBe(real);
  });

  it('counts days and refuses days that do not exist', () => {
    expect(daysBetween('2026-08-30', '2026-09-01')).toBe(2);
    expect(daysBetween('2027-02-01', '2026-09-01')).toBe(-153);
    expect(calendarDaySchema.safeParse('2026-09-01').success).toBe(true);
    expect(calendarDaySchema.safeParse('2026-02-30').success).toBe(false);
    expect(calendarDaySchema.safeParse('1/9/2026').success).toBe(false);
  });
});
