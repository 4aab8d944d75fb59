/**
 * The tenant passkey policy, evaluated: pure functions from the policy document, the user's
 * groups and the passkey's facts to a decision with the contract's error code. The rules
 * (docs/design.md, "The policy model"):
 * - state `disabled` stops every passkey;
 * - the user must be in an include target (`all_users` or a group) and in no exclude target;
 * - the user's profiles are those its include targets allow (an empty list: the default);
 *   a passkey that fully satisfies any one of them passes;
 * - a profile checks the passkey type (synced = backup eligible), the AAGUID against its key
 *   restrictions (at registration and sign-in) and, at registration only, attestation.
 */
import type { ErrorCode } from '../../shared/error-codes.js';
import { ALL_USERS, type Fido2Policy, type KeyRestrictions, type PasskeyProfile, type PasskeyTypes } from '../../shared/policy.js';

export type Ceremony = 'registration' | 'authentication';

/** What the relying party knows of a passkey. */
export interface PasskeyFacts {
  aaguid: string;
  /** The BE flag: a synced (multi-device) passkey. */
  backupEligible: boolean;
  /** A verified attestation statement, chained to a known root, vouched for the AAGUID. */
  attested: boolean;
}

export type PolicyDecision =
  | { allowed: true; message: string }
  | { allowed: false; code: Extract<ErrorCode, 'policy_disabled' | 'not_in_policy_scope' | 'self_service_not_allowed' | 'passkey_type_not_allowed' | 'aaguid_blocked' | 'attestation_required'>; message: string };

export interface UserScope {
  inScope: boolean;
  /** Why not, when out of scope. */
  reason: string;
  profiles: PasskeyProfile[];
  /** An include target of the user asks for registration (the registration campaign). */
  registrationRequired: boolean;
}

/** Which include targets reach the user, and so which profiles apply. */
export function scopeOf(policy: Fido2Policy, groupIds: readonly string[]): UserScope {
  const member = (id: string) => id === ALL_USERS || groupIds.includes(id);
  const excludedBy = policy.excludeTargets.find((target) => member(target.id));
  const targets = policy.includeTargets.filter((target) => member(target.id));
  if (excludedBy) return { inScope: false, reason: `The account is in the excluded group ${excludedBy.id}.`, profiles: [], registrationRequired: false };
  if (targets.length === 0) return { inScope: false, reason: 'The account is in none of the policy’s include targets.', profiles: [], registrationRequired: false };
  const ids = new Set(targets.flatMap((target) => (target.allowedPasskeyProfiles.length > 0 ? target.allowedPasskeyProfiles : [policy.defaultPasskeyProfile])));
  return {
    inScope: true,
    reason: '',
    profiles: policy.passkeyProfiles.filter((profile) => ids.has(profile.id)),
    registrationRequired: targets.some((target) => target.isRegistrationRequired),
  };
}

export function keyRestrictionsAllow(restrictions: KeyRestrictions, aaguid: string): boolean {
  if (!restrictions.isEnforced) return true;
  const listed = restrictions.aaGuids.includes(aaguid.toLowerCase());
  return restrictions.enforcementType === 'allow' ? listed : !listed;
}

export function passkeyTypeAllows(types: PasskeyTypes, backupEligible: boolean): boolean {
  return types.split(',').includes(backupEligible ? 'synced' : 'deviceBound');
}

const typeWords = (backupEligible: boolean) => (backupEligible ? 'synced' : 'device-bound');

/** One profile's verdict; `stage` counts the checks passed, to tell which refusal came closest. */
function evaluateProfile(profile: PasskeyProfile, passkey: PasskeyFacts, ceremony: Ceremony): PolicyDecision & { stage: number } {
  const name = `profile "${profile.name}"`;
  if (!passkeyTypeAllows(profile.passkeyTypes, passkey.backupEligible)) {
    return { allowed: false, stage: 0, code: 'passkey_type_not_allowed', message: `The ${name} does not allow ${typeWords(passkey.backupEligible)} passkeys (it allows ${profile.passkeyTypes}).` };
  }
  if (!keyRestrictionsAllow(profile.keyRestrictions, passkey.aaguid)) {
    const how = profile.keyRestrictions.enforcementType === 'allow' ? 'is not on its allow list' : 'is on its block list';
    return { allowed: false, stage: 1, code: 'aaguid_blocked', message: `The AAGUID ${passkey.aaguid} ${how} (${name}).` };
  }
  if (ceremony === 'registration' && profile.attestationEnforcement === 'registrationOnly' && !passkey.attested) {
    return { allowed: false, stage: 2, code: 'attestation_required', message: `The ${name} enforces attestation, and no verified attestation statement chained to a known root came with this passkey.` };
  }
  return { allowed: true, stage: 3, message: `Allowed by the ${name}.` };
}

/**
 * The checks that do not depend on the passkey: state, scope and, at registration,
 * self-service. Null when they pass. `startedWithTap`: the session signed in with a Temporary
 * Access Pass (with self-service off, only such a session may register).
 */
export function policyGate(policy: Fido2Policy, groupIds: readonly string[], ceremony: Ceremony, { startedWithTap = false } = {}): PolicyDecision | null {
  if (policy.state !== 'enabled') return { allowed: false, code: 'policy_disabled', message: 'The passkey (FIDO2) method is disabled for this tenant.' };
  const scope = scopeOf(policy, groupIds);
  if (!scope.inScope) return { allowed: false, code: 'not_in_policy_scope', message: scope.reason };
  if (ceremony === 'registration' && !policy.isSelfServiceRegistrationAllowed && !startedWithTap) {
    return { allowed: false, code: 'self_service_not_allowed', message: 'Self-service set-up is off: only a session started with a Temporary Access Pass may register a passkey.' };
  }
  return null;
}

/** Decides whether the policy lets this passkey register or sign in for a user in these groups. */
export function evaluatePasskey(
  policy: Fido2Policy,
  groupIds: readonly string[],
  passkey: PasskeyFacts,
  ceremony: Ceremony,
  options: { startedWithTap?: boolean } = {},
): PolicyDecision {
  const refused = policyGate(policy, groupIds, ceremony, options);
  if (refused) return refused;
  const verdicts = scopeOf(policy, groupIds).profiles.map((profile) => evaluateProfile(profile, passkey, ceremony));
  if (verdicts.length === 0) return { allowed: false, code: 'not_in_policy_scope', message: 'No passkey profile applies to this account.' };
  const passed = verdicts.find((verdict) => verdict.allowed);
  // None passed: answer with the refusal of the profile that came closest (the first on a tie).
  const { stage: _stage, ...decision } = passed ?? verdicts.reduce((best, next) => (next.stage > best.stage ? next : best));
  return decision;
}

/** The attestation the registration options ask for: `direct` when a profile of the user enforces it. */
export function attestationToRequest(policy: Fido2Policy, groupIds: readonly string[]): 'none' | 'direct' {
  const { profiles } = scopeOf(policy, groupIds);
  return profiles.some((profile) => profile.attestationEnforcement === 'registrationOnly') ? 'direct' : 'none';
}

/**
 * Whether an AAGUID passes the key restrictions of at least one profile an include target uses
 * (for the inventory): a profile no target names lets nobody in, whatever its restrictions.
 */
export function aaguidAllowedByPolicy(policy: Fido2Policy, aaguid: string): boolean {
  if (policy.state !== 'enabled') return false;
  const used = new Set(
    policy.includeTargets.flatMap((target) => (target.allowedPasskeyProfiles.length > 0 ? target.allowedPasskeyProfiles : [policy.defaultPasskeyProfile])),
  );
  return policy.passkeyProfiles.some((profile) => used.has(profile.id) && keyRestrictionsAllow(profile.keyRestrictions, aaguid));
}
