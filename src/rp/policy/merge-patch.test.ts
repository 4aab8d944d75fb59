import { describe, expect, it } from 'vitest';
import { defaultFido2Policy, type Fido2Policy, type Fido2PolicyPatch, GRAPH_FIDO2_ODATA_TYPE } from '../../shared/policy.js';
import { applyPolicyPatch, changedFields } from './merge-patch.js';

const GROUP = 'a1a1a1a1-0000-4000-8000-000000000001';
const SECOND_PROFILE = 'b0000000-0000-4000-8000-00000000000b';
const base = defaultFido2Policy();
const secondProfile = { ...base.passkeyProfiles[0]!, id: SECOND_PROFILE, name: 'Security keys', passkeyTypes: 'deviceBound' as const };

describe('applyPolicyPatch', () => {
  it.each<{ name: string; patch: Fido2PolicyPatch; expected: Partial<Fido2Policy> }>([
    { name: 'an empty patch changes nothing', patch: {}, expected: {} },
    { name: 'state', patch: { state: 'disabled' }, expected: { state: 'disabled' } },
    { name: 'self-service', patch: { isSelfServiceRegistrationAllowed: false }, expected: { isSelfServiceRegistrationAllowed: false } },
    {
      name: 'includeTargets replaces every target',
      patch: { includeTargets: [{ id: GROUP, targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [] }] },
      expected: { includeTargets: [{ id: GROUP, targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [] }] },
    },
    { name: 'excludeTargets', patch: { excludeTargets: [{ id: GROUP, targetType: 'group' }] }, expected: { excludeTargets: [{ id: GROUP, targetType: 'group' }] } },
    {
      name: 'passkeyProfiles replaces every profile (Graph semantics, no merge by id)',
      patch: { passkeyProfiles: [secondProfile] },
      expected: { passkeyProfiles: [secondProfile] },
    },
    { name: 'defaultPasskeyProfile', patch: { defaultPasskeyProfile: SECOND_PROFILE }, expected: { defaultPasskeyProfile: SECOND_PROFILE } },
    { name: '@odata.type and id are ignored', patch: { '@odata.type': GRAPH_FIDO2_ODATA_TYPE, id: 'Fido2' }, expected: {} },
  ])('$name', ({ patch, expected }) => {
    expect(applyPolicyPatch(base, patch)).toEqual({ ...base, ...expected });
  });

  it('changes neither argument and shares no objects with them', () => {
    const policy = defaultFido2Policy();
    const patch: Fido2PolicyPatch = { passkeyProfiles: [secondProfile], includeTargets: [...policy.includeTargets] };
    const policyBefore = structuredClone(policy);
    const patchBefore = structuredClone(patch);
    const next = applyPolicyPatch(policy, patch);
    expect(policy).toEqual(policyBefore);
    expect(patch).toEqual(patchBefore);
    next.passkeyProfiles[0]!.keyRestrictions.aaGuids.push('x');
    next.includeTargets[0]!.allowedPasskeyProfiles.push('y');
    next.excludeTargets.push({ id: GROUP, targetType: 'group' });
    expect(patch).toEqual(patchBefore);
    expect(policy).toEqual(policyBefore);
  });

  it('absent fields keep the stored value; only present ones are replaced', () => {
    const stored: Fido2Policy = { ...base, passkeyProfiles: [base.passkeyProfiles[0]!, secondProfile], isSelfServiceRegistrationAllowed: false };
    const next = applyPolicyPatch(stored, { state: 'disabled' });
    expect(next.passkeyProfiles).toEqual(stored.passkeyProfiles);
    expect(next.isSelfServiceRegistrationAllowed).toBe(false);
    expect(next.state).toBe('disabled');
  });
});

describe('changedFields', () => {
  it.each<{ name: string; patch: Fido2PolicyPatch; expected: string[] }>([
    { name: 'empty patch', patch: {}, expected: [] },
    { name: 'same values', patch: { state: 'enabled', isSelfServiceRegistrationAllowed: true, passkeyProfiles: base.passkeyProfiles }, expected: [] },
    { name: '@odata.type and id never count', patch: { '@odata.type': GRAPH_FIDO2_ODATA_TYPE, id: 'Fido2' }, expected: [] },
    { name: 'one field', patch: { state: 'disabled' }, expected: ['state'] },
    {
      name: 'several, in document order whatever the patch order',
      patch: { defaultPasskeyProfile: SECOND_PROFILE, passkeyProfiles: [secondProfile], state: 'disabled' },
      expected: ['state', 'passkeyProfiles', 'defaultPasskeyProfile'],
    },
    {
      name: 'a nested change counts for its top-level field',
      patch: { passkeyProfiles: [{ ...base.passkeyProfiles[0]!, keyRestrictions: { isEnforced: true, enforcementType: 'block', aaGuids: [] } }] },
      expected: ['passkeyProfiles'],
    },
    { name: 'an emptied list', patch: { includeTargets: [] }, expected: ['includeTargets'] },
  ])('$name → $expected', ({ patch, expected }) => {
    expect(changedFields(base, patch)).toEqual(expected);
  });
});
