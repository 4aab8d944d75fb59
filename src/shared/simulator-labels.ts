/**
 * The words every page uses for a simulated device's passkey: its attestation chains to this
 * lab's simulator root, so it is "attested by this lab's simulator, not by <the vendor>", and its
 * trust reads `simulated`, never `trusted`. Pure and free of zod, so end-user pages can use it.
 */
import { presetIds, presets } from '../../testkit/core/presets.js';
import type { PresetId } from '../../testkit/core/types.js';

/** Who makes the real device each preset imitates (the maker whose attestation it is not). */
const presetVendors: Readonly<Record<PresetId, string>> = {
  'microsoft-authenticator-ios': 'Microsoft',
  'microsoft-authenticator-android': 'Microsoft',
  'windows-hello-hardware': 'Microsoft',
  'windows-hello-software': 'Microsoft',
  'yubikey-5': 'Yubico',
  'icloud-keychain': 'Apple',
  'google-password-manager': 'Google',
  '1password': '1Password',
  bitwarden: 'Bitwarden',
};

/** The maker of the real device with this AAGUID, when a preset imitates it. */
export function vendorOfAaguid(aaguid: string | null | undefined): string | null {
  const wanted = aaguid?.trim().toLowerCase();
  const preset = presetIds.find((id) => presets[id].aaguid === wanted);
  return preset ? presetVendors[preset] : null;
}

/** "Attested by this lab’s simulator, not by Microsoft". */
export function simulatedAttestationLabel(aaguid: string | null | undefined): string {
  return `Attested by this lab’s simulator, not by ${vendorOfAaguid(aaguid) ?? 'the authenticator’s maker'}`;
}

/**
 * The label for a passkey, report or log entry from a simulated device: attested by the simulator
 * while its trust is `simulated`; otherwise (simulated devices were off) not trusted at all.
 */
export function simulatedDeviceLabel(aaguid: string | null | undefined, attestationTrust?: string | null): string {
  if (attestationTrust === 'simulated') return simulatedAttestationLabel(aaguid);
  return `Simulated device: its attestation chains to this lab’s simulator, which is not trusted while simulated devices are off (${vendorOfAaguid(aaguid) ?? 'the maker'} did not attest it)`;
}

/**
 * Where no trust is known (a sign-in log entry): "Simulated device, not a real Microsoft one"; for a
 * passkey practice mode only claimed was simulated, the claim's label.
 */
export function simulatedDeviceTag(aaguid: string | null | undefined, simulatedBy?: SimulatedBy | null): string {
  if (simulatedBy === 'claim') return SIMULATED_CLAIM_LABEL;
  const vendor = vendorOfAaguid(aaguid);
  return vendor ? `Simulated device, not a real ${vendor} one` : 'Simulated device, not a real authenticator';
}

/**
 * How the lab knows a passkey is simulated:
 * - `attestation`: its attestation chains to this lab's simulator root (proof, as far as the lab goes);
 * - `claim`: the lab's SPA said so with the verify request (`device.simulated`: practice mode, or
 *   the QA kit's simulator marking the window) and nothing attested it (the simulator answers
 *   attestation `none` as browsers do when the options ask for none). Anyone can send that claim;
 *   it only ever adds the "simulated" label and never raises trust, so a false one harms nobody.
 */
export const simulatedByValues = ['attestation', 'claim'] as const;
export type SimulatedBy = (typeof simulatedByValues)[number];

/** The label of a passkey the page said was simulated (practice mode, or the QA kit's simulator), which nothing attested. */
export const SIMULATED_CLAIM_LABEL = 'Simulated device: not attested';

/** What a passkey, credential or report says about being simulated (the API's `simulated` and `simulatedBy`). */
export interface SimulatedFacts {
  simulated?: boolean | null | undefined;
  simulatedBy?: SimulatedBy | null | undefined;
  aaguid?: string | null | undefined;
  attestationTrust?: string | null | undefined;
}

/**
 * The one label for a simulated passkey, or null for a real one: "Simulated device: not
 * attested" for a claim, "Attested by this lab’s simulator, not by Microsoft" for an attested one.
 * `simulated` without `simulatedBy` (older answers) counts as attested by the simulator.
 */
export function simulatedLabelOf(facts: SimulatedFacts): string | null {
  if (!facts.simulated && !facts.simulatedBy) return null;
  if (facts.simulatedBy === 'claim') return SIMULATED_CLAIM_LABEL;
  return simulatedDeviceLabel(facts.aaguid, facts.attestationTrust);
}

/** "Microsoft Authenticator (iOS) (simulated)": the provider's name, marked when the device was simulated. */
export function simulatedProviderName(providerName: string, facts: SimulatedFacts): string {
  return facts.simulated || facts.simulatedBy ? `${providerName} (simulated)` : providerName;
}

/**
 * The AAGUID inventory's note for a provider with simulated passkeys (attested by the simulator or
 * only claimed by practice mode): "Simulated (2 of 3 passkeys): from this lab’s simulated devices, not real Microsoft ones".
 */
export function simulatedInventoryNote(usage: { aaguid: string; passkeys: number; simulatedPasskeys: number }): string | null {
  if (usage.simulatedPasskeys <= 0) return null;
  const share = usage.simulatedPasskeys < usage.passkeys ? ` (${usage.simulatedPasskeys} of ${usage.passkeys} passkeys)` : '';
  const vendor = vendorOfAaguid(usage.aaguid);
  return `Simulated${share}: from this lab’s simulated devices, ${vendor ? `not real ${vendor} ones` : 'not real authenticators'}`;
}
