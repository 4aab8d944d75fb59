/**
 * Authenticator data (WebAuthn §6.1): rpIdHash (32) | flags (1) | signCount (4, big-endian)
 * | [attested credential data: AAGUID (16) | credentialIdLength (2) | credentialId | COSE key]
 * | [extensions, CBOR]. Pure: the caller hashes the RP ID, so this also serves synchronous code.
 */
import { aaguidToBytes, concatBytes } from './bytes';

export const FLAG = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40, ED: 0x80 } as const;

export interface AuthenticatorFlags {
  up: boolean;
  uv: boolean;
  be: boolean;
  bs: boolean;
  at: boolean;
  ed?: boolean;
}

export function flagsByte(flags: AuthenticatorFlags): number {
  return (
    (flags.up ? FLAG.UP : 0) |
    (flags.uv ? FLAG.UV : 0) |
    (flags.be ? FLAG.BE : 0) |
    (flags.bs ? FLAG.BS : 0) |
    (flags.at ? FLAG.AT : 0) |
    (flags.ed ? FLAG.ED : 0)
  );
}

export interface AttestedCredentialData {
  aaguid: string;
  credentialId: Uint8Array;
  cosePublicKey: Uint8Array;
}

export function buildAuthenticatorData(input: {
  rpIdHash: Uint8Array;
  flags: AuthenticatorFlags;
  signCount: number;
  attested?: AttestedCredentialData;
  /** CBOR-encoded authenticator extension outputs (set `flags.ed` too). */
  extensions?: Uint8Array;
}): Uint8Array {
  if (input.rpIdHash.length !== 32) throw new RangeError('rpIdHash must be 32 bytes.');
  const counter = new Uint8Array(4);
  new DataView(counter.buffer).setUint32(0, input.signCount >>> 0);
  const parts = [input.rpIdHash, Uint8Array.of(flagsByte(input.flags)), counter];
  if (input.attested) {
    const { credentialId } = input.attested;
    if (credentialId.length > 1023) throw new RangeError('Credential IDs are at most 1023 bytes (§5.8.3).');
    parts.push(aaguidToBytes(input.attested.aaguid), Uint8Array.of(credentialId.length >> 8, credentialId.length & 0xff), credentialId, input.attested.cosePublicKey);
  }
  if (input.extensions) parts.push(input.extensions);
  return concatBytes(...parts);
}
