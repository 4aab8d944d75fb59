/**
 * A minimal DER encoder and X.509 v3 certificate builder on WebCrypto: just enough to issue
 * ECDSA P-256 / SHA-256 certificates for the simulator's attestation CA. Isomorphic: no Node
 * imports, runs in a browser and in Node 20 (`globalThis.crypto.subtle`).
 *
 * Structures follow RFC 5280 §4.1 (Certificate, TBSCertificate, Name, Validity, Extensions) and
 * ITU-T X.690 (DER). The ECDSA signature value is the DER SEQUENCE { r, s } of RFC 3279 §2.2.3,
 * which WebCrypto returns as raw r‖s (IEEE P1363) and is converted here.
 */

// ---- DER encoding ----------------------------------------------------------------------------------

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** One TLV: tag byte, DER length, contents. */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = concatBytes(...contents);
  return concatBytes(Uint8Array.of(tag), derLength(body.length), body);
}

export const sequence = (...items: Uint8Array[]) => tlv(0x30, ...items);
export const set = (...items: Uint8Array[]) => tlv(0x31, ...items);
export const octetString = (bytes: Uint8Array) => tlv(0x04, bytes);
export const derNull = () => Uint8Array.of(0x05, 0x00);
export const boolean = (value: boolean) => Uint8Array.of(0x01, 0x01, value ? 0xff : 0x00);
/** A BIT STRING with no unused bits. */
export const bitString = (bytes: Uint8Array) => tlv(0x03, Uint8Array.of(0), bytes);
/** [n] EXPLICIT, constructed context-specific tag. */
export const explicit = (n: number, ...items: Uint8Array[]) => tlv(0xa0 | n, ...items);
export const utf8String = (text: string) => tlv(0x0c, new TextEncoder().encode(text));
export const printableString = (text: string) => tlv(0x13, new TextEncoder().encode(text));

/** A non-negative INTEGER from big-endian bytes: leading zeros dropped, one added when the top bit is set. */
export function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  const needsPad = trimmed.length === 0 || (trimmed[0] ?? 0) & 0x80;
  return tlv(0x02, needsPad ? concatBytes(Uint8Array.of(0), trimmed) : trimmed);
}

export const smallInteger = (value: number) => unsignedInteger(Uint8Array.of(value));

export function objectIdentifier(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((arc) => !Number.isInteger(arc) || arc < 0)) throw new Error(`not an OID: ${dotted}`);
  const body: number[] = [(arcs[0] ?? 0) * 40 + (arcs[1] ?? 0)];
  for (const arc of arcs.slice(2)) {
    const base128: number[] = [];
    let rest = arc;
    do {
      base128.unshift(rest & 0x7f);
      rest = Math.floor(rest / 128);
    } while (rest > 0);
    for (let i = 0; i < base128.length - 1; i++) base128[i] = (base128[i] ?? 0) | 0x80;
    body.push(...base128);
  }
  return tlv(0x06, Uint8Array.from(body));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; always UTC with seconds. */
export function time(date: Date): Uint8Array {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const rest = `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) return tlv(0x17, new TextEncoder().encode(`${pad(year % 100)}${rest}`));
  return tlv(0x18, new TextEncoder().encode(`${pad(year, 4)}${rest}`));
}

// ---- DER reading (only what the CA needs to reload a certificate) ---------------------------------

export interface DerElement {
  tag: number;
  /** The whole TLV. */
  bytes: Uint8Array;
  /** The contents only. */
  contents: Uint8Array;
}

export function readElement(data: Uint8Array, offset = 0): DerElement {
  const tag = data[offset];
  const first = data[offset + 1];
  if (tag === undefined || first === undefined) throw new Error('DER: truncated');
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length');
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = data[offset + 2 + i];
      if (byte === undefined) throw new Error('DER: truncated');
      length = length * 256 + byte;
    }
    header += count;
  }
  const end = offset + header + length;
  if (end > data.length) throw new Error('DER: truncated');
  return { tag, bytes: data.subarray(offset, end), contents: data.subarray(offset + header, end) };
}

/** The elements inside a constructed element. */
export function readChildren(element: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = 0; offset < element.contents.length; ) {
    const child = readElement(element.contents, offset);
    children.push(child);
    offset += child.bytes.length;
  }
  return children;
}

/** The parts of a certificate the CA reuses: the DER subject Name, the SPKI and the validity end. */
export function readCertificate(der: Uint8Array): { subject: Uint8Array; subjectPublicKeyInfo: Uint8Array; notAfter: Date } {
  const [tbs] = readChildren(readElement(der));
  if (!tbs || tbs.tag !== 0x30) throw new Error('not a certificate');
  const fields = readChildren(tbs);
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [, , , validity, subject, spki] = rest;
  if (!validity || !subject || !spki) throw new Error('not a certificate');
  const notAfter = readChildren(validity)[1];
  if (!notAfter) throw new Error('not a certificate');
  return { subject: subject.bytes, subjectPublicKeyInfo: spki.bytes, notAfter: parseTime(notAfter) };
}

function parseTime(element: DerElement): Date {
  const text = new TextDecoder().decode(element.contents);
  const match = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) throw new Error(`unsupported time: ${text}`);
  const [, y = '', mo = '', d = '', h = '', mi = '', s = ''] = match;
  const year = y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}

// ---- X.509 -------------------------------------------------------------------------------------------

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  commonName: '2.5.4.3',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  /** FIDO: id-fido-gen-ce-aaguid (WebAuthn §8.2.1). */
  fidoAaguid: '1.3.6.1.4.1.45724.1.1.4',
} as const;

/** Distinguished name attributes, in the order they appear in the Name. */
export interface NameAttributes {
  C?: string;
  O?: string;
  OU?: string;
  CN?: string;
}

/** RFC 5280 Name: countryName as PrintableString (X.520), the others as UTF8String. */
export function encodeName(name: NameAttributes): Uint8Array {
  const rdns: Uint8Array[] = [];
  if (name.C) rdns.push(set(sequence(objectIdentifier(OID.countryName), printableString(name.C))));
  if (name.O) rdns.push(set(sequence(objectIdentifier(OID.organizationName), utf8String(name.O))));
  if (name.OU) rdns.push(set(sequence(objectIdentifier(OID.organizationalUnitName), utf8String(name.OU))));
  if (name.CN) rdns.push(set(sequence(objectIdentifier(OID.commonName), utf8String(name.CN))));
  return sequence(...rdns);
}

export interface Extension {
  oid: string;
  critical: boolean;
  /** DER of the extension's value (wrapped in the extnValue OCTET STRING here). */
  value: Uint8Array;
}

function encodeExtension(extension: Extension): Uint8Array {
  return sequence(
    objectIdentifier(extension.oid),
    ...(extension.critical ? [boolean(true)] : []),
    octetString(extension.value),
  );
}

/** basicConstraints (RFC 5280 §4.2.1.9): critical; `cA` omitted when false (DER default). */
export function basicConstraints(ca: boolean): Extension {
  return { oid: OID.basicConstraints, critical: true, value: ca ? sequence(boolean(true)) : sequence() };
}

/** keyUsage (RFC 5280 §4.2.1.3), critical. Bits: digitalSignature = 0, keyCertSign = 5, cRLSign = 6. */
export function keyUsage(bits: number[]): Extension {
  let mask = 0;
  for (const bit of bits) mask |= 0x80 >> bit;
  const highest = Math.max(...bits);
  const unused = 7 - highest;
  return { oid: OID.keyUsage, critical: true, value: tlv(0x03, Uint8Array.of(unused), Uint8Array.of(mask)) };
}

export const KEY_USAGE = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 } as const;

/** subjectKeyIdentifier (RFC 5280 §4.2.1.2): the key identifier as an OCTET STRING. */
export function subjectKeyIdentifier(keyId: Uint8Array): Extension {
  return { oid: OID.subjectKeyIdentifier, critical: false, value: octetString(keyId) };
}

/** authorityKeyIdentifier (RFC 5280 §4.2.1.1): [0] keyIdentifier only. */
export function authorityKeyIdentifier(keyId: Uint8Array): Extension {
  return { oid: OID.authorityKeyIdentifier, critical: false, value: sequence(tlv(0x80, keyId)) };
}

/**
 * The FIDO AAGUID extension (WebAuthn §8.2.1): non-critical; its extnValue holds an OCTET STRING
 * of the 16 AAGUID bytes (so the certificate carries an OCTET STRING inside an OCTET STRING).
 */
export function aaguidExtension(aaguid: string): Extension {
  return { oid: OID.fidoAaguid, critical: false, value: octetString(aaguidBytes(aaguid)) };
}

export function aaguidBytes(aaguid: string): Uint8Array {
  const hex = aaguid.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not an AAGUID: ${aaguid}`);
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING's value. */
export async function keyIdentifier(subjectPublicKeyInfo: Uint8Array): Promise<Uint8Array> {
  const [, subjectPublicKey] = readChildren(readElement(subjectPublicKeyInfo));
  if (!subjectPublicKey || subjectPublicKey.tag !== 0x03) throw new Error('not a SubjectPublicKeyInfo');
  const keyBits = subjectPublicKey.contents.subarray(1);
  return new Uint8Array(await crypto.subtle.digest('SHA-1', toArrayBuffer(keyBits)));
}

/** Raw r‖s (WebCrypto) → DER Ecdsa-Sig-Value (RFC 3279 §2.2.3). */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export interface CertificateInput {
  /** Positive serial number, at most 20 bytes (RFC 5280 §4.1.2.2). */
  serialNumber: Uint8Array;
  /** DER Name of the issuer (for a self-signed certificate, the subject). */
  issuer: Uint8Array;
  subject: NameAttributes | Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** DER SubjectPublicKeyInfo of the certified key. */
  subjectPublicKeyInfo: Uint8Array;
  extensions: Extension[];
  /** The issuer's ECDSA P-256 private key. */
  signingKey: CryptoKey;
}

/** Builds and signs an X.509 v3 certificate with ecdsa-with-SHA256; returns its DER. */
export async function buildCertificate(input: CertificateInput): Promise<Uint8Array<ArrayBuffer>> {
  const algorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
  const subject = input.subject instanceof Uint8Array ? input.subject : encodeName(input.subject);
  const tbs = sequence(
    explicit(0, smallInteger(2)), // v3
    unsignedInteger(input.serialNumber),
    algorithm,
    input.issuer,
    sequence(time(input.notBefore), time(input.notAfter)),
    subject,
    input.subjectPublicKeyInfo,
    explicit(3, sequence(...input.extensions.map(encodeExtension))),
  );
  const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, input.signingKey, toArrayBuffer(tbs)));
  return sequence(tbs, algorithm, bitString(ecdsaRawToDer(raw)));
}

/** A random positive serial number of 16 bytes (top bit cleared so it stays positive and ≤ 20 bytes). */
export function randomSerialNumber(): Uint8Array {
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  return serial;
}

/** PEM armour for a DER certificate (RFC 7468). */
export function certificateToPem(der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const base64 = btoa(binary);
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}
