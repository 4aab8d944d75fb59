/** The labels for simulated passkeys: attested by the lab's simulator, or only claimed by practice mode. */
import { describe, expect, it } from 'vitest';
import { presets } from '../../testkit/core/presets';
import { SIMULATED_CLAIM_LABEL, simulatedDeviceTag, simulatedInventoryNote, simulatedLabelOf, simulatedProviderName } from './simulator-labels';

const ios = presets['microsoft-authenticator-ios'].aaguid;

describe('simulatedLabelOf', () => {
  it('is null for a real device', () => {
    expect(simulatedLabelOf({ simulated: false, aaguid: ios, attestationTrust: 'trusted' })).toBeNull();
    expect(simulatedLabelOf({})).toBeNull();
  });

  it('says "not attested" for a passkey the SPA only claimed, whatever the AAGUID', () => {
    expect(SIMULATED_CLAIM_LABEL).toBe('Simulated device: not attested');
    expect(simulatedLabelOf({ simulated: true, simulatedBy: 'claim', aaguid: ios, attestationTrust: 'not applicable' })).toBe(SIMULATED_CLAIM_LABEL);
    expect(simulatedLabelOf({ simulatedBy: 'claim' })).toBe(SIMULATED_CLAIM_LABEL);
  });

  it('names the vendor that did not attest an attested one (also for answers without simulatedBy)', () => {
    expect(simulatedLabelOf({ simulated: true, simulatedBy: 'attestation', aaguid: ios, attestationTrust: 'simulated' })).toBe('Attested by this lab’s simulator, not by Microsoft');
    expect(simulatedLabelOf({ simulated: true, aaguid: presets['yubikey-5'].aaguid, attestationTrust: 'simulated' })).toBe('Attested by this lab’s simulator, not by Yubico');
    expect(simulatedLabelOf({ simulated: true, simulatedBy: 'attestation', aaguid: ios, attestationTrust: 'untrusted' })).toMatch(/not trusted while simulated devices are off/);
  });
});

describe('the other simulated labels', () => {
  it('marks the provider’s name', () => {
    expect(simulatedProviderName('Microsoft Authenticator (iOS)', { simulated: true, simulatedBy: 'claim' })).toBe('Microsoft Authenticator (iOS) (simulated)');
    expect(simulatedProviderName('Microsoft Authenticator (iOS)', { simulated: false })).toBe('Microsoft Authenticator (iOS)');
  });

  it('tags a log entry by how the lab knows', () => {
    expect(simulatedDeviceTag(ios, 'claim')).toBe(SIMULATED_CLAIM_LABEL);
    expect(simulatedDeviceTag(ios, 'attestation')).toBe('Simulated device, not a real Microsoft one');
    expect(simulatedDeviceTag(ios)).toBe('Simulated device, not a real Microsoft one');
  });

  it('words the inventory’s count without claiming an attestation', () => {
    expect(simulatedInventoryNote({ aaguid: ios, passkeys: 3, simulatedPasskeys: 0 })).toBeNull();
    expect(simulatedInventoryNote({ aaguid: ios, passkeys: 3, simulatedPasskeys: 2 })).toBe('Simulated (2 of 3 passkeys): from this lab’s simulated devices, not real Microsoft ones');
    expect(simulatedInventoryNote({ aaguid: ios, passkeys: 1, simulatedPasskeys: 1 })).toBe('Simulated: from this lab’s simulated devices, not real Microsoft ones');
    expect(simulatedInventoryNote({ aaguid: '11111111-2222-4333-8444-555555555555', passkeys: 1, simulatedPasskeys: 1 })).toMatch(/not real authenticators$/);
  });
});
