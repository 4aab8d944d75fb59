/**
 * The SPA's claim that a ceremony was answered by a simulated device (`device.simulated` in a
 * verify request: practice mode, or the QA kit's simulator marking the window), weighed against
 * what the lab verified itself. The claim is never proof: anyone can send it. So it can only add the "simulated" label, never raise trust or satisfy a
 * policy (trust, `attested` and the policy checks ignore it). One exception: a passkey whose
 * attestation chains to a real vendor's root (trust `trusted`) was made by that vendor's device,
 * whatever the page says, so the claim is ignored there rather than contradict the attestation.
 */
import type { AttestationTrust } from '../../shared/schemas.js';
import type { SimulatedBy } from '../../shared/simulator-labels.js';

export interface SimulatedVerdict {
  simulated: boolean;
  /** How the lab knows; absent for a real device. */
  simulatedBy?: SimulatedBy;
}

/** At registration: the attestation (chained to the simulator root) first, then the claim. */
export function simulatedAtRegistration(attestation: { trust: AttestationTrust; simulated?: boolean }, claimed: boolean): SimulatedVerdict {
  if (attestation.simulated) return { simulated: true, simulatedBy: 'attestation' };
  if (claimed && attestation.trust !== 'trusted') return { simulated: true, simulatedBy: 'claim' };
  return { simulated: false };
}

/**
 * At sign-in, for the log entry: what the passkey was stored as, else the claim (a passkey that
 * registered from a real browser but now signs in from practice mode, or an unknown one).
 */
export function simulatedAtSignIn(
  stored: { simulated: number; simulated_by?: SimulatedBy | null | undefined; attestation_trust: AttestationTrust } | undefined,
  claimed: boolean,
): SimulatedVerdict {
  if (stored?.simulated) return { simulated: true, simulatedBy: stored.simulated_by ?? 'attestation' };
  if (claimed && stored?.attestation_trust !== 'trusted') return { simulated: true, simulatedBy: 'claim' };
  return { simulated: false };
}
