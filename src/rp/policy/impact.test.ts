import { describe, expect, it } from 'vitest';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, defaultFido2Policy, type Fido2Policy, MICROSOFT_AUTHENTICATOR_AAGUIDS, type PasskeyProfile } from '../../shared/policy.js';
import { policyImpact, type RegisteredPasskey } from './impact.js';

const IOS = MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS;
const ANDROID = MICROSOFT_AUTHENTICATOR_AAGUIDS.Android;
const OTHER = CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID;
const GROUP = 'a1a1a1a1-0000-4000-8000-000000000001';

function withDefaultProfile(changes: Partial<PasskeyProfile>, top: Partial<Fido2Policy> = {}): Fido2Policy {
  const policy = defaultFido2Policy();
  return { ...policy, passkeyProfiles: [{ ...policy.passkeyProfiles[0]!, ...changes }], ...top };
}
const allowOnly = (...aaGuids: string[]) => withDefaultProfile({ keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids } });

let serial = 0;
function registered(username: string, facts: Partial<RegisteredPasskey> = {}): RegisteredPasskey {
  serial += 1;
  return {
    credentialId: `cred-${serial}`,
    nickname: `Passkey ${serial}`,
    userId: `id-${username}`,
    username,
    providerName: null,
    aaguid: IOS,
    backupEligible: false,
    attested: false,
    groupIds: [],
    ...facts,
  };
}

describe('policyImpact', () => {
  const alice = registered('alice', { aaguid: IOS });
  const bobPhone = registered('bob', { aaguid: OTHER, providerName: 'Chromium virtual authenticator', nickname: 'Bob’s phone' });
  const bobKey = registered('bob', { aaguid: ANDROID });
  const carol = registered('carol', { aaguid: OTHER, backupEligible: true });
  const passkeys = [alice, bobPhone, bobKey, carol];

  it.each([
    { name: 'no change', current: defaultFido2Policy(), proposed: defaultFido2Policy(), stopping: [], starting: 0, lockedOut: [] },
    {
      name: 'an allow list of the two Microsoft AAGUIDs stops OTHER; carol has no other passkey',
      current: defaultFido2Policy(),
      proposed: allowOnly(IOS, ANDROID),
      stopping: [bobPhone.credentialId, carol.credentialId],
      starting: 0,
      lockedOut: ['carol'],
    },
    {
      name: 'device-bound only stops the synced passkey',
      current: defaultFido2Policy(),
      proposed: withDefaultProfile({ passkeyTypes: 'deviceBound' }),
      stopping: [carol.credentialId],
      starting: 0,
      lockedOut: ['carol'],
    },
    {
      name: 'turning the method off stops everything and locks everyone out',
      current: defaultFido2Policy(),
      proposed: { ...defaultFido2Policy(), state: 'disabled' as const },
      stopping: passkeys.map((p) => p.credentialId),
      starting: 0,
      lockedOut: ['alice', 'bob', 'carol'],
    },
    {
      name: 'turning it back on starts them again and locks nobody out',
      current: { ...defaultFido2Policy(), state: 'disabled' as const },
      proposed: defaultFido2Policy(),
      stopping: [],
      starting: 4,
      lockedOut: [],
    },
    {
      name: 'widening an allow list starts the passkeys it now allows',
      current: allowOnly(IOS),
      proposed: allowOnly(IOS, ANDROID, OTHER),
      stopping: [],
      starting: 3,
      lockedOut: [],
    },
    {
      name: 'users locked out before are not locked out again',
      current: allowOnly(IOS, ANDROID),
      proposed: allowOnly(IOS),
      stopping: [bobKey.credentialId],
      starting: 0,
      lockedOut: ['bob'],
    },
    {
      name: 'a group-only policy: nobody is in the group',
      current: defaultFido2Policy(),
      proposed: { ...defaultFido2Policy(), includeTargets: [{ id: GROUP, targetType: 'group' as const, isRegistrationRequired: false, allowedPasskeyProfiles: [] }] },
      stopping: passkeys.map((p) => p.credentialId),
      starting: 0,
      lockedOut: ['alice', 'bob', 'carol'],
    },
    {
      name: 'attestation enforcement does not touch sign-in',
      current: defaultFido2Policy(),
      proposed: withDefaultProfile({ attestationEnforcement: 'registrationOnly' }),
      stopping: [],
      starting: 0,
      lockedOut: [],
    },
    {
      name: 'self-service off does not touch sign-in',
      current: defaultFido2Policy(),
      proposed: { ...defaultFido2Policy(), isSelfServiceRegistrationAllowed: false },
      stopping: [],
      starting: 0,
      lockedOut: [],
    },
  ])('$name', ({ current, proposed, stopping, starting, lockedOut }) => {
    const impact = policyImpact(current, proposed, passkeys);
    expect(impact.passkeysStopping.map((p) => p.credentialId)).toEqual(stopping);
    expect(impact.passkeysStarting).toBe(starting);
    expect(impact.usersLockedOut.map((u) => u.username)).toEqual(lockedOut);
  });

  it('each stopping passkey says who, which, and why (code and reason)', () => {
    const impact = policyImpact(defaultFido2Policy(), allowOnly(IOS), [bobPhone]);
    expect(impact.passkeysStopping).toEqual([
      {
        credentialId: bobPhone.credentialId,
        nickname: 'Bob’s phone',
        username: 'bob',
        aaguid: OTHER,
        providerName: 'Chromium virtual authenticator',
        code: 'aaguid_blocked',
        reason: expect.stringContaining('not on its allow list'),
      },
    ]);
  });

  it.each([
    { proposed: { ...defaultFido2Policy(), state: 'disabled' as const }, code: 'policy_disabled' },
    { proposed: { ...defaultFido2Policy(), excludeTargets: [{ id: GROUP, targetType: 'group' as const }] }, code: 'not_in_policy_scope' },
    { proposed: withDefaultProfile({ passkeyTypes: 'synced' }), code: 'passkey_type_not_allowed' },
    { proposed: allowOnly(ANDROID), code: 'aaguid_blocked' },
  ])('stopping code $code', ({ proposed, code }) => {
    const impact = policyImpact(defaultFido2Policy(), proposed, [registered('dave', { groupIds: [GROUP] })]);
    expect(impact.passkeysStopping.map((p) => p.code)).toEqual([code]);
    expect(impact.passkeysStopping[0]?.reason.length).toBeGreaterThan(0);
  });

  it('a locked-out user counts all of their passkeys', () => {
    const impact = policyImpact(defaultFido2Policy(), allowOnly(IOS), [bobPhone, bobKey]);
    expect(impact.usersLockedOut).toEqual([{ userId: 'id-bob', username: 'bob', passkeys: 2 }]);
  });

  it('a user who keeps one usable passkey is not locked out', () => {
    const impact = policyImpact(defaultFido2Policy(), allowOnly(ANDROID), [bobPhone, bobKey]);
    expect(impact.passkeysStopping.map((p) => p.credentialId)).toEqual([bobPhone.credentialId]);
    expect(impact.usersLockedOut).toEqual([]);
  });

  it('a user who could not sign in before is not reported as locked out', () => {
    const impact = policyImpact(allowOnly(IOS), allowOnly(ANDROID), [registered('erin', { aaguid: OTHER })]);
    expect(impact).toEqual({ passkeysStopping: [], passkeysStarting: 0, usersLockedOut: [] });
  });

  it('group membership decides per passkey owner', () => {
    const proposed: Fido2Policy = { ...defaultFido2Policy(), excludeTargets: [{ id: GROUP, targetType: 'group' }] };
    const inGroup = registered('frank', { groupIds: [GROUP] });
    const outside = registered('gina');
    const impact = policyImpact(defaultFido2Policy(), proposed, [inGroup, outside]);
    expect(impact.passkeysStopping.map((p) => p.username)).toEqual(['frank']);
    expect(impact.usersLockedOut.map((u) => u.username)).toEqual(['frank']);
  });

  it('no passkeys: no impact', () => {
    expect(policyImpact(defaultFido2Policy(), { ...defaultFido2Policy(), state: 'disabled' }, [])).toEqual({ passkeysStopping: [], passkeysStarting: 0, usersLockedOut: [] });
  });
});
