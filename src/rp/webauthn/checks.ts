/**
 * The lab's verification rules as pure functions. Each returns a named check result — passed
 * or failed, with what was compared and the contract's error code when it fails — so that
 * the same results drive the refusal and the ceremony report (`report.checks`). They run
 * before @simplewebauthn/server, which throws one generic Error per failure.
 */
import { createHash, createPublicKey, type JsonWebKey } from 'node:crypto';
import { decodeCredentialPublicKey } from '@simplewebauthn/server/helpers';
import type { ErrorCode } from '../../shared/error-codes.js';
import type { CheckId } from '../../shared/report.js';
import type { Check } from '../../shared/schemas.js';
import { coseAlgorithmNames } from './decode/cose-names.js';

export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
  /** As sent: anything but a boolean is refused (checkOrigin). */
  crossOrigin?: unknown;
  /** As sent: this relying party is never embedded, so any value is refused (checkOrigin). */
  topOrigin?: unknown;
}

export const passed = (id: CheckId, message: string): Check => ({ id, passed: true, message });
export const failed = (id: CheckId, code: ErrorCode, message: string): Check => ({ id, passed: false, message, code });

/** The session's pending challenge exists, is younger than its expiry, and is the one answered. */
export function checkChallenge(pending: { challenge: string; expiresAt: number } | undefined, clientData: ClientData, now: number): Check {
  if (!pending) return failed('challenge', 'challenge_missing', 'No challenge is pending for this session: it was never issued, or already used.');
  if (now >= pending.expiresAt) return failed('challenge', 'challenge_expired', 'The challenge expired (challenges last 5 minutes).');
  if (clientData.challenge !== pending.challenge) return failed('challenge', 'challenge_mismatch', 'clientDataJSON.challenge is not the challenge issued to this session.');
  return passed('challenge', 'clientDataJSON.challenge is the one issued to this session, within 5 minutes.');
}

/**
 * WebAuthn §7.1 steps 9–10 / §7.2 steps 13–14: the origin is allowed, and the ceremony did not
 * run inside another page. `crossOrigin` must be a boolean when present (§5.8.1). `topOrigin`
 * names the page that framed the ceremony: this relying party expects to be framed by none
 * (its pages send `frame-ancestors 'none'`), so any topOrigin is refused with its own code.
 */
export function checkOrigin(clientData: Pick<ClientData, 'origin' | 'crossOrigin' | 'topOrigin'>, origins: readonly string[]): Check {
  const { origin, crossOrigin, topOrigin } = clientData;
  if (crossOrigin !== undefined && typeof crossOrigin !== 'boolean') {
    return failed('origin', 'invalid_request', `clientDataJSON.crossOrigin is ${describe(crossOrigin)}, not a boolean.`);
  }
  if (!origins.includes(origin)) return failed('origin', 'origin_mismatch', `Origin ${origin} is not one of ${origins.join(', ')}.`);
  if (topOrigin !== undefined) {
    return failed('origin', 'top_origin_not_allowed', `The ceremony ran in a frame inside ${describe(topOrigin)}; this relying party is never embedded in another page.`);
  }
  if (crossOrigin === true) return failed('origin', 'origin_mismatch', `The ceremony ran in a cross-origin iframe (${origin}).`);
  return passed('origin', `Origin ${origin} is allowed.`);
}

/** A client-sent value in a message: strings quoted and cut short, anything else by its kind. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** WebAuthn §7.1 step 7 / §7.2 step 11. */
export function checkType(clientData: ClientData, expected: 'webauthn.create' | 'webauthn.get'): Check {
  if (clientData.type !== expected) return failed('type', 'ceremony_type_mismatch', `clientDataJSON.type is "${clientData.type}", expected "${expected}".`);
  return passed('type', `clientDataJSON.type is "${expected}".`);
}

/** WebAuthn §7.1 step 13 / §7.2 step 15: `actualHex` is the authenticator data's rpIdHash. */
export function checkRpIdHash(actualHex: string, rpId: string): Check {
  if (actualHex.toLowerCase() !== createHash('sha256').update(rpId).digest('hex')) return failed('rpIdHash', 'rp_id_mismatch', `rpIdHash is not SHA-256("${rpId}"): the passkey was made for another site.`);
  return passed('rpIdHash', `rpIdHash is SHA-256("${rpId}").`);
}

/** WebAuthn §7.1 step 14 / §7.2 step 16. */
export function checkUserPresence(flags: { up: boolean }): Check {
  return flags.up ? passed('userPresence', 'UP flag set: someone was present.') : failed('userPresence', 'user_presence_required', 'UP flag missing.');
}

/** WebAuthn §7.1 step 15 / §7.2 step 17: this relying party always requires user verification. */
export function checkUserVerification(flags: { uv: boolean }): Check {
  return flags.uv
    ? passed('userVerification', 'UV flag set: the authenticator verified the person (PIN or biometric).')
    : failed('userVerification', 'user_verification_required', 'UV flag missing: the person was not verified.');
}

/** WebAuthn §6.1.3: a credential that is not backup eligible (BE) cannot be backed up (BS). */
export function checkBackupFlags(flags: { be: boolean; bs: boolean }): Check {
  return flags.bs && !flags.be
    ? failed('backupFlags', 'invalid_request', 'BS (backed up) is set but BE (backup eligible) is not, which WebAuthn §6.1.3 rules out.')
    : passed('backupFlags', flags.be ? `Backup eligible, ${flags.bs ? '' : 'not '}backed up now.` : 'Not backup eligible (device-bound), not backed up.');
}

/**
 * WebAuthn §7.2 step 22: when either counter is non-zero the new one must be greater than
 * the stored one; otherwise the authenticator may have been cloned. 0 → 0 is allowed
 * (authenticators without counters, such as most synced passkeys).
 */
export function checkSignCount(stored: number, received: number): Check {
  if (stored === 0 && received === 0) return passed('counter', 'Both counters are 0: this authenticator does not count.');
  if (received <= stored) return failed('counter', 'counter_regression', `signCount ${received} is not greater than the stored ${stored}: possible cloned authenticator.`);
  return passed('counter', `signCount rose from ${stored} to ${received}.`);
}

// ---- registration: the credential itself (WebAuthn §7.1) ----------------------------------

/** WebAuthn §7.1: a credential id longer than this is refused (§5.1: ids are at most 1023 bytes). */
export const MAX_CREDENTIAL_ID_BYTES = 1023;

/**
 * The credential id in the authenticator data (base64url) is at most 1023 bytes, and the
 * response's `id` and `rawId` both name it: otherwise the id the client shows and the id the
 * authenticator will sign in with differ, and the passkey could never be found again.
 */
export function checkCredentialId(fromAuthenticatorData: string, id: string, rawId: string): Check {
  const bytes = Buffer.from(fromAuthenticatorData, 'base64url').length;
  if (bytes > MAX_CREDENTIAL_ID_BYTES) return failed('credentialId', 'credential_id_invalid', `The credential id is ${bytes} bytes; at most ${MAX_CREDENTIAL_ID_BYTES} are allowed.`);
  if (id !== fromAuthenticatorData) return failed('credentialId', 'credential_id_invalid', 'The response id is not the credential id in the authenticator data.');
  if (rawId !== fromAuthenticatorData) return failed('credentialId', 'credential_id_invalid', 'The response rawId is not the credential id in the authenticator data.');
  return passed('credentialId', `The credential id (${bytes} bytes) is the one in the authenticator data.`);
}

// COSE key parameters (RFC 9052 §7, RFC 9053 §7.1–7.2, RFC 8230 §4); also what
// assertion-signature.ts verifies sign-ins with.
export const COSE = { kty: 1, alg: 3, crv: -1, x: -2, y: -3, n: -1, e: -2 } as const;
export const KTY = { OKP: 1, EC2: 2, RSA: 3 } as const;
/**
 * The NIST curves WebAuthn uses (COSE crv 1–3): coordinate length, the COSE algorithm that goes
 * with each and its hash (RFC 9053 §2.1), and y² = x³ − 3x + b over the prime p, the domain
 * parameters of SEC 2 v2 §2.4.2, §2.5.1, §2.6.1 (secp256r1, secp384r1, secp521r1; also NIST
 * SP 800-186 §3.2.1). Each has cofactor 1, so an affine point on the curve is in its group.
 */
export const EC2_CURVES: Record<number, { name: 'P-256' | 'P-384' | 'P-521'; bytes: number; alg: number; hash: 'sha256' | 'sha384' | 'sha512'; p: bigint; b: bigint }> = {
  1: { name: 'P-256', bytes: 32, alg: -7, hash: 'sha256', p: (1n << 256n) - (1n << 224n) + (1n << 192n) + (1n << 96n) - 1n, b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn },
  2: {
    name: 'P-384',
    bytes: 48,
    alg: -35,
    hash: 'sha384',
    p: (1n << 384n) - (1n << 128n) - (1n << 96n) + (1n << 32n) - 1n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
  3: {
    name: 'P-521',
    bytes: 66,
    alg: -36,
    hash: 'sha512',
    p: (1n << 521n) - 1n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  },
};

/**
 * SEC 1 v2 §3.2.2.1 for a prime curve of cofactor 1: both coordinates are below p and the point
 * satisfies the curve's equation. The arithmetic that OpenSSL's import does, without building a
 * key object (about 2 µs against 140 µs for createPublicKey, on every registration).
 */
export function isEcPoint({ p, b }: { p: bigint; b: bigint }, xBytes: Uint8Array, yBytes: Uint8Array): boolean {
  const x = BigInt(`0x${Buffer.from(xBytes).toString('hex')}`);
  const y = BigInt(`0x${Buffer.from(yBytes).toString('hex')}`);
  if (x >= p || y >= p) return false;
  return (y * y - (x * x * x - 3n * x + b)) % p === 0n;
}
export const OKP_ED25519 = 6;
export const EDDSA_ALGS = new Set([-8, -19]); // EdDSA, Ed25519 (RFC 9864)
/** RS256..512 (RFC 8812 §2) and PS256..512 (RFC 8230 §2: the salt is as long as the hash). */
export const RSA_ALGS: Record<number, { hash: 'sha256' | 'sha384' | 'sha512'; pssSalt?: number }> = {
  [-257]: { hash: 'sha256' },
  [-258]: { hash: 'sha384' },
  [-259]: { hash: 'sha512' },
  [-37]: { hash: 'sha256', pssSalt: 32 },
  [-38]: { hash: 'sha384', pssSalt: 48 },
  [-39]: { hash: 'sha512', pssSalt: 64 },
};
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 16384;

/**
 * WebAuthn §7.1: the credential public key must be one that can verify this passkey's
 * signatures later; a key that is not a point of its curve gives an account whose passkey can
 * never sign in. EC2 points are checked against their curve's equation (isEcPoint); Ed25519
 * points are decompressed as RFC 8032 §5.1.3 says (Node would import any 32 bytes); RSA keys get
 * a sanity check (size, odd modulus and exponent) and an import. With `offered` (the options'
 * pubKeyCredParams), the key's algorithm must also be one of them (WebAuthn §7.1 step 20).
 */
export function checkPublicKey(cosePublicKey: Uint8Array, offered?: readonly number[]): Check {
  let key: Map<number, unknown>;
  try {
    key = decodeCredentialPublicKey(Uint8Array.from(cosePublicKey)) as unknown as Map<number, unknown>;
  } catch {
    return failed('publicKey', 'public_key_invalid', 'The credential public key is not a COSE key.');
  }
  if (!(key instanceof Map)) return failed('publicKey', 'public_key_invalid', 'The credential public key is not a COSE key map.');
  const problem = publicKeyProblem(key) ?? (offered ? algorithmNotOffered(key.get(COSE.alg) as number, offered) : null);
  return problem ? failed('publicKey', 'public_key_invalid', problem) : passed('publicKey', describeKey(key));
}

const algorithmName = (alg: number) => `${coseAlgorithmNames[alg] ?? 'COSE'} (${alg})`;

function algorithmNotOffered(alg: number, offered: readonly number[]): string | null {
  return offered.includes(alg) ? null : `The key's algorithm ${algorithmName(alg)} is not one this relying party offered: ${offered.map(algorithmName).join(', ')}.`;
}

const bytesOf = (value: unknown): Buffer | null => (value instanceof Uint8Array ? Buffer.from(value) : null);

function describeKey(key: Map<number, unknown>): string {
  const kty = key.get(COSE.kty);
  const alg = algorithmName(key.get(COSE.alg) as number);
  if (kty === KTY.EC2) return `The public key is a valid ${EC2_CURVES[key.get(COSE.crv) as number]?.name} point, for ${alg}.`;
  if (kty === KTY.OKP) return `The public key is a valid Ed25519 point, for ${alg}.`;
  return `The public key is a sound ${bytesOf(key.get(COSE.n))!.length * 8}-bit RSA key, for ${alg}.`;
}

/** Why the COSE key cannot verify signatures, or null when it can. */
function publicKeyProblem(key: Map<number, unknown>): string | null {
  const kty = key.get(COSE.kty);
  const alg = key.get(COSE.alg);
  if (kty === KTY.EC2) {
    const curve = EC2_CURVES[key.get(COSE.crv) as number];
    if (!curve) return `EC2 curve ${String(key.get(COSE.crv))} is not P-256, P-384 or P-521.`;
    if (alg !== curve.alg) return `COSE algorithm ${String(alg)} does not go with curve ${curve.name}.`;
    const x = bytesOf(key.get(COSE.x));
    const y = bytesOf(key.get(COSE.y));
    if (!x || !y || x.length !== curve.bytes || y.length !== curve.bytes) return `The ${curve.name} coordinates must be ${curve.bytes} bytes each.`;
    return isEcPoint(curve, x, y) ? null : `The point is not on curve ${curve.name}.`;
  }
  if (kty === KTY.OKP) {
    if (key.get(COSE.crv) !== OKP_ED25519) return `OKP curve ${String(key.get(COSE.crv))} is not Ed25519.`;
    if (!EDDSA_ALGS.has(alg as number)) return `COSE algorithm ${String(alg)} does not go with Ed25519.`;
    const x = bytesOf(key.get(COSE.x));
    if (!x || x.length !== 32) return 'An Ed25519 key must be 32 bytes.';
    return isEd25519Point(x) ? null : 'The bytes are not an Ed25519 point.';
  }
  if (kty === KTY.RSA) {
    if (!RSA_ALGS[alg as number]) return `COSE algorithm ${String(alg)} is not an RSA algorithm.`;
    const n = bytesOf(key.get(COSE.n));
    const e = bytesOf(key.get(COSE.e));
    if (!n || !e) return 'The RSA key has no modulus or exponent.';
    const bits = bitLength(n);
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) return `The RSA modulus is ${bits} bits; ${MIN_RSA_BITS} to ${MAX_RSA_BITS} are allowed.`;
    const exponent = BigInt(`0x${e.toString('hex') || '0'}`);
    if ((n.at(-1)! & 1) === 0 || (exponent & 1n) === 0n || exponent < 3n || e.length > n.length) return 'The RSA modulus and exponent must be odd, with an exponent of at least 3.';
    return importProblem({ kty: 'RSA', n: n.toString('base64url'), e: e.toString('base64url') }, 'The RSA key does not import.');
  }
  return `COSE key type ${String(kty)} is not EC2, OKP or RSA.`;
}

function importProblem(jwk: JsonWebKey, problem: string): string | null {
  try {
    createPublicKey({ key: jwk, format: 'jwk' });
    return null;
  } catch {
    return problem;
  }
}

function bitLength(bytes: Buffer): number {
  const first = bytes.findIndex((byte) => byte !== 0);
  return first < 0 ? 0 : (bytes.length - first - 1) * 8 + (32 - Math.clz32(bytes[first]!));
}

// Ed25519 (RFC 8032 §5.1): p = 2^255 − 19, d = −121665 / 121666 mod p.
const P = (1n << 255n) - 19n;
const mod = (a: bigint) => ((a % P) + P) % P;
function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}
const D = mod(-121665n * power(121666n, P - 2n));
const SQRT_MINUS_ONE = power(2n, (P - 1n) / 4n);

/** RFC 8032 §5.1.3: the 32 bytes decode to a point (y < p, and x² = (y² − 1)/(d·y² + 1) has a root). */
export function isEd25519Point(encoded: Uint8Array): boolean {
  if (encoded.length !== 32) return false;
  const bytes = Buffer.from(encoded);
  const sign = bytes[31]! >> 7;
  bytes[31] = bytes[31]! & 0x7f;
  const y = BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
  if (y >= P) return false;
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * power(v, 3n) * power(u * power(v, 7n), (P - 5n) / 8n));
  const vx2 = mod(v * x * x);
  if (vx2 === mod(-u)) x = mod(x * SQRT_MINUS_ONE);
  else if (vx2 !== u) return false;
  return !(x === 0n && sign === 1);
}
