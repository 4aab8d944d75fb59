/**
 * The simulator's attestation CA (testkit/core/simulator-ca.ts): certificates node:crypto parses,
 * WebAuthn §8.2.1 requirements for packed attestation certificates, and @simplewebauthn/server
 * accepting a packed attestation whose chain leads to the simulator root.
 */
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { SettingsService, verifyRegistrationResponse } from '@simplewebauthn/server';
import { convertCertBufferToPEM, validateCertificatePath } from '@simplewebauthn/server/helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatorCa, fromBase64url, restoreSimulatorCa, type SimulatorCa } from '../../testkit/core/simulator-ca';
import { objectIdentifier, readChildren, readElement, time, unsignedInteger } from '../../testkit/core/x509';
import { creationOptions, ORIGIN, RP_ID } from '../rp/inspect-fixtures';
import { createAuthenticator } from '../soft-authenticator';

const MICROSOFT_IOS = '90a3ccdf-635c-4729-a248-9b709135078f';

function attestationKey() {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...pair, spki: new Uint8Array(pair.publicKey.export({ format: 'der', type: 'spki' })) };
}

async function issue(ca: SimulatorCa, aaguid = MICROSOFT_IOS) {
  const key = attestationKey();
  const leaf = await ca.issueAttestationCertificate({ publicKeySpki: key.spki, aaguid, preset: 'microsoft-authenticator-ios' });
  return { key, leaf };
}

/** The extension's value (the extnValue OCTET STRING's contents), found by OID, with its criticality. */
function extension(der: Uint8Array, oid: string): { critical: boolean; value: Uint8Array } | undefined {
  const [tbs] = readChildren(readElement(der));
  const explicitExtensions = readChildren(tbs!).find((field) => field.tag === 0xa3);
  const list = readChildren(readChildren(explicitExtensions!)[0]!);
  const wanted = objectIdentifier(oid);
  for (const entry of list) {
    const parts = readChildren(entry);
    if (Buffer.compare(Buffer.from(parts[0]!.bytes), Buffer.from(wanted)) !== 0) continue;
    const critical = parts.length === 3 && parts[1]!.contents[0] === 0xff;
    return { critical, value: parts[parts.length - 1]!.contents };
  }
  return undefined;
}

afterEach(() => SettingsService.setRootCertificates({ identifier: 'packed', certificates: [] }));

describe('DER encoding', () => {
  it('encodes integers, OIDs and times as X.690 DER', () => {
    expect(Buffer.from(unsignedInteger(Uint8Array.of(0x80))).toString('hex')).toBe('02020080');
    expect(Buffer.from(unsignedInteger(Uint8Array.of(0, 0, 5))).toString('hex')).toBe('020105');
    expect(Buffer.from(objectIdentifier('1.2.840.10045.4.3.2')).toString('hex')).toBe('06082a8648ce3d040302');
    expect(Buffer.from(objectIdentifier('1.3.6.1.4.1.45724.1.1.4')).toString('hex')).toBe('060b2b0601040182e51c010104');
    expect(Buffer.from(time(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toString('latin1')).toBe('\x17\x0d260102030405Z');
    expect(Buffer.from(time(new Date(Date.UTC(2050, 0, 2, 3, 4, 5)))).toString('latin1')).toBe('\x18\x0f20500102030405Z');
  });
});

describe('simulator CA', () => {
  it('creates a self-signed ECDSA P-256 root: CA true, keyCertSign, ten years', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const ca = await createSimulatorCa({ now: () => now });
    const root = new X509Certificate(ca.rootCertificate);
    expect(root.ca).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(root.checkIssued(root)).toBe(true);
    expect(root.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(root.subject).toMatch(/CN=Passkey Lab Simulator Root [0-9a-f]{8}/);
    expect(new Date(root.validTo).getTime() - now.getTime()).toBeGreaterThanOrEqual(3650 * 24 * 3600 * 1000);
    // keyUsage: keyCertSign (bit 5) and cRLSign (bit 6), critical.
    expect(extension(ca.rootCertificate, '2.5.29.15')).toEqual({ critical: true, value: Uint8Array.of(0x03, 0x02, 0x01, 0x06) });
    expect(ca.rootPem).toBe(root.toString());
    expect(await ca.rootFingerprintSha256()).toBe(root.fingerprint256);
  });

  it('issues a leaf that meets WebAuthn §8.2.1 and verifies against the root', async () => {
    const ca = await createSimulatorCa();
    const { key, leaf } = await issue(ca);
    const cert = new X509Certificate(leaf);
    const root = new X509Certificate(ca.rootCertificate);
    expect(cert.verify(root.publicKey)).toBe(true);
    expect(cert.checkIssued(root)).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.publicKey.export({ format: 'der', type: 'spki' }).equals(key.publicKey.export({ format: 'der', type: 'spki' }))).toBe(true);
    expect(cert.subject.split('\n')).toEqual(['C=ZZ', 'O=Passkey Lab Simulator', 'OU=Authenticator Attestation', 'CN=Microsoft Authenticator on iPhone (simulated)']);
    // v3: the TBSCertificate starts with [0] EXPLICIT INTEGER 2.
    const [tbs] = readChildren(readElement(leaf));
    expect(Buffer.from(readChildren(tbs!)[0]!.bytes).toString('hex')).toBe('a003020102');
    // AAGUID extension: non-critical, an OCTET STRING holding the 16 AAGUID bytes.
    const aaguid = extension(leaf, '1.3.6.1.4.1.45724.1.1.4');
    expect(aaguid?.critical).toBe(false);
    expect(Buffer.from(aaguid!.value).toString('hex')).toBe(`0410${MICROSOFT_IOS.replace(/-/g, '')}`);
    // basicConstraints CA false: an empty SEQUENCE (cA defaults to FALSE).
    expect(Buffer.from(extension(leaf, '2.5.29.19')!.value).toString('hex')).toBe('3000');
  });

  it('refuses an attestation key that is not P-256 and an AAGUID that is not one', async () => {
    const ca = await createSimulatorCa();
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'der', type: 'spki' });
    await expect(ca.issueAttestationCertificate({ publicKeySpki: p384, aaguid: MICROSOFT_IOS, preset: 'yubikey-5' })).rejects.toThrow(/P-256/);
    await expect(ca.issueAttestationCertificate({ publicKeySpki: Uint8Array.of(1, 2, 3), aaguid: MICROSOFT_IOS, preset: 'yubikey-5' })).rejects.toThrow(/P-256/);
    await expect(ca.issueAttestationCertificate({ publicKeySpki: attestationKey().spki, aaguid: 'nope', preset: 'yubikey-5' })).rejects.toThrow(/AAGUID/);
  });

  it('exports and restores: the restored CA issues leaves that chain to the same root', async () => {
    const ca = await createSimulatorCa();
    const exported = await ca.export();
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(Buffer.from(fromBase64url(exported.rootCertificate)).equals(Buffer.from(ca.rootCertificate))).toBe(true);
    const restored = await restoreSimulatorCa(exported);
    const { leaf } = await issue(restored);
    expect(new X509Certificate(leaf).verify(new X509Certificate(ca.rootCertificate).publicKey)).toBe(true);
    const other = await (await createSimulatorCa()).export();
    await expect(restoreSimulatorCa({ rootCertificate: exported.rootCertificate, rootPrivateKeyJwk: other.rootPrivateKeyJwk })).rejects.toThrow(/does not belong/);
  });

  it('@simplewebauthn/server accepts a packed attestation whose x5c is a simulator leaf, with the root as trust anchor', async () => {
    const ca = await createSimulatorCa();
    const { key, leaf } = await issue(ca);
    const options = creationOptions();
    const response = await createAuthenticator({ aaguid: MICROSOFT_IOS }).register(options, {
      fmt: 'packed',
      attestationCertificate: { x5c: await ca.issue({ publicKeySpki: key.spki, aaguid: MICROSOFT_IOS, preset: 'microsoft-authenticator-ios' }), privateKey: key.privateKey },
    });
    SettingsService.setRootCertificates({ identifier: 'packed', certificates: [ca.rootCertificate] });
    const verification = await verifyRegistrationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: ORIGIN, expectedRPID: RP_ID });
    expect(verification.verified).toBe(true);
    expect(verification.registrationInfo?.aaguid).toBe(MICROSOFT_IOS);
    expect(verification.registrationInfo?.fmt).toBe('packed');
    await expect(validateCertificatePath([convertCertBufferToPEM(leaf)], [convertCertBufferToPEM(ca.rootCertificate)])).resolves.toBe(true);

    // Another lab's root is not an anchor for this leaf.
    const stranger = await createSimulatorCa();
    SettingsService.setRootCertificates({ identifier: 'packed', certificates: [stranger.rootCertificate] });
    await expect(verifyRegistrationResponse({ response, expectedChallenge: options.challenge, expectedOrigin: ORIGIN, expectedRPID: RP_ID })).rejects.toThrow();
  });
});
