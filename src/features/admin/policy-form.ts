/**
 * The "Passkey policy" screen's form, as the Entra admin centre shows it (Authentication methods
 * > Passkey (FIDO2)): "Enable and target" and "Configure". The Configure settings are the
 * classic ones Microsoft Learn's older articles show (attestation, key restrictions, Microsoft Authenticator,
 * the AAGUID list); in the current Graph model they live in the default passkey profile, so
 * this is where they are read from and written to. Other profiles are kept as they are.
 *
 * Pure: no React, no DOM, unit-tested in Node.
 */
import {
  ALL_USERS,
  type Fido2Policy,
  type Fido2PolicyPatchInput,
  type IncludeTarget,
  MICROSOFT_AUTHENTICATOR_AAGUIDS,
  parseAaguidList,
  type PasskeyProfile,
  type PasskeyTypes,
} from '../../shared/policy';

export interface PolicyFormState {
  /** "Enable": state enabled / disabled. */
  enabled: boolean;
  /** Include: "All users" (the all_users target) or "Select groups". */
  includeAllUsers: boolean;
  /** The all_users target's settings, kept while "Select groups" is chosen. */
  allUsersTarget: IncludeTarget;
  /** Group include targets (kept under "All users" too: the policy may name both). */
  groupTargets: IncludeTarget[];
  /** Excluded group ids. */
  excludeGroupIds: string[];
  /** "Allow self-service set up". */
  selfService: boolean;
  /** Default profile: "Enforce attestation" (registrationOnly) or not (disabled). */
  enforceAttestation: boolean;
  /** Default profile: "Enforce key restrictions". */
  enforceKeyRestrictions: boolean;
  /** Default profile: "Restrict specific keys". */
  enforcementType: 'allow' | 'block';
  /** Default profile's AAGUID list (lower case). */
  aaGuids: string[];
  /** Default profile's passkey types. */
  passkeyTypes: PasskeyTypes;
}

export function defaultProfileOf(policy: Fido2Policy): PasskeyProfile {
  const profile = policy.passkeyProfiles.find((p) => p.id === policy.defaultPasskeyProfile) ?? policy.passkeyProfiles[0];
  if (!profile) throw new Error('The policy has no passkey profile.');
  return profile;
}

function newAllUsersTarget(): IncludeTarget {
  return { id: ALL_USERS, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] };
}

export function formFromPolicy(policy: Fido2Policy): PolicyFormState {
  const profile = defaultProfileOf(policy);
  const allUsers = policy.includeTargets.find((target) => target.id === ALL_USERS);
  return {
    enabled: policy.state === 'enabled',
    includeAllUsers: allUsers !== undefined,
    allUsersTarget: structuredClone(allUsers ?? newAllUsersTarget()),
    groupTargets: structuredClone(policy.includeTargets.filter((target) => target.id !== ALL_USERS)),
    excludeGroupIds: policy.excludeTargets.map((target) => target.id),
    selfService: policy.isSelfServiceRegistrationAllowed,
    enforceAttestation: profile.attestationEnforcement === 'registrationOnly',
    enforceKeyRestrictions: profile.keyRestrictions.isEnforced,
    enforcementType: profile.keyRestrictions.enforcementType,
    aaGuids: [...profile.keyRestrictions.aaGuids],
    passkeyTypes: profile.passkeyTypes,
  };
}

/** The whole document the form describes (profiles other than the default one unchanged). */
export function policyFromForm(policy: Fido2Policy, form: PolicyFormState): Fido2Policy {
  const profile = defaultProfileOf(policy);
  return {
    ...policy,
    state: form.enabled ? 'enabled' : 'disabled',
    isSelfServiceRegistrationAllowed: form.selfService,
    includeTargets: [...(form.includeAllUsers ? [form.allUsersTarget] : []), ...form.groupTargets].map((target) => structuredClone(target)),
    excludeTargets: form.excludeGroupIds.map((id) => ({ id, targetType: 'group' as const })),
    passkeyProfiles: policy.passkeyProfiles.map((p) =>
      p.id !== profile.id
        ? structuredClone(p)
        : {
            ...structuredClone(p),
            passkeyTypes: form.passkeyTypes,
            attestationEnforcement: form.enforceAttestation ? 'registrationOnly' : 'disabled',
            keyRestrictions: { isEnforced: form.enforceKeyRestrictions, enforcementType: form.enforcementType, aaGuids: [...form.aaGuids] },
          },
    ),
  };
}

const patchFields = ['state', 'isSelfServiceRegistrationAllowed', 'includeTargets', 'excludeTargets', 'passkeyProfiles'] as const;

/**
 * The PATCH body for what the form changed: only the top-level fields that differ from the
 * saved policy (each one whole, as Graph's PATCH replaces a field that is sent). Empty when
 * nothing changed.
 */
export function patchFromForm(policy: Fido2Policy, form: PolicyFormState): Fido2PolicyPatchInput {
  const next = policyFromForm(policy, form);
  const patch: Record<string, unknown> = {};
  for (const field of patchFields) {
    if (JSON.stringify(next[field]) !== JSON.stringify(policy[field])) patch[field] = next[field];
  }
  return patch as Fido2PolicyPatchInput;
}

// ---- the AAGUID list ----------------------------------------------------------------------

const microsoftAaguids = Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS) as string[];

/** The "Microsoft Authenticator" checkbox: checked with both AAGUIDs, mixed with one of them. */
export function microsoftAuthenticatorState(aaGuids: readonly string[]): 'checked' | 'mixed' | 'unchecked' {
  const count = microsoftAaguids.filter((aaguid) => aaGuids.includes(aaguid)).length;
  return count === microsoftAaguids.length ? 'checked' : count === 0 ? 'unchecked' : 'mixed';
}

/** Checking adds both of Microsoft Authenticator's AAGUIDs (iOS, Android); unchecking removes both. */
export function setMicrosoftAuthenticator(aaGuids: readonly string[], on: boolean): string[] {
  if (!on) return aaGuids.filter((aaguid) => !microsoftAaguids.includes(aaguid));
  return [...aaGuids, ...microsoftAaguids.filter((aaguid) => !aaGuids.includes(aaguid))];
}

export interface AaguidAddition {
  /** The list with the new AAGUIDs at the end. */
  list: string[];
  added: string[];
  /** Valid AAGUIDs that were in the list already. */
  alreadyListed: string[];
  /** Entries that are not AAGUIDs (as typed). */
  invalid: string[];
}

/** What pasting or typing `text` into "Add AAGUIDs" does to `list`. */
export function addAaguids(list: readonly string[], text: string): AaguidAddition {
  const { aaguids, invalid } = parseAaguidList(text);
  const added = aaguids.filter((aaguid) => !list.includes(aaguid));
  const alreadyListed = aaguids.filter((aaguid) => list.includes(aaguid));
  return { list: [...list, ...added], added, alreadyListed, invalid };
}

/** Plain words for a passkey profile's types. */
export function passkeyTypesWords(types: PasskeyTypes): string {
  return types === 'deviceBound' ? 'Device-bound only' : types === 'synced' ? 'Synced only' : 'Device-bound and synced';
}

/** Plain words for the PATCH's top-level field names (what "Review changes" lists). */
export const fieldWords: Record<string, string> = {
  state: 'Enable',
  isSelfServiceRegistrationAllowed: 'Allow self-service set up',
  includeTargets: 'Include',
  excludeTargets: 'Exclude',
  passkeyProfiles: 'Passkey profiles (attestation, key restrictions, passkey types)',
  defaultPasskeyProfile: 'Default passkey profile',
};
