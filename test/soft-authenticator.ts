/**
 * A small software authenticator for relying-party tests (no browser needed).
 *
 * It makes real WebAuthn responses: node:crypto key pairs (ES256 on P-256 by default, or
 * Ed25519), a CBOR-encoded attestation object ("none" or "packed" self-attestation),
 * authenticator data built byte by byte with the flags you choose, and assertions signed
 * over authenticatorData || sha256(clientDataJSON). Every field a relying party checks can
 * be tampered with through `overrides`, one at a time, so a test can prove that the RP
 * refuses exactly that mistake.
 *
 * Binary values travel as base64url, like @simplewebauthn/browser sends them.
 */
import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

// ---- CBOR (RFC 8949), just enough for COSE keys and attestation objects ------------------

export type CborValue = number | string | boolean | null | Uint8Array | CborValue[] | Map<number | string, CborValue>;

function cborHead(major: number, length: number): Buffer {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`CBOR length/value out of range: ${length}`);
  const type = major << 5;
  if (length < 24) return Buffer.from([type | length]);
  if (length < 0x100) return Buffer.from([type | 24, length]);
  if (length < 0x10000) {
    const head = Buffer.alloc(3);
    head[0] = type | 25;
    head.writeUInt16BE(length, 1);
    return head;
  }
  if (length < 0x100000000) {
    const head = Buffer.alloc(5);
    head[0] = type | 26;
    head.writeUInt32BE(length, 1);
    return head;
  }
  const head = Buffer.alloc(9);
  head[0] = type | 27;
  head.writeBigUInt64BE(BigInt(length), 1);
  return head;
}

/** Encodes a value as CBOR: ints (incl. negative), byte and text strings, arrays, maps, booleans, null. */
export function cborEncode(value: CborValue): Buffer {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError('This CBOR encoder only handles integers.');
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([cborHead(3, bytes.length), bytes]);
  }
  if (typeof value === 'boolean') return Buffer.from([value ? 0xf5 : 0xf4]);
  if (value === null) return Buffer.from([0xf6]);
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), Buffer.from(value)]);
  if (Array.isArray(value)) return Buffer.concat([cborHead(4, value.length), ...value.map(cborEncode)]);
  const parts: Buffer[] = [cborHead(5, value.size)];
  for (const [key, item] of value) parts.push(cborEncode(key), cborEncode(item));
  return Buffer.concat(parts);
}

// ---- small helpers -------------------------------------------------------------------------

export const b64url = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url');
export const fromB64url = (text: string): Buffer => Buffer.from(text, 'base64url');
export const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

export const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';

function aaguidBytes(aaguid: string): Buffer {
  const hex = aaguid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`Not an AAGUID: ${aaguid}`);
  return Buffer.from(hex, 'hex');
}

// ---- authenticator data --------------------------------------------------------------------

export const FLAG = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40, ED: 0x80 } as const;

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

function flagsByte(flags: FlagState): number {
  return (
    (flags.up ? FLAG.UP : 0) | (flags.uv ? FLAG.UV : 0) | (flags.be ? FLAG.BE : 0) | (flags.bs ? FLAG.BS : 0) | (flags.at ? FLAG.AT : 0)
  );
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
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(input.signCount >>> 0);
  const parts: Buffer[] = [sha256(input.rpId), Buffer.from([flagsByte(input.flags)]), counter];
  if (input.attested) {
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(input.attested.credentialId.length);
    parts.push(aaguidBytes(input.attested.aaguid), idLength, Buffer.from(input.attested.credentialId), Buffer.from(input.attested.cosePublicKey));
  }
  return Buffer.concat(parts);
}

// ---- keys ----------------------------------------------------------------------------------

export type Algorithm = 'ES256' | 'EdDSA';
const coseAlg: Record<Algorithm, number> = { ES256: -7, EdDSA: -8 };

function generateKeys(algorithm: Algorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  return algorithm === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
}

/** COSE_Key (RFC 9053): EC2 {1:2, 3:-7, -1:1, -2:x, -3:y} or OKP {1:1, 3:-8, -1:6, -2:x}. */
function coseKey(algorithm: Algorithm, publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('Public key has no x coordinate.');
  if (algorithm === 'ES256') {
    if (!jwk.y) throw new Error('EC public key has no y coordinate.');
    return cborEncode(
      new Map<number, CborValue>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, fromB64url(jwk.x)],
        [-3, fromB64url(jwk.y)],
      ]),
    );
  }
  return cborEncode(
    new Map<number, CborValue>([
      [1, 1],
      [3, -8],
      [-1, 6],
      [-2, fromB64url(jwk.x)],
    ]),
  );
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

export function createAuthenticator(settings: AuthenticatorOptions = {}): SoftAuthenticator {
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
