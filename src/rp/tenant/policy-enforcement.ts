/**
 * The policy at the edge of the ceremonies: reads the stored policy and the user's groups, and
 * turns the pure decision (src/rp/policy/evaluate.ts) into the report's `policy` check (whose
 * failure carries the code). It reads the database, so it lives with the tenant's edge code.
 */
import type { Check } from '../../shared/schemas.js';
import { type Ceremony, evaluatePasskey, type PasskeyFacts, type PolicyDecision, policyGate } from '../policy/evaluate.js';
import type { Db } from '../store/database.js';
import { groupIdsOf } from '../store/groups.js';
import { readPolicy } from '../store/tenant-settings.js';
import { failed, passed } from '../webauthn/checks.js';
import { passkeysByDefaultApplies, withPasskeysByDefault } from './rollout.js';

/**
 * The policy and groups a user is judged by: the stored policy, plus — from 1 September 2026 on
 * the tenant's clock, for users with SMS — the passkeys-by-default target (./rollout.ts). A new
 * account (null) is in no group yet. `now` is the server's clock (Deps.now), so a test or the
 * guide that brings its own clock gets the rules of its day.
 */
function policyFor(db: Db, now: number, userId: string | null) {
  const groupIds = userId ? groupIdsOf(db, userId) : [];
  return withPasskeysByDefault(readPolicy(db), groupIds, passkeysByDefaultApplies(db, now, userId));
}

function toCheck(decision: PolicyDecision): Check {
  return decision.allowed ? passed('policy', `Tenant policy: ${decision.message}`) : failed('policy', decision.code, `Tenant policy: ${decision.message}`);
}

/** Before a ceremony starts: state, scope and self-service. Null when they pass. */
export function gateCheck(db: Db, now: number, userId: string | null, ceremony: Ceremony, options: { startedWithTap?: boolean } = {}): Check | null {
  const { policy, groupIds } = policyFor(db, now, userId);
  const refused = policyGate(policy, groupIds, ceremony, options);
  return refused ? toCheck(refused) : null;
}

/** After the passkey is verified: the whole policy, as the report's `policy` check. */
export function policyCheck(db: Db, now: number, userId: string | null, passkey: PasskeyFacts, ceremony: Ceremony, options: { startedWithTap?: boolean } = {}): Check {
  const { policy, groupIds } = policyFor(db, now, userId);
  return toCheck(evaluatePasskey(policy, groupIds, passkey, ceremony, options));
}
