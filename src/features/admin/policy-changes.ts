/**
 * What "Review changes" says changed: each setting in words, before and after ("Attestation
 * enforced in “Default passkey profile”: off → on"), rather than which parts of the document
 * the PATCH replaces. Pure, for tests; names come from the caller (groups) and the lab's AAGUID
 * list (providers).
 */
import { providerNameFor } from '../../shared/aaguids';
import { ALL_USERS, type Fido2Policy, type PasskeyProfile } from '../../shared/policy';
import { passkeyTypesWords } from './policy-form';

const onOff = (value: boolean) => (value ? 'on' : 'off');

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function aaguidWords(aaguid: string): string {
  const name = providerNameFor(aaguid);
  return name ? `${aaguid} (${name})` : aaguid;
}

function profileChanges(before: PasskeyProfile, after: PasskeyProfile): string[] {
  const where = `in “${after.name}”`;
  const out: string[] = [];
  if (before.name !== after.name) out.push(`Profile “${before.name}” renamed “${after.name}”`);
  if (before.passkeyTypes !== after.passkeyTypes) {
    out.push(`Passkey types ${where}: ${passkeyTypesWords(before.passkeyTypes)} → ${passkeyTypesWords(after.passkeyTypes)}`);
  }
  if (before.attestationEnforcement !== after.attestationEnforcement) {
    out.push(`Attestation enforced ${where}: ${onOff(before.attestationEnforcement !== 'disabled')} → ${onOff(after.attestationEnforcement !== 'disabled')}`);
  }
  const [was, now] = [before.keyRestrictions, after.keyRestrictions];
  if (was.isEnforced !== now.isEnforced) out.push(`Key restrictions enforced ${where}: ${onOff(was.isEnforced)} → ${onOff(now.isEnforced)}`);
  if (was.enforcementType !== now.enforcementType) {
    out.push(`Key restrictions ${where}: ${was.enforcementType === 'allow' ? 'allow' : 'block'} the listed AAGUIDs → ${now.enforcementType === 'allow' ? 'allow' : 'block'} them`);
  }
  const added = now.aaGuids.filter((aaguid) => !was.aaGuids.includes(aaguid));
  const removed = was.aaGuids.filter((aaguid) => !now.aaGuids.includes(aaguid));
  if (added.length > 0) out.push(`Added to the key restriction list ${where}: ${listed(added.map(aaguidWords))}`);
  if (removed.length > 0) out.push(`Removed from the key restriction list ${where}: ${listed(removed.map(aaguidWords))}`);
  return out;
}

/** One sentence per change from `before` to `after`, in the order of the form; empty when none. */
export function describePolicyChanges(before: Fido2Policy, after: Fido2Policy, groupName: (id: string) => string): string[] {
  const targetName = (id: string) => (id === ALL_USERS ? 'all users' : `the group “${groupName(id)}”`);
  const out: string[] = [];
  if (before.state !== after.state) out.push(after.state === 'enabled' ? 'Passkeys turned on' : 'Passkeys turned off: nobody can use them');
  if (before.isSelfServiceRegistrationAllowed !== after.isSelfServiceRegistrationAllowed) {
    out.push(`Self-service set up: ${onOff(before.isSelfServiceRegistrationAllowed)} → ${onOff(after.isSelfServiceRegistrationAllowed)}`);
  }

  const includedBefore = new Map(before.includeTargets.map((target) => [target.id, target]));
  const includedAfter = new Map(after.includeTargets.map((target) => [target.id, target]));
  const nowIncluded = after.includeTargets.filter((target) => !includedBefore.has(target.id)).map((target) => targetName(target.id));
  const noLongerIncluded = before.includeTargets.filter((target) => !includedAfter.has(target.id)).map((target) => targetName(target.id));
  if (nowIncluded.length > 0) out.push(`Now includes ${listed(nowIncluded)}`);
  if (noLongerIncluded.length > 0) out.push(`No longer includes ${listed(noLongerIncluded)}`);
  for (const target of after.includeTargets) {
    const was = includedBefore.get(target.id);
    if (was && was.isRegistrationRequired !== target.isRegistrationRequired) {
      out.push(`Registration required for ${targetName(target.id)}: ${onOff(was.isRegistrationRequired)} → ${onOff(target.isRegistrationRequired)}`);
    }
  }

  const excludedBefore = new Set(before.excludeTargets.map((target) => target.id));
  const excludedAfter = new Set(after.excludeTargets.map((target) => target.id));
  const nowExcluded = [...excludedAfter].filter((id) => !excludedBefore.has(id)).map(targetName);
  const noLongerExcluded = [...excludedBefore].filter((id) => !excludedAfter.has(id)).map(targetName);
  if (nowExcluded.length > 0) out.push(`Now excludes ${listed(nowExcluded)}`);
  if (noLongerExcluded.length > 0) out.push(`No longer excludes ${listed(noLongerExcluded)}`);

  const profilesBefore = new Map(before.passkeyProfiles.map((profile) => [profile.id, profile]));
  for (const profile of after.passkeyProfiles) {
    const was = profilesBefore.get(profile.id);
    if (was) out.push(...profileChanges(was, profile));
    else out.push(`New passkey profile “${profile.name}”`);
  }
  for (const profile of before.passkeyProfiles) {
    if (!after.passkeyProfiles.some((other) => other.id === profile.id)) out.push(`Passkey profile “${profile.name}” removed`);
  }
  if (before.defaultPasskeyProfile !== after.defaultPasskeyProfile) {
    const name = after.passkeyProfiles.find((profile) => profile.id === after.defaultPasskeyProfile)?.name ?? after.defaultPasskeyProfile;
    out.push(`Default passkey profile: “${name}”`);
  }
  return out;
}
