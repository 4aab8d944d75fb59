/**
 * The inspector's decoders, over responses made by the software authenticator and by
 * test/rp/inspect-fixtures.ts (packed with x5c, fido-u2f, apple, tpm, android-key).
 */
import { randomBytes, sign } from 'node:crypto';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { describe, expect, it } from 'vitest';
import { RpError } from '../../src/rp/http/rp-error';
import { inspect, type InspectResult, rpIdFromOrigin } from '../../src/rp/inspect/inspect';
import { createAuthenticatorDirectory } from '../../src/rp/metadata';
import { decodeAttestationObject } from '../../src/rp/webauthn/decode/attestation-object';
import { decodeAuthenticatorData } from '../../src/rp/webauthn/decode/authenticator-data';
import { decodeClientData } from '../../src/rp/webauthn/decode/client-data';
import { decodeSignature } from '../../src/rp/webauthn/decode/signature';
import { decodeUserHandle } from '../../src/rp/webauthn/decode/user-handle';
import { b64url, cborEncode, type CborValue, createAuthenticator, fromB64url, sha256 } from '../soft-authenticator';
import { MICROSOFT_IOS } from './helpers';
import {
  authenticatorData,
  creationOptions,
  fidoU2fRegistration,
  issueCertificate,
  ORIGIN,
  packedX5cRegistration,
  registrationWith,
  requestOptions,
  RP_ID,
  TEST_AAGUID,
  unverifiableRegistration,
} from './inspect-fixtures';

type DecodedByKind = { [R in InspectResult as R['kind']]: R['decoded'] };

function as<K extends keyof DecodedByKind>(result: InspectResult, kind: K): DecodedByKind[K] {
  expect(result.kind).toBe(kind);
  return result.decoded as unknown as DecodedByKind[K];
}

/** The promise rejects with a 400 invalid_request naming this part and field. */
async function expectDecodeError(promise: Promise<unknown>, part: string, field: string) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RpError);
  expect(error).toMatchObject({ code: 'invalid_request', field });
  expect((error as RpError).message).toMatch(new RegExp(`^${part.replace(/\./g, '\\.')} could not be decoded: .+`));
}

async function register(settings: Parameters<typeof createAuthenticator>[0] = {}, fmt: 'none' | 'packed' = 'none') {
  const authenticator = createAuthenticator(settings);
  return { authenticator, response: await authenticator.register(creationOptions(), { fmt }) };
}

function withClientData(response: RegistrationResponseJSON, change: (data: Record<string, unknown>) => void): RegistrationResponseJSON {
  const data = JSON.parse(fromB64url(response.response.clientDataJSON).toString('utf8')) as Record<string, unknown>;
  change(data);
  return { ...response, response: { ...response.response, clientDataJSON: b64url(JSON.stringify(data)) } };
}

// ---- registration responses --------------------------------------------------------------------

describe('inspect: registration responses', () => {
  it('decodes a "none" registration: client data, flags, AAGUID and provider, COSE key, nothing to verify', async () => {
    const { response } = await register({ aaguid: MICROSOFT_IOS, backupEligible: true, backupState: true });
    const decoded = as(await inspect(response), 'registration');
    expect(decoded.id).toBe(response.id);
    expect(decoded.type).toBe('public-key');
    expect(decoded.clientData).toMatchObject({ type: 'webauthn.create', origin: ORIGIN, crossOrigin: false });
    expect(decoded.clientData.raw).toMatchObject({ type: 'webauthn.create' });
    expect(decoded.rpIdFromOrigin).toBe(RP_ID);
    expect(decoded.transports).toEqual(['internal']);
    expect(decoded.idMatchesCredentialId).toBe(true);
    const authData = decoded.attestationObject.authenticatorData;
    expect(authData.rpIdHash).toBe(sha256(RP_ID).toString('hex'));
    expect(authData.flags).toEqual({ up: true, uv: true, be: true, bs: true, at: true, ed: false, value: 0x5d });
    expect(authData.signCount).toBe(0);
    expect(authData.attestedCredentialData).toEqual({
      aaguid: MICROSOFT_IOS,
      providerName: 'Microsoft Authenticator (iOS)',
      credentialId: response.id,
      publicKey: { kty: 'EC2', alg: -7, algName: 'ES256', crv: 'P-256' },
    });
    expect(decoded.attestationObject).toMatchObject({ fmt: 'none', statementKind: 'none', certificates: [], attStmtKeys: [] });
    expect(decoded.attestation).toEqual({
      fmt: 'none',
      statementKind: 'none',
      verification: { verified: true, message: 'nothing to verify: no attestation', trust: 'not applicable' },
    });
  });

  it('decodes an Ed25519 credential key (OKP, EdDSA) and an unknown AAGUID (no provider name)', async () => {
    const { response } = await register({ algorithm: 'EdDSA', aaguid: TEST_AAGUID });
    const decoded = as(await inspect(response), 'registration');
    expect(decoded.attestationObject.authenticatorData.attestedCredentialData).toMatchObject({
      aaguid: TEST_AAGUID,
      providerName: null,
      publicKey: { kty: 'OKP', alg: -8, algName: 'EdDSA', crv: 'Ed25519' },
    });
  });

  it('verifies packed self attestation (no x5c) and says what it proves', async () => {
    const { response } = await register({}, 'packed');
    const decoded = as(await inspect(response), 'registration');
    expect(decoded.attestationObject).toMatchObject({ fmt: 'packed', statementKind: 'self', alg: -7, algName: 'ES256', certificates: [] });
    expect(decoded.attestation.verification).toMatchObject({ verified: true, trust: 'self' });
    expect(decoded.attestation.verification.message).toMatch(/self attestation/);
  });

  it('packed with x5c: basic attestation, certificates listed, signature verified, chain not checked without metadata', async () => {
    const { response } = packedX5cRegistration();
    const decoded = as(await inspect(response), 'registration');
    expect(decoded.attestationObject).toMatchObject({ fmt: 'packed', statementKind: 'basic', alg: -7, attStmtKeys: ['alg', 'sig', 'x5c'] });
    expect(decoded.attestationObject.certificates).toHaveLength(1);
    const [certificate] = decoded.attestationObject.certificates;
    expect(certificate?.subject).toBe('C=US, O=Passkey Lab Tests, OU=Authenticator Attestation, CN=Passkey Lab Test Authenticator');
    expect(certificate?.issuer).toBe('C=US, O=Passkey Lab Tests, CN=Passkey Lab Test Root');
    expect(Date.parse(certificate?.notBefore ?? '')).toBeLessThan(Date.now());
    expect(Date.parse(certificate?.notAfter ?? '')).toBeGreaterThan(Date.now());
    expect(decoded.attestation.verification).toMatchObject({ verified: true, trust: 'not checked' });
    expect(decoded.attestation.verification.message).toMatch(/signature verified, but the certificate chain was not checked/);
  });

  it('packed with x5c: the chain is checked against the metadata statement roots when loaded (trusted / untrusted)', async () => {
    const { response, root } = packedX5cRegistration();
    const directory = createAuthenticatorDirectory({
      statements: new Map([[TEST_AAGUID, { description: 'Passkey Lab Test Key', attestationRootCertificates: [root.der.toString('base64')] }]]),
    });
    const trusted = as(await inspect(response, { directory }), 'registration');
    expect(trusted.attestation.verification).toMatchObject({ verified: true, trust: 'trusted' });
    expect(trusted.attestationObject.authenticatorData.attestedCredentialData?.providerName).toBe('Passkey Lab Test Key');

    const otherRoot = issueCertificate({ subject: { C: 'US', O: 'Someone Else', CN: 'Other Root' }, ca: true });
    const otherDirectory = createAuthenticatorDirectory({
      statements: new Map([[TEST_AAGUID, { description: 'Passkey Lab Test Key', attestationRootCertificates: [otherRoot.der.toString('base64')] }]]),
    });
    const untrusted = as(await inspect(response, { directory: otherDirectory }), 'registration');
    expect(untrusted.attestation.verification).toMatchObject({ verified: false, trust: 'untrusted' });
    expect(untrusted.attestation.verification.message).toMatch(/does not lead to a root/);
  });

  it('fido-u2f: basic attestation over the U2F signature base, zero AAGUID, chain not checked', async () => {
    const decoded = as(await inspect(fidoU2fRegistration()), 'registration');
    expect(decoded.attestationObject).toMatchObject({ fmt: 'fido-u2f', statementKind: 'basic' });
    expect(decoded.attestationObject.certificates[0]?.subject).toBe('CN=Passkey Lab Test U2F Key');
    expect(decoded.attestation.verification).toMatchObject({ verified: true, trust: 'not checked' });
    expect(decoded.attestation.verification.message).toMatch(/no AAGUID/);
  });

  it.each([
    ['apple', 'anonca', undefined],
    ['tpm', 'attca', -257],
    ['android-key', 'attca', -7],
  ] as const)('%s: decoded as %s; a statement that does not verify is reported, not thrown', async (fmt, kind, alg) => {
    const decoded = as(await inspect(unverifiableRegistration(fmt)), 'registration');
    expect(decoded.attestationObject.fmt).toBe(fmt);
    expect(decoded.attestationObject.statementKind).toBe(kind);
    expect(decoded.attestationObject.alg).toBe(alg);
    expect(decoded.attestationObject.certificates).toHaveLength(1);
    expect(decoded.attestation.verification.verified).toBe(false);
    expect(decoded.attestation.verification.trust).toBe('untrusted');
    expect(decoded.attestation.verification.message).toMatch(/^the attestation did not verify: /);
  });

  it('an unknown format decodes with statementKind unknown and does not verify', async () => {
    const decoded = as(await inspect(registrationWith('made-up', () => new Map<string, CborValue>([['x', 1]]))), 'registration');
    expect(decoded.attestationObject).toMatchObject({ fmt: 'made-up', statementKind: 'unknown', attStmtKeys: ['x'] });
    expect(decoded.attestation.verification).toMatchObject({ verified: false, trust: 'untrusted' });
    expect(decoded.attestation.verification.message).toMatch(/Unsupported Attestation Format/);
  });

  it('accepts the verify body ({ response }), JSON text and the inner response member alone', async () => {
    const { response } = await register({}, 'packed');
    for (const input of [{ response, nickname: 'x' }, JSON.stringify(response), `  ${JSON.stringify({ response })}\n`, response.response]) {
      const decoded = as(await inspect(input), 'registration');
      expect(decoded.attestation.verification.verified).toBe(true);
      expect(decoded.attestationObject.authenticatorData.attestedCredentialData?.credentialId).toBe(response.id);
    }
    // Without `id` the credential ID inside authenticatorData stands in, and nothing is compared.
    expect(as(await inspect(response.response), 'registration').idMatchesCredentialId).toBeNull();
  });

  it('needs neither the challenge nor this RP: any challenge and an RP ID from elsewhere still decode and verify', async () => {
    // A real registration on another site (the page https://login.example.com, RP ID example.com), with a challenge nobody issued.
    const authenticator = createAuthenticator({ origin: 'https://login.example.com' });
    const response = await authenticator.register({ ...creationOptions(), rp: { id: 'example.com', name: 'Example' } }, { fmt: 'packed', challenge: b64url('anything') });
    const decoded = as(await inspect(response), 'registration');
    expect(decoded.rpIdFromOrigin).toBe('example.com');
    expect(decoded.attestation.verification.verified).toBe(true);
  });
});

describe('inspect: tampered registration responses', () => {
  it('clientDataJSON changed after signing: decodes, the packed signature no longer verifies', async () => {
    const tampered = withClientData((await register({}, 'packed')).response, (data) => {
      data.challenge = b64url('forged');
    });
    const decoded = as(await inspect(tampered), 'registration');
    expect(decoded.clientData.challenge).toBe(b64url('forged'));
    expect(decoded.attestation.verification).toMatchObject({ verified: false, trust: 'untrusted' });
  });

  it('a flipped byte in the x5c-backed signature fails verification', async () => {
    const { response } = packedX5cRegistration();
    const map = isoCBOR.decodeFirst<Map<string, CborValue>>(new Uint8Array(fromB64url(response.response.attestationObject)));
    const attStmt = map.get('attStmt') as Map<string, CborValue>;
    const sig = Buffer.from(attStmt.get('sig') as Uint8Array);
    sig[sig.length - 1] = (sig[sig.length - 1] ?? 0) ^ 0xff;
    attStmt.set('sig', sig);
    const tampered = { ...response, response: { ...response.response, attestationObject: b64url(cborEncode(map)) } };
    expect(as(await inspect(tampered), 'registration').attestation.verification.verified).toBe(false);
  });

  it('clientDataJSON type webauthn.get in a registration is shown and refused by verification', async () => {
    const tampered = withClientData((await register()).response, (data) => {
      data.type = 'webauthn.get';
    });
    const decoded = as(await inspect(tampered), 'registration');
    expect(decoded.clientData.type).toBe('webauthn.get');
    expect(decoded.attestation.verification).toMatchObject({ verified: false });
    expect(decoded.attestation.verification.message).toMatch(/type/);
  });

  it('an id that is not the credential ID is flagged', async () => {
    const { response } = await register();
    const decoded = as(await inspect({ ...response, id: b64url(randomBytes(32)) }), 'registration');
    expect(decoded.idMatchesCredentialId).toBe(false);
    expect(decoded.attestation.verification.verified).toBe(false);
  });

  it('an rpIdHash for another site does not match the origin', async () => {
    const response = await createAuthenticator().register(creationOptions(), { rpId: 'evil.example' });
    const decoded = as(await inspect(response), 'registration');
    expect(decoded.attestationObject.authenticatorData.rpIdHash).toBe(sha256('evil.example').toString('hex'));
    expect(decoded.rpIdFromOrigin).toBeNull();
  });

  it('fmt none with a statement attached does not verify', async () => {
    const decoded = as(await inspect(registrationWith('none', () => new Map<string, CborValue>([['sig', new Uint8Array(8)]]))), 'registration');
    expect(decoded.attestation.verification).toMatchObject({ verified: false, trust: 'untrusted' });
  });

  it('UP and UV cleared: still decoded and verified (the inspector requires neither), flags say so', async () => {
    const response = await createAuthenticator().register(creationOptions(), { fmt: 'packed', flags: { up: false, uv: false } });
    const decoded = as(await inspect(response), 'registration');
    expect(decoded.attestationObject.authenticatorData.flags).toMatchObject({ up: false, uv: false, at: true, value: 0x40 });
    expect(decoded.attestation.verification.verified).toBe(true);
  });
});

// ---- authentication responses -------------------------------------------------------------------

describe('inspect: authentication responses', () => {
  it('ES256: DER signature, counter, flags and the user handle', async () => {
    const authenticator = createAuthenticator({ backupEligible: true });
    await authenticator.register(creationOptions());
    const response = await authenticator.authenticate(requestOptions());
    const decoded = as(await inspect(response), 'authentication');
    expect(decoded.clientData).toMatchObject({ type: 'webauthn.get', origin: ORIGIN });
    expect(decoded.authenticatorData).toEqual({
      rpIdHash: sha256(RP_ID).toString('hex'),
      flags: { up: true, uv: true, be: true, bs: false, at: false, ed: false, value: 0x0d },
      signCount: 1,
    });
    // DER drops an integer's leading zero bytes and adds one before a high bit, so r and s are
    // 1–33 bytes each (31 in about 1 of 256 signatures): compare with the bytes themselves.
    // SEQUENCE (0x30, length) { INTEGER (0x02, rLength) r, INTEGER (0x02, sLength) s }
    const der = Buffer.from(response.response.signature, 'base64url');
    const rLength = der[3]!;
    expect(decoded.signature).toEqual({
      byteLength: der.length,
      encoding: 'der',
      likelyAlgorithm: 'ECDSA (ES256, ES384 or ES512)',
      der: { rByteLength: rLength, sByteLength: der[4 + rLength + 1]! },
    });
    expect(rLength).toBeLessThanOrEqual(33);
    expect(decoded.userHandle).toMatchObject({ base64url: (await authenticator.credentials())[0]?.userHandle, byteLength: 32 });
    expect(decoded.rpIdFromOrigin).toBe(RP_ID);
  });

  it('EdDSA: a raw 64-byte signature; no userHandle is null; a readable userHandle is shown as text', async () => {
    const authenticator = createAuthenticator({ algorithm: 'EdDSA' });
    await authenticator.register(creationOptions());
    const withoutHandle = as(await inspect(await authenticator.authenticate(requestOptions(), { userHandle: null })), 'authentication');
    expect(withoutHandle.signature).toEqual({ byteLength: 64, encoding: 'raw', likelyAlgorithm: 'EdDSA (Ed25519)' });
    expect(withoutHandle.userHandle).toBeNull();
    const readable = as(await inspect(await authenticator.authenticate(requestOptions(), { userHandle: b64url('alice@example.com') })), 'authentication');
    expect(readable.userHandle).toEqual({ base64url: b64url('alice@example.com'), byteLength: 17, text: 'alice@example.com' });
  });

  it('decodeSignature and decodeUserHandle on their own', () => {
    expect(decodeSignature(b64url(randomBytes(256)))).toEqual({ byteLength: 256, encoding: 'raw', likelyAlgorithm: 'RSA 2048' });
    expect(decodeSignature(b64url(randomBytes(10))).likelyAlgorithm).toBe('unknown');
    expect(decodeUserHandle(b64url(Buffer.from([0, 1, 2])))).toEqual({ base64url: 'AAEC', byteLength: 3, text: null });
    // Text only when the bytes are well-formed UTF-8 (a lone continuation byte, an overlong form, a surrogate are not).
    expect(decodeUserHandle(b64url(Buffer.from('åsa-42', 'utf8')))?.text).toBe('åsa-42');
    for (const bytes of [[0x61, 0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff]]) expect(decodeUserHandle(b64url(Buffer.from(bytes)))?.text).toBeNull();
    expect(decodeUserHandle('')).toBeNull();
  });
});

// ---- authenticator data: every flag ----------------------------------------------------------

describe('decodeAuthenticatorData: flags', () => {
  const FLAGS = { up: 0x01, uv: 0x04, be: 0x08, bs: 0x10, ed: 0x80 } as const;
  const combinations = Array.from({ length: 32 }, (_, n) => ({
    up: Boolean(n & 1),
    uv: Boolean(n & 2),
    be: Boolean(n & 4),
    bs: Boolean(n & 8),
    ed: Boolean(n & 16),
  }));

  it.each(combinations)('UP=$up UV=$uv BE=$be BS=$bs ED=$ed', async (set) => {
    let value = 0;
    for (const [flag, bit] of Object.entries(FLAGS)) if (set[flag as keyof typeof FLAGS]) value |= bit;
    const bytes = authenticatorData({
      flags: value,
      signCount: 7,
      extensions: set.ed ? new Map<string, CborValue>([['credProtect', 2]]) : undefined,
    });
    const decoded = decodeAuthenticatorData(bytes);
    expect(decoded.flags).toEqual({ ...set, at: false, value });
    expect(decoded.signCount).toBe(7);
    expect(decoded.attestedCredentialData).toBeUndefined();
    if (set.ed) expect(decoded.extensions).toEqual({ credProtect: 2 });
    else expect(decoded.extensions).toBeUndefined();
    // The same bytes, pasted bare, are identified as authenticator data.
    expect(await inspect(b64url(bytes))).toEqual({ kind: 'authenticatorData', decoded });
  });

  it('attested credential data with extensions (AT + ED); byte-string extension values become base64url', async () => {
    const { response } = await register();
    const attested = decodeAttestationObject(response.response.attestationObject).authenticatorData.attestedCredentialData;
    expect(attested).toBeDefined();
    const { authenticator } = await register();
    const cosePublicKey = fromB64url((await authenticator.credentials())[0]!.publicKeyCose);
    const bytes = authenticatorData({
      flags: 0xc5,
      attested: { aaguid: MICROSOFT_IOS, credentialId: Buffer.from([1, 2, 3]), cosePublicKey },
      extensions: new Map<string, CborValue>([['largeBlobKey', Buffer.from([0xfb, 0xff])]]),
    });
    const decoded = decodeAuthenticatorData(b64url(bytes));
    expect(decoded.flags).toMatchObject({ at: true, ed: true, value: 0xc5 });
    expect(decoded.attestedCredentialData).toMatchObject({ aaguid: MICROSOFT_IOS, credentialId: 'AQID', providerName: 'Microsoft Authenticator (iOS)' });
    expect(decoded.extensions).toEqual({ largeBlobKey: '-_8' });
  });

  it('tampered: ED without extension bytes, leftover bytes, too short, bad COSE key alg', () => {
    expect(() => decodeAuthenticatorData(authenticatorData({ flags: 0x81 }))).toThrow(/^authenticatorData could not be decoded: /);
    expect(() => decodeAuthenticatorData(Buffer.concat([authenticatorData({ flags: 0x01 }), Buffer.from([0])]))).toThrow(/Leftover bytes/);
    expect(() => decodeAuthenticatorData(new Uint8Array(36))).toThrow(/36 bytes; authenticator data has at least 37/);
    const noAlg = cborEncode(new Map<number, CborValue>([[1, 2]]));
    expect(() =>
      decodeAuthenticatorData(authenticatorData({ flags: 0x41, attested: { aaguid: TEST_AAGUID, credentialId: Buffer.from([1]), cosePublicKey: noAlg } })),
    ).toThrow(/no numeric alg/);
  });
});

// ---- bare parts -----------------------------------------------------------------------------

describe('inspect: bare base64url strings are identified', () => {
  it('clientDataJSON, attestationObject and authenticatorData', async () => {
    const { response } = await register({}, 'packed');
    expect((await inspect(response.response.clientDataJSON)).kind).toBe('clientDataJSON');
    const attestation = as(await inspect(response.response.attestationObject), 'attestationObject');
    expect(attestation).toEqual(decodeAttestationObject(response.response.attestationObject));
    expect(attestation.statementKind).toBe('self');
    const authData = as(await inspect(response.response.authenticatorData ?? ''), 'authenticatorData');
    expect(authData.attestedCredentialData?.credentialId).toBe(response.id);
    // Padding and the standard base64 alphabet are tolerated.
    const padded = Buffer.from(fromB64url(response.response.clientDataJSON)).toString('base64');
    expect((await inspect(padded)).kind).toBe('clientDataJSON');
  });

  it('decodeClientData keeps crossOrigin, topOrigin, tokenBinding and unknown members', () => {
    const data = { type: 'webauthn.get', challenge: 'abc', origin: 'https://a.example', crossOrigin: true, topOrigin: 'https://b.example', tokenBinding: { status: 'supported' }, other: 1 };
    expect(decodeClientData(b64url(JSON.stringify(data)))).toEqual({
      type: 'webauthn.get',
      challenge: 'abc',
      origin: 'https://a.example',
      crossOrigin: true,
      topOrigin: 'https://b.example',
      tokenBinding: { status: 'supported' },
      raw: data,
    });
  });

  it('rpIdFromOrigin tries the host and its parent domains', () => {
    const hash = (id: string) => sha256(id).toString('hex');
    expect(rpIdFromOrigin('https://a.b.example.com', hash('example.com'))).toBe('example.com');
    expect(rpIdFromOrigin('https://a.b.example.com', hash('a.b.example.com'))).toBe('a.b.example.com');
    expect(rpIdFromOrigin('android:apk-key-hash:abc', hash('example.com'))).toBeNull();
    expect(rpIdFromOrigin('not a url', hash('x'))).toBeNull();
  });
});

// ---- bad input ---------------------------------------------------------------------------------

describe('inspect: bad input names the part and the field', () => {
  it.each([
    ['', 'input', 'input'],
    ['   ', 'input', 'input'],
    ['not base64 at all!', 'input', 'input'],
    ['A', 'input', 'input'],
    [b64url('short'), 'input', 'input'],
    [b64url(JSON.stringify({ hello: 'world', padding: 'x'.repeat(40) })), 'input', 'input'],
    ['{"response": ', 'input', 'input'],
  ])('%j', async (input, part, field) => {
    await expectDecodeError(inspect(input), part, field);
  });

  it('non-objects and objects that are no response', async () => {
    for (const input of [42, null, true, [1, 2], undefined, { hello: 'world' }, '[1,2,3]', { response: 'x' }]) {
      await expect(inspect(input)).rejects.toMatchObject({ code: 'invalid_request', field: 'input' });
    }
  });

  it('registration parts: each broken part is named with its field path', async () => {
    const { response } = await register();
    const attestation = fromB64url(response.response.attestationObject);
    await expectDecodeError(
      inspect({ ...response, response: { ...response.response, attestationObject: b64url(attestation.subarray(0, attestation.length - 5)) } }),
      'attestationObject',
      'input.response.attestationObject',
    );
    await expectDecodeError(
      inspect({ ...response, response: { ...response.response, attestationObject: 12 } }),
      'attestationObject',
      'input.response.attestationObject',
    );
    await expectDecodeError(
      inspect({ ...response, response: { ...response.response, clientDataJSON: b64url('not json') } }),
      'clientDataJSON',
      'input.response.clientDataJSON',
    );
    await expectDecodeError(
      inspect({ ...response, response: { ...response.response, clientDataJSON: b64url('{"type":"webauthn.create"}') } }),
      'clientDataJSON',
      'input.response.clientDataJSON',
    );
    await expectDecodeError(
      inspect({ ...response, response: { ...response.response, clientDataJSON: b64url(Buffer.from([0xff, 0xfe])) } }),
      'clientDataJSON',
      'input.response.clientDataJSON',
    );
    await expectDecodeError(inspect({ response: { ...response, response: { attestationObject: response.response.attestationObject } } }), 'clientDataJSON', 'input.response.response.clientDataJSON');
    // authData inside the attestation object with trailing garbage
    const leftover = registrationWith('none', () => new Map());
    const map = new Map<string, CborValue>([
      ['fmt', 'none'],
      ['attStmt', new Map()],
      ['authData', Buffer.concat([authenticatorData({ flags: 0x01 }), Buffer.from([1, 2])])],
    ]);
    await expectDecodeError(
      inspect({ ...leftover, response: { ...leftover.response, attestationObject: b64url(cborEncode(map)) } }),
      'attestationObject.authData',
      'input.response.attestationObject',
    );
    // x5c that is not a certificate
    const badX5c = registrationWith('packed', () => new Map<string, CborValue>([['alg', -7], ['sig', new Uint8Array(4)], ['x5c', [new Uint8Array([1, 2, 3])]]]));
    await expectDecodeError(inspect(badX5c), 'attestationObject', 'input.response.attestationObject');
  });

  it('authentication parts: each broken part is named with its field path', async () => {
    const authenticator = createAuthenticator();
    await authenticator.register(creationOptions());
    const response = await authenticator.authenticate(requestOptions());
    const broken = (change: Record<string, unknown>) => inspect({ ...response, response: { ...response.response, ...change } });
    await expectDecodeError(broken({ signature: '' }), 'signature', 'input.response.signature');
    await expectDecodeError(broken({ signature: undefined }), 'signature', 'input.response.signature');
    await expectDecodeError(broken({ authenticatorData: b64url('tiny') }), 'authenticatorData', 'input.response.authenticatorData');
    await expectDecodeError(broken({ userHandle: 'not*base64' }), 'userHandle', 'input.response.userHandle');
    await expectDecodeError(broken({ clientDataJSON: { nested: true } }), 'clientDataJSON', 'input.response.clientDataJSON');
  });
});

describe('inspect: fuzz (never anything but a decoded result or a 400 invalid_request)', () => {
  async function settle(input: unknown) {
    try {
      const result = await inspect(input);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      return 'ok';
    } catch (error) {
      expect(error).toBeInstanceOf(RpError);
      expect((error as RpError).code).toBe('invalid_request');
      expect((error as RpError).field).toMatch(/^input/);
      return 'refused';
    }
  }

  it('random base64url of every length up to 200 bytes', async () => {
    for (let length = 0; length <= 200; length += 1) await settle(b64url(randomBytes(length)));
  });

  it('every truncation and many single-byte flips of a real attestation object', async () => {
    const { response } = packedX5cRegistration();
    const bytes = fromB64url(response.response.attestationObject);
    for (let end = 0; end < bytes.length; end += 1) {
      expect(await settle({ ...response, response: { ...response.response, attestationObject: b64url(bytes.subarray(0, end)) } })).toBe('refused');
    }
    for (let i = 0; i < 300; i += 1) {
      const copy = Buffer.from(bytes);
      const at = Math.floor(Math.random() * copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 + Math.floor(Math.random() * 255));
      await settle({ ...response, response: { ...response.response, attestationObject: b64url(copy) } });
      await settle(b64url(copy));
    }
    // ~1,000 inspections: about 2 s alone, more on a busy 2-core machine.
  }, 30_000);

  it('nested garbage, deep nesting and huge arrays', async () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const deepCbor = Buffer.concat([Buffer.alloc(40000, 0x81), Buffer.from([0x00])]);
    for (const input of [
      { response: { attestationObject: { a: [1, { b: null }] }, clientDataJSON: [] } },
      { response: { response: { response: { signature: 5 } } } },
      { response: { signature: b64url('x'), clientDataJSON: null, authenticatorData: {} } },
      { id: 1, rawId: [], response: { clientDataJSON: 'x'.repeat(59000), attestationObject: '' } },
      deep,
      `{"a":${deep}}`,
      b64url(deepCbor),
      Array.from({ length: 10000 }, () => 0),
      { response: { attestationObject: b64url(cborEncode(new Map<string, CborValue>([['fmt', 'none'], ['attStmt', new Map()], ['authData', new Uint8Array(10)]]))) } },
      b64url(cborEncode(new Map<string, CborValue>([['fmt', 'packed'], ['attStmt', new Map<string, CborValue>([['x5c', 'nope']])], ['authData', authenticatorData({ flags: 1 })]]))),
      b64url(Buffer.from([0xbf, 0xff])),
      b64url(Buffer.from([0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])),
    ]) {
      await settle(input);
    }
  });

  it('a packed self attestation signed over a different authData is refused by verification, not thrown', async () => {
    const response = registrationWith('packed', ({ clientDataHash, credentialKey }) =>
      new Map<string, CborValue>([
        ['alg', -7],
        ['sig', sign('sha256', Buffer.concat([Buffer.from('other'), clientDataHash]), credentialKey.privateKey)],
      ]),
    );
    expect(as(await inspect(response), 'registration').attestation.verification).toMatchObject({ verified: false, trust: 'untrusted' });
  });
});
