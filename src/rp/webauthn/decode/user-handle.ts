/**
 * The user handle (WebAuthn §5.4.3 user.id) an assertion returns, and whether it reads as text.
 */
import { isUtf8 } from 'node:buffer';
import type { DecodedUserHandle } from '../../../shared/decoded.js';
import { base64url, base64urlBytes } from './bytes.js';

/** Describes a userHandle (the WebAuthn user.id); null when absent or empty. */
export function decodeUserHandle(value: unknown, field = 'userHandle'): DecodedUserHandle | null {
  if (value === undefined || value === null || value === '') return null;
  const bytes = base64urlBytes(value, 'userHandle', field);
  // Most user handles are random bytes, not UTF-8: ask first rather than catch a decoder's
  // TypeError (building the error and its stack trace cost more than the rest of this function).
  const decoded = isUtf8(bytes) ? Buffer.from(bytes).toString('utf8') : null;
  // eslint-disable-next-line no-control-regex
  const text = decoded !== null && !/[\u0000-\u001f\u007f-\u009f\ufffd]/.test(decoded) ? decoded : null;
  return { base64url: base64url(bytes), byteLength: bytes.length, text };
}
