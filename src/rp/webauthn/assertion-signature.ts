/**
 * WebAuthn §7.2 step 21: an assertion's signature, over authenticatorData ‖ SHA-256(clientDataJSON),
 * verified with the passkey's stored public key by Node's crypto (OpenSSL).
 *
 * Why not @simplewebauthn/server's verifyAuthenticationResponse (registrations still go through
 * its verifyRegistrationResponse, for the attestation formats): the lab decodes every response
 * once for its own checks and report (each check with its own error code), so the library would
 * only decode it again and import the key again, on every sign-in, for the one check the lab
 * did not make itself. Here a passkey's key is imported once and kept.
 * Signature formats: WebAuthn §6.5.5 (ECDSA as ASN.1 DER; EdDSA and RSA as raw bytes);
 * algorithms: RFC 9053 (ES*, EdDSA), RFC 8812 (RS*), RFC 8230 (PS*, salt as long as the hash).
 * Each is tested against the library's own verifySignature (test/rp/assertion-signature.test.ts).
 */
import { constants, createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import { decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';

interface Verifier {
  key: KeyObject;
  /** Node's digest name, or null for EdDSA (the hash is part of the algorithm). */
  hash: 'sha256' | 'sha384' | 'sha512' | null;
  /** RSASSA-PSS: salt length in bytes. */
  pssSalt?: number;
}

const EC2 = { 1: 'P-256', 2: 'P-384', 3: 'P-521' } as const;
const EC2_ALGS: Record<number, { crv: keyof typeof EC2; hash: Verifier['hash'] }> = { [-7]: { crv: 1, hash: 'sha256' }, [-35]: { crv: 2, hash: 'sha384' }, [-36]: { crv: 3, hash: 'sha512' } };
const RSA_ALGS: Record<number, { hash: NonNullable<Verifier['hash']>; pssSalt?: number }> = {
  [-257]: { hash: 'sha256' },
  [-258]: { hash: 'sha384' },
  [-259]: { hash: 'sha512' },
  [-37]: { hash: 'sha256', pssSalt: 32 },
  [-38]: { hash: 'sha384', pssSalt: 48 },
  [-39]: { hash: 'sha512', pssSalt: 64 },
};
const OKP_ED25519 = 6;
const EDDSA_ALGS = new Set([-8, -19]);

const b64url = (value: unknown): string => {
  if (!(value instanceof Uint8Array)) throw new Error('a COSE key parameter is not a byte string');
  return Buffer.from(value).toString('base64url');
};

/** The key and parameters a COSE public key (RFC 9052 §7) verifies with; throws for a key this lab cannot use. */
export function verifierFor(cosePublicKey: Uint8Array): Verifier {
  const key = decodeCredentialPublicKey(Uint8Array.from(cosePublicKey)) as unknown as Map<number, unknown>;
  const [kty, alg] = [key.get(1), key.get(3)];
  if (typeof alg !== 'number') throw new Error('the public key has no numeric algorithm');
  if (kty === 2 && EC2_ALGS[alg] && key.get(-1) === EC2_ALGS[alg].crv) {
    const jwk = { kty: 'EC', crv: EC2[EC2_ALGS[alg].crv], x: b64url(key.get(-2)), y: b64url(key.get(-3)) };
    return { key: createPublicKey({ key: jwk, format: 'jwk' }), hash: EC2_ALGS[alg].hash };
  }
  if (kty === 1 && EDDSA_ALGS.has(alg) && key.get(-1) === OKP_ED25519) {
    return { key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(key.get(-2)) }, format: 'jwk' }), hash: null };
  }
  if (kty === 3 && RSA_ALGS[alg]) {
    return { key: createPublicKey({ key: { kty: 'RSA', n: b64url(key.get(-1)), e: b64url(key.get(-2)) }, format: 'jwk' }), ...RSA_ALGS[alg] };
  }
  throw new Error(`COSE key type ${String(kty)} with algorithm ${alg} is not one this lab verifies`);
}

/** Imported keys by their COSE bytes (a passkey's key never changes); the oldest go beyond the cap. */
const verifiers = new Map<string, Verifier>();
export const MAX_CACHED_KEYS = 10_000;

function cachedVerifier(cosePublicKey: Uint8Array): Verifier {
  const id = Buffer.from(cosePublicKey).toString('base64');
  let verifier = verifiers.get(id);
  if (!verifier) {
    verifier = verifierFor(cosePublicKey);
    verifiers.set(id, verifier);
    if (verifiers.size > MAX_CACHED_KEYS) verifiers.delete(verifiers.keys().next().value!);
  }
  return verifier;
}

/**
 * True when `signature` verifies; false when it does not, or the key cannot verify anything.
 * The verification itself runs on libuv's thread pool (crypto.verify with a callback), as
 * WebCrypto's would: under load the event loop goes on with other requests meanwhile.
 */
export async function verifyAssertionSignature(cosePublicKey: Uint8Array, authenticatorData: Uint8Array, clientDataJSON: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    const { key, hash, pssSalt } = cachedVerifier(cosePublicKey);
    const signed = Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]);
    const keyInput = pssSalt === undefined ? key : { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pssSalt };
    return await new Promise<boolean>((resolve) => verify(hash, signed, keyInput, signature, (error, valid) => resolve(!error && valid)));
  } catch {
    return false;
  }
}
