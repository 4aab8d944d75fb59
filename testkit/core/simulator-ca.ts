/**
 * The simulator's attestation CA: a self-signed root and the attestation certificates it issues
 * for simulated devices' own attestation keys. Isomorphic (WebCrypto only). The lab's relying
 * party keeps one per lab (created at first start, stored with its data); a test process may
 * play the CA itself and hand its root to another relying party as a trust anchor.
 *
 * Attestation certificates meet WebAuthn §8.2.1 (packed attestation statement certificate
 * requirements): X.509 v3; subject C, O, OU = "Authenticator Attestation", CN; the AAGUID
 * extension 1.3.6.1.4.1.45724.1.1.4, not critical; basicConstraints with CA false.
 * https://www.w3.org/TR/webauthn-3/#sctn-packed-attestation-cert-requirements
 */
import { isPresetId, presets } from './presets.js';
import type { AttestationIssuer, PresetId } from './types.js';
import {
  aaguidExtension,
  authorityKeyIdentifier,
  basicConstraints,
  buildCertificate,
  certificateToPem,
  encodeName,
  KEY_USAGE,
  keyIdentifier,
  keyUsage,
  type NameAttributes,
  randomSerialNumber,
  readCertificate,
  subjectKeyIdentifier,
  toArrayBuffer,
} from './x509.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const ROOT_VALIDITY_MS = 3652 * DAY_MS; // ten years
const LEAF_VALIDITY_MS = 5 * 365 * DAY_MS;
/** Certificates start a day early so a clock that runs slightly behind still accepts them. */
const BACKDATE_MS = DAY_MS;
const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** Serialised CA: what a server persists to reload it. */
export interface ExportedSimulatorCa {
  /** The root certificate, DER, base64url. */
  rootCertificate: string;
  /** The root's ECDSA P-256 private key (JWK, includes the public x/y). */
  rootPrivateKeyJwk: JsonWebKey;
}

export interface IssueRequest {
  /** The device's attestation public key: DER SubjectPublicKeyInfo, ECDSA P-256. */
  publicKeySpki: Uint8Array;
  /** The device's AAGUID (lowercase, dashed or not). */
  aaguid: string;
  preset: PresetId;
}

export interface SimulatorCa extends AttestationIssuer {
  /** The root certificate (DER): the trust anchor a relying party loads. Not part of x5c. */
  readonly rootCertificate: Uint8Array<ArrayBuffer>;
  readonly rootPem: string;
  /** SHA-256 of the root certificate's DER, uppercase hex pairs joined by ':'. */
  rootFingerprintSha256(): Promise<string>;
  /** An attestation certificate (DER) for a device's own key. Rejects a key that is not P-256. */
  issueAttestationCertificate(request: IssueRequest): Promise<Uint8Array<ArrayBuffer>>;
  /** AttestationIssuer: the x5c chain, leaf only (the root is the trust anchor and is not sent). */
  issue(request: IssueRequest): Promise<Uint8Array<ArrayBuffer>[]>;
  export(): Promise<ExportedSimulatorCa>;
}

export interface SimulatorCaOptions {
  /** The clock certificates are dated by. Default: the current time. */
  now?: () => Date;
  /** The root's subject. Default: Passkey Lab simulator root with a random suffix (each lab its own). */
  subject?: NameAttributes;
}

export async function createSimulatorCa(options: SimulatorCaOptions = {}): Promise<SimulatorCa> {
  const now = options.now ?? (() => new Date());
  const keys = (await crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const keyId = await keyIdentifier(spki);
  const subject = encodeName(options.subject ?? defaultRootSubject());
  const start = now().getTime();
  const rootCertificate = await buildCertificate({
    serialNumber: randomSerialNumber(),
    issuer: subject,
    subject,
    notBefore: new Date(start - BACKDATE_MS),
    notAfter: new Date(start + ROOT_VALIDITY_MS),
    subjectPublicKeyInfo: spki,
    extensions: [
      basicConstraints(true),
      keyUsage([KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign]),
      subjectKeyIdentifier(keyId),
    ],
    signingKey: keys.privateKey,
  });
  return simulatorCa({ rootCertificate, privateKey: keys.privateKey, subject, keyId, notAfter: new Date(start + ROOT_VALIDITY_MS), now });
}

/** Reloads an exported CA. Rejects a key that does not belong to the certificate. */
export async function restoreSimulatorCa(exported: ExportedSimulatorCa, options: Pick<SimulatorCaOptions, 'now'> = {}): Promise<SimulatorCa> {
  const rootCertificate = fromBase64url(exported.rootCertificate);
  const { subject, subjectPublicKeyInfo, notAfter } = readCertificate(rootCertificate);
  const { kty, crv, x, y } = exported.rootPrivateKeyJwk;
  const publicKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, EC_P256, true, ['verify']);
  const publicSpki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  if (!equalBytes(publicSpki, subjectPublicKeyInfo)) throw new Error('the private key does not belong to the root certificate');
  const privateKey = await crypto.subtle.importKey('jwk', exported.rootPrivateKeyJwk, EC_P256, true, ['sign']);
  return simulatorCa({
    rootCertificate,
    privateKey,
    subject,
    keyId: await keyIdentifier(subjectPublicKeyInfo),
    notAfter,
    now: options.now ?? (() => new Date()),
  });
}

function simulatorCa(state: {
  rootCertificate: Uint8Array<ArrayBuffer>;
  privateKey: CryptoKey;
  subject: Uint8Array;
  keyId: Uint8Array;
  notAfter: Date;
  now: () => Date;
}): SimulatorCa {
  const issueAttestationCertificate = async (request: IssueRequest): Promise<Uint8Array<ArrayBuffer>> => {
    const spki = await normalisedP256Spki(request.publicKeySpki);
    const start = state.now().getTime();
    const notAfter = Math.min(start + LEAF_VALIDITY_MS, state.notAfter.getTime());
    return buildCertificate({
      serialNumber: randomSerialNumber(),
      issuer: state.subject,
      subject: attestationSubject(request.preset),
      notBefore: new Date(start - BACKDATE_MS),
      notAfter: new Date(notAfter),
      subjectPublicKeyInfo: spki,
      extensions: [
        basicConstraints(false),
        keyUsage([KEY_USAGE.digitalSignature]),
        subjectKeyIdentifier(await keyIdentifier(spki)),
        authorityKeyIdentifier(state.keyId),
        aaguidExtension(request.aaguid),
      ],
      signingKey: state.privateKey,
    });
  };
  return {
    rootCertificate: state.rootCertificate,
    rootPem: certificateToPem(state.rootCertificate),
    rootFingerprintSha256: async () => {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', toArrayBuffer(state.rootCertificate)));
      return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(':');
    },
    issueAttestationCertificate,
    issue: async (request) => [await issueAttestationCertificate(request)],
    export: async () => ({
      rootCertificate: toBase64url(state.rootCertificate),
      rootPrivateKeyJwk: await crypto.subtle.exportKey('jwk', state.privateKey),
    }),
  };
}

/** WebAuthn §8.2.1 subject: C, O, OU "Authenticator Attestation" (exact), CN. "ZZ": no particular country. */
function attestationSubject(preset: PresetId): NameAttributes {
  const name = isPresetId(preset) ? presets[preset].name : preset;
  return { C: 'ZZ', O: 'Passkey Lab Simulator', OU: 'Authenticator Attestation', CN: `${name} (simulated)` };
}

function defaultRootSubject(): NameAttributes {
  const suffix = Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { C: 'ZZ', O: 'Passkey Lab Simulator', OU: 'Simulated devices (not real security)', CN: `Passkey Lab Simulator Root ${suffix}` };
}

/** Imports the key as ECDSA P-256 (throws for anything else) and re-exports it in canonical DER. */
async function normalisedP256Spki(spki: Uint8Array): Promise<Uint8Array> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', toArrayBuffer(spki), EC_P256, true, ['verify']);
  } catch {
    throw new TypeError('the attestation public key must be an ECDSA P-256 SubjectPublicKeyInfo (DER)');
  }
  return new Uint8Array(await crypto.subtle.exportKey('spki', key));
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
