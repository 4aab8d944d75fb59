/**
 * The inspector over real-world responses: public test vectors from other WebAuthn libraries,
 * captured from real authenticators (YubiKeys, Windows Hello TPMs, Android phones, an iPhone).
 * Each lives in test/rp/fixtures/webauthn-real/<name>.json with its `source` (repository, path,
 * commit, test). Every one must decode, through inspect() and through POST /api/inspect, with
 * no network request: certificate revocation lists are never fetched.
 *
 * Their certificates were valid when they were captured and many have expired since. Checked
 * at today's date such a chain fails (and must say why, never throw); the "at capture time"
 * block sets the clock back to show that the same responses verify.
 */
import { executionAsyncResource } from 'node:async_hooks';
import { readdirSync, readFileSync } from 'node:fs';
import { type AuthenticationResponseJSON, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inspect, type InspectResult } from '../../src/rp/inspect/inspect';
import { withoutNetwork } from '../../src/rp/webauthn/attestation-trust';
import { decodeAttestationObject } from '../../src/rp/webauthn/decode/attestation-object';
import { createWorld } from './helpers';

interface Fixture {
  name: string;
  description: string;
  source: { repository: string; path: string; commit: string; test?: string; symbol?: string };
  /** Authentication fixtures: the registered credential the signature verifies with. */
  credential?: { publicKey: string; counter: number; rpId: string };
  input: {
    id: string;
    rawId: string;
    type: string;
    response: Record<string, string | string[] | undefined>;
    [member: string]: unknown;
  };
}

const FIXTURES = new URL('./fixtures/webauthn-real/', import.meta.url);
const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Fixture);

function fixture(name: string): Fixture {
  const found = fixtures.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}

const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';
const ANDROID_AAGUID = 'b93fd961-f2e6-462f-b122-82002247de78';

interface RegistrationExpectation {
  fmt: string;
  statementKind: 'none' | 'self' | 'basic' | 'attca' | 'anonca';
  aaguid: string;
  /** The credential public key's algorithm. */
  algName: string;
  /** attStmt.alg, when the statement has one. */
  statementAlg?: string;
  /** Subjects of the certificates, leaf first ('' for a TPM AIK certificate). */
  subjects: string[];
  rpId: string | null;
  /** `id` is the credential ID in authData (false for vectors whose id was replaced). */
  idMatches: boolean;
  /** A moment when every certificate (and a SafetyNet verdict) was valid, and the trust then. */
  capturedAt?: { time: string; trust: 'trusted' | 'not checked' };
}

const registrations: Record<string, RegistrationExpectation> = {
  'android-key-pixel-8a': {
    fmt: 'android-key',
    statementKind: 'attca',
    aaguid: ANDROID_AAGUID,
    algName: 'ES256',
    statementAlg: 'ES256',
    subjects: ['CN=Android Keystore Key', 'CN=d602a03a672d865ba5a485e33a207c73, O=TEE', 'O=Google LLC, CN=Droid CA3', 'O=Google LLC, CN=Droid CA2', 'serialNumber=f92009e853b6b045'],
    rpId: 'localhost',
    idMatches: true,
    capturedAt: { time: '2025-02-02T10:00:00Z', trust: 'trusted' },
  },
  'android-key-samsung-s9plus': {
    fmt: 'android-key',
    statementKind: 'attca',
    aaguid: ANDROID_AAGUID,
    algName: 'ES256',
    statementAlg: 'ES256',
    subjects: ['CN=Android Keystore Key', 'serialNumber=9cfabf69ecc3749c, title=TEE', 'serialNumber=285f7fa9eeb14014, title=TEE', 'serialNumber=f92009e853b6b045'],
    rpId: 'portal.fxon.com',
    idMatches: true,
    capturedAt: { time: '2025-07-15T10:00:00Z', trust: 'trusted' },
  },
  'android-safetynet-chrome-android': {
    fmt: 'android-safetynet',
    statementKind: 'basic',
    aaguid: ANDROID_AAGUID,
    algName: 'ES256',
    subjects: ['CN=attest.android.com', 'C=US, O=Google Trust Services LLC, CN=GTS CA 1D4', 'C=US, O=Google Trust Services LLC, CN=GTS Root R1'],
    rpId: 'pwl.ngrok.io',
    idMatches: true,
    // The SafetyNet verdict is only accepted within a minute of its timestampMs (1630703240057).
    capturedAt: { time: '2021-09-03T21:07:30Z', trust: 'trusted' },
  },
  'apple-iphone-dontneeda': {
    fmt: 'apple',
    statementKind: 'anonca',
    aaguid: ZERO_AAGUID,
    algName: 'ES256',
    statementAlg: 'ES256',
    subjects: [
      'CN=327eb588f157d6bb6454f97f5e56c86f44b507c8818ff230bd0f625bdb65bcb6, OU=AAA Certification, O=Apple Inc., ST=California',
      'CN=Apple WebAuthn CA 1, O=Apple Inc., ST=California',
    ],
    rpId: 'dev.dontneeda.pw',
    idMatches: true,
    capturedAt: { time: '2020-09-13T03:00:00Z', trust: 'trusted' },
  },
  'fido-u2f-yubikey-dontneeda': {
    fmt: 'fido-u2f',
    statementKind: 'basic',
    aaguid: ZERO_AAGUID,
    algName: 'ES256',
    subjects: ['C=SE, O=Yubico AB, OU=Authenticator Attestation, CN=Yubico U2F EE Serial 719807075'],
    rpId: 'dev.dontneeda.pw',
    idMatches: true,
  },
  'fido-u2f-yubikey-tokenbinding': {
    fmt: 'fido-u2f',
    statementKind: 'basic',
    aaguid: ZERO_AAGUID,
    algName: 'ES256',
    subjects: ['CN=Yubico U2F EE Serial 23925734811117901'],
    rpId: 'duo.test',
    idMatches: true,
  },
  'none-android-devicepubkey': { fmt: 'none', statementKind: 'none', aaguid: ZERO_AAGUID, algName: 'ES256', subjects: [], rpId: null, idMatches: true },
  'none-firefox-android-dontneeda': { fmt: 'none', statementKind: 'none', aaguid: ZERO_AAGUID, algName: 'ES256', subjects: [], rpId: 'dev.dontneeda.pw', idMatches: true },
  'none-rsa-dontneeda': { fmt: 'none', statementKind: 'none', aaguid: '6028b017-b1d4-4c02-b4b3-afcdafc96bb2', algName: 'RS256', subjects: [], rpId: 'dev.dontneeda.pw', idMatches: true },
  'packed-self-ec2-dontneeda': {
    fmt: 'packed',
    statementKind: 'self',
    aaguid: 'adce0002-35bc-c60a-648b-0b25f1f05503',
    algName: 'ES256',
    statementAlg: 'ES256',
    subjects: [],
    rpId: 'dev.dontneeda.pw',
    idMatches: false,
  },
  'packed-x5c-yubikey-dontneeda': {
    fmt: 'packed',
    statementKind: 'basic',
    aaguid: '6d44ba9b-f6ec-2e49-b930-0c8fe920cb73',
    algName: 'ES256',
    statementAlg: 'ES256',
    subjects: ['C=SE, O=Yubico AB, OU=Authenticator Attestation, CN=Yubico U2F EE Serial 719807075'],
    rpId: 'dev.dontneeda.pw',
    idMatches: false,
  },
  'packed-x5c-yubikey5-eddsa': {
    fmt: 'packed',
    statementKind: 'basic',
    aaguid: 'c5ef55ff-ad9a-4b9f-b580-adebafe026d0',
    algName: 'EdDSA',
    statementAlg: 'ES256',
    subjects: ['C=SE, O=Yubico AB, OU=Authenticator Attestation, CN=Yubico U2F EE Serial 737246328'],
    rpId: 'localhost',
    idMatches: true,
  },
  'tpm-nuvoton-dontneeda': {
    fmt: 'tpm',
    statementKind: 'attca',
    aaguid: 'a7d6d93a-8a0d-11e8-9a94-a6cf71072f73',
    algName: 'RS256',
    statementAlg: 'RS256',
    subjects: ['', 'CN=NCU-NTC-KEYID-FF990338E187079A6CD6A03ADC57237445F6A49A'],
    rpId: 'dev.dontneeda.pw',
    idMatches: true,
    capturedAt: { time: '2021-06-01T00:00:00Z', trust: 'not checked' },
  },
  'tpm-surface-pro-4': {
    fmt: 'tpm',
    statementKind: 'attca',
    aaguid: '08987058-cadc-4b81-b6e1-30de50dcbe96',
    algName: 'RS256',
    statementAlg: 'RS1',
    subjects: ['', 'CN=WUS-INTC-KEYID-E7083F22152A7492EC59B0C4243437648B15DBB7'],
    rpId: 'webauthntest.azurewebsites.net',
    idMatches: true,
    capturedAt: { time: '2021-06-01T00:00:00Z', trust: 'not checked' },
  },
};

interface AuthenticationExpectation {
  signature: { encoding: 'der' | 'raw'; byteLength: number; likelyAlgorithm: string };
  signCount: number;
  uv: boolean;
  userHandleText: string | null | undefined;
}

const authentications: Record<string, AuthenticationExpectation> = {
  'authentication-ec2-yubikey': {
    signature: { encoding: 'der', byteLength: 71, likelyAlgorithm: 'ECDSA (ES256, ES384 or ES512)' },
    signCount: 78,
    uv: false,
    userHandleText: undefined,
  },
  'authentication-eddsa-yubikey5': { signature: { encoding: 'raw', byteLength: 64, likelyAlgorithm: 'EdDSA (Ed25519)' }, signCount: 7, uv: false, userHandleText: undefined },
  'authentication-rsa-windows-hello': {
    signature: { encoding: 'raw', byteLength: 256, likelyAlgorithm: 'RSA 2048' },
    signCount: 1,
    uv: true,
    userHandleText: 'OTVkYzUwODUtYmM5YS00NTI1LTgwNzgtZmViYWY4ZDVmY2Ni',
  },
};

const registrationFixtures = fixtures.filter((candidate) => 'attestationObject' in candidate.input.response);
const authenticationFixtures = fixtures.filter((candidate) => 'signature' in candidate.input.response);

type DecodedByKind = { [R in InspectResult as R['kind']]: R['decoded'] };

function as<K extends keyof DecodedByKind>(result: InspectResult, kind: K): DecodedByKind[K] {
  expect(result.kind).toBe(kind);
  return result.decoded as unknown as DecodedByKind[K];
}

/** Standard base64 with padding, as some tools and test vectors write the parts. */
const toStandardBase64 = (value: string) => Buffer.from(value, 'base64url').toString('base64');

// No test may reach the network: any fetch is recorded and fails at once.
let fetchSpy: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchSpy = vi.fn(() => Promise.reject(new TypeError('network access in a test')));
  vi.stubGlobal('fetch', fetchSpy);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function atCaptureTime(time: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(time));
}

describe('the real-world fixtures', () => {
  it('cover every attestation format and both ceremonies, and each names its source', () => {
    const formats = registrationFixtures.map((candidate) => registrations[candidate.name]?.fmt);
    for (const fmt of ['packed', 'tpm', 'android-key', 'android-safetynet', 'apple', 'fido-u2f', 'none']) expect(formats).toContain(fmt);
    expect(registrationFixtures.filter((candidate) => registrations[candidate.name]?.statementKind === 'self')).not.toHaveLength(0);
    expect(authenticationFixtures.length).toBeGreaterThanOrEqual(2);
    for (const candidate of fixtures) {
      expect(candidate.source.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(candidate.source.path).toMatch(/\S/);
      expect(candidate.source.commit).toMatch(/^[0-9a-f]{40}$/);
      // Every fixture has its expectations below.
      expect(registrations[candidate.name] ?? authentications[candidate.name]).toBeDefined();
    }
  });
});

describe('inspect() on real registration responses', () => {
  it.each(registrationFixtures.map((candidate) => [candidate.name, candidate] as const))('%s', async (name, { input }) => {
    const expected = registrations[name];
    if (!expected) throw new Error(`no expectation for ${name}`);
    const decoded = as(await inspect(input), 'registration');

    expect(decoded.attestationObject).toMatchObject({ fmt: expected.fmt, statementKind: expected.statementKind });
    expect(decoded.attestation).toMatchObject({ fmt: expected.fmt, statementKind: expected.statementKind });
    expect(decoded.attestationObject.algName ?? undefined).toBe(expected.statementAlg);
    expect(decoded.attestationObject.certificates.map((certificate) => certificate.subject)).toEqual(expected.subjects);
    for (const certificate of decoded.attestationObject.certificates) {
      expect(certificate.issuer).toMatch(/\S/);
      expect(Date.parse(certificate.notBefore)).not.toBeNaN();
      expect(Date.parse(certificate.notAfter)).not.toBeNaN();
    }

    const attested = decoded.attestationObject.authenticatorData.attestedCredentialData;
    expect(attested?.aaguid).toBe(expected.aaguid);
    expect(attested?.publicKey.algName).toBe(expected.algName);
    expect(decoded.attestationObject.authenticatorData.flags.at).toBe(true);
    expect(decoded.idMatchesCredentialId).toBe(expected.idMatches);
    expect(decoded.rpIdFromOrigin).toBe(expected.rpId);

    // Verified or not, with a reason and a trust level; never a throw.
    const { verification } = decoded.attestation;
    expect(typeof verification.verified).toBe('boolean');
    expect(verification.message).toMatch(/\S/);
    expect(['not applicable', 'self', 'trusted', 'not checked', 'untrusted']).toContain(verification.trust);
    if (expected.fmt === 'none') expect(verification).toMatchObject({ verified: true, trust: 'not applicable' });
    if (expected.statementKind === 'self') expect(verification).toMatchObject({ verified: true, trust: 'self' });
    if (!verification.verified) expect(verification.trust).toBe('untrusted');

    // The whole answer is plain JSON.
    expect(JSON.parse(JSON.stringify(decoded))).toEqual(decoded);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('certificates that do not depend on the date verify today: YubiKey packed and fido-u2f statements', async () => {
    for (const name of ['fido-u2f-yubikey-dontneeda', 'fido-u2f-yubikey-tokenbinding', 'packed-x5c-yubikey-dontneeda', 'packed-x5c-yubikey5-eddsa']) {
      const decoded = as(await inspect(fixture(name).input), 'registration');
      expect(decoded.attestation.verification, name).toMatchObject({ verified: true, trust: 'not checked' });
    }
    const u2f = as(await inspect(fixture('fido-u2f-yubikey-dontneeda').input), 'registration');
    expect(u2f.attestation.verification.message).toMatch(/no AAGUID/);
  });

  it('key details: RSA modulus size, Ed25519 curve, P-256 curve', async () => {
    const rsa = as(await inspect(fixture('none-rsa-dontneeda').input), 'registration');
    expect(rsa.attestationObject.authenticatorData.attestedCredentialData?.publicKey).toMatchObject({ kty: 'RSA', alg: -257, keyBits: 2048 });
    const eddsa = as(await inspect(fixture('packed-x5c-yubikey5-eddsa').input), 'registration');
    expect(eddsa.attestationObject.authenticatorData.attestedCredentialData?.publicKey).toMatchObject({ kty: 'OKP', alg: -8, crv: 'Ed25519' });
    expect(eddsa.attestationObject.authenticatorData.attestedCredentialData?.credentialId).toBe(fixture('packed-x5c-yubikey5-eddsa').input.id);
    const apple = as(await inspect(fixture('apple-iphone-dontneeda').input), 'registration');
    expect(apple.attestationObject.authenticatorData.attestedCredentialData?.publicKey).toMatchObject({ kty: 'EC2', alg: -7, crv: 'P-256' });
  });

  it('client data quirks of real browsers: escaped slashes, tokenBinding, an Android app origin, extra members', async () => {
    const firefox = as(await inspect(fixture('none-firefox-android-dontneeda').input), 'registration');
    expect(firefox.clientData.origin).toBe('https://dev.dontneeda.pw');
    expect(firefox.clientData.raw.androidPackageName).toBe('org.mozilla.firefox');
    const duo = as(await inspect(fixture('fido-u2f-yubikey-tokenbinding').input), 'registration');
    expect(duo.clientData.tokenBinding).toEqual({ status: 'not-supported' });
    const app = as(await inspect(fixture('none-android-devicepubkey').input), 'registration');
    expect(app.clientData.origin).toMatch(/^android:apk-key-hash:/);
    expect(app.attestationObject.authenticatorData.extensions).toHaveProperty('devicePubKey');
    const samsung = as(await inspect(fixture('android-key-samsung-s9plus').input), 'registration');
    expect(samsung.clientData.raw).toHaveProperty('other_keys_can_be_added_here');
    // "=" padding on a base64url part
    expect(fixture('packed-x5c-yubikey-dontneeda').input.response.clientDataJSON).toMatch(/=$/);
    const padded = as(await inspect(fixture('packed-x5c-yubikey-dontneeda').input), 'registration');
    expect(padded.attestation.verification.verified).toBe(true);
  });

  it('out-of-date chains fail with the reason and a word about the date, not an exception', async () => {
    const apple = as(await inspect(fixture('apple-iphone-dontneeda').input), 'registration');
    expect(apple.attestation.verification).toMatchObject({ verified: false, trust: 'untrusted' });
    expect(apple.attestation.verification.message).toMatch(/^the attestation did not verify: .*validity period.*today's date/);
    const tpm = as(await inspect(fixture('tpm-nuvoton-dontneeda').input), 'registration');
    expect(tpm.attestation.verification.message).toMatch(/not good after.*today's date/);
    const safetyNet = as(await inspect(fixture('android-safetynet-chrome-android').input), 'registration');
    expect(safetyNet.attestation.verification.message).toMatch(/has expired.*today's date/);
  });
});

describe('fixes for real data', () => {
  it('a TPM AIK certificate has an empty subject: it is listed (subject "") with its TPM named from subjectAltName', async () => {
    // Node's X509Certificate gives `subject: undefined` for an empty name, which made the
    // whole attestation object "not an X.509 certificate" (400).
    const nuvoton = as(await inspect(fixture('tpm-nuvoton-dontneeda').input), 'registration');
    const [aik, intermediate] = nuvoton.attestationObject.certificates;
    expect(aik?.subject).toBe('');
    expect(aik?.issuer).toBe('CN=NCU-NTC-KEYID-FF990338E187079A6CD6A03ADC57237445F6A49A');
    expect(aik?.subjectAltName).toMatch(/^DirName:/);
    expect(aik?.subjectAltName).toContain('tpmManufacturer=id:FFFFF1D0');
    expect(aik?.subjectAltName).toContain('tpmModel=NPCT6xx');
    expect(aik?.subjectAltName).toContain('tpmVersion=id:13');
    expect(intermediate?.subjectAltName).toBeUndefined();

    const surface = as(await inspect(fixture('tpm-surface-pro-4').input), 'registration');
    expect(surface.attestationObject.certificates[0]?.subjectAltName).toContain('tpmManufacturer=id:494E5443');
    expect(surface.attestationObject.certificates[0]?.subjectAltName).toContain('tpmModel=ICL');
    expect(surface.attestationObject.certificates[1]?.issuer).toContain('CN=Microsoft TPM Root Certificate Authority 2014');
    // The decoder on its own, too.
    const bare = decodeAttestationObject(fixture('tpm-nuvoton-dontneeda').input.response.attestationObject as string);
    expect(bare.certificates[0]?.subject).toBe('');
  });

  it('standard base64 parts are handed to the verifier as base64url (they were misread: "invalid alg -49155")', async () => {
    const surface = fixture('tpm-surface-pro-4');
    expect(surface.input.response.attestationObject).toMatch(/[+/]/);
    atCaptureTime('2021-06-01T00:00:00Z');
    const decoded = as(await inspect(surface.input), 'registration');
    expect(decoded.attestation.verification).toMatchObject({ verified: true, trust: 'not checked' });

    // And any base64url fixture rewritten as standard base64 verifies the same.
    vi.useRealTimers();
    const { input } = fixture('fido-u2f-yubikey-dontneeda');
    const rewritten = {
      ...input,
      response: {
        ...input.response,
        attestationObject: toStandardBase64(input.response.attestationObject as string),
        clientDataJSON: toStandardBase64(input.response.clientDataJSON as string),
      },
    };
    expect(rewritten.response.attestationObject).toMatch(/[+/]/);
    const u2f = as(await inspect(rewritten), 'registration');
    expect(u2f.attestation.verification).toMatchObject({ verified: true, trust: 'not checked' });
  });

  it('android-safetynet: the certificates come from the JWS header, the verdict is shown, and the chain counts as trusted', async () => {
    // Before: no certificates listed and trust 'not checked' although the library had checked
    // the chain against its GlobalSign root.
    const today = as(await inspect(fixture('android-safetynet-chrome-android').input), 'registration');
    expect(today.attestationObject.certificates).toHaveLength(3);
    expect(today.attestationObject.attStmtKeys).toEqual(['ver', 'response']);
    expect(today.attestationObject.safetyNet).toMatchObject({
      ver: '212621037',
      payload: { ctsProfileMatch: true, basicIntegrity: true, apkPackageName: 'com.google.android.gms', timestampMs: 1630703240057, evaluationType: 'BASIC' },
    });

    atCaptureTime('2021-09-03T21:07:30Z');
    const then = as(await inspect(fixture('android-safetynet-chrome-android').input), 'registration');
    expect(then.attestation.verification).toMatchObject({ verified: true, trust: 'trusted' });
    expect(then.attestation.verification.message).toMatch(/root certificate for android-safetynet built into @simplewebauthn\/server/);
  });
});

describe('at capture time the real chains verify', () => {
  const dated = registrationFixtures.filter((candidate) => registrations[candidate.name]?.capturedAt);
  it.each(dated.map((candidate) => [candidate.name, candidate] as const))('%s', async (name, { input }) => {
    const capturedAt = registrations[name]?.capturedAt;
    if (!capturedAt) throw new Error(`no capture time for ${name}`);
    atCaptureTime(capturedAt.time);
    const decoded = as(await inspect(input), 'registration');
    expect(decoded.attestation.verification).toMatchObject({ verified: true, trust: capturedAt.trust });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('no network', () => {
  it('a chain with CRL distribution points (Samsung S9+, Google roots) is trusted without fetching the lists, and says so', async () => {
    atCaptureTime('2025-07-15T10:00:00Z');
    const decoded = as(await inspect(fixture('android-key-samsung-s9plus').input), 'registration');
    expect(decoded.attestation.verification).toMatchObject({ verified: true, trust: 'trusted' });
    expect(decoded.attestation.verification.message).toMatch(/revocation was not checked: the inspector does not download the 3 revocation lists/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('a fetch that would never answer does not hold the request up', async () => {
    fetchSpy.mockImplementation(() => new Promise<Response>(() => undefined));
    atCaptureTime('2021-09-03T21:07:30Z');
    const decoded = as(await inspect(fixture('android-safetynet-chrome-android').input), 'registration');
    expect(decoded.attestation.verification).toMatchObject({ verified: true, trust: 'trusted' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('withoutNetwork refuses fetches inside its scope only', async () => {
    const inside = await withoutNetwork(() => fetch('http://crl.example.test/list.crl').then(() => 'fetched', (error: unknown) => String(error)));
    expect(inside.value).toMatch(/does not make network requests/);
    expect(inside.refused).toEqual(['http://crl.example.test/list.crl']);
    expect(fetchSpy).not.toHaveBeenCalled();
    await expect(fetch('http://outside.example.test/')).rejects.toThrow(/network access in a test/);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('withoutNetwork keeps refusing in a scope that outlives another, and leaves no promise hooks behind', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tryFetch = (url: string) => fetch(url).then(() => 'fetched', (error: unknown) => String(error));
    const long = withoutNetwork(async () => {
      await gate;
      return tryFetch('http://crl.example.test/late.crl');
    });
    await withoutNetwork(() => tryFetch('http://crl.example.test/short.crl'));
    release();
    const { value, refused } = await long;
    expect(value).toMatch(/does not make network requests/);
    expect(refused).toEqual(['http://crl.example.test/late.crl']);
    expect(fetchSpy).not.toHaveBeenCalled();
    // With promise hooks on (Node 20's AsyncLocalStorage), a reaction runs with the promise as its resource.
    const hooked = await Promise.resolve().then(() => executionAsyncResource() instanceof Promise);
    expect(hooked).toBe(false);
  });
});

describe('inspect() on real authentication responses', () => {
  it.each(authenticationFixtures.map((candidate) => [candidate.name, candidate] as const))('%s', async (name, { input, credential }) => {
    const expected = authentications[name];
    if (!expected || !credential) throw new Error(`no expectation for ${name}`);
    const decoded = as(await inspect(input), 'authentication');
    expect(decoded.id).toBe(input.id);
    expect(decoded.clientData.type).toBe('webauthn.get');
    expect(decoded.rpIdFromOrigin).toBe(credential.rpId);
    expect(decoded.signature).toMatchObject(expected.signature);
    expect(decoded.authenticatorData).toMatchObject({ signCount: expected.signCount, flags: { up: true, uv: expected.uv, at: false } });
    expect(decoded.authenticatorData.attestedCredentialData).toBeUndefined();
    if (expected.userHandleText === undefined) expect(decoded.userHandle).toBeNull();
    else expect(decoded.userHandle?.text).toBe(expected.userHandleText);

    // The fixture is intact: its signature verifies with the credential it was made with.
    const verification = await verifyAuthenticationResponse({
      response: input as unknown as AuthenticationResponseJSON,
      expectedChallenge: () => true,
      expectedOrigin: decoded.clientData.origin,
      expectedRPID: credential.rpId,
      credential: { id: input.id, publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')), counter: credential.counter },
      requireUserVerification: false,
    });
    expect(verification.verified).toBe(true);
  });
});

describe('real responses in the other accepted shapes', () => {
  it('as JSON text and wrapped like a verify body', async () => {
    for (const { name, input } of fixtures) {
      const fromText = await inspect(JSON.stringify(input));
      const wrapped = await inspect({ response: input, nickname: 'x' });
      expect(fromText.kind, name).toBe(name.startsWith('authentication') ? 'authentication' : 'registration');
      expect(wrapped.kind, name).toBe(fromText.kind);
    }
  });

  it('one part at a time: attestationObject, authenticatorData and clientDataJSON strings', async () => {
    for (const { name, input } of registrationFixtures) {
      const { attestationObject, clientDataJSON } = input.response as { attestationObject: string; clientDataJSON: string };
      const part = await inspect(attestationObject);
      expect(part.kind, name).toBe('attestationObject');
      expect((part.decoded as { fmt: string }).fmt, name).toBe(registrations[name]?.fmt);
      expect((await inspect(clientDataJSON)).kind, name).toBe('clientDataJSON');
    }
    for (const { name, input } of authenticationFixtures) {
      expect((await inspect(input.response.authenticatorData as string)).kind, name).toBe('authenticatorData');
      expect((await inspect(input.response.clientDataJSON as string)).kind, name).toBe('clientDataJSON');
    }
  });
});

describe('POST /api/inspect with real responses', () => {
  it.each(fixtures.map((candidate) => [candidate.name, candidate] as const))('%s → 200', async (name, { input }) => {
    const world = createWorld();
    const reply = await world.client().post('/api/inspect', { input });
    expect(reply.status, reply.text).toBe(200);
    const body = reply.json as { kind: string; decoded: Record<string, unknown> };
    expect(body.kind).toBe(name.startsWith('authentication') ? 'authentication' : 'registration');
    const text = await world.client().post('/api/inspect', { input: JSON.stringify(input) });
    expect(text.status, text.text).toBe(200);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('at capture time too (trusted chains, revocation lists named but not fetched)', async () => {
    atCaptureTime('2025-07-15T10:00:00Z');
    const world = createWorld();
    const reply = await world.client().post('/api/inspect', { input: fixture('android-key-samsung-s9plus').input });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ kind: 'registration', decoded: { attestation: { verification: { verified: true, trust: 'trusted' } } } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
