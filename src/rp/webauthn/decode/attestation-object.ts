/**
 * The attestation object (WebAuthn §6.5): format, the statement's attestation type (§6.5.4),
 * its certificates and the authenticator data inside.
 */
import { decodeAttestationObject as decodeAttestationCbor } from '@simplewebauthn/server/helpers';
import type { DecodedAttestationObject, StatementKind } from '../../../shared/decoded.js';
import { decodeAuthenticatorDataParts, type DecodeOptions } from './authenticator-data.js';
import { base64urlBytes } from './bytes.js';
import { cborItemEnd } from './cbor.js';
import { coseAlgorithmNames } from './cose-names.js';
import { decodeError } from './errors.js';
import { safetyNetJws } from './safetynet.js';
import { summariseCertificate } from './x509.js';

function statementKindOf(fmt: string, hasX5c: boolean): StatementKind {
  switch (fmt) {
    case 'none':
      return 'none';
    case 'packed':
      return hasX5c ? 'basic' : 'self';
    case 'fido-u2f':
    case 'android-safetynet':
      return 'basic';
    case 'tpm':
    case 'android-key':
      return 'attca';
    case 'apple':
      return 'anonca';
    default:
      return 'unknown';
  }
}

/** The CBOR map of an attestation object, or null when the bytes are not one. */
export function tryAttestationMap(bytes: Uint8Array): Map<string, unknown> | null {
  try {
    if (cborItemEnd(bytes, 0) !== bytes.length) return null;
    const decoded = decodeAttestationCbor(Uint8Array.from(bytes)) as unknown;
    if (decoded instanceof Map && typeof decoded.get('fmt') === 'string' && decoded.get('attStmt') instanceof Map && decoded.get('authData') instanceof Uint8Array) {
      return decoded as Map<string, unknown>;
    }
  } catch {
    // not CBOR
  }
  return null;
}

/**
 * An attestation object decoded once for both its readers: `decoded` for the report, and the
 * raw parts that verification needs (the statement's certificates as DER, and the credential
 * public key's COSE bytes when the authenticator data carries one).
 */
export interface AttestationParts {
  decoded: DecodedAttestationObject;
  x5c: Uint8Array[];
  credentialPublicKey?: Uint8Array;
}

/** Decodes a base64url attestation object: format, statement kind, certificates and authenticator data. */
export function decodeAttestationObject(input: string | Uint8Array, options: DecodeOptions = {}): DecodedAttestationObject {
  return decodeAttestationParts(input, options).decoded;
}

/** decodeAttestationObject, with the raw parts verification needs (AttestationParts). */
export function decodeAttestationParts(input: string | Uint8Array, options: DecodeOptions = {}): AttestationParts {
  const field = options.field ?? 'attestationObject';
  const bytes = typeof input === 'string' ? base64urlBytes(input, 'attestationObject', field) : input;
  const map = tryAttestationMap(bytes);
  if (!map) throw decodeError('attestationObject', 'it is not a CBOR map with fmt, attStmt and authData', field);
  const fmt = map.get('fmt') as string;
  const attStmt = map.get('attStmt') as Map<unknown, unknown>;
  const { decoded: authenticatorData, credentialPublicKey } = decodeAuthenticatorDataParts(map.get('authData') as Uint8Array, {
    ...options,
    field,
    part: 'attestationObject.authData',
  });

  const x5c = attStmt.get('x5c');
  if (x5c !== undefined && (!Array.isArray(x5c) || !x5c.every((cert) => cert instanceof Uint8Array))) {
    throw decodeError('attestationObject', 'attStmt.x5c is not an array of certificates', field);
  }
  let der: Uint8Array[] = x5c ?? [];
  let certificates = der.map((cert, index) => {
    try {
      return summariseCertificate(cert);
    } catch {
      throw decodeError('attestationObject', `attStmt.x5c[${index}] is not an X.509 certificate`, field);
    }
  });
  const jws = fmt === 'android-safetynet' ? safetyNetJws(attStmt.get('response')) : null;
  if (jws && certificates.length === 0) {
    // Best effort: a broken JWS is for the verification to report, not a reason to refuse the rest.
    der = jws.x5c;
    try {
      certificates = jws.x5c.map(summariseCertificate);
    } catch {
      certificates = [];
    }
  }
  const decoded: DecodedAttestationObject = {
    fmt,
    statementKind: statementKindOf(fmt, certificates.length > 0),
    attStmtKeys: [...attStmt.keys()].map(String),
    certificates,
    authenticatorData,
  };
  if (fmt === 'android-safetynet') {
    const ver = attStmt.get('ver');
    decoded.safetyNet = { ver: typeof ver === 'string' ? ver : null, payload: jws?.payload ?? null };
  }
  const alg = attStmt.get('alg');
  if (typeof alg === 'number') {
    decoded.alg = alg;
    decoded.algName = coseAlgorithmNames[alg] ?? null;
  }
  return { decoded, x5c: der, ...(credentialPublicKey ? { credentialPublicKey } : {}) };
}
