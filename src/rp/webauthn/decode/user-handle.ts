/**
 * The user handle (WebAuthn §5.4.3 user.id) an assertion returns, and whether it reads as text.
 */
import type { DecodedUserHandle } from '../../../shared/decoded.js';
import { base64url, base64urlBytes, strictUtf8 } from './bytes.js';

/** Describes a userHandle (the WebAuthn user.id); null when absent or empty. */
export function decodeUserHandle(value: unknown, field = 'userHandle'): DecodedUserHandle | null {
  if (value === undefined || value === null || value === '') return null;
  const bytes = base64urlBytes(value, 'userHandle', field);
  let text: string | null = null;
  try {
    const decoded = strictUtf8.decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u001f\u007f-\u009f\ufffd]/.test(decoded)) text = decoded;
  } catch {
    text = null;
  }
  return { base64url: base64url(bytes), byteLength: bytes.length, text };
}
