/**
 * A credential public key (COSE_Key, RFC 9052 §7) in words: key type, algorithm, curve or
 * RSA modulus length.
 */
import { decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';
import type { DecodedPublicKey } from '../../../shared/decoded.js';
import { coseAlgorithmNames, coseCurveNames, coseKeyTypeNames } from './cose-names.js';

/** Decodes COSE key bytes; throws (a plain Error) when they are not one. */
export function decodePublicKey(cose: Uint8Array): DecodedPublicKey {
  const key = decodeCredentialPublicKey(Uint8Array.from(cose)) as unknown;
  if (!(key instanceof Map)) throw new Error('the credential public key is not a COSE key (CBOR map)');
  const kty = key.get(1) as unknown;
  const alg = key.get(3) as unknown;
  if (typeof alg !== 'number') throw new Error('the credential public key has no numeric alg');
  const decoded: DecodedPublicKey = {
    kty: typeof kty === 'number' ? (coseKeyTypeNames[kty] ?? String(kty)) : String(kty),
    alg,
    algName: coseAlgorithmNames[alg] ?? null,
  };
  const minusOne = key.get(-1) as unknown;
  if ((kty === 1 || kty === 2) && typeof minusOne === 'number') decoded.crv = coseCurveNames[minusOne] ?? String(minusOne);
  if (kty === 3 && minusOne instanceof Uint8Array) {
    let bytes = minusOne.length;
    for (const byte of minusOne) {
      if (byte !== 0) break;
      bytes -= 1;
    }
    decoded.keyBits = bytes * 8;
  }
  return decoded;
}
