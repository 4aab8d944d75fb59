import { describe, expect, it } from 'vitest';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, defaultFido2Policy, type Fido2Policy, fido2PolicyPatchSchema, MICROSOFT_AUTHENTICATOR_AAGUIDS, type PasskeyProfile, validatePolicy, WINDOWS_HELLO_AAGUIDS } from '../../shared/policy.js';
import { prepareAllowListRequest } from '../../shared/tenant.js';
import { microsoftAuthenticatorAaguids, prepareAllowList } from './allow-list.js';
import { applyPolicyPatch } from './merge-patch.js';

const IOS = MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS;
const ANDROID = MICROSOFT_AUTHENTICATOR_AAGUIDS.Android;
const IN_USE_A = CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID;
const IN_USE_B = 'ee882879-721c-4913-9775-3dfcce97072a';
const KEPT = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
const SECOND_PROFILE = 'b0000000-0000-4000-8000-00000000000b';

const settings = (input: object = {}) => prepareAllowListRequest.parse(input);

function policyWith(defaultProfile: Partial<PasskeyProfile>, top: Partial<Fido2Policy> = {}): Fido2Policy {
  const policy = defaultFido2Policy();
  return { ...policy, passkeyProfiles: [{ ...policy.passkeyProfiles[0]!, ...defaultProfile }], ...top };
}

describe('microsoftAuthenticatorAaguids', () => {
  it.each([
    ['All', [IOS, ANDROID]],
    ['iOS', [IOS]],
    ['Android', [ANDROID]],
  ] as const)('%s → %j', (which, expected) => {
    expect(microsoftAuthenticatorAaguids(which)).toEqual(expected);
  });
});

describe('prepareAllowList', () => {
  it('defaults: enabled, self-service on, an enforced allow list of the in-use AAGUIDs plus both Microsoft ones, attestation off', () => {
    const patch = prepareAllowList(policyWith({}, { state: 'disabled', isSelfServiceRegistrationAllowed: false }), [IN_USE_A], settings());
    expect(patch).toEqual({
      state: 'enabled',
      isSelfServiceRegistrationAllowed: true,
      passkeyProfiles: [
        {
          ...defaultFido2Policy().passkeyProfiles[0],
          attestationEnforcement: 'disabled',
          keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [IN_USE_A, IOS, ANDROID] },
        },
      ],
    });
  });

  it.each([
    { name: 'All', request: { microsoftAaguidsAllowed: 'All' }, expected: [IN_USE_A, IN_USE_B, IOS, ANDROID] },
    { name: 'iOS', request: { microsoftAaguidsAllowed: 'iOS' }, expected: [IN_USE_A, IN_USE_B, IOS] },
    { name: 'Android', request: { microsoftAaguidsAllowed: 'Android' }, expected: [IN_USE_A, IN_USE_B, ANDROID] },
  ])('Microsoft AAGUIDs $name are merged with those in use', ({ request, expected }) => {
    const patch = prepareAllowList(defaultFido2Policy(), [IN_USE_A, IN_USE_B], settings(request));
    expect(patch.passkeyProfiles?.[0]?.keyRestrictions.aaGuids).toEqual(expected);
  });

  it.each([
    {
      name: 'an existing allow list is kept',
      restrictions: { isEnforced: true, enforcementType: 'allow' as const, aaGuids: [KEPT] },
      overwrite: false,
      expected: [KEPT, IN_USE_A, IOS, ANDROID],
    },
    {
      name: 'an existing, not enforced allow list is kept too',
      restrictions: { isEnforced: false, enforcementType: 'allow' as const, aaGuids: [KEPT] },
      overwrite: false,
      expected: [KEPT, IN_USE_A, IOS, ANDROID],
    },
    {
      name: 'overwriteExistingAaguids drops the existing allow list',
      restrictions: { isEnforced: true, enforcementType: 'allow' as const, aaGuids: [KEPT] },
      overwrite: true,
      expected: [IN_USE_A, IOS, ANDROID],
    },
    {
      name: 'block list entries are not allowed AAGUIDs: never kept',
      restrictions: { isEnforced: true, enforcementType: 'block' as const, aaGuids: [KEPT] },
      overwrite: false,
      expected: [IN_USE_A, IOS, ANDROID],
    },
    {
      name: 'duplicates (in use and already allowed, any case) appear once',
      restrictions: { isEnforced: true, enforcementType: 'allow' as const, aaGuids: [IOS, IN_USE_A] },
      overwrite: false,
      expected: [IOS, IN_USE_A, ANDROID],
    },
  ])('$name', ({ restrictions, overwrite, expected }) => {
    const patch = prepareAllowList(policyWith({ keyRestrictions: restrictions }), [IN_USE_A.toUpperCase()], settings({ overwriteExistingAaguids: overwrite }));
    expect(patch.passkeyProfiles?.[0]?.keyRestrictions).toEqual({ isEnforced: true, enforcementType: 'allow', aaGuids: expected });
  });

  it.each([
    { enforceAttestation: true, before: 'disabled' as const, expected: 'registrationOnly' },
    { enforceAttestation: false, before: 'registrationOnly' as const, expected: 'disabled' },
    { enforceAttestation: false, before: 'disabled' as const, expected: 'disabled' },
  ])('enforceAttestation $enforceAttestation (was $before) → $expected', ({ enforceAttestation, before, expected }) => {
    const patch = prepareAllowList(policyWith({ attestationEnforcement: before }), [], settings({ enforceAttestation }));
    expect(patch.passkeyProfiles?.[0]?.attestationEnforcement).toBe(expected);
  });

  it('changes only the default profile, keeps the others, and does not change the policy it was given', () => {
    const policy: Fido2Policy = {
      ...defaultFido2Policy(),
      passkeyProfiles: [
        { ...defaultFido2Policy().passkeyProfiles[0]!, id: SECOND_PROFILE, name: 'Security keys', keyRestrictions: { isEnforced: true, enforcementType: 'block', aaGuids: [KEPT] } },
        defaultFido2Policy().passkeyProfiles[0]!,
      ],
    };
    const before = structuredClone(policy);
    const patch = prepareAllowList(policy, [IN_USE_A], settings());
    expect(policy).toEqual(before);
    expect(patch.passkeyProfiles?.[0]).toEqual(policy.passkeyProfiles[0]);
    expect(patch.passkeyProfiles?.[1]?.keyRestrictions).toEqual({ isEnforced: true, enforcementType: 'allow', aaGuids: [IN_USE_A, IOS, ANDROID] });
  });

  it('its patch is a valid PATCH body and applying it gives a valid policy', () => {
    const current = policyWith({ keyRestrictions: { isEnforced: true, enforcementType: 'block', aaGuids: [KEPT] } }, { state: 'disabled' });
    const patch = prepareAllowList(current, [IN_USE_A, IN_USE_B], settings({ microsoftAaguidsAllowed: 'iOS', enforceAttestation: true }));
    expect(fido2PolicyPatchSchema.safeParse(patch).success).toBe(true);
    const validated = validatePolicy(applyPolicyPatch(current, patch), { groupIds: [] });
    expect(validated.ok).toBe(true);
  });

  it('no AAGUIDs in use: just the Microsoft ones', () => {
    expect(prepareAllowList(defaultFido2Policy(), [], settings()).passkeyProfiles?.[0]?.keyRestrictions.aaGuids).toEqual([IOS, ANDROID]);
  });
});

describe('Entra passkeys on Windows (preview) and attestation', () => {
  it('includeWindowsHello adds the three Windows Hello AAGUIDs to an enforced allow list, attestation off', () => {
    const patch = prepareAllowList(policyWith({}), [], settings({ includeWindowsHello: true }));
    const profile = patch.passkeyProfiles![0]!;
    expect(profile.keyRestrictions).toMatchObject({ isEnforced: true, enforcementType: 'allow' });
    expect(profile.keyRestrictions.aaGuids).toEqual(expect.arrayContaining(Object.values(WINDOWS_HELLO_AAGUIDS)));
    expect(profile.attestationEnforcement).toBe('disabled');
    expect(prepareAllowList(policyWith({}), [], settings()).passkeyProfiles![0]!.keyRestrictions.aaGuids).not.toContain(WINDOWS_HELLO_AAGUIDS.hardware);
  });

  it('refuses Windows Hello with attestation enforced (not attested during the preview)', () => {
    const parsed = prepareAllowListRequest.safeParse({ includeWindowsHello: true, enforceAttestation: true });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['enforceAttestation']);
  });

  it('enforcing attestation makes the profile device-bound: synced passkeys are never attested', () => {
    const patch = prepareAllowList(policyWith({ passkeyTypes: 'deviceBound,synced' }), [], settings({ enforceAttestation: true }));
    expect(patch.passkeyProfiles![0]).toMatchObject({ attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
  });
});
