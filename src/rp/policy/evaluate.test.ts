import { describe, expect, it } from 'vitest';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, defaultFido2Policy, type Fido2Policy, MICROSOFT_AUTHENTICATOR_AAGUIDS, type PasskeyProfile } from '../../shared/policy.js';
import { aaguidAllowedByPolicy, attestationToRequest, evaluatePasskey, keyRestrictionsAllow, type PasskeyFacts, passkeyTypeAllows, policyGate, scopeOf } from './evaluate.js';

const IOS = MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS;
const ANDROID = MICROSOFT_AUTHENTICATOR_AAGUIDS.Android;
const OTHER = CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID;
const DEFAULT_ID = defaultFido2Policy().defaultPasskeyProfile;
const PROFILE_B = 'b0000000-0000-4000-8000-00000000000b';
const PROFILE_C = 'c0000000-0000-4000-8000-00000000000c';
const GROUP_A = 'a1a1a1a1-0000-4000-8000-000000000001';
const GROUP_B = 'b2b2b2b2-0000-4000-8000-000000000002';

function profile(id: string, changes: Partial<PasskeyProfile> = {}): PasskeyProfile {
  return {
    id,
    name: id === DEFAULT_ID ? 'Default passkey profile' : `Profile ${id.slice(0, 1).toUpperCase()}`,
    passkeyTypes: 'deviceBound,synced',
    attestationEnforcement: 'disabled',
    keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
    ...changes,
  };
}

/** The lab's default policy with the default profile changed and any top-level field replaced. */
function policy(changes: Partial<Fido2Policy> = {}, defaultProfile: Partial<PasskeyProfile> = {}): Fido2Policy {
  return { ...defaultFido2Policy(), passkeyProfiles: [profile(DEFAULT_ID, defaultProfile)], ...changes };
}

const passkey = (facts: Partial<PasskeyFacts> = {}): PasskeyFacts => ({ aaguid: IOS, backupEligible: false, attested: false, ...facts });
const allowList = (...aaGuids: string[]) => ({ keyRestrictions: { isEnforced: true, enforcementType: 'allow' as const, aaGuids } });
const blockList = (...aaGuids: string[]) => ({ keyRestrictions: { isEnforced: true, enforcementType: 'block' as const, aaGuids } });

describe('evaluatePasskey: state', () => {
  it.each(['registration', 'authentication'] as const)('state disabled refuses every passkey at %s with policy_disabled', (ceremony) => {
    const decision = evaluatePasskey(policy({ state: 'disabled' }), [], passkey(), ceremony, { startedWithTap: true });
    expect(decision).toMatchObject({ allowed: false, code: 'policy_disabled' });
  });

  it('the default policy lets any passkey register and sign in', () => {
    expect(evaluatePasskey(defaultFido2Policy(), [], passkey(), 'registration').allowed).toBe(true);
    expect(evaluatePasskey(defaultFido2Policy(), [], passkey({ backupEligible: true }), 'authentication').allowed).toBe(true);
  });
});

describe('evaluatePasskey: scope', () => {
  const group = (id: string) => ({ id, targetType: 'group' as const, isRegistrationRequired: false, allowedPasskeyProfiles: [] });
  const exclude = (id: string) => ({ id, targetType: 'group' as const });

  it.each([
    { name: 'all_users includes everyone', includeTargets: [group('all_users')], excludeTargets: [], groups: [], allowed: true },
    { name: 'a group includes its member', includeTargets: [group(GROUP_A)], excludeTargets: [], groups: [GROUP_A], allowed: true },
    { name: 'a group does not include a non-member', includeTargets: [group(GROUP_A)], excludeTargets: [], groups: [GROUP_B], allowed: false },
    { name: 'a user in no group is not in a group-only policy', includeTargets: [group(GROUP_A)], excludeTargets: [], groups: [], allowed: false },
    { name: 'exclude wins over a group include', includeTargets: [group(GROUP_A)], excludeTargets: [exclude(GROUP_A)], groups: [GROUP_A], allowed: false },
    { name: 'exclude wins over all_users', includeTargets: [group('all_users')], excludeTargets: [exclude(GROUP_B)], groups: [GROUP_A, GROUP_B], allowed: false },
    { name: 'an exclude target the user is not in changes nothing', includeTargets: [group('all_users')], excludeTargets: [exclude(GROUP_B)], groups: [GROUP_A], allowed: true },
    { name: 'no include targets at all', includeTargets: [], excludeTargets: [], groups: [GROUP_A], allowed: false },
  ])('$name', ({ includeTargets, excludeTargets, groups, allowed }) => {
    const p = policy({ includeTargets, excludeTargets });
    for (const ceremony of ['registration', 'authentication'] as const) {
      const decision = evaluatePasskey(p, groups, passkey(), ceremony);
      if (allowed) expect(decision.allowed).toBe(true);
      else expect(decision).toMatchObject({ allowed: false, code: 'not_in_policy_scope' });
    }
  });

  it('the refusal says which exclude target matched', () => {
    const decision = evaluatePasskey(policy({ excludeTargets: [exclude(GROUP_B)] }), [GROUP_B], passkey(), 'authentication');
    expect(decision.allowed ? '' : decision.message).toContain(GROUP_B);
  });

  it('scopeOf: an include target with no profiles uses the default; registrationRequired from any of the user’s targets', () => {
    const p = policy({
      passkeyProfiles: [profile(DEFAULT_ID), profile(PROFILE_B)],
      includeTargets: [
        { ...group('all_users'), allowedPasskeyProfiles: [] },
        { ...group(GROUP_A), allowedPasskeyProfiles: [PROFILE_B], isRegistrationRequired: true },
      ],
    });
    expect(scopeOf(p, []).profiles.map((x) => x.id)).toEqual([DEFAULT_ID]);
    expect(scopeOf(p, []).registrationRequired).toBe(false);
    expect(scopeOf(p, [GROUP_A]).profiles.map((x) => x.id)).toEqual([DEFAULT_ID, PROFILE_B]);
    expect(scopeOf(p, [GROUP_A]).registrationRequired).toBe(true);
  });
});

describe('evaluatePasskey: several profiles', () => {
  // GROUP_A → profile B (device-bound only, any AAGUID); GROUP_B → profile C (synced allowed, Android only);
  // the default (all_users) allows only the iOS app.
  const p = policy(
    {
      passkeyProfiles: [
        profile(DEFAULT_ID, allowList(IOS)),
        profile(PROFILE_B, { passkeyTypes: 'deviceBound' }),
        profile(PROFILE_C, { passkeyTypes: 'deviceBound,synced', ...allowList(ANDROID) }),
      ],
      includeTargets: [
        { id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] },
        { id: GROUP_A, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [PROFILE_B] },
        { id: GROUP_B, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [PROFILE_C] },
      ],
    },
    allowList(IOS),
  );

  it.each([
    { name: 'all_users only: the default allows the iOS app', groups: [], facts: { aaguid: IOS }, result: 'Default passkey profile' },
    { name: 'all_users only: another AAGUID is blocked by the default', groups: [], facts: { aaguid: OTHER }, result: 'aaguid_blocked' },
    { name: 'group A: profile B allows any device-bound AAGUID', groups: [GROUP_A], facts: { aaguid: OTHER }, result: 'Profile B' },
    { name: 'group B: profile C allows a synced Android passkey', groups: [GROUP_B], facts: { aaguid: ANDROID, backupEligible: true }, result: 'Profile C' },
    { name: 'groups A and B: a synced iOS passkey passes through the default', groups: [GROUP_A, GROUP_B], facts: { aaguid: IOS, backupEligible: true }, result: 'Default passkey profile' },
  ])('$name', ({ groups, facts, result }) => {
    const decision = evaluatePasskey(p, groups, passkey(facts), 'authentication');
    if (result === 'aaguid_blocked') expect(decision).toMatchObject({ allowed: false, code: 'aaguid_blocked' });
    else expect(decision).toMatchObject({ allowed: true, message: expect.stringContaining(result) });
  });

  it('none passes: the refusal names the profile that came closest (type passed, AAGUID refused)', () => {
    // Group A: profile B refuses a synced passkey at the type (stage 0); the default refuses it at the AAGUID (stage 1).
    const decision = evaluatePasskey(p, [GROUP_A], passkey({ aaguid: OTHER, backupEligible: true }), 'authentication');
    expect(decision).toMatchObject({ allowed: false, code: 'aaguid_blocked' });
    expect(decision.message).toContain('Default passkey profile');
    expect(decision.message).toContain(OTHER);
  });

  it('none passes and all refuse at the type: the first profile’s refusal', () => {
    const p2 = policy({
      passkeyProfiles: [profile(DEFAULT_ID, { passkeyTypes: 'deviceBound' }), profile(PROFILE_B, { passkeyTypes: 'deviceBound' })],
      includeTargets: [
        { id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] },
        { id: GROUP_A, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [PROFILE_B] },
      ],
    });
    const decision = evaluatePasskey(p2, [GROUP_A], passkey({ backupEligible: true }), 'authentication');
    expect(decision).toMatchObject({ allowed: false, code: 'passkey_type_not_allowed' });
    expect(decision.message).toContain('Default passkey profile');
  });

  it('a profile no include target of the user names does not count', () => {
    // Profile B would allow OTHER, but only group A uses it.
    const decision = evaluatePasskey(p, [], passkey({ aaguid: OTHER }), 'authentication');
    expect(decision).toMatchObject({ allowed: false, code: 'aaguid_blocked' });
  });
});

describe('evaluatePasskey: self-service', () => {
  const off = policy({ isSelfServiceRegistrationAllowed: false });

  it.each([
    { ceremony: 'registration', startedWithTap: false, expected: 'self_service_not_allowed' },
    { ceremony: 'registration', startedWithTap: true, expected: 'allowed' },
    { ceremony: 'authentication', startedWithTap: false, expected: 'allowed' },
    { ceremony: 'authentication', startedWithTap: true, expected: 'allowed' },
  ] as const)('self-service off, $ceremony, startedWithTap $startedWithTap → $expected', ({ ceremony, startedWithTap, expected }) => {
    const decision = evaluatePasskey(off, [], passkey(), ceremony, { startedWithTap });
    if (expected === 'allowed') expect(decision.allowed).toBe(true);
    else expect(decision).toMatchObject({ allowed: false, code: expected });
  });

  it('policyGate: the same decisions before any passkey exists (null when they pass)', () => {
    expect(policyGate(off, [], 'registration')).toMatchObject({ code: 'self_service_not_allowed' });
    expect(policyGate(off, [], 'registration', { startedWithTap: true })).toBeNull();
    expect(policyGate(off, [], 'authentication')).toBeNull();
    expect(policyGate(policy({ state: 'disabled' }), [], 'registration', { startedWithTap: true })).toMatchObject({ code: 'policy_disabled' });
    expect(policyGate(policy({ includeTargets: [] }), [], 'authentication')).toMatchObject({ code: 'not_in_policy_scope' });
  });

  it('state and scope come before self-service', () => {
    expect(evaluatePasskey({ ...off, state: 'disabled' }, [], passkey(), 'registration')).toMatchObject({ code: 'policy_disabled' });
    expect(evaluatePasskey({ ...off, includeTargets: [] }, [], passkey(), 'registration')).toMatchObject({ code: 'not_in_policy_scope' });
  });
});

describe('evaluatePasskey: passkey types', () => {
  it.each([
    { passkeyTypes: 'deviceBound', backupEligible: false, allowed: true },
    { passkeyTypes: 'deviceBound', backupEligible: true, allowed: false },
    { passkeyTypes: 'synced', backupEligible: false, allowed: false },
    { passkeyTypes: 'synced', backupEligible: true, allowed: true },
    { passkeyTypes: 'deviceBound,synced', backupEligible: false, allowed: true },
    { passkeyTypes: 'deviceBound,synced', backupEligible: true, allowed: true },
  ] as const)('$passkeyTypes, backupEligible $backupEligible → allowed $allowed', ({ passkeyTypes, backupEligible, allowed }) => {
    expect(passkeyTypeAllows(passkeyTypes, backupEligible)).toBe(allowed);
    for (const ceremony of ['registration', 'authentication'] as const) {
      const decision = evaluatePasskey(policy({}, { passkeyTypes }), [], passkey({ backupEligible }), ceremony);
      if (allowed) expect(decision.allowed).toBe(true);
      else expect(decision).toMatchObject({ allowed: false, code: 'passkey_type_not_allowed' });
    }
  });
});

describe('evaluatePasskey: key restrictions', () => {
  it.each([
    { name: 'allow list, listed', restrictions: allowList(IOS, ANDROID), aaguid: ANDROID, allowed: true },
    { name: 'allow list, not listed', restrictions: allowList(IOS), aaguid: OTHER, allowed: false },
    { name: 'empty allow list allows nothing', restrictions: allowList(), aaguid: IOS, allowed: false },
    { name: 'block list, listed', restrictions: blockList(OTHER), aaguid: OTHER, allowed: false },
    { name: 'block list, not listed', restrictions: blockList(OTHER), aaguid: IOS, allowed: true },
    { name: 'not enforced allow list', restrictions: { keyRestrictions: { isEnforced: false, enforcementType: 'allow' as const, aaGuids: [IOS] } }, aaguid: OTHER, allowed: true },
    { name: 'not enforced block list', restrictions: { keyRestrictions: { isEnforced: false, enforcementType: 'block' as const, aaGuids: [OTHER] } }, aaguid: OTHER, allowed: true },
    { name: 'upper-case AAGUID of the passkey matches a listed one', restrictions: allowList(IOS), aaguid: IOS.toUpperCase(), allowed: true },
    { name: 'upper-case AAGUID on a block list is still blocked', restrictions: blockList(OTHER), aaguid: OTHER.toUpperCase(), allowed: false },
  ])('$name → allowed $allowed', ({ restrictions, aaguid, allowed }) => {
    expect(keyRestrictionsAllow(restrictions.keyRestrictions, aaguid)).toBe(allowed);
    for (const ceremony of ['registration', 'authentication'] as const) {
      const decision = evaluatePasskey(policy({}, restrictions), [], passkey({ aaguid }), ceremony);
      if (allowed) expect(decision.allowed).toBe(true);
      else expect(decision).toMatchObject({ allowed: false, code: 'aaguid_blocked', message: expect.stringContaining(aaguid) });
    }
  });

  it('the refusal says whether the AAGUID is missing from an allow list or on a block list', () => {
    expect(evaluatePasskey(policy({}, allowList(IOS)), [], passkey({ aaguid: OTHER }), 'authentication').message).toMatch(/not on its allow list/);
    expect(evaluatePasskey(policy({}, blockList(OTHER)), [], passkey({ aaguid: OTHER }), 'authentication').message).toMatch(/on its block list/);
  });

  it('the type is checked before the AAGUID', () => {
    const decision = evaluatePasskey(policy({}, { passkeyTypes: 'deviceBound', ...allowList(IOS) }), [], passkey({ aaguid: OTHER, backupEligible: true }), 'authentication');
    expect(decision).toMatchObject({ code: 'passkey_type_not_allowed' });
  });
});

describe('evaluatePasskey: attestation', () => {
  const enforced = policy({}, { attestationEnforcement: 'registrationOnly' });

  it.each([
    { ceremony: 'registration', attested: false, expected: 'attestation_required' },
    { ceremony: 'registration', attested: true, expected: 'allowed' },
    { ceremony: 'authentication', attested: false, expected: 'allowed' },
    { ceremony: 'authentication', attested: true, expected: 'allowed' },
  ] as const)('registrationOnly, $ceremony, attested $attested → $expected', ({ ceremony, attested, expected }) => {
    const decision = evaluatePasskey(enforced, [], passkey({ attested }), ceremony);
    if (expected === 'allowed') expect(decision.allowed).toBe(true);
    else expect(decision).toMatchObject({ allowed: false, code: expected });
  });

  it('attestation is checked after the key restrictions', () => {
    const p = policy({}, { attestationEnforcement: 'registrationOnly', ...allowList(IOS) });
    expect(evaluatePasskey(p, [], passkey({ aaguid: OTHER }), 'registration')).toMatchObject({ code: 'aaguid_blocked' });
    expect(evaluatePasskey(p, [], passkey({ aaguid: IOS }), 'registration')).toMatchObject({ code: 'attestation_required' });
  });

  it('disabled attestation lets an unattested passkey register', () => {
    expect(evaluatePasskey(policy(), [], passkey({ attested: false }), 'registration').allowed).toBe(true);
  });
});

describe('attestationToRequest', () => {
  const twoProfiles = policy({
    passkeyProfiles: [profile(DEFAULT_ID), profile(PROFILE_B, { attestationEnforcement: 'registrationOnly' })],
    includeTargets: [
      { id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] },
      { id: GROUP_A, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [PROFILE_B] },
    ],
  });

  it.each([
    { name: 'the default policy', p: policy(), groups: [], expected: 'none' },
    { name: 'the default profile enforces attestation', p: policy({}, { attestationEnforcement: 'registrationOnly' }), groups: [], expected: 'direct' },
    { name: 'a profile of one of the user’s targets enforces it', p: twoProfiles, groups: [GROUP_A], expected: 'direct' },
    { name: 'the enforcing profile is not the user’s', p: twoProfiles, groups: [], expected: 'none' },
    { name: 'out of scope', p: policy({ includeTargets: [] }, { attestationEnforcement: 'registrationOnly' }), groups: [], expected: 'none' },
  ] as const)('$name → $expected', ({ p, groups, expected }) => {
    expect(attestationToRequest(p, groups)).toBe(expected);
  });
});

describe('aaguidAllowedByPolicy', () => {
  const groupOnly = policy({
    passkeyProfiles: [profile(DEFAULT_ID), profile(PROFILE_B, allowList(IOS))],
    includeTargets: [{ id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [PROFILE_B] }],
  });

  it.each([
    { name: 'no restrictions', p: policy(), aaguid: OTHER, expected: true },
    { name: 'state disabled', p: policy({ state: 'disabled' }), aaguid: IOS, expected: false },
    { name: 'on the allow list', p: policy({}, allowList(IOS)), aaguid: IOS, expected: true },
    { name: 'on the allow list, upper case', p: policy({}, allowList(IOS)), aaguid: IOS.toUpperCase(), expected: true },
    { name: 'not on the allow list', p: policy({}, allowList(IOS)), aaguid: OTHER, expected: false },
    { name: 'on the block list', p: policy({}, blockList(OTHER)), aaguid: OTHER, expected: false },
    {
      name: 'allowed by a second profile a target uses',
      p: policy({
        passkeyProfiles: [profile(DEFAULT_ID, allowList(IOS)), profile(PROFILE_B, allowList(OTHER))],
        includeTargets: [
          { id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] },
          { id: GROUP_A, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [PROFILE_B] },
        ],
      }),
      aaguid: OTHER,
      expected: true,
    },
    { name: 'allowed by the targets’ profile', p: groupOnly, aaguid: IOS, expected: true },
    // The unrestricted default profile is not used by any target: it lets nobody in.
    { name: 'allowed only by a profile no target uses', p: groupOnly, aaguid: OTHER, expected: false },
  ])('$name → $expected', ({ p, aaguid, expected }) => {
    expect(aaguidAllowedByPolicy(p, aaguid)).toBe(expected);
  });
});
