import { describe, expect, it } from 'vitest';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, defaultFido2Policy, type Fido2Policy, fido2PolicyPatchSchema, MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../shared/policy';
import {
  addAaguids,
  formFromPolicy,
  microsoftAuthenticatorState,
  patchFromForm,
  policyFromForm,
  setMicrosoftAuthenticator,
} from './policy-form';

const IOS = MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS;
const ANDROID = MICROSOFT_AUTHENTICATOR_AAGUIDS.Android;
const VIRTUAL = CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID;
const GROUP = '0b6e2f7a-1c1d-4a55-9a6b-0d1f2e3c4b5a';
const OTHER_PROFILE = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

function twoProfilePolicy(): Fido2Policy {
  const policy = defaultFido2Policy();
  policy.passkeyProfiles.push({
    id: OTHER_PROFILE,
    name: 'Admins',
    passkeyTypes: 'deviceBound',
    attestationEnforcement: 'registrationOnly',
    keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [IOS] },
  });
  policy.includeTargets.push({ id: GROUP, targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [OTHER_PROFILE] });
  return policy;
}

describe('the policy form', () => {
  it('round-trips a policy unchanged, and an untouched form patches nothing', () => {
    for (const policy of [defaultFido2Policy(), twoProfilePolicy()]) {
      const form = formFromPolicy(policy);
      expect(policyFromForm(policy, form)).toEqual(policy);
      expect(patchFromForm(policy, form)).toEqual({});
    }
  });

  it('reads Configure from the default profile', () => {
    const policy = twoProfilePolicy();
    policy.defaultPasskeyProfile = OTHER_PROFILE;
    const form = formFromPolicy(policy);
    expect(form).toMatchObject({ enforceAttestation: true, enforceKeyRestrictions: true, enforcementType: 'allow', aaGuids: [IOS], passkeyTypes: 'deviceBound' });
  });

  it('writes Configure into the default profile only and sends only the fields that changed', () => {
    const policy = twoProfilePolicy();
    const form = formFromPolicy(policy);
    form.enforceKeyRestrictions = true;
    form.enforcementType = 'allow';
    form.aaGuids = setMicrosoftAuthenticator(form.aaGuids, true);
    const patch = patchFromForm(policy, form);
    expect(Object.keys(patch)).toEqual(['passkeyProfiles']);
    expect(patch.passkeyProfiles?.[0]).toMatchObject({
      id: policy.defaultPasskeyProfile,
      attestationEnforcement: 'disabled',
      keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [IOS, ANDROID] },
    });
    // The other profile is sent unchanged (the field replaces every profile).
    expect(patch.passkeyProfiles?.[1]).toEqual(policy.passkeyProfiles[1]);
    expect(fido2PolicyPatchSchema.safeParse(patch).success).toBe(true);
  });

  it('maps Enable, self-service and attestation to their Graph fields', () => {
    const policy = defaultFido2Policy();
    const form = formFromPolicy(policy);
    form.enabled = false;
    form.selfService = false;
    form.enforceAttestation = true;
    const patch = patchFromForm(policy, form);
    expect(patch.state).toBe('disabled');
    expect(patch.isSelfServiceRegistrationAllowed).toBe(false);
    expect(patch.passkeyProfiles?.[0]?.attestationEnforcement).toBe('registrationOnly');
    expect(patch.includeTargets).toBeUndefined();
  });

  it('switches between All users and chosen groups without losing either', () => {
    const policy = twoProfilePolicy();
    const form = formFromPolicy(policy);
    expect(form.includeAllUsers).toBe(true);
    form.includeAllUsers = false;
    expect(patchFromForm(policy, form).includeTargets).toEqual([policy.includeTargets[1]]);
    form.includeAllUsers = true;
    form.allUsersTarget.isRegistrationRequired = true;
    expect(patchFromForm(policy, form).includeTargets).toEqual([
      { id: 'all_users', targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [] },
      policy.includeTargets[1],
    ]);
  });

  it('builds exclude targets from group ids', () => {
    const policy = defaultFido2Policy();
    const form = formFromPolicy(policy);
    form.excludeGroupIds = [GROUP];
    expect(patchFromForm(policy, form).excludeTargets).toEqual([{ id: GROUP, targetType: 'group' }]);
  });

  it('does not share objects with the saved policy', () => {
    const policy = twoProfilePolicy();
    const form = formFromPolicy(policy);
    form.groupTargets[0]!.isRegistrationRequired = false;
    form.aaGuids.push(VIRTUAL);
    expect(policy.includeTargets[1]?.isRegistrationRequired).toBe(true);
    expect(policy.passkeyProfiles[0]?.keyRestrictions.aaGuids).toEqual([]);
  });
});

describe('the Microsoft Authenticator checkbox', () => {
  it('is checked with both AAGUIDs, mixed with one, unchecked with none', () => {
    expect(microsoftAuthenticatorState([IOS, VIRTUAL, ANDROID])).toBe('checked');
    expect(microsoftAuthenticatorState([ANDROID])).toBe('mixed');
    expect(microsoftAuthenticatorState([VIRTUAL])).toBe('unchecked');
  });

  it('adds both (keeping the order and no duplicates) and removes both', () => {
    expect(setMicrosoftAuthenticator([VIRTUAL, ANDROID], true)).toEqual([VIRTUAL, ANDROID, IOS]);
    expect(setMicrosoftAuthenticator([IOS, VIRTUAL, ANDROID], false)).toEqual([VIRTUAL]);
  });
});

describe('addAaguids', () => {
  it('adds new AAGUIDs in lower case and says which were listed already and which are not AAGUIDs', () => {
    const result = addAaguids([IOS], `${IOS.toUpperCase()}, ${VIRTUAL}\nnot-a-guid 1234`);
    expect(result).toEqual({ list: [IOS, VIRTUAL], added: [VIRTUAL], alreadyListed: [IOS], invalid: ['not-a-guid', '1234'] });
  });
});
