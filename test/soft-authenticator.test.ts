/**
 * The software authenticator must produce responses that a real WebAuthn library accepts,
 * and its tampering switches must break exactly what they name: each option of the adapter
 * (test/soft-authenticator.ts) reaches the kit's device option or tamper hook it maps onto.
 * Checked against @simplewebauthn/server directly, independent of our relying party.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type WebAuthnCredential,
} from '@simplewebauthn/server';
import { decodeAttestationObject, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { describe, expect, it } from 'vitest';
import { MICROSOFT_AUTHENTICATOR_AAGUIDS } from '../src/shared/policy';
import { type AuthenticatorOptions, createAuthenticator, fromB64url, type RegisterOverrides, sha256 } from './soft-authenticator';

const rpID = 'localhost';
const origin = 'http://localhost:3000';
const MICROSOFT_IOS = MICROSOFT_AUTHENTICATOR_AAGUIDS.iOS;

async function registerWith(settings: AuthenticatorOptions = {}, overrides: RegisterOverrides = {}) {
  const authenticator = createAuthenticator(settings);
  const options = await generateRegistrationOptions({
    rpName: 'Passkey Lab',
    rpID,
    userName: 'alice',
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    extensions: { credProps: true },
  } as Parameters<typeof generateRegistrationOptions>[0]);
  const response = await authenticator.register(options, overrides);
  const verify = () =>
    verifyRegistrationResponse({
      response,
      expectedChallenge: options.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  return { authenticator, options, response, verify };
}

async function registered(settings: AuthenticatorOptions = {}) {
  const { authenticator, verify } = await registerWith(settings);
  const result = await verify();
  if (!result.verified) throw new Error('registration did not verify');
  const info = result.registrationInfo;
  const credential: WebAuthnCredential = {
    id: info.credential.id,
    publicKey: info.credential.publicKey,
    counter: info.credential.counter,
  };
  return { authenticator, credential, info };
}

describe('soft authenticator: registration', () => {
  it('produces a "none" registration that @simplewebauthn/server verifies, with the chosen AAGUID and flags', async () => {
    const { response, verify } = await registerWith({ aaguid: MICROSOFT_IOS, backupEligible: true, backupState: true });
    const result = await verify();
    expect(result.verified).toBe(true);
    if (!result.verified) return;
    expect(result.registrationInfo.fmt).toBe('none');
    expect(result.registrationInfo.aaguid).toBe(MICROSOFT_IOS);
    expect(result.registrationInfo.credentialDeviceType).toBe('multiDevice');
    expect(result.registrationInfo.credentialBackedUp).toBe(true);
    expect(result.registrationInfo.userVerified).toBe(true);
    expect(result.registrationInfo.credential.id).toBe(response.id);
    expect(response.clientExtensionResults.credProps).toEqual({ rk: true });
  });

  it('produces a valid "packed" self-attestation', async () => {
    const { verify } = await registerWith({}, { fmt: 'packed' });
    const result = await verify();
    expect(result.verified).toBe(true);
    expect(result.registrationInfo?.fmt).toBe('packed');
  });

  it('produces a "packed" full attestation with x5c, signed with the attestation key (fixtures/attestation-ca)', async () => {
    const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rp', 'fixtures', 'attestation-ca');
    const certificate = new X509Certificate(readFileSync(path.join(fixtures, 'attestation.pem')));
    const attestationCertificate = { x5c: [certificate.raw], privateKey: createPrivateKey(readFileSync(path.join(fixtures, 'attestation.key'))) };
    const { response, verify } = await registerWith({ aaguid: 'c0ffee00-1ab0-4a55-9e1d-0000000a77e5' }, { fmt: 'packed', attestationCertificate });
    const statement = decodeAttestationObject(new Uint8Array(fromB64url(response.response.attestationObject))).get('attStmt');
    expect(statement.get('alg')).toBe(-7);
    expect(Buffer.from(statement.get('x5c')?.[0] ?? [])).toEqual(certificate.raw);
    const result = await verify();
    expect(result.verified).toBe(true);
    expect(result.registrationInfo?.fmt).toBe('packed');
    // The certificate's AAGUID extension pins the model: another AAGUID does not verify.
    const other = await registerWith({ aaguid: MICROSOFT_IOS }, { fmt: 'packed', attestationCertificate });
    await expect(other.verify()).rejects.toThrow(/id-fido-gen-ce-aaguid/);
  });

  it('can make Ed25519 credentials', async () => {
    const { verify } = await registerWith({ algorithm: 'EdDSA' });
    expect((await verify()).verified).toBe(true);
  });

  it('builds authenticator data byte by byte: rpIdHash, flags, counter, AAGUID, credential id', async () => {
    const { response } = await registerWith({ aaguid: MICROSOFT_IOS }, { flags: { uv: false } });
    const attestation = decodeAttestationObject(new Uint8Array(fromB64url(response.response.attestationObject)));
    expect(attestation.get('fmt')).toBe('none');
    const parsed = parseAuthenticatorData(attestation.get('authData'));
    expect(parsed.flags).toMatchObject({ up: true, uv: false, be: false, bs: false, at: true, ed: false });
    expect(Buffer.from(parsed.rpIdHash)).toEqual(sha256(rpID));
    expect(parsed.counter).toBe(0);
    expect(Buffer.from(parsed.credentialID ?? [])).toEqual(fromB64url(response.id));
    expect(Buffer.from(parsed.aaguid ?? []).toString('hex')).toBe(MICROSOFT_IOS.replace(/-/g, ''));
  });

  it.each<[string, RegisterOverrides, RegExp]>([
    ['origin', { origin: 'https://evil.example' }, /response origin "https:\/\/evil\.example"/],
    ['type', { type: 'webauthn.get' }, /response type:? "?webauthn\.get/],
    ['challenge', { challenge: 'bm90LXRoZS1jaGFsbGVuZ2U' }, /response challenge/],
    ['rpIdHash', { rpId: 'evil.example' }, /RP ID hash/i],
    ['user presence', { flags: { up: false } }, /user was not present/],
    ['user verification', { flags: { uv: false } }, /user could not be verified/],
  ])('tampering with %s makes verification fail', async (_name, overrides, message) => {
    const { verify } = await registerWith({}, overrides);
    await expect(verify()).rejects.toThrow(message);
  });

  it('refuses to register again when excludeCredentials names a credential it holds', async () => {
    const { authenticator, credential } = await registered();
    const options = await generateRegistrationOptions({
      rpName: 'Passkey Lab',
      rpID,
      userName: 'alice',
      excludeCredentials: [{ id: credential.id }],
    });
    await expect(authenticator.register(options)).rejects.toHaveProperty('name', 'InvalidStateError');
    await expect(authenticator.register(options, { ignoreExcludeCredentials: true })).resolves.toBeDefined();
  });
});

describe('soft authenticator: authentication', () => {
  async function assertWith(settings: AuthenticatorOptions = {}) {
    const { authenticator, credential } = await registered(settings);
    const options = await generateAuthenticationOptions({ rpID, userVerification: 'required' });
    const verify = (response: Awaited<ReturnType<typeof authenticator.authenticate>>, stored: WebAuthnCredential = credential) =>
      verifyAuthenticationResponse({
        response,
        expectedChallenge: options.challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: stored,
        requireUserVerification: true,
      });
    return { authenticator, credential, options, verify };
  }

  it('signs assertions that @simplewebauthn/server verifies, counting up by one', async () => {
    const { authenticator, options, verify, credential } = await assertWith();
    const first = await verify(await authenticator.authenticate(options));
    expect(first.verified).toBe(true);
    expect(first.authenticationInfo.newCounter).toBe(1);
    const second = await verify(await authenticator.authenticate(options), { ...credential, counter: 1 });
    expect(second.authenticationInfo.newCounter).toBe(2);
  });

  it('works with Ed25519 credentials', async () => {
    const { authenticator, options, verify } = await assertWith({ algorithm: 'EdDSA' });
    expect((await verify(await authenticator.authenticate(options))).verified).toBe(true);
  });

  it('sends the user handle from registration, or none when told', async () => {
    const { authenticator, options } = await assertWith();
    expect((await authenticator.authenticate(options)).response.userHandle).toBe((await authenticator.credentials())[0]?.userHandle);
    expect((await authenticator.authenticate(options, { userHandle: null })).response).not.toHaveProperty('userHandle');
  });

  it('honours allowCredentials and refuses when it holds none of them', async () => {
    const { authenticator } = await assertWith();
    const options = await generateAuthenticationOptions({ rpID, allowCredentials: [{ id: 'AAAA' }] });
    await expect(authenticator.authenticate(options)).rejects.toHaveProperty('name', 'NotAllowedError');
  });

  it('a counterless authenticator always reports 0', async () => {
    const { authenticator, options, verify } = await assertWith({ counterless: true });
    expect((await verify(await authenticator.authenticate(options))).authenticationInfo.newCounter).toBe(0);
  });

  it('a bad signature is well-formed but does not verify', async () => {
    const { authenticator, options, verify } = await assertWith();
    const result = await verify(await authenticator.authenticate(options, { badSignature: true }));
    expect(result.verified).toBe(false);
  });

  it('an explicit lower counter is refused by the library (cloned-authenticator check)', async () => {
    const { authenticator, options, verify, credential } = await assertWith();
    await expect(verify(await authenticator.authenticate(options, { counter: 3 }), { ...credential, counter: 5 })).rejects.toThrow(/counter value 3 was lower than expected 5/);
  });

  it.each<[string, Parameters<ReturnType<typeof createAuthenticator>['authenticate']>[1], RegExp]>([
    ['origin', { origin: 'https://evil.example' }, /response origin "https:\/\/evil\.example"/],
    ['type', { type: 'webauthn.create' }, /response type:? "?webauthn\.create/],
    ['challenge', { challenge: 'bm90LXRoZS1jaGFsbGVuZ2U' }, /response challenge/],
    ['rpIdHash', { rpId: 'evil.example' }, /RP ID hash/i],
    ['user presence', { flags: { up: false } }, /User not present/],
    ['user verification', { flags: { uv: false } }, /user could not be verified/],
  ])('tampering with %s makes verification fail', async (_name, overrides, message) => {
    const { authenticator, options, verify } = await assertWith();
    await expect(verify(await authenticator.authenticate(options, overrides))).rejects.toThrow(message);
  });
});

describe('soft authenticator: presets of the simulated-devices kit', () => {
  const authData = (text: string) => new Uint8Array(fromB64url(text));

  it('a synced preset brings its AAGUID, BE/BS set, its transports and a counter that stays 0', async () => {
    const { authenticator, credential, info } = await registered({ preset: 'icloud-keychain' });
    expect(info.aaguid).toBe('fbfc3007-154e-4ecc-8c0b-6e020557d7bd');
    expect(info.credentialDeviceType).toBe('multiDevice');
    expect(info.credentialBackedUp).toBe(true);
    const options = await generateAuthenticationOptions({ rpID, userVerification: 'required' });
    const response = await authenticator.authenticate(options);
    expect(parseAuthenticatorData(authData(response.response.authenticatorData!)).counter).toBe(0);
    const result = await verifyAuthenticationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: origin, expectedRPID: rpID, credential });
    expect(result.verified).toBe(true);
  });

  it('a device-bound preset counts signatures; explicit options still win over the preset', async () => {
    const { authenticator } = await registered({ preset: 'yubikey-5' });
    const options = await generateAuthenticationOptions({ rpID });
    expect(parseAuthenticatorData(authData((await authenticator.authenticate(options)).response.authenticatorData)).counter).toBe(1);
    const { response } = await registerWith({ preset: 'yubikey-5', aaguid: MICROSOFT_IOS });
    expect(response.response.transports).toEqual(['usb', 'nfc']);
    expect(Buffer.from(parseAuthenticatorData(authData(response.response.authenticatorData!)).aaguid!).toString('hex')).toBe(MICROSOFT_IOS.replace(/-/g, ''));
  });
});
