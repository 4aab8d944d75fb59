/**
 * The account page's short version of `unattestedAaguidNote` (src/shared/policy.ts): next to a
 * passkey whose AAGUID no attestation statement vouched for, say that its provider name is only
 * what the authenticator claims. Pure, unit-tested. It does not import the policy module: that
 * brings zod and the policy schemas, which only admin pages need (tools/bench/bundle-graph.test.ts).
 */
import type { Credential } from '../../shared/schemas';

const NO_AAGUID = '00000000-0000-0000-0000-000000000000';

export function unattestedProviderNote(credential: Pick<Credential, 'aaguid' | 'attested' | 'providerName'> & { simulated?: boolean }): string | null {
  // Same rule as unattestedAaguidNote: an attested AAGUID needs no note. A simulated device's
  // passkey is labelled as such instead (src/shared/simulator-labels.ts).
  if (credential.attested || credential.simulated) return null;
  // An authenticator that names no make or model claims nothing.
  if (credential.aaguid === NO_AAGUID) return null;
  return credential.providerName
    ? `Not proven: the authenticator says it is “${credential.providerName}”, but it did not prove it (no attestation), and any authenticator can claim any name.`
    : `Not proven: the authenticator reported a make and model (AAGUID ${credential.aaguid}) but did not prove it (no attestation), so it is only a claim.`;
}
