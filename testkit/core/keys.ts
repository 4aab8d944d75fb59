/**
 * Credential and attestation keys on WebCrypto: ES256 (ECDSA P-256; WebAuthn wants its
 * signatures DER-encoded, §6.5.5) and EdDSA (Ed25519; raw 64-byte signatures). Isomorphic.
 */
import { fromBase64url } from './bytes';
import { COSE_ALG, coseKeyFromJwk, ecdsaRawToDer } from './cose';
import type { KeyAlgorithm } from './types';

const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const ED25519 = { name: 'Ed25519' } as const;

const subtle = () => globalThis.crypto.subtle;

export const coseAlgorithm: Record<KeyAlgorithm, number> = { ES256: COSE_ALG.ES256, EdDSA: COSE_ALG.EdDSA };

/** The KeyAlgorithm of a COSE algorithm identifier, or undefined for one the kit does not make. */
export function keyAlgorithmOf(cose: number): KeyAlgorithm | undefined {
  if (cose === COSE_ALG.ES256) return 'ES256';
  if (cose === COSE_ALG.EdDSA) return 'EdDSA';
  return undefined;
}

const importParams = (algorithm: KeyAlgorithm) => (algorithm === 'ES256' ? EC_KEY : ED25519);

export interface CredentialKey {
  algorithm: KeyAlgorithm;
  privateKeyJwk: JsonWebKey;
  /** SubjectPublicKeyInfo (DER). */
  publicKeySpki: Uint8Array;
  /** COSE_Key of the public key. */
  cosePublicKey: Uint8Array;
}

/** A new credential key pair, its private half as JWK (how passkeys are stored). */
export async function generateCredentialKey(algorithm: KeyAlgorithm): Promise<CredentialKey> {
  let pair: CryptoKeyPair;
  try {
    pair = (await subtle().generateKey(importParams(algorithm), true, ['sign', 'verify'])) as CryptoKeyPair;
  } catch (error) {
    throw new DOMException(`This WebCrypto cannot make ${algorithm} keys (${error instanceof Error ? error.message : String(error)}).`, 'NotSupportedError');
  }
  const privateKeyJwk = await subtle().exportKey('jwk', pair.privateKey);
  const publicKeyJwk = await subtle().exportKey('jwk', pair.publicKey);
  const publicKeySpki = new Uint8Array(await subtle().exportKey('spki', pair.publicKey));
  return { algorithm, privateKeyJwk, publicKeySpki, cosePublicKey: coseKeyFromJwk(publicKeyJwk) };
}

/** Signs `data` with a private key in WebAuthn's encoding for the algorithm. */
export async function signWithKey(algorithm: KeyAlgorithm, privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  const input = data as Uint8Array<ArrayBuffer>;
  if (algorithm === 'ES256') return ecdsaRawToDer(new Uint8Array(await subtle().sign(ECDSA_SHA256, privateKey, input)));
  return new Uint8Array(await subtle().sign(ED25519, privateKey, input));
}

/** A stored private key (JWK) as a CryptoKey that can only sign. */
export async function importPrivateJwk(algorithm: KeyAlgorithm, jwk: JsonWebKey): Promise<CryptoKey> {
  const { key_ops: _ops, ext: _ext, alg: _alg, ...material } = jwk;
  return subtle().importKey('jwk', material, importParams(algorithm), false, ['sign']);
}

/** A well-formed signature over `data` by a new, unrelated key of the same type. */
export async function wrongKeySignature(algorithm: KeyAlgorithm, data: Uint8Array): Promise<Uint8Array> {
  const pair = (await subtle().generateKey(importParams(algorithm), false, ['sign', 'verify'])) as CryptoKeyPair;
  return signWithKey(algorithm, pair.privateKey, data);
}

/** An ES256 (P-256) private key as a CryptoKey, a JWK, or PKCS#8 PEM text ("-----BEGIN PRIVATE KEY-----"). */
export type Es256PrivateKey = CryptoKey | JsonWebKey | string;

function pkcs8FromPem(pem: string): Uint8Array {
  const match = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(pem);
  if (!match) throw new TypeError('Expected a PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----").');
  return fromBase64url(match[1]!.replace(/\s+/g, '').replace(/\+/g, '-').replace(/\//g, '_'));
}

/** Signs `data` with an ES256 key given in any of the accepted forms (DER signature). */
export async function signEs256With(key: Es256PrivateKey, data: Uint8Array): Promise<Uint8Array> {
  let privateKey: CryptoKey;
  if (typeof key === 'string') privateKey = await subtle().importKey('pkcs8', pkcs8FromPem(key) as Uint8Array<ArrayBuffer>, EC_KEY, false, ['sign']);
  else if (globalThis.CryptoKey && key instanceof globalThis.CryptoKey) privateKey = key;
  else privateKey = await importPrivateJwk('ES256', key as JsonWebKey);
  return signWithKey('ES256', privateKey, data);
}

/** A new ES256 key pair that cannot be exported (the devices' own attestation keys). */
export async function generateAttestationKey(): Promise<{ privateKey: CryptoKey; publicKeySpki: Uint8Array }> {
  const pair = (await subtle().generateKey(EC_KEY, false, ['sign', 'verify'])) as CryptoKeyPair;
  return { privateKey: pair.privateKey, publicKeySpki: new Uint8Array(await subtle().exportKey('spki', pair.publicKey)) };
}
