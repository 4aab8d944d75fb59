/**
 * Graph's PATCH semantics for the passkey policy: a top-level field that is present in the
 * body replaces the stored one whole (arrays included: `passkeyProfiles` replaces every
 * profile, `includeTargets` every target); absent fields are kept. `@odata.type` and `id`
 * are accepted in the body and ignored. The result still needs validatePolicy (unknown
 * groups, a default profile that no longer exists, ...).
 */
import type { Fido2Policy, Fido2PolicyPatch } from '../../shared/policy.js';

const replaceableFields = [
  'state',
  'isSelfServiceRegistrationAllowed',
  'includeTargets',
  'excludeTargets',
  'passkeyProfiles',
  'defaultPasskeyProfile',
] as const satisfies readonly (keyof Fido2Policy & keyof Fido2PolicyPatch)[];

/** Returns a new policy; neither argument is changed (the result shares nothing with them). */
export function applyPolicyPatch(policy: Fido2Policy, patch: Fido2PolicyPatch): Fido2Policy {
  const next: Fido2Policy = structuredClone(policy);
  for (const field of replaceableFields) {
    const value = patch[field];
    if (value !== undefined) (next as Record<typeof field, unknown>)[field] = structuredClone(value);
  }
  return next;
}

/** The top-level fields a patch would change (compared by value), in document order. */
export function changedFields(policy: Fido2Policy, patch: Fido2PolicyPatch): (typeof replaceableFields)[number][] {
  return replaceableFields.filter((field) => patch[field] !== undefined && JSON.stringify(patch[field]) !== JSON.stringify(policy[field]));
}
