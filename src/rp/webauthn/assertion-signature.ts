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
import { COSE, EC2_CURVES, EDDSA_ALGS, KTY, OKP_ED25519, RSA_ALGS } from './checks.js';

interface Verifier {
  key: KeyObject;
  /** Node's digest name, or null for EdDSA (the hash is part of the algorithm). */
  hash: 'sha256' | 'sha384' | 'sha512' | null;
  /** RSASSA-PSS: salt length in bytes. */
  pssSalt?: number;
}

const b64url = (value: unknown): string => {
  if (!(value instanceof Uint8Array)) throw new Error('a COSE key parameter is not a byte string');
  return Buffer.from(value).toString('base64url');
};

/** The key and parameters a COSE public key (RFC 9052 §7) verifies with; throws for a key this lab cannot use. */
export function verifierFor(cosePublicKey: Uint8Array): Verifier {
  const key = decodeCredentialPublicKey(Uint8Array.from(cosePublicKey)) as unknown as Map<number, unknown>;
  const [kty, alg] = [key.get(COSE.kty), key.get(COSE.alg)];
  if (typeof alg !== 'number') throw new Error('the public key has no numeric algorithm');
  const curve = EC2_CURVES[key.get(COSE.crv) as number];
  if (kty === KTY.EC2 && curve?.alg === alg) {
    const jwk = { kty: 'EC', crv: curve.name, x: b64url(key.get(COSE.x)), y: b64url(key.get(COSE.y)) };
    return { key: createPublicKey({ key: jwk, format: 'jwk' }), hash: curve.hash };
  }
  if (kty === KTY.OKP && EDDSA_ALGS.has(alg) && key.get(COSE.crv) === OKP_ED25519) {
    return { key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(key.get(COSE.x)) }, format: 'jwk' }), hash: null };
  }
  if (kty === KTY.RSA && RSA_ALGS[alg]) {
    return { key: createPublicKey({ key: { kty: 'RSA', n: b64url(key.get(COSE.n)), e: b64url(key.get(COSE.e)) }, format: 'jwk' }), ...RSA_ALGS[alg] };
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
