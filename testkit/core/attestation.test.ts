/**
 * Packed attestation with an x5c chain from the simulator CA, verified by @simplewebauthn/server
 * (WebAuthn §8.2.1 checks on the certificate, the chain to the root, the signature).
 */
import { generateRegistrationOptions, SettingsService, verifyRegistrationResponse } from '@simplewebauthn/server';
import { decodeAttestationObject, isoBase64URL } from '@simplewebauthn/server/helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { createSoftAuthenticator, type PresetId, presetIds, presets } from '../node';
import { createSimulatorCa } from './simulator-ca';
import type { AttestationIssuer } from './types';

const origin = 'http://localhost:3000';

async function attestedRegistration(id: PresetId, issuer: AttestationIssuer | undefined, attestation: 'direct' | 'none' = 'direct') {
  const device = createSoftAuthenticator(id, issuer ? { issuer } : {});
  const options = await generateRegistrationOptions({ rpName: 'Lab', rpID: 'localhost', userName: 'alice', attestationType: attestation });
  const response = await device.register(options);
  const fmt = decodeAttestationObject(isoBase64URL.toBuffer(response.response.attestationObject)).get('fmt');
  const verify = () => verifyRegistrationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: 'localhost' });
  return { device, response, fmt, verify };
}

afterEach(() => SettingsService.setRootCertificates({ identifier: 'packed', certificates: [] }));

const attesting = presetIds.filter((id) => presets[id].attestation === 'packed');
const synced = presetIds.filter((id) => presets[id].kind === 'synced');

describe('packed attestation', () => {
  it.each(attesting)('%s: packed + x5c chains to the simulator root and verifies', async (id) => {
    const ca = await createSimulatorCa();
    SettingsService.setRootCertificates({ identifier: 'packed', certificates: [ca.rootPem] });
    const { fmt, verify, device } = await attestedRegistration(id, ca);
    expect(fmt).toBe('packed');
    expect(device.notices).toEqual([]);
    const result = await verify();
    expect(result.verified).toBe(true);
    expect(result.registrationInfo?.fmt).toBe('packed');
    expect(result.registrationInfo?.aaguid).toBe(presets[id].aaguid);
    expect(result.registrationInfo?.credentialDeviceType).toBe('singleDevice');
  });

  it('a chain to another root does not verify (the root is what is trusted)', async () => {
    const [ca, other] = [await createSimulatorCa(), await createSimulatorCa()];
    SettingsService.setRootCertificates({ identifier: 'packed', certificates: [other.rootPem] });
    const { verify } = await attestedRegistration('yubikey-5', ca);
    await expect(verify()).rejects.toThrow();
  });

  it('the attestation signature is checked: a wrong-key signature fails', async () => {
    const ca = await createSimulatorCa();
    SettingsService.setRootCertificates({ identifier: 'packed', certificates: [ca.rootPem] });
    const device = createSoftAuthenticator('windows-hello-hardware', { issuer: ca });
    const options = await generateRegistrationOptions({ rpName: 'Lab', rpID: 'localhost', userName: 'alice', attestationType: 'direct' });
    const response = await device.register(options, { signature: 'wrong-key' });
    const result = await verifyRegistrationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: 'localhost' }).catch(() => ({ verified: false }));
    expect(result.verified).toBe(false);
  });

  it('one attestation key per device: two registrations carry the same leaf certificate', async () => {
    const ca = await createSimulatorCa();
    const device = createSoftAuthenticator('microsoft-authenticator-android', { issuer: ca });
    const leaves: string[] = [];
    for (const userName of ['a', 'b']) {
      const options = await generateRegistrationOptions({ rpName: 'Lab', rpID: 'localhost', userName, attestationType: 'direct' });
      const statement = decodeAttestationObject(isoBase64URL.toBuffer((await device.register(options)).response.attestationObject)).get('attStmt');
      leaves.push(isoBase64URL.fromBuffer(statement.get('x5c')![0]!));
    }
    expect(leaves[0]).toBe(leaves[1]);
  });

  it('without an issuer an attesting preset answers "none" and says so', async () => {
    const { fmt, device, verify } = await attestedRegistration('microsoft-authenticator-ios', undefined);
    expect(fmt).toBe('none');
    expect(device.notices.join(' ')).toMatch(/No attestation issuer/);
    expect((await verify()).registrationInfo?.aaguid).toBe(presets['microsoft-authenticator-ios'].aaguid);
  });

  it('an issuer that fails (e.g. simulated devices off on the server): "none" with a notice; asked again next time', async () => {
    const ca = await createSimulatorCa();
    let calls = 0;
    const flaky: AttestationIssuer = {
      issue: async (request) => {
        calls += 1;
        if (calls === 1) throw new Error('404 not_found');
        return ca.issue(request);
      },
    };
    const device = createSoftAuthenticator('yubikey-5', { issuer: flaky });
    const fmtOf = async (userName: string) => {
      const options = await generateRegistrationOptions({ rpName: 'Lab', rpID: 'localhost', userName, attestationType: 'direct' });
      return decodeAttestationObject(isoBase64URL.toBuffer((await device.register(options)).response.attestationObject)).get('fmt');
    };
    expect(await fmtOf('a')).toBe('none');
    expect(device.notices.join(' ')).toMatch(/issuer failed \(404 not_found\)/);
    expect(await fmtOf('b')).toBe('packed');
    expect(calls).toBe(2);
  });

  it('attestation "none" requested: fmt none, the real AAGUID kept', async () => {
    const ca = await createSimulatorCa();
    const { fmt, verify } = await attestedRegistration('microsoft-authenticator-ios', ca, 'none');
    expect(fmt).toBe('none');
    expect((await verify()).registrationInfo?.aaguid).toBe('90a3ccdf-635c-4729-a248-9b709135078f');
  });

  it.each(synced)('%s: synced, never attested (fmt none), BE and BS set', async (id) => {
    const ca = await createSimulatorCa();
    const { fmt, verify } = await attestedRegistration(id, ca);
    expect(fmt).toBe('none');
    const info = (await verify()).registrationInfo;
    expect(info?.credentialDeviceType).toBe('multiDevice');
    expect(info?.credentialBackedUp).toBe(true);
    expect(info?.credential.counter).toBe(0);
  });
});
