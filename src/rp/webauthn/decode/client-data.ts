/**
 * clientDataJSON (WebAuthn §5.8.1): a JSON object with string type, challenge and origin.
 */
import type { DecodedClientData, JsonRecord } from '../../../shared/decoded.js';
import { base64urlBytes } from './bytes.js';
import { decodeError } from './errors.js';
import { parseJsonObject } from './json.js';

function clientDataFrom(raw: JsonRecord): DecodedClientData | null {
  const { type, challenge, origin, crossOrigin, topOrigin, tokenBinding } = raw;
  if (typeof type !== 'string' || typeof challenge !== 'string' || typeof origin !== 'string') return null;
  const decoded: DecodedClientData = { type, challenge, origin, raw };
  if (typeof crossOrigin === 'boolean') decoded.crossOrigin = crossOrigin;
  if (typeof topOrigin === 'string') decoded.topOrigin = topOrigin;
  if (tokenBinding !== undefined) decoded.tokenBinding = tokenBinding;
  return decoded;
}

/** Decodes base64url clientDataJSON. It must be a JSON object with string type, challenge and origin. */
export function decodeClientData(value: string, field = 'clientDataJSON'): DecodedClientData {
  const parsed = parseJsonObject(base64urlBytes(value, 'clientDataJSON', field));
  if (!parsed.ok) throw decodeError('clientDataJSON', parsed.reason, field);
  const decoded = clientDataFrom(parsed.value);
  if (!decoded) throw decodeError('clientDataJSON', 'it has no string type, challenge and origin', field);
  return decoded;
}

/** For identification: clientDataJSON or null, never a throw. */
export function tryClientData(bytes: Uint8Array): DecodedClientData | null {
  const parsed = parseJsonObject(bytes);
  return parsed.ok ? clientDataFrom(parsed.value) : null;
}
