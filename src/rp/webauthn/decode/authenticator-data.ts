/**
 * Authenticator data (WebAuthn §6.1): RP ID hash, flags, signature counter, attested
 * credential data and extensions, with the AAGUID's provider named when known.
 */
import { convertAAGUIDToString, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import type { DecodedAuthenticatorData, JsonRecord } from '../../../shared/decoded.js';
import { RpError } from '../../http/rp-error.js';
import { type AuthenticatorDirectory, builtInDirectory } from '../../metadata/directory.js';
import { base64url, base64urlBytes, hex } from './bytes.js';
import { cborItemEnd } from './cbor.js';
import { decodePublicKey } from './cose.js';
import { decodeError, shortReason } from './errors.js';
import { toJsonSafe } from './json-safe.js';

export interface DecodeOptions {
  /** Where AAGUIDs get their names; default: the built-in table only. */
  directory?: AuthenticatorDirectory;
  /** Request field to name in an error, e.g. `input.response.attestationObject`. */
  field?: string;
}

/** Checks that authenticator data's variable parts (credential ID, COSE key, extensions) are all there. */
function assertAuthenticatorDataComplete(bytes: Uint8Array): void {
  const flags = bytes[32] ?? 0;
  let pointer = 37;
  if (flags & 0x40) {
    if (pointer + 18 > bytes.length) throw new Error('attested credential data ends early (no room for AAGUID and credential ID length)');
    const idLength = ((bytes[pointer + 16] ?? 0) << 8) | (bytes[pointer + 17] ?? 0);
    pointer += 18;
    if (pointer + idLength > bytes.length) throw new Error(`the credential ID (${idLength} bytes) runs past the end`);
    pointer += idLength;
    pointer = cborItemEnd(bytes, pointer);
  }
  if (flags & 0x80) cborItemEnd(bytes, pointer);
}

/** Decodes authenticator data (bytes or base64url), naming the AAGUID's provider when known. */
export function decodeAuthenticatorData(input: Uint8Array | string, options: DecodeOptions & { part?: string } = {}): DecodedAuthenticatorData {
  return decodeAuthenticatorDataParts(input, options).decoded;
}

/** decodeAuthenticatorData, with the attested credential's COSE public key as bytes (for storing and checking it). */
export function decodeAuthenticatorDataParts(
  input: Uint8Array | string,
  options: DecodeOptions & { part?: string } = {},
): { decoded: DecodedAuthenticatorData; credentialPublicKey?: Uint8Array } {
  const part = options.part ?? 'authenticatorData';
  const field = options.field ?? 'authenticatorData';
  const bytes = typeof input === 'string' ? base64urlBytes(input, part, field) : input;
  if (bytes.length < 37) throw decodeError(part, `it is ${bytes.length} bytes; authenticator data has at least 37`, field);
  try {
    assertAuthenticatorDataComplete(bytes);
    // The parser may patch a byte in place (a Firefox quirk): give it a copy.
    const parsed = parseAuthenticatorData(Uint8Array.from(bytes));
    const { flags } = parsed;
    const decoded: DecodedAuthenticatorData = {
      rpIdHash: hex(parsed.rpIdHash),
      flags: { up: flags.up, uv: flags.uv, be: flags.be, bs: flags.bs, at: flags.at, ed: flags.ed, value: flags.flagsInt },
      signCount: parsed.counter,
    };
    if (parsed.aaguid && parsed.credentialID && parsed.credentialPublicKey) {
      const aaguid = convertAAGUIDToString(parsed.aaguid).toLowerCase();
      decoded.attestedCredentialData = {
        aaguid,
        providerName: (options.directory ?? builtInDirectory).lookup(aaguid).name,
        credentialId: base64url(parsed.credentialID),
        publicKey: decodePublicKey(parsed.credentialPublicKey),
      };
    }
    if (parsed.extensionsData !== undefined) decoded.extensions = toJsonSafe(parsed.extensionsData) as JsonRecord;
    return { decoded, ...(decoded.attestedCredentialData ? { credentialPublicKey: parsed.credentialPublicKey } : {}) };
  } catch (error) {
    if (error instanceof RpError) throw error;
    throw decodeError(part, shortReason(error), field);
  }
}
