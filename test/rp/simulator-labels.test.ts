/** The simulated-device labels (src/shared/simulator-labels.ts): the vendor named, never "trusted". */
import { describe, expect, it } from 'vitest';
import { unattestedProviderNote } from '../../src/features/account/unattested-provider-note';
import { inspectedParts, reportParts } from '../../src/lib/decoded-parts';
import type { DecodedAttestationObject, DecodedAuthenticatorData, StatementKind } from '../../src/shared/decoded';
import type { RegistrationReport } from '../../src/shared/schemas';
import { simulatedAttestationLabel, simulatedDeviceLabel, simulatedDeviceTag, vendorOfAaguid } from '../../src/shared/simulator-labels';
import { presetIds, presets } from '../../testkit/core/presets';

describe('simulated device labels', () => {
  it('names the vendor of the real device a preset imitates', () => {
    expect(vendorOfAaguid('90a3ccdf-635c-4729-a248-9b709135078f')).toBe('Microsoft');
    expect(vendorOfAaguid('DE1E552D-DB1D-4423-A619-566B625CDC84')).toBe('Microsoft');
    expect(vendorOfAaguid(presets['yubikey-5'].aaguid)).toBe('Yubico');
    expect(vendorOfAaguid(presets['icloud-keychain'].aaguid)).toBe('Apple');
    expect(vendorOfAaguid('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(vendorOfAaguid(null)).toBeNull();
    for (const id of presetIds) expect(vendorOfAaguid(presets[id].aaguid), id).not.toBeNull();
  });

  it('says "attested by this lab’s simulator, not by <vendor>" while trust is simulated', () => {
    expect(simulatedAttestationLabel('90a3ccdf-635c-4729-a248-9b709135078f')).toBe('Attested by this lab’s simulator, not by Microsoft');
    expect(simulatedAttestationLabel('11111111-2222-4333-8444-555555555555')).toBe('Attested by this lab’s simulator, not by the authenticator’s maker');
    expect(simulatedDeviceLabel(presets['windows-hello-hardware'].aaguid, 'simulated')).toBe('Attested by this lab’s simulator, not by Microsoft');
  });

  it('says the simulator is not trusted when the trust is not simulated (devices off), and never says trusted', () => {
    const label = simulatedDeviceLabel(presets['microsoft-authenticator-ios'].aaguid, 'untrusted');
    expect(label).toMatch(/not trusted while simulated devices are off/);
    expect(label).toMatch(/Microsoft did not attest it/);
    for (const trust of ['simulated', 'untrusted', 'not checked', null]) expect(simulatedDeviceLabel(presets['yubikey-5'].aaguid, trust)).not.toMatch(/\btrusted\b(?! while)/);
  });

  it('tags a log entry as a simulated device of the vendor it imitates', () => {
    expect(simulatedDeviceTag(presets['microsoft-authenticator-android'].aaguid)).toBe('Simulated device, not a real Microsoft one');
    expect(simulatedDeviceTag(null)).toBe('Simulated device, not a real authenticator');
  });

  it('the inspector’s parts carry the label: from a ceremony report, and worked out from the AAGUID for the decoder', () => {
    const aaguid = presets['microsoft-authenticator-ios'].aaguid;
    const authenticatorData: DecodedAuthenticatorData = {
      rpIdHash: '00',
      flags: { up: true, uv: true, be: false, bs: false, at: true, ed: false, value: 0x45 },
      signCount: 0,
      attestedCredentialData: { aaguid, providerName: null, credentialId: 'cred', publicKey: { kty: 'EC2', alg: -7, algName: 'ES256' } },
    };
    const statement = (fmt: string, statementKind: StatementKind): DecodedAttestationObject => ({ fmt, statementKind, attStmtKeys: [], certificates: [], authenticatorData });
    const registrationReport = (decoded: RegistrationReport['decoded']): RegistrationReport => ({ ceremony: 'registration', options: null, checks: [], decoded });
    const report = reportParts(
      registrationReport({
        attestation: statement('packed', 'basic'),
        attestationTrust: { trust: 'simulated', message: 'm', simulated: true, label: 'Attested by this lab’s simulator, not by Microsoft' },
      }),
    );
    expect(report.attestation).toMatchObject({ trust: 'simulated', simulated: true, label: 'Attested by this lab’s simulator, not by Microsoft' });
    const inspected = inspectedParts({
      kind: 'registration',
      decoded: {
        id: 'cred',
        type: 'public-key',
        clientData: { type: 'webauthn.create', challenge: 'c', origin: 'http://localhost:3000', raw: {} },
        rpIdFromOrigin: null,
        attestationObject: statement('packed', 'basic'),
        attestation: { fmt: 'packed', statementKind: 'basic', verification: { verified: false, trust: 'untrusted', message: 'm', simulated: true } },
        idMatchesCredentialId: true,
      },
    });
    expect(inspected.attestation).toMatchObject({ trust: 'untrusted', simulated: true });
    expect(inspected.attestation?.label).toMatch(/not trusted while simulated devices are off/);
    expect(reportParts(registrationReport({ attestation: statement('none', 'none'), attestationTrust: { trust: 'not applicable', message: 'm' } })).attestation?.label).toBeUndefined();
  });
});

describe('account page note', () => {
  it('a simulated passkey gets the simulator label, not the "only a claim" note', () => {
    const aaguid = presets['microsoft-authenticator-ios'].aaguid;
    expect(unattestedProviderNote({ aaguid, attested: false, providerName: 'Microsoft Authenticator (iOS)', simulated: true })).toBeNull();
    expect(unattestedProviderNote({ aaguid, attested: false, providerName: 'Microsoft Authenticator (iOS)', simulated: false })).toMatch(/Not proven/);
  });
});
