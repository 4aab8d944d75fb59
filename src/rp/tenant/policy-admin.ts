/**
 * The policy document's life at the edge: a PATCH body is parsed, merged into the stored
 * document and validated against the tenant's groups; previews evaluate the result against
 * every registered passkey without saving.
 */
import { type Fido2Policy, type Fido2PolicyPatch, parsePolicyPatch, validatePolicy } from '../../shared/policy.js';
import { measurePolicy } from '../../shared/policy-size.js';
import type { PolicyPreview } from '../../shared/tenant.js';
import type { Deps } from '../http/env.js';
import { RpError } from '../http/rp-error.js';
import { policyImpact, type RegisteredPasskey } from '../policy/impact.js';
import { applyPolicyPatch, changedFields } from '../policy/merge-patch.js';
import { listAllCredentials } from '../store/credentials.js';
import { groupIdsOf, listGroups } from '../store/groups.js';
import { readPolicy } from '../store/tenant-settings.js';

/** The document a PATCH body would produce (nothing saved), or 400 invalid_request naming the field. */
export function patchedPolicy({ db }: Deps, body: unknown): { patch: Fido2PolicyPatch; current: Fido2Policy; next: Fido2Policy } {
  const parsed = parsePolicyPatch(body);
  if (!parsed.ok) throw new RpError('invalid_request', parsed.message, parsed.field || undefined);
  const current = readPolicy(db);
  const validated = validatePolicy(applyPolicyPatch(current, parsed.patch), { groupIds: listGroups(db).map((group) => group.id) });
  if (!validated.ok) throw new RpError('invalid_request', validated.message, validated.field || undefined);
  const size = measurePolicy(validated.policy);
  if (!size.fits) {
    throw new RpError('policy_too_large', `The policy would be ${size.bytes.toLocaleString('en')} bytes; Microsoft Entra ID keeps the authentication methods policy under 20 KB (${size.limit.toLocaleString('en')} bytes). Shorten the AAGUID lists or remove a profile.`);
  }
  return { patch: parsed.patch, current, next: validated.policy };
}

export function registeredPasskeys({ db, directory }: Deps): RegisteredPasskey[] {
  const groups = new Map<string, string[]>();
  return listAllCredentials(db).map((row) => {
    if (!groups.has(row.user_id)) groups.set(row.user_id, groupIdsOf(db, row.user_id));
    return {
      credentialId: row.id,
      nickname: row.nickname,
      userId: row.user_id,
      username: row.username,
      providerName: directory.lookup(row.aaguid).name,
      aaguid: row.aaguid,
      backupEligible: row.device_type === 'multiDevice',
      attested: row.attested === 1,
      groupIds: groups.get(row.user_id)!,
    };
  });
}

export function previewPolicy(deps: Deps, body: unknown): PolicyPreview {
  const { patch, current, next } = patchedPolicy(deps, body);
  return { patch, policy: next, changedFields: changedFields(current, patch), impact: policyImpact(current, next, registeredPasskeys(deps)) };
}
