/**
 * The software authenticator of the relying-party tests: a thin adapter over the kit's Node
 * export (testkit/node.ts, createSoftAuthenticator), which runs the very code the browser runs:
 * WebCrypto ES256 or Ed25519 keys, authenticator data, "none" or packed attestation, counters and
 * the browser's own checks. Nothing here makes keys, signs or assembles a response; what stays is
 * the vocabulary the RP tests were written in (AuthenticatorOptions, RegisterOverrides,
 * AuthenticateOverrides), each option mapped onto a kit device option or tamper hook, and byte
 * helpers for the tests that build responses by hand below the authenticator.
 *
 * register() and authenticate() are asynchronous (WebCrypto is). Every kit tamper hook is
 * accepted too (rpIdHash, signature, clientDataJSON, crossOrigin, topOrigin, attestation, …).
 * Binary values travel as base64url, like @simplewebauthn/browser sends them.
 */
import { createHash, type KeyObject, randomUUID } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { cborEncode as encodeCbor, type CborValue } from '../testkit/core/cbor';
import {
  createSoftAuthenticator,
  type DeviceOptions,
  type Es256PrivateKey,
  type KeyAlgorithm,
  type NodeAttestationTamper,
  type PresetId,
  type SoftAuthenticator as KitAuthenticator,
  type StoredPasskey,
  type Tamper,
  ZERO_AAGUID,
} from '../testkit/node';

// ---- byte helpers (for responses built by hand; the kit's CBOR encoder, as a Buffer) -------------

export type { CborValue };
export { ZERO_AAGUID };

/** Encodes a value as CBOR: ints (incl. negative), byte and text strings, arrays, maps, booleans, null. */
export function cborEncode(value: CborValue): Buffer {
  return Buffer.from(encodeCbor(value));
}

export const b64url = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url');
export const fromB64url = (text: string): Buffer => Buffer.from(text, 'base64url');
export const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

/** A registration response as a browser sends it, built from hand-made parts (for tests that tamper below the authenticator). */
export function registrationResponse(parts: {
  credentialId: Uint8Array;
  clientData: Uint8Array | string;
  authData: Uint8Array;
  fmt: string;
  attStmt: Map<string, CborValue>;
  transports: AuthenticatorTransport[];
}): RegistrationResponseJSON {
  const attestationObject = cborEncode(
    new Map<string, CborValue>([
      ['fmt', parts.fmt],
      ['attStmt', parts.attStmt],
      ['authData', parts.authData],
    ]),
  );
  return {
    id: b64url(parts.credentialId),
    rawId: b64url(parts.credentialId),
    type: 'public-key',
    clientExtensionResults: {},
    response: { clientDataJSON: b64url(parts.clientData), attestationObject: b64url(attestationObject), transports: parts.transports },
  };
}

/** A random AAGUID no directory knows. */
export const randomAaguid = (): string => randomUUID();

// ---- the authenticator: options and overrides, mapped onto the kit ------------------------------

export type Algorithm = KeyAlgorithm;

export interface AuthenticatorOptions {
  /**
   * A simulated device of the kit (testkit/core/presets.ts): its AAGUID, backup flags, transports,
   * attachment and counter behaviour (synced passkeys report 0). The options below win. Without a
   * preset: the kit's custom device (AAGUID all zeros, BE = BS = 0, transports ['internal'], counts).
   */
  preset?: PresetId;
  /** AAGUID reported at registration (kit: DeviceOptions.aaguid). */
  aaguid?: string;
  /** BE flag: the credential may be synced (kit: DeviceOptions.backupEligible). */
  backupEligible?: boolean;
  /** BS flag: the credential is backed up (kit: DeviceOptions.backupState). */
  backupState?: boolean;
  /** Transports reported at registration (kit: DeviceOptions.transports). */
  transports?: AuthenticatorTransport[];
  /** Key type of new credentials. Default ES256 (kit: DeviceOptions.algorithms, this one only). */
  algorithm?: Algorithm;
  /** Origin of the page the "browser" is on. Default http://localhost:3000 (kit: the device's origin; the RP ID must fit it). */
  origin?: string;
  /** An authenticator without a counter: every signCount is 0 (kit: DeviceOptions.counterless). */
  counterless?: boolean;
}

/** An attestation certificate chain and the key of its leaf, for packed full attestation. */
export interface AttestationCertificate {
  /** DER certificates, leaf (the attestation certificate) first. */
  x5c: Uint8Array[];
  /** The leaf certificate's private key (EC P-256): a KeyObject, CryptoKey, JWK or PKCS#8 PEM. */
  privateKey: KeyObject | Es256PrivateKey;
}

/**
 * The kit's tamper hooks (origin, type, challenge, rpId, rpIdHash, flags, aaguid, credentialId,
 * ignoreExcludeCredentials, transports, counter, signature, attestation, clientDataJSON, …), plus
 * the names the RP tests use for attestation.
 */
export interface RegisterOverrides extends Omit<Tamper, 'userHandle'> {
  /** Attestation format: 'none', or 'packed' (self attestation with the credential key; kit: attestation { fmt }). */
  fmt?: 'none' | 'packed';
  /** With fmt 'packed': full (basic) attestation, signed (ES256) by this certificate's key, carrying x5c (kit: attestation { fmt, x5c, privateKey }). */
  attestationCertificate?: AttestationCertificate;
}

/** The kit's tamper hooks (origin, type, challenge, rpId, flags, counter, userHandle, credentialId, signature, …), plus `badSignature`. */
export interface AuthenticateOverrides extends Omit<Tamper, 'aaguid' | 'ignoreExcludeCredentials' | 'attestation' | 'transports'> {
  /** Sign with an unrelated key of the same type: a well-formed signature that does not verify (kit: signature 'wrong-key'). */
  badSignature?: boolean;
}

export interface SoftAuthenticator {
  readonly aaguid: string;
  /** The kit's device underneath (its store, notices, failNext, Signal API). */
  readonly device: KitAuthenticator;
  register(options: PublicKeyCredentialCreationOptionsJSON, overrides?: RegisterOverrides): Promise<RegistrationResponseJSON>;
  authenticate(options: PublicKeyCredentialRequestOptionsJSON, overrides?: AuthenticateOverrides): Promise<AuthenticationResponseJSON>;
  /** The passkeys this authenticator holds, as the kit stores them (base64url ids, user handle, COSE key, counter). */
  credentials(): Promise<StoredPasskey[]>;
  /** Forget a credential (like deleting it from the password manager). */
  forget(credentialId: string): Promise<void>;
}

function deviceOptions({ preset, aaguid, backupEligible, backupState, transports, algorithm, counterless }: AuthenticatorOptions): DeviceOptions {
  return {
    ...(preset ? { preset } : {}),
    ...(aaguid !== undefined ? { aaguid } : {}),
    ...(backupEligible !== undefined ? { backupEligible } : {}),
    ...(backupState !== undefined ? { backupState } : {}),
    ...(transports ? { transports } : {}),
    ...(algorithm ? { algorithms: [algorithm] } : {}),
    ...(counterless !== undefined ? { counterless } : {}),
  };
}

function attestationTamper(fmt: RegisterOverrides['fmt'], certificate: AttestationCertificate | undefined): NodeAttestationTamper | undefined {
  if (fmt === 'packed') return certificate ? { fmt: 'packed', x5c: certificate.x5c, privateKey: certificate.privateKey } : { fmt: 'packed' };
  return fmt === 'none' ? { fmt: 'none' } : undefined;
}

export function createAuthenticator(options: AuthenticatorOptions = {}): SoftAuthenticator {
  const device = createSoftAuthenticator(deviceOptions(options), options.origin ? { origin: options.origin } : {});
  return {
    get aaguid() {
      return device.aaguid;
    },
    device,
    async register(creationOptions, { fmt, attestationCertificate, ...tamper } = {}) {
      const attestation = tamper.attestation ?? attestationTamper(fmt, attestationCertificate);
      return device.register(creationOptions, { ...tamper, ...(attestation ? { attestation } : {}) });
    },
    async authenticate(requestOptions, { badSignature, ...tamper } = {}) {
      return device.authenticate(requestOptions, badSignature ? { ...tamper, signature: 'wrong-key' } : tamper);
    },
    credentials: () => device.credentials(),
    forget: (credentialId) => device.store.remove(credentialId),
  };
}
