/**
 * Bytes from and to text: base64url in (standard base64 tolerated), hex and base64url out.
 */
import { decodeError, kindOf } from './errors.js';

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

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
export const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
