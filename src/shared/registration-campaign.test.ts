import { describe, expect, it } from 'vitest';
import {
  campaignDecision,
  campaignFromLegacyPolicy,
  type CampaignPerson,
  defaultRegistrationCampaign,
  type RegistrationCampaign,
  registrationCampaignSchema,
  snoozeCampaign,
  type SnoozeRecord,
} from './registration-campaign';
import { rolloutRules } from './rollout';

const DAY = 86_400_000;
const now = Date.parse('2026-10-01T10:00:00Z');
const before = rolloutRules('2026-08-01', false);
const after = rolloutRules('2026-10-01', false);
const retired = rolloutRules('2027-03-01', false);
const person = (over: Partial<CampaignPerson> = {}): CampaignPerson => ({ userId: 'u1', groupIds: ['g1'], hasPasskey: false, hasSms: false, canRegisterPasskey: true, ...over });
const fresh: SnoozeRecord = { count: 0, lastAt: null, inThisSession: false };
const enabled = (over: Partial<RegistrationCampaign> = {}): RegistrationCampaign => ({
  ...defaultRegistrationCampaign(),
  state: 'enabled',
  includeTargets: [{ id: 'g1', targetType: 'group', targetedAuthenticationMethod: 'fido2' }],
  ...over,
});

describe('campaign shape (Graph authenticationMethodsRegistrationCampaign)', () => {
  it('snoozeDurationInDays is 0 to 14 and state default | enabled | disabled', () => {
    expect(registrationCampaignSchema.safeParse({ ...enabled(), snoozeDurationInDays: 14 }).success).toBe(true);
    expect(registrationCampaignSchema.safeParse({ ...enabled(), snoozeDurationInDays: 15 }).success).toBe(false);
    expect(registrationCampaignSchema.safeParse({ ...enabled(), snoozeDurationInDays: -1 }).success).toBe(false);
    expect(registrationCampaignSchema.safeParse({ ...enabled(), state: 'on' }).success).toBe(false);
  });

  it('migrates the earlier policy-based campaign: enabled for those groups, every sign-in, 3 snoozes', () => {
    expect(campaignFromLegacyPolicy(['g1'])).toMatchObject({ state: 'enabled', snoozeDurationInDays: 0, enforceRegistrationAfterAllowedSnoozes: true });
    expect(campaignFromLegacyPolicy([]).state).toBe('default');
  });
});

describe('campaign state machine', () => {
  it('default before 1 September: nobody is nudged (Graph: default behaves as disabled)', () => {
    expect(campaignDecision(defaultRegistrationCampaign(), before, person({ hasSms: true }), fresh, now)).toMatchObject({ nudge: false, reason: null });
  });

  it('default from 1 September: SMS users are nudged by the Microsoft-managed campaign, with unlimited snoozes', () => {
    const decision = campaignDecision(defaultRegistrationCampaign(), after, person({ hasSms: true }), { count: 10, lastAt: null, inThisSession: false }, now);
    expect(decision).toMatchObject({ nudge: true, reason: 'microsoftManaged', snoozesLeft: null, mustRegister: false });
    expect(campaignDecision(defaultRegistrationCampaign(), after, person(), fresh, now).nudge).toBe(false);
  });

  it('an opted-out tenant is not Microsoft managed until 1 February 2027', () => {
    expect(campaignDecision(defaultRegistrationCampaign(), rolloutRules('2026-10-01', true), person({ hasSms: true }), fresh, now).nudge).toBe(false);
  });

  it('enabled: targets nudge; after 3 snoozes registration is required when enforced', () => {
    expect(campaignDecision(enabled(), before, person(), fresh, now)).toMatchObject({ nudge: true, reason: 'adminTarget', snoozesLeft: 3 });
    expect(campaignDecision(enabled(), before, person(), { count: 3, lastAt: now - 2 * DAY, inThisSession: false }, now)).toMatchObject({ mustRegister: true, snoozesLeft: 0 });
    expect(campaignDecision(enabled({ enforceRegistrationAfterAllowedSnoozes: false }), before, person(), { count: 3, lastAt: null, inThisSession: false }, now)).toMatchObject({
      mustRegister: false,
      snoozesLeft: null,
    });
  });

  it('exclusion wins, disabled stops admin targets, Authenticator targets nudge nobody here', () => {
    expect(campaignDecision(enabled({ excludeTargets: [{ id: 'g1', targetType: 'group' }] }), before, person(), fresh, now).nudge).toBe(false);
    expect(campaignDecision(enabled({ state: 'disabled' }), before, person(), fresh, now).nudge).toBe(false);
    expect(campaignDecision(enabled({ includeTargets: [{ id: 'g1', targetType: 'group', targetedAuthenticationMethod: 'microsoftAuthenticator' }] }), before, person(), fresh, now).nudge).toBe(false);
    expect(campaignDecision(enabled({ includeTargets: [{ id: 'u1', targetType: 'user', targetedAuthenticationMethod: 'fido2' }] }), before, person(), fresh, now).nudge).toBe(true);
  });

  it('nobody with a passkey, or outside the passkey policy, is nudged', () => {
    expect(campaignDecision(enabled(), before, person({ hasPasskey: true }), fresh, now).reason).toBeNull();
    expect(campaignDecision(enabled(), before, person({ canRegisterPasskey: false }), fresh, now).reason).toBeNull();
  });

  it('snoozeDurationInDays hides the nudge for that many days (0: until the next sign-in)', () => {
    const snoozed = { count: 1, lastAt: now - DAY / 2, inThisSession: false };
    expect(campaignDecision(enabled({ snoozeDurationInDays: 1 }), before, person(), snoozed, now)).toMatchObject({ nudge: false, snoozedUntil: new Date(now + DAY / 2).toISOString() });
    expect(campaignDecision(enabled({ snoozeDurationInDays: 1 }), before, person(), snoozed, now + DAY).nudge).toBe(true);
    expect(campaignDecision(enabled({ snoozeDurationInDays: 0 }), before, person(), snoozed, now).nudge).toBe(true);
    expect(campaignDecision(enabled({ snoozeDurationInDays: 0 }), before, person(), { ...snoozed, inThisSession: true }, now).nudge).toBe(false);
  });

  it('after 1 February 2027 an SMS-only person must register, whatever the campaign and the opt-out say', () => {
    for (const campaign of [defaultRegistrationCampaign(), enabled({ state: 'disabled' })]) {
      for (const rules of [retired, rolloutRules('2027-03-01', true)]) {
        const decision = campaignDecision(campaign, rules, person({ hasSms: true }), { count: 0, lastAt: now, inThisSession: true }, now);
        expect(decision).toMatchObject({ nudge: true, reason: 'smsRetired', mustRegister: true, snoozesLeft: 0 });
        expect(snoozeCampaign(decision, fresh, now)).toEqual({ ok: false, code: 'sms_retired' });
      }
    }
  });

  it('snoozing counts, refuses at the limit, and changes nothing without a nudge', () => {
    const nudged = campaignDecision(enabled(), before, person(), fresh, now);
    expect(snoozeCampaign(nudged, fresh, now)).toEqual({ ok: true, record: { count: 1, lastAt: now, inThisSession: true } });
    const required = campaignDecision(enabled(), before, person(), { count: 3, lastAt: null, inThisSession: false }, now);
    expect(snoozeCampaign(required, fresh, now)).toEqual({ ok: false, code: 'snooze_limit_reached' });
    const none = campaignDecision(enabled(), before, person({ hasPasskey: true }), fresh, now);
    expect(snoozeCampaign(none, fresh, now)).toEqual({ ok: true, record: fresh });
  });
});
