/**
 * The sign-in signature check (src/rp/webauthn/assertion-signature.ts): every algorithm the lab
 * can store, against @simplewebauthn/server's own verifySignature; and through the relying
 * party, assertions changed after they were signed.
 */
import { constants, createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { isoCBOR, verifySignature } from '@simplewebauthn/server/helpers';
import { describe, expect, it } from 'vitest';
import { verifyAssertionSignature } from '../../src/rp/webauthn/assertion-signature';
import { createAuthenticator } from '../soft-authenticator';
import { createWorld, expectError } from './helpers';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

function coseKey(alg: number, publicKey: KeyObject): Uint8Array<ArrayBuffer> {
  const jwk = publicKey.export({ format: 'jwk' });
  const entries: [number, number | Uint8Array][] =
    jwk.kty === 'EC'
      ? [[1, 2], [3, alg], [-1, { 'P-256': 1, 'P-384': 2, 'P-521': 3 }[jwk.crv!]!], [-2, bytes(jwk.x!)], [-3, bytes(jwk.y!)]]
      : jwk.kty === 'OKP'
        ? [[1, 1], [3, alg], [-1, 6], [-2, bytes(jwk.x!)]]
        : [[1, 3], [3, alg], [-1, bytes(jwk.n!)], [-2, bytes(jwk.e!)]];
  return new Uint8Array(isoCBOR.encode(new Map<number, number | Uint8Array>(entries)));
}

const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const algorithms = [
  ['ES256', -7, () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'sha256', {}],
  ['ES384', -35, () => generateKeyPairSync('ec', { namedCurve: 'P-384' }), 'sha384', {}],
  ['ES512', -36, () => generateKeyPairSync('ec', { namedCurve: 'P-521' }), 'sha512', {}],
  ['EdDSA', -8, () => generateKeyPairSync('ed25519'), null, {}],
  ['RS256', -257, rsa, 'sha256', {}],
  ['RS384', -258, rsa, 'sha384', {}],
  ['RS512', -259, rsa, 'sha512', {}],
  ['PS256', -37, rsa, 'sha256', { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }],
  ['PS384', -38, rsa, 'sha384', { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 }],
  ['PS512', -39, rsa, 'sha512', { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 }],
] as const;

describe('verifyAssertionSignature', () => {
  const authenticatorData = new Uint8Array(37).fill(7);
  const clientDataJSON = new Uint8Array(Buffer.from('{"type":"webauthn.get","challenge":"abc","origin":"http://localhost:3000"}'));
  const signed = Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]);

  it.each(algorithms)('%s: verifies as @simplewebauthn/server does; any changed byte or another key fails', async (_name, alg, generate, hash, padding) => {
    const { publicKey, privateKey } = generate();
    const cose = coseKey(alg, publicKey);
    const signature = new Uint8Array(sign(hash, signed, { key: privateKey, ...padding }));
    expect(await verifyAssertionSignature(cose, authenticatorData, clientDataJSON, signature)).toBe(true);
    expect(await verifySignature({ signature, data: new Uint8Array(signed), credentialPublicKey: cose })).toBe(true);

    const flipped = (value: Uint8Array, at: number) => Uint8Array.from(value, (byte, index) => (index === at ? byte ^ 1 : byte));
    expect(await verifyAssertionSignature(cose, flipped(authenticatorData, 33), clientDataJSON, signature)).toBe(false);
    expect(await verifyAssertionSignature(cose, authenticatorData, flipped(clientDataJSON, 10), signature)).toBe(false);
    expect(await verifyAssertionSignature(cose, authenticatorData, clientDataJSON, flipped(signature, signature.length - 1))).toBe(false);
    expect(await verifyAssertionSignature(coseKey(alg, generate().publicKey), authenticatorData, clientDataJSON, signature)).toBe(false);
  });

  it('refuses a key it cannot use: an algorithm that does not go with the key, or another key type', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    // ES384 names P-384: a P-256 key labelled -35 is refused, even with a good SHA-384 signature.
    const sha384 = new Uint8Array(sign('sha384', signed, privateKey));
    expect(await verifyAssertionSignature(coseKey(-35, publicKey), authenticatorData, clientDataJSON, sha384)).toBe(false);
    const signature = new Uint8Array(sign('sha256', signed, privateKey));
    expect(await verifyAssertionSignature(isoCBOR.encode(new Map<number, number | Uint8Array>([[1, 4], [3, -7], [-1, new Uint8Array(32)]])), authenticatorData, clientDataJSON, signature)).toBe(false);
    expect(await verifyAssertionSignature(new Uint8Array([1, 2, 3]), authenticatorData, clientDataJSON, signature)).toBe(false);
  });
});

describe('sign-in: an assertion changed after it was signed is refused', () => {
  async function signedInOnce(algorithm?: 'EdDSA') {
    const world = createWorld();
    const key = createAuthenticator(algorithm ? { algorithm } : {});
    await world.client().register(key, 'alice');
    const client = world.client();
    const response = await key.authenticate(await client.authenticationOptions());
    return { world, key, client, response };
  }

  it('an EdDSA passkey signs in', async () => {
    const { client, response } = await signedInOnce('EdDSA');
    const reply = await client.verifyAuthentication(response);
    expect(reply.status, reply.text).toBe(200);
  });

  it('authenticator data with a higher counter than was signed: signature_invalid', async () => {
    const { client, response } = await signedInOnce();
    const authData = Buffer.from(response.response.authenticatorData, 'base64url');
    authData.writeUInt32BE(authData.readUInt32BE(33) + 5, 33);
    const reply = await client.verifyAuthentication({ ...response, response: { ...response.response, authenticatorData: authData.toString('base64url') } });
    expectError(reply, 400, 'signature_invalid');
  });

  it('clientDataJSON with a member added after signing: signature_invalid', async () => {
    const { client, response } = await signedInOnce();
    const clientData = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8')) as Record<string, unknown>;
    const changed = Buffer.from(JSON.stringify({ ...clientData, note: 'added later' })).toString('base64url');
    const reply = await client.verifyAuthentication({ ...response, response: { ...response.response, clientDataJSON: changed } });
    expectError(reply, 400, 'signature_invalid');
  });

  it('an id and a rawId that differ: credential_id_invalid', async () => {
    const { client, response } = await signedInOnce();
    const reply = await client.verifyAuthentication({ ...response, rawId: Buffer.from('another credential').toString('base64url') });
    expectError(reply, 400, 'credential_id_invalid');
  });

  it('BS (backed up) without BE (backup eligible): invalid_request, nothing stored', async () => {
    const world = createWorld();
    const key = createAuthenticator();
    await world.client().register(key, 'alice');
    const client = world.client();
    const reply = await client.verifyAuthentication(await key.authenticate(await client.authenticationOptions(), { flags: { be: false, bs: true } }));
    expectError(reply, 400, 'invalid_request');
    expect((reply.json as { report: { checks: { id: string }[] } }).report.checks.at(-1)).toMatchObject({ id: 'backupFlags', passed: false });
  });
});
