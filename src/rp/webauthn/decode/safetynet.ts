import type { JsonRecord } from '../../../shared/decoded.js';
import { parseJsonObject } from './json.js';

/**
 * An android-safetynet attStmt.response: a compact JWS whose header carries the certificate
 * chain (x5c, standard base64 DER) and whose payload is the SafetyNet verdict. Null when it is
 * not one.
 */
export function safetyNetJws(response: unknown): { x5c: Uint8Array[]; payload: JsonRecord | null } | null {
  if (!(response instanceof Uint8Array)) return null;
  const parts = Buffer.from(response).toString('utf8').split('.');
  if (parts.length !== 3) return null;
  const json = (part: string): JsonRecord | null => {
    const parsed = parseJsonObject(new Uint8Array(Buffer.from(part, 'base64url')));
    return parsed.ok ? parsed.value : null;
  };
  const header = json(parts[0] ?? '');
  if (!header) return null;
  const x5c = Array.isArray(header.x5c) ? header.x5c.filter((cert): cert is string => typeof cert === 'string') : [];
  return { x5c: x5c.map((cert) => new Uint8Array(Buffer.from(cert, 'base64'))), payload: json(parts[1] ?? '') };
}
