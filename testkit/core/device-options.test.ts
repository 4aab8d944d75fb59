/**
 * Custom devices, device options on top of a preset, key algorithms and the registration tamper
 * hooks a relying party's tests need (attestation, transports, clientDataJSON), each checked
 * against @simplewebauthn/server: what it makes verifies, and what it breaks is refused.
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import type { WebAuthnCredential } from '@simplewebauthn/server';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  SettingsService,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { decodeAttestationObject, isoBase64URL, isoCBOR, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { createSoftAuthenticator, type DeviceOptions, presets, type Tamper, ZERO_AAGUID } from '../node';
import { createSimulatorCa } from './simulator-ca';

const origin = 'http://localhost:3000';
const rpID = 'localhost';
const OTHER_AAGUID = 'c0ffee00-1ab0-4a55-9e1d-0000000a77e5';

afterEach(() => SettingsService.setRootCertificates({ identifier: 'packed', certificates: [] }));

async function registration(device: DeviceOptions | Parameters<typeof createSoftAuthenticator>[0], tamper: Tamper = {}, extra: Partial<Parameters<typeof generateRegistrationOptions>[0]> = {}) {
  const authenticator = createSoftAuthenticator(device);
  const options = await generateRegistrationOptions({ rpName: 'Lab', rpID, userName: 'alice', authenticatorSelection: { userVerification: 'required' }, ...extra });
  const response = await authenticator.register(options, tamper);
  const attestation = decodeAttestationObject(isoBase64URL.toBuffer(response.response.attestationObject));
  const verify = () => verifyRegistrationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true });
  return { authenticator, options, response, attestation, authData: parseAuthenticatorData(attestation.get('authData')), verify };
}

async function signIn(authenticator: ReturnType<typeof createSoftAuthenticator>, credential: WebAuthnCredential, tamper: Tamper = {}) {
  const options = await generateAuthenticationOptions({ rpID, userVerification: 'required' });
  const response = await authenticator.authenticate(options, tamper);
  return {
    response,
    authData: parseAuthenticatorData(isoBase64URL.toBuffer(response.response.authenticatorData)),
    verify: () => verifyAuthenticationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, credential, requireUserVerification: true }),
  };
}

describe('a custom device (DeviceOptions without a preset)', () => {
  it('defaults: AAGUID all zeros, BE = BS = 0, internal transport, platform attachment, a counter that counts', async () => {
    const { authenticator, response, authData, verify } = await registration({});
    expect(authenticator.preset).toMatchObject({ id: 'custom', aaguid: ZERO_AAGUID, attachment: 'platform', attestation: 'none' });
    expect(authData.flags).toMatchObject({ up: true, uv: true, be: false, bs: false, at: true });
    expect(isoBase64URL.fromBuffer(authData.aaguid!)).toBe(isoBase64URL.fromBuffer(new Uint8Array(16)));
    expect(response.response.transports).toEqual(['internal']);
    expect(response.authenticatorAttachment).toBe('platform');
    const info = (await verify()).registrationInfo!;
    expect(info.credentialDeviceType).toBe('singleDevice');
    const credential = { id: info.credential.id, publicKey: info.credential.publicKey, counter: 0 };
    for (const expected of [1, 2]) expect((await signIn(authenticator, credential)).authData.counter).toBe(expected);
    expect((await authenticator.credentials())[0]).toMatchObject({ preset: 'custom', aaguid: ZERO_AAGUID, signCount: 2 });
  });

  it('AAGUID, backup flags, transports and no counter, as given', async () => {
    const device: DeviceOptions = { aaguid: OTHER_AAGUID.toUpperCase(), backupEligible: true, backupState: false, transports: ['usb', 'nfc'], counterless: true };
    const { authenticator, response, authData, verify } = await registration(device);
    expect(authData.flags).toMatchObject({ be: true, bs: false });
    expect(response.response.transports).toEqual(['usb', 'nfc']);
    expect(response.authenticatorAttachment).toBe('cross-platform'); // no 'internal': a roaming authenticator
    const info = (await verify()).registrationInfo!;
    expect(info.aaguid).toBe(OTHER_AAGUID);
    expect(info.credentialDeviceType).toBe('multiDevice');
    expect(info.credentialBackedUp).toBe(false);
    const credential = { id: info.credential.id, publicKey: info.credential.publicKey, counter: 0 };
    const first = await signIn(authenticator, credential);
    expect(first.authData.counter).toBe(0);
    expect(first.authData.flags).toMatchObject({ be: true, bs: false });
    expect((await first.verify()).verified).toBe(true);
    expect((await signIn(authenticator, credential)).authData.counter).toBe(0);
  });

  it('a roaming custom device is not offered for a platform authenticator, a built-in one not for cross-platform', async () => {
    const roaming = registration({ transports: ['usb'] }, {}, { authenticatorSelection: { authenticatorAttachment: 'platform' } });
    await expect(roaming).rejects.toHaveProperty('name', 'NotAllowedError');
    const builtIn = registration({}, {}, { authenticatorSelection: { authenticatorAttachment: 'cross-platform' } });
    await expect(builtIn).rejects.toHaveProperty('name', 'NotAllowedError');
  });
});

describe('device options on top of a preset', () => {
  it('win over the preset; the rest of the preset stays', async () => {
    const { authenticator, response, authData, verify } = await registration({ preset: 'yubikey-5', aaguid: OTHER_AAGUID, counterless: true });
    expect(authenticator.preset).toMatchObject({ id: 'yubikey-5', name: presets['yubikey-5'].name, aaguid: OTHER_AAGUID, attachment: 'cross-platform', counterless: true });
    expect(response.response.transports).toEqual(['usb', 'nfc']);
    expect(authData.flags).toMatchObject({ be: false, bs: false });
    const info = (await verify()).registrationInfo!;
    expect(info.aaguid).toBe(OTHER_AAGUID);
    const { authData: signed } = await signIn(authenticator, { id: info.credential.id, publicKey: info.credential.publicKey, counter: 0 });
    expect(signed.counter).toBe(0);
  });

  it('a synced preset can be made to count and to report BS = 0', async () => {
    const { authenticator, authData, verify } = await registration({ preset: 'icloud-keychain', backupState: false, counterless: false });
    expect(authData.flags).toMatchObject({ be: true, bs: false });
    const info = (await verify()).registrationInfo!;
    expect((await signIn(authenticator, { id: info.credential.id, publicKey: info.credential.publicKey, counter: 0 })).authData.counter).toBe(1);
  });
});

describe('key algorithms', () => {
  it('EdDSA (Ed25519 on WebCrypto): registration and sign-in verify; the COSE key is OKP', async () => {
    const { authenticator, response, authData, verify } = await registration({ algorithms: ['EdDSA'] });
    expect(response.response.publicKeyAlgorithm).toBe(-8);
    const cose = isoCBOR.decodeFirst<Map<number, unknown>>(authData.credentialPublicKey!);
    expect([cose.get(1), cose.get(3), cose.get(-1)]).toEqual([1, -8, 6]); // kty OKP, alg EdDSA, crv Ed25519
    const info = (await verify()).registrationInfo!;
    const credential = { id: info.credential.id, publicKey: info.credential.publicKey, counter: 0 };
    const { response: assertion, verify: verifyAssertion } = await signIn(authenticator, credential);
    expect(isoBase64URL.toBuffer(assertion.response.signature)).toHaveLength(64);
    expect((await verifyAssertion()).verified).toBe(true);
    const wrong = await signIn(authenticator, credential, { signature: 'wrong-key' });
    expect(isoBase64URL.toBuffer(wrong.response.response.signature)).toHaveLength(64);
    expect((await wrong.verify()).verified).toBe(false);
  });

  it('the site’s order decides among the keys the device makes; none of them offered → NotSupportedError', async () => {
    const both: DeviceOptions = { algorithms: ['ES256', 'EdDSA'] };
    expect((await registration(both, {}, { supportedAlgorithmIDs: [-8, -7] })).response.response.publicKeyAlgorithm).toBe(-8);
    expect((await registration(both, {}, { supportedAlgorithmIDs: [-7, -8] })).response.response.publicKeyAlgorithm).toBe(-7);
    expect((await registration({ algorithms: ['EdDSA'] }, {}, { supportedAlgorithmIDs: [-257, -8] })).response.response.publicKeyAlgorithm).toBe(-8);
    await expect(registration({ algorithms: ['EdDSA'] }, {}, { supportedAlgorithmIDs: [-7] })).rejects.toHaveProperty('name', 'NotSupportedError');
    await expect(registration({ preset: 'windows-hello-software' }, {}, { supportedAlgorithmIDs: [-8] })).rejects.toHaveProperty('name', 'NotSupportedError');
  });
});

describe('registration tamper hooks', () => {
  it('attestation { fmt: "none" }: no statement even when direct attestation is asked of an attesting preset with an issuer', async () => {
    const ca = await createSimulatorCa();
    const device = createSoftAuthenticator('yubikey-5', { issuer: ca });
    const options = await generateRegistrationOptions({ rpName: 'Lab', rpID, userName: 'alice', attestationType: 'direct' });
    const forced = decodeAttestationObject(isoBase64URL.toBuffer((await device.register(options, { attestation: { fmt: 'none' } })).response.attestationObject));
    expect(forced.get('fmt')).toBe('none');
    expect(forced.get('attStmt').size).toBe(0);
    const unforced = decodeAttestationObject(isoBase64URL.toBuffer((await device.register(options, { ignoreExcludeCredentials: true })).response.attestationObject));
    expect(unforced.get('fmt')).toBe('packed');
  });

  it.each([['ES256', -7], ['EdDSA', -8]] as const)('attestation { fmt: "packed" }: self attestation by the %s credential key, which verifies; a wrong-key one does not', async (algorithm, alg) => {
    const { attestation, verify } = await registration({ algorithms: [algorithm] }, { attestation: { fmt: 'packed' } });
    expect(attestation.get('fmt')).toBe('packed');
    expect(attestation.get('attStmt').get('alg')).toBe(alg);
    expect(attestation.get('attStmt').get('x5c')).toBeUndefined();
    const result = await verify();
    expect(result.verified).toBe(true);
    expect(result.registrationInfo?.fmt).toBe('packed');
    const broken = await registration({ algorithms: [algorithm] }, { attestation: { fmt: 'packed' }, signature: 'wrong-key' });
    expect((await broken.verify()).verified).toBe(false);
  });

  it('attestation { fmt: "packed", x5c, privateKey }: full attestation with the caller’s chain; the key as PEM, JWK, CryptoKey or KeyObject', async () => {
    const ca = await createSimulatorCa();
    SettingsService.setRootCertificates({ identifier: 'packed', certificates: [ca.rootPem] });
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const x5c = await ca.issue({ publicKeySpki: publicKey.export({ format: 'der', type: 'spki' }), aaguid: presets['yubikey-5'].aaguid, preset: 'yubikey-5' });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const jwk = privateKey.export({ format: 'jwk' });
    const cryptoKey = await crypto.subtle.importKey('pkcs8', privateKey.export({ format: 'der', type: 'pkcs8' }), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    for (const key of [pem, jwk, cryptoKey, createPrivateKey(pem)]) {
      const { attestation, verify } = await registration({ preset: 'yubikey-5' }, { attestation: { fmt: 'packed', x5c, privateKey: key } });
      expect(attestation.get('attStmt').get('alg')).toBe(-7);
      expect(attestation.get('attStmt').get('x5c')).toHaveLength(x5c.length);
      const result = await verify();
      expect(result.verified).toBe(true);
      expect(result.registrationInfo?.aaguid).toBe(presets['yubikey-5'].aaguid);
    }
    // Signed by a key that is not the leaf's: refused.
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const { verify } = await registration({ preset: 'yubikey-5' }, { attestation: { fmt: 'packed', x5c, privateKey: stranger } });
    expect((await verify()).verified).toBe(false);
    // The leaf names the YubiKey's AAGUID: another AAGUID in authenticator data is refused.
    const other = await registration({ preset: 'yubikey-5' }, { attestation: { fmt: 'packed', x5c, privateKey: pem }, aaguid: OTHER_AAGUID });
    await expect(other.verify()).rejects.toThrow(/aaguid/i);
  });

  it('transports: reported instead of the device’s', async () => {
    const { response } = await registration('microsoft-authenticator-ios', { transports: ['usb'] });
    expect(response.response.transports).toEqual(['usb']);
  });

  it('clientDataJSON: rewritten before it is hashed and signed (sign-in), sent as is (registration)', async () => {
    const addMember = (json: string) => JSON.stringify({ ...JSON.parse(json), extra: 'member' });
    const { authenticator, response, verify } = await registration({}, { clientDataJSON: addMember });
    expect(JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString())).toMatchObject({ type: 'webauthn.create', extra: 'member' });
    const info = (await verify()).registrationInfo!;
    const credential = { id: info.credential.id, publicKey: info.credential.publicKey, counter: 0 };
    const signed = await signIn(authenticator, credential, { clientDataJSON: addMember });
    expect(JSON.parse(Buffer.from(signed.response.response.clientDataJSON, 'base64url').toString())).toEqual({
      type: 'webauthn.get',
      challenge: expect.any(String),
      origin,
      crossOrigin: false,
      extra: 'member',
    });
    expect((await signed.verify()).verified).toBe(true);
    const bytes = await signIn(authenticator, credential, { clientDataJSON: () => Uint8Array.of(0x7b, 0xff, 0x7d) });
    expect([...Buffer.from(bytes.response.response.clientDataJSON, 'base64url')]).toEqual([0x7b, 0xff, 0x7d]);
  });
});
