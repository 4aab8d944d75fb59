/**
 * An assertion signature described: an ASN.1 DER ECDSA signature (WebAuthn §6.5.5), or raw
 * EdDSA / RSA bytes, and what its length suggests.
 */
import type { DecodedSignature } from '../../../shared/decoded.js';
import { base64urlBytes } from './bytes.js';

function readDerLength(bytes: Uint8Array, offset: number): { length: number; next: number } | null {
  const first = bytes[offset];
  if (first === undefined) return null;
  if (first < 0x80) return { length: first, next: offset + 1 };
  if (first === 0x81) {
    const length = bytes[offset + 1];
    return length === undefined ? null : { length, next: offset + 2 };
  }
  return null;
}

function parseDerEcdsa(bytes: Uint8Array): { rByteLength: number; sByteLength: number } | null {
  if (bytes[0] !== 0x30) return null;
  const sequence = readDerLength(bytes, 1);
  if (!sequence || sequence.next + sequence.length !== bytes.length) return null;
  let offset = sequence.next;
  const lengths: number[] = [];
  for (let i = 0; i < 2; i += 1) {
    if (bytes[offset] !== 0x02) return null;
    const integer = readDerLength(bytes, offset + 1);
    if (!integer || integer.length === 0) return null;
    lengths.push(integer.length);
    offset = integer.next + integer.length;
  }
  if (offset !== bytes.length) return null;
  return { rByteLength: lengths[0] ?? 0, sByteLength: lengths[1] ?? 0 };
}

/** Describes an assertion signature: DER ECDSA or raw (EdDSA, RSA), and its length. */
export function decodeSignature(value: string, field = 'signature'): DecodedSignature {
  const bytes = base64urlBytes(value, 'signature', field);
  const der = parseDerEcdsa(bytes);
  if (der) {
    return { byteLength: bytes.length, encoding: 'der', likelyAlgorithm: 'ECDSA (ES256, ES384 or ES512)', der };
  }
  const raw: Record<number, string> = { 64: 'EdDSA (Ed25519)', 114: 'EdDSA (Ed448)', 256: 'RSA 2048', 384: 'RSA 3072', 512: 'RSA 4096' };
  return { byteLength: bytes.length, encoding: 'raw', likelyAlgorithm: raw[bytes.length] ?? 'unknown' };
}
