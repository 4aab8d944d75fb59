/**
 * What a policy change would do to the passkeys already registered, before it is saved: each
 * passkey's sign-in is evaluated under the current and the proposed policy.
 */
import type { Fido2Policy } from '../../shared/policy.js';
import type { PolicyImpact, PolicyRefusalCode } from '../../shared/tenant.js';
import { evaluatePasskey, type PasskeyFacts } from './evaluate.js';

export interface RegisteredPasskey extends PasskeyFacts {
  credentialId: string;
  nickname: string;
  userId: string;
  username: string;
  providerName: string | null;
  /** The owner's group ids. */
  groupIds: readonly string[];
}

export function policyImpact(current: Fido2Policy, proposed: Fido2Policy, passkeys: readonly RegisteredPasskey[]): PolicyImpact {
  const impact: PolicyImpact = { passkeysStopping: [], passkeysStarting: 0, usersLockedOut: [] };
  const usable = new Map<string, { username: string; before: number; after: number; passkeys: number }>();
  for (const passkey of passkeys) {
    const before = evaluatePasskey(current, passkey.groupIds, passkey, 'authentication');
    const after = evaluatePasskey(proposed, passkey.groupIds, passkey, 'authentication');
    const user = usable.get(passkey.userId) ?? { username: passkey.username, before: 0, after: 0, passkeys: 0 };
    user.passkeys += 1;
    if (before.allowed) user.before += 1;
    if (after.allowed) user.after += 1;
    usable.set(passkey.userId, user);
    if (before.allowed && !after.allowed) {
      impact.passkeysStopping.push({
        credentialId: passkey.credentialId,
        nickname: passkey.nickname,
        username: passkey.username,
        aaguid: passkey.aaguid,
        providerName: passkey.providerName,
        // Sign-in never answers self_service_not_allowed or attestation_required.
        code: after.code as PolicyRefusalCode,
        reason: after.message,
      });
    }
    if (!before.allowed && after.allowed) impact.passkeysStarting += 1;
  }
  for (const [userId, user] of usable) {
    if (user.before > 0 && user.after === 0) impact.usersLockedOut.push({ userId, username: user.username, passkeys: user.passkeys });
  }
  return impact;
}
