/**
 * "Prepare allow list": what Set-PasskeyAuthenticationMethodsPolicy (the EntraIDPasskeyHelper
 * PowerShell module) does. It merges
 * the AAGUIDs in use with Microsoft Authenticator's and turns them into an enforced allow list
 * on the default profile, with the method on and self-service allowed, so that switching the
 * allow list on locks nobody out.
 */
import type { z } from 'zod';
import { type Fido2Policy, type Fido2PolicyPatch, MICROSOFT_AUTHENTICATOR_AAGUIDS, WINDOWS_HELLO_AAGUIDS } from '../../shared/policy.js';
import type { prepareAllowListRequest } from '../../shared/tenant.js';

export function microsoftAuthenticatorAaguids(which: 'All' | 'iOS' | 'Android'): string[] {
  return which === 'All' ? Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS) : [MICROSOFT_AUTHENTICATOR_AAGUIDS[which]];
}

export function prepareAllowList(
  policy: Fido2Policy,
  aaguidsInUse: readonly string[],
  { microsoftAaguidsAllowed, enforceAttestation, overwriteExistingAaguids, includeWindowsHello }: z.output<typeof prepareAllowListRequest>,
): Fido2PolicyPatch {
  const profiles = structuredClone(policy.passkeyProfiles);
  const target = profiles.find((profile) => profile.id === policy.defaultPasskeyProfile) ?? profiles[0]!;
  const restrictions = target.keyRestrictions;
  // A block list's entries are not allowed AAGUIDs: they are kept only from an allow list.
  const kept = overwriteExistingAaguids || restrictions.enforcementType !== 'allow' ? [] : restrictions.aaGuids;
  const inUse = aaguidsInUse.map((aaguid) => aaguid.toLowerCase());
  target.keyRestrictions = {
    isEnforced: true,
    enforcementType: 'allow',
    aaGuids: [
      ...new Set([...kept, ...inUse, ...microsoftAuthenticatorAaguids(microsoftAaguidsAllowed), ...(includeWindowsHello ? Object.values(WINDOWS_HELLO_AAGUIDS) : [])]),
    ],
  };
  target.attestationEnforcement = enforceAttestation ? 'registrationOnly' : 'disabled';
  // A profile that enforces attestation cannot allow synced passkeys (they are never attested).
  if (enforceAttestation) target.passkeyTypes = 'deviceBound';
  return { state: 'enabled', isSelfServiceRegistrationAllowed: true, passkeyProfiles: profiles };
}
