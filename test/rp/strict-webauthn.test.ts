/**
 * WebAuthn strictness (WebAuthn L3 §7.1 registration, §7.2 sign-in): what a faulty or hostile
 * client or authenticator sends is refused with its own code and a named check, and nothing
 * is stored. Each of these was accepted, or refused under another code, before.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Deps } from '../../src/rp/http/env';
import { builtInDirectory } from '../../src/rp/metadata/directory';
import { openDatabase } from '../../src/rp/store/database';
import { PendingStore } from '../../src/rp/store/pending';
import { verifyRegistration } from '../../src/rp/webauthn/registration';
import type { ErrorCode } from '../../src/shared/error-codes';
import type { CeremonyReport } from '../../src/shared/schemas';
import { b64url, createAuthenticator, fromB64url } from '../soft-authenticator';
import { count, createWorld, expectError, type Reply, snapshot, testConfig } from './helpers';
import { coseEc2, coseOkp, handMadeRegistration, offCurveP256, realCoseKey, withClientData, withMembers } from './strict-helpers';

/** The refusal's code, and its report ends with the named check failing under that code. */
function expectRefusedBy(reply: Reply, status: number, code: ErrorCode, checkId: string) {
  expectError(reply, status, code);
  const report = (reply.json as { report?: CeremonyReport }).report;
  expect(report?.checks.at(-1)).toMatchObject({ id: checkId, passed: false, code });
  expect(report!.checks.slice(0, -1).every((check) => check.passed)).toBe(true);
}

/** A real P-384 point labelled with another algorithm than ES384 (-35). */
function p384WithAlg(alg: number) {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });
  return coseEc2(2, alg, fromB64url(jwk.x!), fromB64url(jwk.y!));
}

async function registrationStart() {
  const world = createWorld();
  const client = world.client();
  const options = await client.registrationOptions({ username: 'strict' });
  return { world, client, options, before: snapshot(world.db) };
}

describe('registration: the credential id (§7.1: at most 1023 bytes, the one in the authenticator data)', () => {
  it('refuses a 1,024-byte credential id: 400 credential_id_invalid, no account', async () => {
    const { world, client, options, before } = await registrationStart();
    const reply = await client.verifyRegistration(handMadeRegistration(options, { cosePublicKey: realCoseKey('P-256'), credentialId: randomBytes(1024) }));
    expectRefusedBy(reply, 400, 'credential_id_invalid', 'credentialId');
    expect(snapshot(world.db)).toEqual(before);
  });

  it('accepts 1,023 bytes', async () => {
    const { client, options } = await registrationStart();
    const reply = await client.verifyRegistration(handMadeRegistration(options, { cosePublicKey: realCoseKey('P-256'), credentialId: randomBytes(1023) }));
    expect(reply.status, reply.text).toBe(200);
  });

  it.each([
    ['id and rawId both name another credential', { id: true, rawId: true }],
    ['id names another credential', { id: true, rawId: false }],
    ['rawId names another credential', { id: false, rawId: true }],
  ])('refuses a response whose %s than the authenticator data', async (_, which) => {
    const { world, client, options, before } = await registrationStart();
    const response = await createAuthenticator().register(options);
    const other = b64url(randomBytes(32));
    const reply = await client.verifyRegistration({ ...response, id: which.id ? other : response.id, rawId: which.rawId ? other : response.rawId });
    expectRefusedBy(reply, 400, 'credential_id_invalid', 'credentialId');
    expect(snapshot(world.db)).toEqual(before);
  });
});

describe('registration: the public key must be a valid key of its type', () => {
  it.each([
    ['a P-256 point off the curve', () => offCurveP256()],
    ['a P-256 key whose coordinates are all zero', () => coseEc2(1, -7, Buffer.alloc(32), Buffer.alloc(32))],
    ['a P-256 point with short coordinates', () => coseEc2(1, -7, randomBytes(31), randomBytes(31))],
    ['an Ed25519 key that is not a point (y ≥ p)', () => coseOkp(Buffer.concat([Buffer.alloc(31, 0xff), Buffer.from([0x7f])]))],
    ['an ES256 (-7) key on P-384', () => p384WithAlg(-7)],
  ])('refuses %s: 400 public_key_invalid, no account, no passkey', async (_, cose) => {
    const { world, client, options, before } = await registrationStart();
    const reply = await client.verifyRegistration(handMadeRegistration(options, { cosePublicKey: cose() }));
    expectRefusedBy(reply, 400, 'public_key_invalid', 'publicKey');
    expect(snapshot(world.db)).toEqual(before);
    expect(count(world.db, 'users')).toBe(0);
  });

  it.each(['P-256', 'Ed25519'] as const)('accepts a real %s key, and reports the check', async (kind) => {
    const { client, options } = await registrationStart();
    const reply = await client.verifyRegistration(handMadeRegistration(options, { cosePublicKey: realCoseKey(kind) }));
    expect(reply.status, reply.text).toBe(200);
    const report = (reply.json as { report: CeremonyReport }).report;
    expect(report.checks.find((check) => check.id === 'publicKey')).toMatchObject({ passed: true });
  });
});

describe('registration: what the library used to check, now checked by the lab once', () => {
  it('refuses a real ES384 key, which the options did not offer (§7.1 step 20): 400 public_key_invalid, nothing stored', async () => {
    const { world, client, options, before } = await registrationStart();
    expect(options.pubKeyCredParams.map((param) => param.alg)).not.toContain(-35);
    const reply = await client.verifyRegistration(handMadeRegistration(options, { cosePublicKey: p384WithAlg(-35) }));
    expectRefusedBy(reply, 400, 'public_key_invalid', 'publicKey');
    expect((reply.json as { report: CeremonyReport }).report.checks.at(-1)!.message).toMatch(/ES384 \(-35\) is not one this relying party offered: EdDSA \(-8\), ES256 \(-7\), RS256 \(-257\)/);
    expect(snapshot(world.db)).toEqual(before);
  });

  it('refuses attestation "none" with a statement in it (§8.7: attStmt is empty): 400 attestation_invalid, nothing stored', async () => {
    const { world, client, options, before } = await registrationStart();
    const reply = await client.verifyRegistration(handMadeRegistration(options, { cosePublicKey: realCoseKey('P-256'), attStmt: new Map([['sig', randomBytes(64)]]) }));
    expectRefusedBy(reply, 400, 'attestation_invalid', 'attestation');
    expect(snapshot(world.db)).toEqual(before);
  });

  it('refuses BS (backed up) without BE (backup eligible) at registration too (§6.1.3): 400 invalid_request, nothing stored', async () => {
    const { world, client, options, before } = await registrationStart();
    const reply = await client.verifyRegistration(await createAuthenticator().register(options, { flags: { be: false, bs: true } }));
    expectRefusedBy(reply, 400, 'invalid_request', 'backupFlags');
    expect(snapshot(world.db)).toEqual(before);
  });

  /** A real EC key pair: its COSE public key and its private key. */
  function ecKeyPair(curve: 'P-256' | 'P-384', alg: number) {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: curve });
    const jwk = publicKey.export({ format: 'jwk' });
    return { cose: coseEc2(curve === 'P-256' ? 1 : 2, alg, fromB64url(jwk.x!), fromB64url(jwk.y!)), privateKey };
  }

  it('accepts a hand-made packed self attestation (the control for the two below)', async () => {
    const { client, options } = await registrationStart();
    const key = ecKeyPair('P-256', -7);
    const reply = await client.verifyRegistration(handMadeRegistration(options, { cosePublicKey: key.cose, packedSelf: { privateKey: key.privateKey, alg: -7, hash: 'sha256' } }));
    expect(reply.status, reply.text).toBe(200);
    expect((reply.json as { report: CeremonyReport }).report.decoded).toMatchObject({ attestationTrust: { trust: 'self' } });
  });

  it('refuses packed self attestation whose alg is not the key’s own (§8.2), even with a signature the library accepts: 400 attestation_invalid', async () => {
    const { world, client, options, before } = await registrationStart();
    const key = ecKeyPair('P-256', -7);
    // ES512 (-36) names SHA-512, which is what the library then verifies the ES256 key's signature with.
    const reply = await client.verifyRegistration(handMadeRegistration(options, { cosePublicKey: key.cose, packedSelf: { privateKey: key.privateKey, alg: -36, hash: 'sha512' } }));
    expectRefusedBy(reply, 400, 'attestation_invalid', 'attestation');
    expect(snapshot(world.db)).toEqual(before);
  });

  it('refuses a packed statement signed over other clientData than the one sent (the library no longer knows the challenge): 400 attestation_invalid', async () => {
    const { world, client, options, before } = await registrationStart();
    const response = await createAuthenticator().register(options, { fmt: 'packed' });
    // Still the right challenge, origin and type, so every check of the lab's passes; only the signature is now over other bytes.
    const swapped = { ...response, response: { ...response.response, clientDataJSON: withClientData(response.response.clientDataJSON, { extra: 'added after signing' }) } };
    expectRefusedBy(await client.verifyRegistration(swapped), 400, 'attestation_invalid', 'attestation');
    expect(snapshot(world.db)).toEqual(before);
  });

  it('checks the key before the statement: an ES384 key (not offered) under a statement that does not verify either is public_key_invalid', async () => {
    const { world, client, options, before } = await registrationStart();
    const key = ecKeyPair('P-384', -35);
    const other = ecKeyPair('P-384', -35);
    const reply = await client.verifyRegistration(handMadeRegistration(options, { cosePublicKey: key.cose, packedSelf: { privateKey: other.privateKey, alg: -35, hash: 'sha384' } }));
    expectRefusedBy(reply, 400, 'public_key_invalid', 'publicKey');
    expect(snapshot(world.db)).toEqual(before);
  });

  it('refuses standard base64 in the response even from a caller without the route schema: both decoders must read the same bytes', async () => {
    const { options } = await registrationStart();
    const response = await createAuthenticator().register(options);
    const deps: Deps = { config: testConfig(), db: openDatabase(':memory:'), now: Date.now, directory: builtInDirectory, metadataProblems: [], pending: new PendingStore() };
    // Padded, as standard base64 writes it (the lab's decoder would read the same bytes).
    const standard = `${response.response.attestationObject}=`;
    await expect(verifyRegistration(deps, undefined, { ...response, response: { ...response.response, attestationObject: standard } }, undefined)).rejects.toMatchObject({
      code: 'invalid_request',
      field: 'response.attestationObject',
    });
  });

  it('stores the COSE key the authenticator data carries, and signs in with it', async () => {
    const world = createWorld();
    const client = world.client();
    const key = createAuthenticator();
    const registered = await client.register(key, 'stored');
    const [stored] = await key.credentials();
    const row = world.db.prepare('SELECT public_key FROM credentials WHERE id = ?').get(registered.credential.id) as { public_key: Buffer };
    expect(b64url(row.public_key)).toBe(stored!.publicKeyCose);
    await client.signOut();
    expect((await client.signIn(key)).user.username).toBe('stored');
  });
});

describe('crossOrigin and topOrigin (§7.1 steps 9–10, §7.2 steps 13–14)', () => {
  async function signInStart() {
    const world = createWorld();
    const client = world.client();
    const key = createAuthenticator();
    await client.register(key, 'framed');
    await client.signOut();
    const options = await client.authenticationOptions();
    return { world, client, key, options, before: snapshot(world.db) };
  }

  it.each([
    ['"true" (a string)', 'true'],
    ['1', 1],
    ['null', null],
  ])('sign-in: crossOrigin %s is refused as 400 invalid_request by the origin check, even correctly signed', async (_, crossOrigin) => {
    const { world, client, key, options, before } = await signInStart();
    const reply = await client.verifyAuthentication(await key.authenticate(options, { clientDataJSON: withMembers({ crossOrigin }) }));
    expectRefusedBy(reply, 400, 'invalid_request', 'origin');
    expect(snapshot(world.db)).toEqual(before);
  });

  it.each([
    ['crossOrigin false', false],
    ['crossOrigin true', true],
  ])('sign-in: a topOrigin (%s) is refused as 400 top_origin_not_allowed, not signature_invalid', async (_, crossOrigin) => {
    const { world, client, key, options, before } = await signInStart();
    const reply = await client.verifyAuthentication(await key.authenticate(options, { clientDataJSON: withMembers({ crossOrigin, topOrigin: 'https://framing.example' }) }));
    expectRefusedBy(reply, 400, 'top_origin_not_allowed', 'origin');
    expect((reply.json as { report: CeremonyReport }).report.checks.at(-1)!.message).toMatch(/framing\.example/);
    expect(snapshot(world.db)).toEqual(before);
  });

  it('sign-in: crossOrigin false without topOrigin still signs in', async () => {
    const { client, key, options } = await signInStart();
    const reply = await client.verifyAuthentication(await key.authenticate(options, { clientDataJSON: withMembers({ crossOrigin: false }) }));
    expect(reply.status, reply.text).toBe(200);
  });

  it('registration: a topOrigin is refused as 400 top_origin_not_allowed, a string crossOrigin as invalid_request', async () => {
    for (const [members, code] of [
      [{ crossOrigin: true, topOrigin: 'https://framing.example' }, 'top_origin_not_allowed'],
      [{ crossOrigin: 'false' }, 'invalid_request'],
    ] as const) {
      const { world, client, options, before } = await registrationStart();
      const response = await createAuthenticator().register(options);
      const reply = await client.verifyRegistration({ ...response, response: { ...response.response, clientDataJSON: withClientData(response.response.clientDataJSON, members) } });
      expectRefusedBy(reply, 400, code, 'origin');
      expect(snapshot(world.db)).toEqual(before);
    }
  });
});
