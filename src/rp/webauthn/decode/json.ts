import type { JsonRecord } from '../../../shared/decoded.js';
import { kindOf } from './errors.js';

// Throws on malformed UTF-8. Stateless between calls (no `stream`), so one serves every request.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses UTF-8 JSON text into an object, or returns why not. */
export function parseJsonObject(bytes: Uint8Array): { ok: true; value: JsonRecord } | { ok: false; reason: string } {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not UTF-8 text' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: `it is JSON but ${kindOf(value)}, not an object` };
  // JSON.parse yields only JSON values.
  return { ok: true, value: value as JsonRecord };
}
