/**
 * COSE keys (RFC 9052/9053) and the signature encoding WebAuthn expects (§6.5.5: ECDSA
 * signatures are ASN.1 DER, while WebCrypto returns the raw r||s form).
 */
import { fromBase64url } from './bytes';
import { cborEncode, type CborValue } from './cbor';

export const COSE_ALG = { ES256: -7, EdDSA: -8, RS256: -257 } as const;

/** EC2 P-256 COSE_Key: {1 (kty): 2, 3 (alg): -7, -1 (crv): 1 (P-256), -2: x, -3: y}. */
export function coseEc2Key(x: Uint8Array, y: Uint8Array): Uint8Array {
  return cborEncode(
    new Map<number, CborValue>([
      [1, 2],
      [3, COSE_ALG.ES256],
      [-1, 1],
      [-2, x],
      [-3, y],
    ]),
  );
}

/** OKP Ed25519 COSE_Key: {1 (kty): 1, 3 (alg): -8, -1 (crv): 6 (Ed25519), -2: x}. */
export function coseOkpKey(x: Uint8Array): Uint8Array {
  return cborEncode(
    new Map<number, CborValue>([
      [1, 1],
      [3, COSE_ALG.EdDSA],
      [-1, 6],
      [-2, x],
    ]),
  );
}

/** COSE_Key of an ES256 public key given as JWK (the form WebCrypto exports). */
export function coseKeyFromEcJwk(jwk: JsonWebKey): Uint8Array {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new TypeError('Expected an EC P-256 JWK.');
  return coseEc2Key(fromBase64url(jwk.x), fromBase64url(jwk.y));
}

/** COSE_Key of an ES256 (EC P-256) or Ed25519 (OKP) public key given as JWK. */
export function coseKeyFromJwk(jwk: JsonWebKey): Uint8Array {
  if (jwk.kty === 'OKP') {
    if (jwk.crv !== 'Ed25519' || !jwk.x) throw new TypeError('Expected an Ed25519 OKP JWK.');
    return coseOkpKey(fromBase64url(jwk.x));
  }
  return coseKeyFromEcJwk(jwk);
}

function derInteger(raw: Uint8Array): Uint8Array {
  let start = 0;
  while (start < raw.length - 1 && raw[start] === 0) start += 1;
  const trimmed = raw.subarray(start);
  const body = trimmed[0]! & 0x80 ? Uint8Array.of(0, ...trimmed) : trimmed;
  return Uint8Array.of(0x02, body.length, ...body);
}

/** IEEE P1363 r||s (64 bytes for P-256) → DER SEQUENCE { INTEGER r, INTEGER s }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length % 2 !== 0) throw new TypeError('Raw ECDSA signature has odd length.');
  const half = raw.length / 2;
  const r = derInteger(raw.subarray(0, half));
  const s = derInteger(raw.subarray(half));
  return Uint8Array.of(0x30, r.length + s.length, ...r, ...s);
}
