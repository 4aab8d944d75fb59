/**
 * The policy at the edge of the ceremonies: reads the stored policy and the user's groups, and
 * turns the pure decision (src/rp/policy/evaluate.ts) into the report's `policy` check (whose
 * failure carries the code). It reads the database, so it lives with the tenant's edge code.
 */
import type { Check } from '../../shared/schemas.js';
import { groupIdsOf } from '../store/groups.js';
import type { Db } from '../store/database.js';
import { readPolicy } from '../store/tenant-settings.js';
import { failed, passed } from '../webauthn/checks.js';
import { evaluatePasskey, policyGate, type Ceremony, type PasskeyFacts, type PolicyDecision } from '../policy/evaluate.js';

/** Groups of a user; a new account (null) is in none yet. */
const groupsOf = (db: Db, userId: string | null) => (userId ? groupIdsOf(db, userId) : []);

function toCheck(decision: PolicyDecision): Check {
  return decision.allowed ? passed('policy', `Tenant policy: ${decision.message}`) : failed('policy', decision.code, `Tenant policy: ${decision.message}`);
}

/** Before a ceremony starts: state, scope and self-service. Null when they pass. */
export function gateCheck(db: Db, userId: string | null, ceremony: Ceremony, options: { startedWithTap?: boolean } = {}): Check | null {
  const refused = policyGate(readPolicy(db), groupsOf(db, userId), ceremony, options);
  return refused ? toCheck(refused) : null;
}

/** After the passkey is verified: the whole policy, as the report's `policy` check. */
export function policyCheck(db: Db, userId: string | null, passkey: PasskeyFacts, ceremony: Ceremony, options: { startedWithTap?: boolean } = {}): Check {
  return toCheck(evaluatePasskey(readPolicy(db), groupsOf(db, userId), passkey, ceremony, options));
}
