/**
 * The synchronous software authenticator of the relying-party tests: a thin adapter over the
 * simulated-devices kit (testkit/). The byte formats (CBOR, COSE keys, authenticator data) and the
 * device presets (real AAGUIDs, backup flags, transports, counters) come from testkit/core; what
 * stays here is the synchronous key handling with node:crypto, because the ~900 RP tests call
 * register()/authenticate() without awaiting, and WebCrypto (which the kit uses so it also runs
 * in browsers) is asynchronous. For new tests, prefer testkit/node.ts (createSoftAuthenticator),
 * which runs the very code the browser runs, with the same tampering hooks.
 *
 * It makes real WebAuthn responses: ES256 (P-256) or Ed25519 keys, an attestation object ("none",
 * packed self or packed full attestation), authenticator data with the flags you choose, and
 * assertions signed over authenticatorData || sha256(clientDataJSON). Every field a relying party
 * checks can be tampered with through `overrides`, one at a time. Binary values travel as
 * base64url, like @simplewebauthn/browser sends them.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, randomUUID, sign } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { buildAuthenticatorData as buildAuthenticatorDataBytes, FLAG } from '../testkit/core/authenticator-data';
import { cborEncode as encodeCbor, type CborValue } from '../testkit/core/cbor';
import { COSE_ALG, coseEc2Key, coseOkpKey } from '../testkit/core/cose';
import { getPreset } from '../testkit/core/presets';
import type { PresetId } from '../testkit/core/types';

// ---- CBOR (RFC 8949): the kit's encoder, as a Buffer ------------------------------------------

export type { CborValue };
export { FLAG };

/** Encodes a value as CBOR: ints (incl. negative), byte and text strings, arrays, maps, booleans, null. */
export function cborEncode(value: CborValue): Buffer {
  return Buffer.from(encodeCbor(value));
}

// ---- small helpers -------------------------------------------------------------------------

export const b64url = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url');

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
export const fromB64url = (text: string): Buffer => Buffer.from(text, 'base64url');
export const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

export const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';

// ---- authenticator data --------------------------------------------------------------------

/** Flags to set or clear; anything not named keeps the authenticator's default. */
export interface FlagOverrides {
  up?: boolean;
  uv?: boolean;
  be?: boolean;
  bs?: boolean;
}

interface FlagState {
  up: boolean;
  uv: boolean;
  be: boolean;
  bs: boolean;
  at: boolean;
}

/**
 * rpIdHash (32) | flags (1) | signCount (4, big-endian) | [AAGUID (16) | credIdLen (2) | credId | COSE key]
 */
export function buildAuthenticatorData(input: {
  rpId: string;
  flags: FlagState;
  signCount: number;
  attested?: { aaguid: string; credentialId: Uint8Array; cosePublicKey: Uint8Array };
}): Buffer {
  return Buffer.from(buildAuthenticatorDataBytes({ rpIdHash: sha256(input.rpId), flags: input.flags, signCount: input.signCount, ...(input.attested ? { attested: input.attested } : {}) }));
}

// ---- keys ----------------------------------------------------------------------------------

export type Algorithm = 'ES256' | 'EdDSA';
const coseAlg: Record<Algorithm, number> = { ES256: COSE_ALG.ES256, EdDSA: COSE_ALG.EdDSA };

function generateKeys(algorithm: Algorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  return algorithm === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
}

/** COSE_Key (RFC 9053) of the public key, encoded by the kit. */
function coseKey(algorithm: Algorithm, publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('Public key has no x coordinate.');
  if (algorithm === 'ES256') {
    if (!jwk.y) throw new Error('EC public key has no y coordinate.');
    return Buffer.from(coseEc2Key(fromB64url(jwk.x), fromB64url(jwk.y)));
  }
  return Buffer.from(coseOkpKey(fromB64url(jwk.x)));
}

/** ES256 signatures come out DER-encoded (what WebAuthn uses); Ed25519 is raw 64 bytes. */
function signWith(algorithm: Algorithm, privateKey: KeyObject, data: Buffer): Buffer {
  return algorithm === 'ES256' ? sign('sha256', data, privateKey) : sign(null, data, privateKey);
}

// ---- the authenticator ---------------------------------------------------------------------

export interface SoftCredential {
  /** base64url credential ID, as the RP stores it */
  id: string;
  rawId: Buffer;
  rpId: string;
  /** base64url user handle (WebAuthn user.id) */
  userHandle: string;
  algorithm: Algorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
  cosePublicKey: Buffer;
  signCount: number;
}

export interface AuthenticatorOptions {
  /**
   * A simulated device of the kit (testkit/core/presets.ts): its AAGUID, backup flags, transports
   * and counter behaviour (synced passkeys report 0) become the defaults; the options below win.
   */
  preset?: PresetId;
  /** AAGUID reported at registration. Default all zeros (like most "none" attestations). */
  aaguid?: string;
  /** BE flag: the credential may be synced (a multi-device passkey). Default false. */
  backupEligible?: boolean;
  /** BS flag: the credential is backed up. Default false. */
  backupState?: boolean;
  /** Transports reported at registration. Default ['internal']. */
  transports?: AuthenticatorTransport[];
  /** Key type of new credentials. Default ES256 (P-256). */
  algorithm?: Algorithm;
  /** Origin the "browser" reports in clientDataJSON. Default http://localhost:3000. */
  origin?: string;
  /** An authenticator without a counter: every signCount is 0. */
  counterless?: boolean;
}

export interface RegisterOverrides {
  origin?: string;
  /** clientDataJSON type, e.g. 'webauthn.get' to answer a registration with a sign-in type. */
  type?: string;
  /** base64url challenge to put in clientDataJSON instead of the one in the options. */
  challenge?: string;
  /** RP ID whose hash goes into authenticatorData instead of the options' rp.id. */
  rpId?: string;
  flags?: FlagOverrides;
  aaguid?: string;
  /** Reuse this base64url credential ID (e.g. one already registered). */
  credentialId?: string;
  /** Attestation format. Default 'none'; 'packed' is self-attestation with the credential key. */
  fmt?: 'none' | 'packed';
  /**
   * With fmt 'packed': full (basic) attestation instead of self attestation. The statement is
   * signed (ES256) with this attestation key and carries `x5c` (DER, the attestation
   * certificate first).
   */
  attestationCertificate?: AttestationCertificate;
  /** Register even when the options' excludeCredentials names a credential held here. */
  ignoreExcludeCredentials?: boolean;
  transports?: AuthenticatorTransport[];
}

/** An attestation certificate chain and the key of its leaf, for packed full attestation. */
export interface AttestationCertificate {
  /** DER certificates, leaf (the attestation certificate) first. */
  x5c: Uint8Array[];
  /** The leaf certificate's private key (EC P-256). */
  privateKey: KeyObject;
}

export interface AuthenticateOverrides {
  origin?: string;
  type?: string;
  challenge?: string;
  rpId?: string;
  flags?: FlagOverrides;
  /** signCount to report, instead of the stored one + 1. The stored counter is not changed. */
  counter?: number;
  /** Sign with an unrelated key of the same type: a well-formed signature that does not verify. */
  badSignature?: boolean;
  /** base64url user handle to send, or null to send none. Default: the credential's own. */
  userHandle?: string | null;
  /** base64url ID of the credential to use (ignores allowCredentials). */
  credentialId?: string;
}

export interface SoftAuthenticator {
  readonly aaguid: string;
  readonly credentials: SoftCredential[];
  register(options: PublicKeyCredentialCreationOptionsJSON, overrides?: RegisterOverrides): RegistrationResponseJSON;
  authenticate(options: PublicKeyCredentialRequestOptionsJSON, overrides?: AuthenticateOverrides): AuthenticationResponseJSON;
  /** Forget a credential (like deleting it from the password manager). */
  forget(credentialId: string): void;
}

function clientDataJSON(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
}

/** A preset's properties as AuthenticatorOptions (explicit options still win). */
function withPreset(settings: AuthenticatorOptions): AuthenticatorOptions {
  if (!settings.preset) return settings;
  const preset = getPreset(settings.preset);
  const synced = preset.kind === 'synced';
  return {
    aaguid: preset.aaguid,
    backupEligible: synced,
    backupState: synced,
    transports: [...preset.transports],
    counterless: synced,
    ...settings,
  };
}

export function createAuthenticator(options: AuthenticatorOptions = {}): SoftAuthenticator {
  const settings = withPreset(options);
  const aaguid = (settings.aaguid ?? ZERO_AAGUID).toLowerCase();
  const transports = settings.transports ?? ['internal'];
  const defaultAlgorithm = settings.algorithm ?? 'ES256';
  const defaultOrigin = settings.origin ?? 'http://localhost:3000';
  const credentials: SoftCredential[] = [];
  const attachment = transports.includes('internal') ? 'platform' : 'cross-platform';

  const defaultFlags = (overrides: FlagOverrides | undefined, at: boolean): FlagState => ({
    up: overrides?.up ?? true,
    uv: overrides?.uv ?? true,
    be: overrides?.be ?? settings.backupEligible ?? false,
    bs: overrides?.bs ?? settings.backupState ?? false,
    at,
  });

  return {
    aaguid,
    credentials,

    register(options, overrides = {}) {
      const rpId = options.rp.id;
      if (!rpId) throw new Error('The creation options have no rp.id.');
      const offered = options.pubKeyCredParams.map((param) => param.alg);
      const algorithm = defaultAlgorithm;
      if (!offered.includes(coseAlg[algorithm])) {
        throw new Error(`NotSupportedError: the RP does not offer ${algorithm} (${coseAlg[algorithm]}).`);
      }
      const excluded = new Set((options.excludeCredentials ?? []).map((descriptor) => descriptor.id));
      if (!overrides.ignoreExcludeCredentials && credentials.some((credential) => excluded.has(credential.id))) {
        throw new Error('InvalidStateError: this authenticator already holds a credential in excludeCredentials.');
      }

      const rawId = overrides.credentialId ? fromB64url(overrides.credentialId) : randomBytes(32);
      const { privateKey, publicKey } = generateKeys(algorithm);
      const cosePublicKey = coseKey(algorithm, publicKey);
      const signCount = 0;
      const credential: SoftCredential = {
        id: b64url(rawId),
        rawId,
        rpId,
        userHandle: options.user.id,
        algorithm,
        privateKey,
        publicKey,
        cosePublicKey,
        signCount,
      };
      // A reused ID keeps the authenticator's first credential with that ID (the RP should refuse the copy).
      if (!credentials.some((existing) => existing.id === credential.id)) credentials.push(credential);

      const clientData = clientDataJSON(
        overrides.type ?? 'webauthn.create',
        overrides.challenge ?? options.challenge,
        overrides.origin ?? defaultOrigin,
      );
      const authData = buildAuthenticatorData({
        rpId: overrides.rpId ?? rpId,
        flags: defaultFlags(overrides.flags, true),
        signCount,
        attested: { aaguid: overrides.aaguid ?? aaguid, credentialId: rawId, cosePublicKey },
      });

      const fmt = overrides.fmt ?? 'none';
      const signatureBase = Buffer.concat([authData, sha256(clientData)]);
      const full = overrides.attestationCertificate;
      let attStmt = new Map<string, CborValue>();
      if (fmt === 'packed' && full) {
        attStmt = new Map<string, CborValue>([
          ['alg', coseAlg.ES256],
          ['sig', signWith('ES256', full.privateKey, signatureBase)],
          ['x5c', full.x5c.map((cert) => Uint8Array.from(cert))],
        ]);
      } else if (fmt === 'packed') {
        attStmt = new Map<string, CborValue>([
          ['alg', coseAlg[algorithm]],
          ['sig', signWith(algorithm, privateKey, signatureBase)],
        ]);
      }
      const attestationObject = cborEncode(
        new Map<string, CborValue>([
          ['fmt', fmt],
          ['attStmt', attStmt],
          ['authData', authData],
        ]),
      );

      const clientExtensionResults: RegistrationResponseJSON['clientExtensionResults'] = {};
      if (options.extensions?.credProps) clientExtensionResults.credProps = { rk: true };

      return {
        id: credential.id,
        rawId: credential.id,
        type: 'public-key',
        authenticatorAttachment: attachment,
        clientExtensionResults,
        response: {
          clientDataJSON: b64url(clientData),
          attestationObject: b64url(attestationObject),
          authenticatorData: b64url(authData),
          transports: overrides.transports ?? transports,
          publicKeyAlgorithm: coseAlg[algorithm],
          publicKey: b64url(publicKey.export({ format: 'der', type: 'spki' })),
        },
      };
    },

    authenticate(options, overrides = {}) {
      const rpId = options.rpId;
      if (!rpId) throw new Error('The request options have no rpId.');
      const allowed = (options.allowCredentials ?? []).map((descriptor) => descriptor.id);
      const credential = overrides.credentialId
        ? credentials.find((candidate) => candidate.id === overrides.credentialId)
        : credentials.find((candidate) => candidate.rpId === rpId && (allowed.length === 0 || allowed.includes(candidate.id)));
      if (!credential) throw new Error('NotAllowedError: this authenticator has no matching credential.');

      let signCount: number;
      if (overrides.counter !== undefined) signCount = overrides.counter;
      else if (settings.counterless) signCount = 0;
      else signCount = credential.signCount += 1;

      const clientData = clientDataJSON(
        overrides.type ?? 'webauthn.get',
        overrides.challenge ?? options.challenge,
        overrides.origin ?? defaultOrigin,
      );
      const authData = buildAuthenticatorData({
        rpId: overrides.rpId ?? rpId,
        flags: defaultFlags(overrides.flags, false),
        signCount,
      });
      const signingKey = overrides.badSignature ? generateKeys(credential.algorithm).privateKey : credential.privateKey;
      const signature = signWith(credential.algorithm, signingKey, Buffer.concat([authData, sha256(clientData)]));

      const userHandle = overrides.userHandle === undefined ? credential.userHandle : overrides.userHandle;
      return {
        id: credential.id,
        rawId: credential.id,
        type: 'public-key',
        authenticatorAttachment: attachment,
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientData),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          ...(userHandle === null ? {} : { userHandle }),
        },
      };
    },

    forget(credentialId) {
      const index = credentials.findIndex((credential) => credential.id === credentialId);
      if (index >= 0) credentials.splice(index, 1);
    },
  };
}

/** A random AAGUID no directory knows. */
export const randomAaguid = (): string => randomUUID();
