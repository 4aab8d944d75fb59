import { describe, expect, it } from 'vitest';
import { defaultFido2Policy, type Fido2Policy, MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../../shared/policy';
import { describePolicyChanges } from './policy-changes';

const groups: Record<string, string> = { g1: 'Pilot', g2: 'Contractors' };
const groupName = (id: string) => groups[id] ?? id;

function changed(edit: (policy: Fido2Policy) => void): string[] {
  const before = defaultFido2Policy();
  const after = structuredClone(before);
  edit(after);
  return describePolicyChanges(before, after, groupName);
}

describe('describePolicyChanges', () => {
  it('says nothing when nothing changed', () => {
    expect(changed(() => {})).toEqual([]);
  });

  it('names each setting of a profile that changed, with before and after, not the category', () => {
    const lines = changed((policy) => {
      const profile = policy.passkeyProfiles[0]!;
      profile.attestationEnforcement = 'registrationOnly';
      profile.keyRestrictions = { isEnforced: true, enforcementType: 'allow', aaGuids: [MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS] };
    });
    expect(lines).toEqual([
      'Attestation enforced in “Default passkey profile”: off → on',
      'Key restrictions enforced in “Default passkey profile”: off → on',
      'Key restrictions in “Default passkey profile”: block the listed AAGUIDs → allow them',
      expect.stringMatching(/^Added to the key restriction list in “Default passkey profile”: 90a3ccdf-635c-4729-a248-9b709135078f \(Microsoft Authenticator/),
    ]);
    expect(lines.join(' ')).not.toContain('Passkey profiles (attestation, key restrictions, passkey types)');
  });

  it('names the groups that are now included or excluded, and registration required', () => {
    expect(
      changed((policy) => {
        policy.includeTargets = [{ id: 'g1', targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [] }];
        policy.excludeTargets = [{ id: 'g2', targetType: 'group' }];
      }),
    ).toEqual(['Now includes the group “Pilot”', 'No longer includes all users', 'Now excludes the group “Contractors”']);
    expect(
      changed((policy) => {
        policy.includeTargets[0]!.isRegistrationRequired = true;
      }),
    ).toEqual(['Registration required for all users: off → on']);
  });

  it('says when passkeys or self-service are turned off', () => {
    expect(
      changed((policy) => {
        policy.state = 'disabled';
        policy.isSelfServiceRegistrationAllowed = false;
      }),
    ).toEqual(['Passkeys turned off: nobody can use them', 'Self-service set up: on → off']);
  });

  it('lists AAGUIDs taken off the list, and passkey types in words', () => {
    const before = defaultFido2Policy();
    before.passkeyProfiles[0]!.keyRestrictions.aaGuids = ['01020304-0506-0708-0102-030405060708'];
    const after = structuredClone(before);
    after.passkeyProfiles[0]!.keyRestrictions.aaGuids = [];
    after.passkeyProfiles[0]!.passkeyTypes = 'deviceBound';
    expect(describePolicyChanges(before, after, groupName)).toEqual([
      'Passkey types in “Default passkey profile”: Device-bound and synced → Device-bound only',
      expect.stringMatching(/^Removed from the key restriction list in “Default passkey profile”: 01020304-0506-0708-0102-030405060708/),
    ]);
  });
});
