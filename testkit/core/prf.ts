/**
 * The PRF extension (WebAuthn §10.1.4) on top of CTAP2's hmac-secret: the client hashes each
 * input as SHA-256("WebAuthn PRF" || 0x00 || input) and the authenticator answers
 * HMAC-SHA-256(per-credential secret, salt). Deterministic for a given passkey and input.
 */
import { concatBytes, fromBase64url, sha256, utf8 } from './bytes';
import type { PrfValuesInput } from './webauthn-json';

export async function prfSalt(input: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(utf8('WebAuthn PRF'), Uint8Array.of(0), input));
}

async function hmac(secret: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, data as Uint8Array<ArrayBuffer>));
}

export interface PrfOutputs {
  first: Uint8Array;
  second?: Uint8Array;
}

function inputBytes(value: unknown, what: string): Uint8Array {
  if (typeof value !== 'string') throw new TypeError(`prf ${what} must be a base64url string.`);
  try {
    return fromBase64url(value);
  } catch {
    throw new TypeError(`prf ${what} is not base64url.`);
  }
}

/** Evaluates the PRF of the passkey whose secret is `seed` at the given inputs (base64url). */
export async function evaluatePrf(seed: Uint8Array, inputs: PrfValuesInput): Promise<PrfOutputs> {
  const first = await hmac(seed, await prfSalt(inputBytes(inputs.first, 'first')));
  if (inputs.second === undefined) return { first };
  return { first, second: await hmac(seed, await prfSalt(inputBytes(inputs.second, 'second'))) };
}
