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

/** Where no trust is known (a sign-in log entry): "Simulated device, not a real Microsoft one". */
export function simulatedDeviceTag(aaguid: string | null | undefined): string {
  const vendor = vendorOfAaguid(aaguid);
  return vendor ? `Simulated device, not a real ${vendor} one` : 'Simulated device, not a real authenticator';
}
