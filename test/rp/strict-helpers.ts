/**
 * Hand-built WebAuthn responses for the strictness tests: what a faulty or hostile client or
 * authenticator could send, with the signatures still right where the RP checks them.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { b64url, cborEncode, type CborValue, fromB64url, registrationResponse } from '../soft-authenticator';

/**
 * A clientDataJSON hook for the authenticator (signed over, so only the RP's own checks are
 * tested): the JSON text with members added or replaced.
 */
export const withMembers =
  (members: Record<string, unknown>) =>
  (json: string): string =>
    JSON.stringify({ ...JSON.parse(json), ...members });

/** The clientDataJSON of `response` with members added or replaced (base64url; not signed again). */
export function withClientData(clientDataJSON: string, members: Record<string, unknown>): string {
  return b64url(withMembers(members)(fromB64url(clientDataJSON).toString('utf8')));
}

/** A COSE EC2 key of `crv` (1 P-256, 2 P-384, 3 P-521) with `alg`, its point as given. */
export function coseEc2(crv: number, alg: number, x: Uint8Array, y: Uint8Array): Buffer {
  return cborEncode(
    new Map<number, CborValue>([
      [1, 2],
      [3, alg],
      [-1, crv],
      [-2, x],
      [-3, y],
    ]),
  );
}

export function coseOkp(x: Uint8Array, alg = -8): Buffer {
  return cborEncode(
    new Map<number, CborValue>([
      [1, 1],
      [3, alg],
      [-1, 6],
      [-2, x],
    ]),
  );
}

export function coseRsa(n: Uint8Array, e: Uint8Array, alg = -257): Buffer {
  return cborEncode(
    new Map<number, CborValue>([
      [1, 3],
      [3, alg],
      [-1, n],
      [-2, e],
    ]),
  );
}

/** A real key's COSE form: EC2 on `curve`, Ed25519, or RSA of `bits`. */
export function realCoseKey(kind: 'P-256' | 'P-384' | 'P-521' | 'Ed25519' | 'RSA', bits = 2048): Buffer {
  if (kind === 'Ed25519') {
    const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    return coseOkp(fromB64url(jwk.x!));
  }
  if (kind === 'RSA') {
    const jwk = generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'jwk' });
    return coseRsa(fromB64url(jwk.n!), fromB64url(jwk.e!));
  }
  const curve = { 'P-256': [1, -7], 'P-384': [2, -35], 'P-521': [3, -36] }[kind] as [number, number];
  const jwk = generateKeyPairSync('ec', { namedCurve: kind }).publicKey.export({ format: 'jwk' });
  return coseEc2(curve[0], curve[1], fromB64url(jwk.x!), fromB64url(jwk.y!));
}

/** A P-256 key whose point is moved off the curve (last bit of y flipped). */
export function offCurveP256(): Buffer {
  const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const y = fromB64url(jwk.y!);
  y[31] = y[31]! ^ 1;
  return coseEc2(1, -7, fromB64url(jwk.x!), y);
}

/**
 * A registration answering `options`, with the credential id and COSE public key given. By
 * default attestation "none", where nothing is signed, so any key goes in; with `packedSelf`, a
 * packed self attestation: `alg` in the statement and a signature by `privateKey` with `hash`
 * over authData ‖ SHA-256(clientDataJSON) (the library takes `alg` as the hash to verify with).
 */
export function handMadeRegistration(
  options: PublicKeyCredentialCreationOptionsJSON,
  {
    cosePublicKey,
    credentialId = randomBytes(32),
    origin = 'http://localhost:3000',
    attStmt = new Map(),
    packedSelf,
  }: {
    cosePublicKey: Uint8Array;
    credentialId?: Uint8Array;
    origin?: string;
    attStmt?: Map<string, CborValue>;
    packedSelf?: { privateKey: KeyObject; alg: number; hash: 'sha256' | 'sha384' | 'sha512' };
  },
): RegistrationResponseJSON {
  const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false }));
  // Built here, byte by byte (rpIdHash | flags UP UV AT | signCount 0 | AAGUID 0 | id length | id | key):
  // a test authenticator may rightly refuse to make what these tests must send.
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credentialId.length);
  const authData = Buffer.concat([
    createHash('sha256').update(options.rp.id!).digest(),
    Buffer.from([0x01 | 0x04 | 0x40]),
    Buffer.alloc(4),
    Buffer.alloc(16),
    idLength,
    Buffer.from(credentialId),
    Buffer.from(cosePublicKey),
  ]);
  if (packedSelf) {
    const signed = Buffer.concat([authData, createHash('sha256').update(clientData).digest()]);
    const statement = new Map<string, CborValue>([
      ['alg', packedSelf.alg],
      ['sig', sign(packedSelf.hash, signed, packedSelf.privateKey)],
    ]);
    return registrationResponse({ credentialId, clientData, authData, fmt: 'packed', attStmt: statement, transports: ['internal'] });
  }
  return registrationResponse({ credentialId, clientData, authData, fmt: 'none', attStmt, transports: ['internal'] });
}
