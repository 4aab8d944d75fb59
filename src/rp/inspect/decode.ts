/**
 * Pure decoders for the pieces of a WebAuthn response, for the inspector. They explain
 * rather than judge: nothing here checks a challenge, an origin or a signature. Input that
 * cannot be decoded becomes a 400 invalid_request naming the part and the field.
 */
import { X509Certificate } from 'node:crypto';
import {
  convertAAGUIDToString,
  decodeAttestationObject as decodeAttestationCbor,
  decodeCredentialPublicKey,
  parseAuthenticatorData,
} from '@simplewebauthn/server/helpers';
import type {
  CertificateSummary,
  DecodedAttestationObject,
  DecodedAuthenticatorData,
  DecodedClientData,
  DecodedPublicKey,
  DecodedSignature,
  DecodedUserHandle,
  JsonRecord,
  StatementKind,
} from '../../shared/decoded.js';
import { RpError } from '../http/rp-error.js';
import { builtInDirectory, type AuthenticatorDirectory } from '../metadata/directory.js';
import { toJsonSafe } from './json-safe.js';
import { coseAlgorithmNames, coseCurveNames, coseKeyTypeNames } from './names.js';

// ---- shapes: the contract's (src/shared/decoded.ts) -------------------------------------------

export type {
  AuthenticatorFlags,
  CertificateSummary,
  DecodedAttestationObject,
  DecodedAttestedCredentialData,
  DecodedAuthenticatorData,
  DecodedClientData,
  DecodedPublicKey,
  DecodedSignature,
  DecodedUserHandle,
  StatementKind,
} from '../../shared/decoded.js';

export interface DecodeOptions {
  /** Where AAGUIDs get their names; default: the built-in table only. */
  directory?: AuthenticatorDirectory;
  /** Request field to name in an error, e.g. `input.response.attestationObject`. */
  field?: string;
}

// ---- errors and bytes ------------------------------------------------------------------------

/** A 400 invalid_request: "<part> could not be decoded: <reason>". */
export function decodeError(part: string, reason: string, field: string): RpError {
  return new RpError('invalid_request', `${part} could not be decoded: ${reason}`, field);
}

export function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split('\n')[0] ?? '').trim() || 'unknown error';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

const BASE64 = /^[A-Za-z0-9_+/-]*={0,2}$/;

/** Decodes base64url (standard base64 is tolerated); anything else is a 400 for that part. */
export function base64urlBytes(value: unknown, part: string, field: string): Uint8Array {
  if (value === undefined) throw decodeError(part, 'it is missing', field);
  if (typeof value !== 'string') throw decodeError(part, `expected a base64url string, got ${kindOf(value)}`, field);
  const text = value.trim();
  if (!text) throw decodeError(part, 'it is empty', field);
  const unpadded = text.replace(/=+$/, '');
  if (!BASE64.test(text) || (/[-_]/.test(unpadded) && /[+/]/.test(unpadded)) || unpadded.length % 4 === 1) {
    throw decodeError(part, 'it is not base64url text', field);
  }
  return new Uint8Array(Buffer.from(unpadded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

// ---- clientDataJSON ----------------------------------------------------------------------------

/** Parses UTF-8 JSON text into an object, or returns why not. */
function parseJsonObject(bytes: Uint8Array): { ok: true; value: JsonRecord } | { ok: false; reason: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not UTF-8 text' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: `it is JSON but ${kindOf(value)}, not an object` };
  // JSON.parse yields only JSON values.
  return { ok: true, value: value as JsonRecord };
}

function clientDataFrom(raw: JsonRecord): DecodedClientData | null {
  const { type, challenge, origin, crossOrigin, topOrigin, tokenBinding } = raw;
  if (typeof type !== 'string' || typeof challenge !== 'string' || typeof origin !== 'string') return null;
  const decoded: DecodedClientData = { type, challenge, origin, raw };
  if (typeof crossOrigin === 'boolean') decoded.crossOrigin = crossOrigin;
  if (typeof topOrigin === 'string') decoded.topOrigin = topOrigin;
  if (tokenBinding !== undefined) decoded.tokenBinding = tokenBinding;
  return decoded;
}

/** Decodes base64url clientDataJSON. It must be a JSON object with string type, challenge and origin. */
export function decodeClientData(value: string, field = 'clientDataJSON'): DecodedClientData {
  const parsed = parseJsonObject(base64urlBytes(value, 'clientDataJSON', field));
  if (!parsed.ok) throw decodeError('clientDataJSON', parsed.reason, field);
  const decoded = clientDataFrom(parsed.value);
  if (!decoded) throw decodeError('clientDataJSON', 'it has no string type, challenge and origin', field);
  return decoded;
}

/** For identification: clientDataJSON or null, never a throw. */
export function tryClientData(bytes: Uint8Array): DecodedClientData | null {
  const parsed = parseJsonObject(bytes);
  return parsed.ok ? clientDataFrom(parsed.value) : null;
}

// ---- CBOR well-formedness --------------------------------------------------------------------------

const MAX_CBOR_DEPTH = 64;

/**
 * Where the CBOR item starting at `offset` ends. Throws when the item runs past the end of
 * the bytes: the CBOR decoder in @simplewebauthn/server silently shortens a truncated byte
 * string, so a cut-off response would otherwise decode. Indefinite lengths are refused
 * (WebAuthn uses CTAP2 canonical CBOR).
 */
export function cborItemEnd(bytes: Uint8Array, offset: number, depth = 0): number {
  if (depth > MAX_CBOR_DEPTH) throw new Error('CBOR nested too deeply');
  const initial = bytes[offset];
  if (initial === undefined) throw new Error('CBOR data ends early');
  const major = initial >> 5;
  const info = initial & 0x1f;
  let pointer = offset + 1;
  let argument: number;
  if (info < 24) argument = info;
  else if (info <= 27) {
    const size = 1 << (info - 24);
    if (pointer + size > bytes.length) throw new Error('CBOR data ends early');
    argument = 0;
    for (let i = 0; i < size; i += 1) argument = argument * 256 + (bytes[pointer + i] ?? 0);
    pointer += size;
  } else if (info === 31) throw new Error('indefinite-length CBOR is not allowed in WebAuthn');
  else throw new Error('malformed CBOR');
  switch (major) {
    case 0:
    case 1:
    case 7:
      return pointer;
    case 2:
    case 3:
      if (pointer + argument > bytes.length) throw new Error(`CBOR data ends early (a ${argument}-byte string has only ${bytes.length - pointer} bytes left)`);
      return pointer + argument;
    case 4:
    case 5: {
      const items = major === 5 ? argument * 2 : argument;
      if (items > bytes.length - pointer) throw new Error('CBOR data ends early');
      for (let i = 0; i < items; i += 1) pointer = cborItemEnd(bytes, pointer, depth + 1);
      return pointer;
    }
    default:
      // 6: a tag, followed by one item
      return cborItemEnd(bytes, pointer, depth + 1);
  }
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

// ---- authenticatorData --------------------------------------------------------------------------

function decodePublicKey(cose: Uint8Array): DecodedPublicKey {
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

/** Decodes authenticator data (bytes or base64url), naming the AAGUID's provider when known. */
export function decodeAuthenticatorData(
  input: Uint8Array | string,
  options: DecodeOptions & { part?: string } = {},
): DecodedAuthenticatorData {
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
    return decoded;
  } catch (error) {
    if (error instanceof RpError) throw error;
    throw decodeError(part, shortReason(error), field);
  }
}

// ---- attestationObject ---------------------------------------------------------------------------

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

/** TCG attribute OIDs a TPM AIK certificate puts in its subjectAltName (TPM 2.0 EK credential profile). */
const tpmAttributeNames: Readonly<Record<string, string>> = { '1': 'tpmManufacturer', '2': 'tpmModel', '3': 'tpmVersion' };

/** A DER string (UTF8String, PrintableString, IA5String) given as hex, as text; else the hex back. */
function derStringText(hexValue: string): string {
  const bytes = Buffer.from(hexValue, 'hex');
  const tag = bytes[0];
  const length = bytes[1];
  if ((tag === 0x0c || tag === 0x13 || tag === 0x16) && length !== undefined && length < 0x80 && bytes.length === length + 2) {
    return bytes.subarray(2).toString('utf8');
  }
  return `#${hexValue}`;
}

/** Node's subjectAltName text, with the TPM attributes named and their values readable. */
function readableSubjectAltName(text: string): string {
  return text
    .replace(/DirName:"((?:[^"\\]|\\.)*)"/g, (_, inner: string) => `DirName:${inner.replace(/\\u002c/gi, ',').replace(/\\(.)/g, '$1')}`)
    .replace(/2\.23\.133\.2\.([123])=#([0-9A-Fa-f]+)/g, (_, n: string, value: string) => `${tpmAttributeNames[n] ?? n}=${derStringText(value)}`);
}

/** One line per distinguished name: Node gives one attribute per line, and undefined when the name is empty. */
const distinguishedName = (text: string | undefined): string => (text ?? '').split('\n').filter(Boolean).join(', ');

function summariseCertificate(der: Uint8Array): CertificateSummary {
  const cert = new X509Certificate(der);
  const iso = (text: string) => {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? text : date.toISOString();
  };
  const summary: CertificateSummary = {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    notBefore: iso(cert.validFrom),
    notAfter: iso(cert.validTo),
  };
  const subjectAltName = cert.subjectAltName;
  if (subjectAltName) summary.subjectAltName = readableSubjectAltName(subjectAltName);
  return summary;
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

/** Decodes a base64url attestation object: format, statement kind, certificates and authenticator data. */
export function decodeAttestationObject(input: string | Uint8Array, options: DecodeOptions = {}): DecodedAttestationObject {
  const field = options.field ?? 'attestationObject';
  const bytes = typeof input === 'string' ? base64urlBytes(input, 'attestationObject', field) : input;
  const map = tryAttestationMap(bytes);
  if (!map) throw decodeError('attestationObject', 'it is not a CBOR map with fmt, attStmt and authData', field);
  const fmt = map.get('fmt') as string;
  const attStmt = map.get('attStmt') as Map<unknown, unknown>;
  const authenticatorData = decodeAuthenticatorData(map.get('authData') as Uint8Array, {
    ...options,
    field,
    part: 'attestationObject.authData',
  });

  const x5c = attStmt.get('x5c');
  if (x5c !== undefined && (!Array.isArray(x5c) || !x5c.every((cert) => cert instanceof Uint8Array))) {
    throw decodeError('attestationObject', 'attStmt.x5c is not an array of certificates', field);
  }
  let certificates = (x5c ?? []).map((der: Uint8Array, index: number) => {
    try {
      return summariseCertificate(der);
    } catch {
      throw decodeError('attestationObject', `attStmt.x5c[${index}] is not an X.509 certificate`, field);
    }
  });
  const jws = fmt === 'android-safetynet' ? safetyNetJws(attStmt.get('response')) : null;
  if (jws && certificates.length === 0) {
    // Best effort: a broken JWS is for the verification to report, not a reason to refuse the rest.
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
  return decoded;
}

/**
 * An android-safetynet attStmt.response: a compact JWS whose header carries the certificate
 * chain (x5c, standard base64 DER) and whose payload is the SafetyNet verdict. Null when it is
 * not one.
 */
function safetyNetJws(response: unknown): { x5c: Uint8Array[]; payload: JsonRecord | null } | null {
  if (!(response instanceof Uint8Array)) return null;
  const parts = Buffer.from(response).toString('utf8').split('.');
  if (parts.length !== 3) return null;
  const json = (part: string): JsonRecord | null => {
    const parsed = parseJsonObject(new Uint8Array(Buffer.from(part, 'base64url')));
    return parsed.ok ? parsed.value : null;
  };
  const header = json(parts[0] ?? '');
  if (!header) return null;
  const x5c = Array.isArray(header.x5c) ? header.x5c.filter((cert): cert is string => typeof cert === 'string') : [];
  return { x5c: x5c.map((cert) => new Uint8Array(Buffer.from(cert, 'base64'))), payload: json(parts[1] ?? '') };
}

/** The raw certificates of an attestation object (for chain checks): attStmt.x5c, or the SafetyNet JWS header's. */
export function x5cOf(attestationObject: Uint8Array): Uint8Array[] {
  const map = tryAttestationMap(attestationObject);
  const attStmt = map?.get('attStmt');
  if (!(attStmt instanceof Map)) return [];
  const list = attStmt.get('x5c');
  if (Array.isArray(list)) return list.filter((cert): cert is Uint8Array => cert instanceof Uint8Array);
  return map?.get('fmt') === 'android-safetynet' ? (safetyNetJws(attStmt.get('response'))?.x5c ?? []) : [];
}

// ---- assertion parts ---------------------------------------------------------------------------

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

/** Describes a userHandle (the WebAuthn user.id); null when absent or empty. */
export function decodeUserHandle(value: unknown, field = 'userHandle'): DecodedUserHandle | null {
  if (value === undefined || value === null || value === '') return null;
  const bytes = base64urlBytes(value, 'userHandle', field);
  let text: string | null = null;
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u001f\u007f-\u009f\ufffd]/.test(decoded)) text = decoded;
  } catch {
    text = null;
  }
  return { base64url: base64url(bytes), byteLength: bytes.length, text };
}

