const MAX_DEPTH = 16;

/**
 * Turns decoded CBOR (Maps, byte strings, bigints) into plain JSON: bytes become base64url
 * strings, Map keys strings. Deeper than 16 levels becomes "[too deep]".
 */
export function toJsonSafe(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return '[too deep]';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64url');
  if (Array.isArray(value)) return value.map((item) => toJsonSafe(item, depth + 1));
  if (value instanceof Map) {
    const object: Record<string, unknown> = {};
    for (const [key, item] of value) object[String(key)] = toJsonSafe(item, depth + 1);
    return object;
  }
  if (typeof value === 'object') {
    const object: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) object[key] = toJsonSafe(item, depth + 1);
    return object;
  }
  return undefined;
}
