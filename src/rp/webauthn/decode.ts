import { createHash } from 'node:crypto';
import { decodeAttestationObject, decodeClientDataJSON, isoBase64URL, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { RpError } from '../http/rp-error.js';
import type { ClientData } from './checks.js';

/** Decoders that turn malformed client input into a 400 invalid_request instead of a throw. */
function decodeOr<T>(field: string, decode: () => T): T {
  try {
    return decode();
  } catch {
    throw new RpError('invalid_request', `${field} could not be decoded.`, field);
  }
}

export function readClientData(clientDataJSON: string): ClientData {
  const data = decodeOr('response.clientDataJSON', () => decodeClientDataJSON(clientDataJSON));
  if (typeof data?.type !== 'string' || typeof data.challenge !== 'string' || typeof data.origin !== 'string') {
    throw new RpError('invalid_request', 'response.clientDataJSON is missing type, challenge or origin.', 'response.clientDataJSON');
  }
  return data;
}

export function readAttestedAuthData(attestationObject: string) {
  return decodeOr('response.attestationObject', () => {
    const authData = parseAuthenticatorData(decodeAttestationObject(isoBase64URL.toBuffer(attestationObject)).get('authData'));
    if (!authData.credentialID || !authData.credentialPublicKey || !authData.aaguid) throw new Error('no attested credential data');
    return authData;
  });
}

export function readAuthData(authenticatorData: string) {
  return decodeOr('response.authenticatorData', () => parseAuthenticatorData(isoBase64URL.toBuffer(authenticatorData)));
}

export function rpIdHash(rpId: string): Uint8Array {
  return createHash('sha256').update(rpId).digest();
}
