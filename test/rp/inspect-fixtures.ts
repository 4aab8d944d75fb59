/**
 * Test data for the inspector, all made here (no third-party vectors): a tiny DER encoder
 * that issues X.509 certificates with node:crypto keys (node:crypto parses certificates but
 * cannot create them), attestation objects in every format the inspector names, and
 * authenticator data with any flags byte.
 */
import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { b64url, cborEncode, type CborValue, fromB64url, registrationResponse, sha256 } from '../soft-authenticator';

export const RP_ID = 'localhost';
export const ORIGIN = 'http://localhost:3000';
export const TEST_AAGUID = '7e57ab1e-0000-4000-8000-00000000abcd';

// ---- options the soft authenticator answers (no relying party needed) ---------------------

export const creationOptions = (): PublicKeyCredentialCreationOptionsJSON => ({
  rp: { id: RP_ID, name: 'Passkey Lab' },
  user: { id: b64url(randomBytes(32)), name: 'alice', displayName: 'Alice' },
  challenge: b64url(randomBytes(32)),
  pubKeyCredParams: [
    { type: 'public-key', alg: -8 },
    { type: 'public-key', alg: -7 },
    { type: 'public-key', alg: -257 },
  ],
  extensions: { credProps: true },
});

export const requestOptions = (): PublicKeyCredentialRequestOptionsJSON => ({
  rpId: RP_ID,
  challenge: b64url(randomBytes(32)),
  userVerification: 'required',
});

// ---- DER / X.509 -------------------------------------------------------------------------

function der(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let head: Buffer;
  if (length < 0x80) head = Buffer.from([tag, length]);
  else if (length < 0x100) head = Buffer.from([tag, 0x81, length]);
  else head = Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  return Buffer.concat([head, content]);
}
const seq = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => der(0x31, Buffer.concat(items));
const explicit = (n: number, content: Buffer) => der(0xa0 + n, content);
const octets = (bytes: Uint8Array) => der(0x04, Buffer.from(bytes));
const bool = (value: boolean) => der(0x01, Buffer.from([value ? 0xff : 0x00]));
const bits = (bytes: Uint8Array) => der(0x03, Buffer.concat([Buffer.from([0]), Buffer.from(bytes)]));
function integer(bytes: Uint8Array): Buffer {
  let body = Buffer.from(bytes);
  while (body.length > 1 && body[0] === 0 && ((body[1] ?? 0) & 0x80) === 0) body = body.subarray(1);
  if (((body[0] ?? 0) & 0x80) !== 0) body = Buffer.concat([Buffer.from([0]), body]);
  return der(0x02, body);
}
function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}
function utcTime(date: Date): Buffer {
  const pad = (n: number) => String(n).padStart(2, '0');
  const text = `${pad(date.getUTCFullYear() % 100)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  return der(0x17, Buffer.from(text, 'ascii'));
}

export interface DistinguishedName {
  C?: string;
  O?: string;
  OU?: string;
  CN: string;
}
function name(dn: DistinguishedName): Buffer {
  const rdn = (type: string, value: Buffer) => set(seq(oid(type), value));
  const parts: Buffer[] = [];
  if (dn.C) parts.push(rdn('2.5.4.6', der(0x13, Buffer.from(dn.C))));
  if (dn.O) parts.push(rdn('2.5.4.10', der(0x0c, Buffer.from(dn.O))));
  if (dn.OU) parts.push(rdn('2.5.4.11', der(0x0c, Buffer.from(dn.OU))));
  parts.push(rdn('2.5.4.3', der(0x0c, Buffer.from(dn.CN))));
  return seq(...parts);
}

export interface IssuedCertificate {
  der: Buffer;
  subject: DistinguishedName;
  privateKey: KeyObject;
}

const DAY = 24 * 60 * 60 * 1000;

/** An ES256-signed X.509 v3 certificate; self-signed when no issuer is given. */
export function issueCertificate(input: {
  subject: DistinguishedName;
  issuer?: IssuedCertificate;
  ca?: boolean;
  aaguid?: string;
  notBefore?: Date;
  notAfter?: Date;
}): IssuedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const extensions: Buffer[] = [seq(oid('2.5.29.19'), bool(true), octets(input.ca ? seq(bool(true)) : seq()))];
  if (input.ca) extensions.push(seq(oid('2.5.29.15'), bool(true), octets(bits(Buffer.from([0x06])))));
  if (input.aaguid) extensions.push(seq(oid('1.3.6.1.4.1.45724.1.1.4'), octets(octets(Buffer.from(input.aaguid.replace(/-/g, ''), 'hex')))));
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(randomBytes(8)),
    ecdsaWithSha256,
    name(input.issuer?.subject ?? input.subject),
    seq(utcTime(input.notBefore ?? new Date(Date.now() - DAY)), utcTime(input.notAfter ?? new Date(Date.now() + 365 * DAY))),
    name(input.subject),
    publicKey.export({ format: 'der', type: 'spki' }),
    explicit(3, seq(...extensions)),
  );
  const signature = sign('sha256', tbs, input.issuer?.privateKey ?? privateKey);
  return { der: seq(tbs, ecdsaWithSha256, bits(signature)), subject: input.subject, privateKey };
}

/** A test CA and an attestation certificate it issued, as packed attestation requires. */
export function attestationChain(aaguid = TEST_AAGUID) {
  const root = issueCertificate({ subject: { C: 'US', O: 'Passkey Lab Tests', CN: 'Passkey Lab Test Root' }, ca: true });
  const leaf = issueCertificate({
    subject: { C: 'US', O: 'Passkey Lab Tests', OU: 'Authenticator Attestation', CN: 'Passkey Lab Test Authenticator' },
    issuer: root,
    aaguid,
  });
  return { root, leaf };
}

// ---- authenticator data and attestation objects ------------------------------------------------

export function coseEc2(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  return cborEncode(
    new Map<number, CborValue>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, fromB64url(jwk.x ?? '')],
      [-3, fromB64url(jwk.y ?? '')],
    ]),
  );
}

/** Authenticator data with any flags byte (ED needs `extensions`). */
export function authenticatorData(input: {
  flags: number;
  signCount?: number;
  rpId?: string;
  attested?: { aaguid: string; credentialId: Uint8Array; cosePublicKey: Uint8Array };
  extensions?: Map<string, CborValue>;
}): Buffer {
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(input.signCount ?? 0);
  const parts = [sha256(input.rpId ?? RP_ID), Buffer.from([input.flags]), counter];
  if (input.attested) {
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(input.attested.credentialId.length);
    parts.push(Buffer.from(input.attested.aaguid.replace(/-/g, ''), 'hex'), idLength, Buffer.from(input.attested.credentialId), Buffer.from(input.attested.cosePublicKey));
  }
  if (input.extensions) parts.push(cborEncode(input.extensions));
  return Buffer.concat(parts);
}

export interface AttestationContext {
  authData: Buffer;
  clientDataHash: Buffer;
  credentialId: Buffer;
  credentialKey: { privateKey: KeyObject; publicKey: KeyObject };
  rpIdHash: Buffer;
}

/**
 * A registration response (ES256 credential, UP+UV+AT) whose attestation statement the
 * caller builds: any format, valid or not.
 */
export function registrationWith(
  fmt: string,
  attStmt: (context: AttestationContext) => Map<string, CborValue>,
  input: { aaguid?: string; origin?: string; challenge?: string } = {},
): RegistrationResponseJSON {
  const credentialKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const credentialId = randomBytes(32);
  const clientData = Buffer.from(
    JSON.stringify({ type: 'webauthn.create', challenge: input.challenge ?? b64url(randomBytes(32)), origin: input.origin ?? ORIGIN, crossOrigin: false }),
  );
  const authData = authenticatorData({
    flags: 0x45,
    attested: { aaguid: input.aaguid ?? TEST_AAGUID, credentialId, cosePublicKey: coseEc2(credentialKey.publicKey) },
  });
  const context: AttestationContext = { authData, clientDataHash: sha256(clientData), credentialId, credentialKey, rpIdHash: sha256(RP_ID) };
  return registrationResponse({ credentialId, clientData, authData, fmt, attStmt: attStmt(context), transports: ['usb'] });
}

/** Packed "full" (basic) attestation: signed by an attestation certificate issued by a test root. */
export function packedX5cRegistration(aaguid = TEST_AAGUID) {
  const chain = attestationChain(aaguid);
  const response = registrationWith(
    'packed',
    ({ authData, clientDataHash }) =>
      new Map<string, CborValue>([
        ['alg', -7],
        ['sig', sign('sha256', Buffer.concat([authData, clientDataHash]), chain.leaf.privateKey)],
        ['x5c', [chain.leaf.der]],
      ]),
    { aaguid },
  );
  return { response, ...chain };
}

/** FIDO U2F attestation (all-zero AAGUID), signed by a self-issued attestation certificate. */
export function fidoU2fRegistration(): RegistrationResponseJSON {
  const cert = issueCertificate({ subject: { CN: 'Passkey Lab Test U2F Key' } });
  return registrationWith(
    'fido-u2f',
    ({ rpIdHash, clientDataHash, credentialId, credentialKey }) => {
      const jwk = credentialKey.publicKey.export({ format: 'jwk' });
      const publicKeyU2F = Buffer.concat([Buffer.from([0x04]), fromB64url(jwk.x ?? ''), fromB64url(jwk.y ?? '')]);
      const signed = Buffer.concat([Buffer.from([0x00]), rpIdHash, clientDataHash, credentialId, publicKeyU2F]);
      return new Map<string, CborValue>([
        ['sig', sign('sha256', signed, cert.privateKey)],
        ['x5c', [cert.der]],
      ]);
    },
    { aaguid: '00000000-0000-0000-0000-000000000000' },
  );
}

/** Well-formed statements in formats whose roots a test cannot own: they decode but do not verify. */
export function unverifiableRegistration(fmt: 'apple' | 'tpm' | 'android-key'): RegistrationResponseJSON {
  const cert = issueCertificate({ subject: { C: 'US', O: 'Passkey Lab Tests', CN: `Fake ${fmt} attestation` } });
  return registrationWith(fmt, () => {
    if (fmt === 'apple') return new Map<string, CborValue>([['x5c', [cert.der]]]);
    const statement = new Map<string, CborValue>([
      ['alg', fmt === 'tpm' ? -257 : -7],
      ['sig', randomBytes(64)],
      ['x5c', [cert.der]],
    ]);
    if (fmt === 'tpm') {
      statement.set('ver', '2.0');
      statement.set('certInfo', randomBytes(40));
      statement.set('pubArea', randomBytes(40));
    }
    return statement;
  });
}
