/**
 * Errors for input that does not decode: always the caller's 400 invalid_request, naming
 * the part and the request field, never a 500.
 */
import { RpError } from '../../http/rp-error.js';

/** A 400 invalid_request: "<part> could not be decoded: <reason>". */
export function decodeError(part: string, reason: string, field: string): RpError {
  return new RpError('invalid_request', `${part} could not be decoded: ${reason}`, field);
}

export function shortReason(error: unknown): string {
  // A JavaScript engine's own TypeError or RangeError ("input is not iterable", "Offset is outside
  // the bounds of the DataView") is an internal detail, not a reason: say what it means instead.
  if (error instanceof TypeError || error instanceof RangeError) return 'its bytes are not well-formed';
  const message = error instanceof Error ? error.message : String(error);
  const line = (message.split('\n')[0] ?? '').trim() || 'unknown error';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
